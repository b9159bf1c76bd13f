// Configuration from the environment, checked once at start with clear messages.
import { z } from 'zod';

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  VARDE_DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional().or(z.literal('').transform(() => undefined)),
  VARDE_DEMO: z.enum(['0', '1']).default('1'),
  VARDE_SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  port: number; host: string; dataDir: string; databaseUrl: string | undefined;
  demo: boolean; secureCookies: boolean; logLevel: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Env.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Varde cannot start; fix these environment variables:\n${lines}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT, host: e.HOST, dataDir: e.VARDE_DATA_DIR, databaseUrl: e.DATABASE_URL,
    demo: e.VARDE_DEMO === '1', secureCookies: e.VARDE_SECURE_COOKIES === '1', logLevel: e.LOG_LEVEL,
  };
}
