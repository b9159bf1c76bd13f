// Liveness and readiness: /api/v1/health answers without a session, and checks the database.
import { z } from 'zod';
import { sql } from 'kysely';
import type { RoutePlugin } from './types.js';

const Health = z.object({ status: z.enum(['ok', 'unavailable']), database: z.enum(['sqlite', 'postgres']), version: z.string() });

export const healthRoutes: RoutePlugin = (app, deps) => {
  const check = async () => {
    try { await sql`select 1`.execute(deps.store.db); return true; } catch { return false; }
  };
  const handler = async (_req: unknown, reply: { code(n: number): unknown }) => {
    const ok = await check();
    if (!ok) reply.code(503);
    return { status: ok ? 'ok' as const : 'unavailable' as const, database: deps.store.dialect, version: '0.1.0' };
  };
  app.get('/api/v1/health', { config: { public: true }, schema: { tags: ['health'], summary: 'Is the service up and its database reachable', response: { 200: Health, 503: Health } } }, handler);
  app.get('/healthz', { config: { public: true }, schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { config: { public: true }, schema: { hide: true, response: { 200: Health, 503: Health } } }, handler);
};
