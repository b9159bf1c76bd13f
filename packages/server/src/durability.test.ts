// Acknowledged writes survive, each with its event: the real server (the built dist, real HTTP) is killed with
// SIGKILL in the middle of a stream of check-ins, started again on the same data, and every
// check-in it answered 201 to must be there. Also: a clean SIGTERM restart keeps everything.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { freePort } from './testing/freePort.js';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { storeKinds } from './testing/testStores.js';
import { openStore } from './store/database.js';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

interface Running { child: ChildProcess; base: string; exited: Promise<number | null> }

async function startServer(env: Record<string, string>): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN], { env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', VARDE_DEMO: '0' }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (d) => { stderr += String(d); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try { if ((await fetch(`${base}/api/v1/health`)).ok) return { child, base, exited }; } catch { /* not up yet */ }
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server did not start: ${stderr}`);
}

async function call(base: string, cookie: string, method: string, url: string, body?: unknown): Promise<{ status: number; body: any; cookie: string }> {
  const res = await fetch(`${base}${url}`, {
    method, headers: { ...(body ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined, cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]! };
}

async function plan(base: string): Promise<{ cookie: string; keyResultId: string; objectiveId: string }> {
  const setup = await call(base, '', 'POST', '/api/v1/setup', { organisationName: 'Holdbar', admin: { name: 'Ada', email: 'ada@example.no', password: 'a long enough password' } });
  expect(setup.status).toBe(201);
  const cookie = setup.cookie;
  const root = (await call(base, cookie, 'GET', '/api/v1/units')).body.items[0];
  const cycle = (await call(base, cookie, 'GET', '/api/v1/periods?kind=cycle')).body.items[0];
  const objective = await call(base, cookie, 'POST', '/api/v1/objectives', { status: 'active', unitId: root.id, periodId: cycle.id, title: 'Ingen tapte innsjekker' });
  const kr = await call(base, cookie, 'POST', '/api/v1/key-results', { objectiveId: objective.body.id, title: 'Innsjekker', type: 'increase', start: 0, target: 10_000 });
  expect(kr.status).toBe(201);
  return { cookie, keyResultId: kr.body.id, objectiveId: objective.body.id };
}

/** What the database holds of the check-ins and the objective's edits, and of their events, read
 *  with a store of its own beside the running server. */
async function storedWithEvents(env: Record<string, string>, keyResultId: string, objectiveId: string) {
  const store = await openStore({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.VARDE_DATA_DIR });
  try {
    const checkIns = (await store.db.selectFrom('check_ins').select('id').where('key_result_id', '=', keyResultId).execute()).map((r) => r.id);
    const objective = await store.db.selectFrom('objectives').select(['version', 'title']).where('id', '=', objectiveId).executeTakeFirstOrThrow();
    const events = await store.db.selectFrom('events').select(['seq', 'type', 'subject_id', 'changes']).orderBy('seq').execute();
    return { checkIns, objective, events: events.map((e) => ({ ...e, seq: Number(e.seq) })) };
  } finally {
    await store.close();
  }
}

async function allCheckIns(base: string, cookie: string, keyResultId: string): Promise<Set<string>> {
  const ids = new Set<string>();
  let cursor: string | null = null;
  do {
    const page = await call(base, cookie, 'GET', `/api/v1/key-results/${keyResultId}/check-ins?limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    for (const c of page.body.items) ids.add(c.id);
    cursor = page.body.nextCursor;
  } while (cursor);
  return ids;
}

describe.each(storeKinds())('durability on %s', (kind) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => { for (const c of cleanups) await c(); });

  async function environment(): Promise<Record<string, string>> {
    if (kind === 'sqlite') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-kill-'));
      cleanups.push(async () => fs.rmSync(dir, { recursive: true, force: true }));
      return { VARDE_DATA_DIR: dir, DATABASE_URL: '' };
    }
    const url = new URL(process.env.DATABASE_URL!);
    const adminUrl = url.toString();
    const name = `varde_kill_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    cleanups.push(async () => {
      // Not url: it points at the database being dropped by the time this runs.
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    });
    url.pathname = `/${name}`;
    return { DATABASE_URL: url.toString() };
  }

  it('keeps every acknowledged check-in and edit, each with its event and no event without its change, through kill -9', async () => {
    const env = await environment();
    const first = await startServer(env);
    const { cookie, keyResultId, objectiveId } = await plan(first.base);

    const acknowledged: string[] = [];
    const acknowledgedTitles: string[] = [];
    let stop = false;
    // Edits of the objective between the check-ins, one at a time, each with the version it read.
    const editor = (async () => {
      for (let i = 0; !stop; i++) {
        try {
          const { body } = await call(first.base, cookie, 'GET', `/api/v1/objectives/${objectiveId}`);
          const res = await call(first.base, cookie, 'PATCH', `/api/v1/objectives/${objectiveId}`, { version: body.version, title: `Ingen tapte innsjekker ${i}` });
          if (res.status === 200) acknowledgedTitles.push(res.body.title);
        } catch { return; }
      }
    })();
    const writers = Array.from({ length: 8 }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        try {
          const res = await call(first.base, cookie, 'POST', `/api/v1/key-results/${keyResultId}/check-ins`, { value: w * 1000 + i, confidence: 7 });
          if (res.status === 201) acknowledged.push(res.body.id);
        } catch { return; /* the server is gone */ }
      }
    });
    // Kill at a random moment once the stream is well under way, however loaded the machine is.
    for (let waited = 0; acknowledged.length < 60 && waited < 20_000; waited += 20) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, Math.random() * 300));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all([...writers, editor]);
    await first.exited;
    expect(acknowledged.length).toBeGreaterThan(50);
    expect(acknowledgedTitles.length).toBeGreaterThan(0);

    // Every acknowledged change has its event, and no event lacks its change: the events of the
    // check-ins are those of the stored check-ins, one each; the objective has one changed event per
    // edit that landed (its version counts them), each acknowledged title among them.
    const held = await storedWithEvents(env, keyResultId, objectiveId);
    const checkedIn = held.events.filter((e) => e.type === 'keyResult.checkedIn').map((e) => e.subject_id);
    expect(new Set(checkedIn).size).toBe(checkedIn.length);
    expect(new Set(checkedIn)).toEqual(new Set(held.checkIns));
    const edits = held.events.filter((e) => e.type === 'objective.changed' && e.subject_id === objectiveId);
    expect(edits.length).toBe(held.objective.version - 1);
    const titles = edits.map((e) => (JSON.parse(e.changes) as Array<{ after: unknown }>)[0]!.after);
    for (const title of acknowledgedTitles) expect(titles).toContain(title);
    expect(titles.at(-1)).toBe(held.objective.title);
    expect(held.events.map((e) => e.seq)).toEqual(held.events.map((_, i) => i + 1));

    const second = await startServer(env);
    try {
      const login = await call(second.base, '', 'POST', '/api/v1/auth/login', { email: 'ada@example.no', password: 'a long enough password' });
      const stored = await allCheckIns(second.base, login.cookie, keyResultId);
      const lost = acknowledged.filter((id) => !stored.has(id));
      expect(lost).toEqual([]);
    } finally {
      second.child.kill('SIGKILL');
      await second.exited;
    }
  });

  it('shuts down cleanly on SIGTERM and finds everything after a restart', async () => {
    const env = await environment();
    const first = await startServer(env);
    const { cookie, keyResultId } = await plan(first.base);
    const checkIn = await call(first.base, cookie, 'POST', `/api/v1/key-results/${keyResultId}/check-ins`, { value: 4200, confidence: 6, comment: 'Før omstart' });
    expect(checkIn.status).toBe(201);
    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);

    const second = await startServer(env);
    try {
      const login = await call(second.base, '', 'POST', '/api/v1/auth/login', { email: 'ada@example.no', password: 'a long enough password' });
      const kr = await call(second.base, login.cookie, 'GET', `/api/v1/key-results/${keyResultId}`);
      expect(kr.body).toMatchObject({ current: 4200, confidence: 6, progress: 0.42 });
      // The session cookie from before the restart still works: sessions live in the database.
      expect((await call(second.base, cookie, 'GET', '/api/v1/me')).status).toBe(200);
    } finally {
      second.child.kill('SIGTERM');
      await second.exited;
    }
  });
});
