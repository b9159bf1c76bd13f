// Configuration from the environment, checked once at start with clear messages.
import { isIP } from 'node:net';
import { z } from 'zod';

const seconds = (fallback: number) => z.coerce.number().int('must be a whole number of seconds').min(60, 'must be at least 60 seconds').default(fallback);

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  // Loopback unless told otherwise: a fresh install is reachable from this machine only.
  HOST: z.string().min(1, 'must not be empty').default('127.0.0.1'),
  VARDE_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional().or(z.literal('').transform(() => undefined)),
  // Unset and '1' both seed the demo into an empty database; only an explicit '1' lets a demo
  // organisation be served beyond loopback (its accounts' password is public).
  VARDE_DEMO: z.enum(['0', '1']).optional(),
  VARDE_SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  VARDE_SESSION_IDLE: seconds(43_200),
  VARDE_SESSION_MAX: seconds(30 * 86_400),
  VARDE_TRUST_PROXY: z.string().default('').transform((value, ctx) => {
    const entries = value.split(',').map((s) => s.trim()).filter(Boolean);
    for (const entry of entries) {
      const [address, bits, ...rest] = entry.split('/');
      const version = isIP(address ?? '');
      const maxBits = version === 6 ? 128 : 32;
      if (!version || rest.length > 0 || (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= maxBits))) {
        ctx.addIssue({ code: 'custom', message: `"${entry}" is not an IP address or a CIDR range (e.g. 10.0.0.1 or 10.0.0.0/8)` });
      }
    }
    return entries;
  }),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number; host: string; dataDir: string; databaseUrl: string | undefined;
  /** Seed the demo organisation into an empty database. */
  demo: boolean;
  /** VARDE_DEMO=1 was set explicitly: the demo may be served beyond loopback. */
  demoExplicit: boolean;
  secureCookies: boolean; logLevel: string;
  sessionIdleSeconds: number; sessionMaxSeconds: number;
  /** Addresses and CIDR ranges whose X-Forwarded-* headers are believed; none by default. */
  trustProxy: string[];
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Varde cannot start; fix these environment variables:\n${lines}`);
  }
  const e = parsed.data;
  if (e.VARDE_SESSION_IDLE > e.VARDE_SESSION_MAX) {
    throw new Error('Varde cannot start; fix these environment variables:\n  VARDE_SESSION_IDLE: must not be longer than VARDE_SESSION_MAX');
  }
  return {
    port: e.PORT, host: e.HOST, dataDir: e.VARDE_DATA_DIR, databaseUrl: e.DATABASE_URL,
    demo: e.VARDE_DEMO !== '0', demoExplicit: e.VARDE_DEMO === '1',
    secureCookies: e.VARDE_SECURE_COOKIES === '1', logLevel: e.LOG_LEVEL,
    sessionIdleSeconds: e.VARDE_SESSION_IDLE, sessionMaxSeconds: e.VARDE_SESSION_MAX, trustProxy: e.VARDE_TRUST_PROXY,
  };
}

/** Whether an address Varde listens on is reachable only from this machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127(\.\d{1,3}){3}$/.test(h);
}
