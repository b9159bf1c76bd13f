// Logs are read by more people than the data is, and kept longer: no password, session token or
// set-up token may reach them, whether from Fastify's own request lines or from a careless log
// call that writes a whole body or all the headers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultSecurity, type Deps } from '../app/context.js';
import { TestClock } from '../testing/testApp.js';
import { composeDeps } from '../composition.js';
import { SetupToken } from '../auth/setupToken.js';
import { openTestStore, storeKinds, type TestStore } from '../testing/testStores.js';
import { buildApp } from './buildApp.js';
import type { Api } from '../routes/types.js';

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'another long passphrase for later';
const SETUP_TOKEN = 'setup-token-3b9f41c7';

describe.each(storeKinds())('logs on %s', (kind) => {
  let testStore: TestStore;
  let app: Api;
  const lines: string[] = [];
  let cookie = '';

  beforeAll(async () => {
    testStore = await openTestStore(kind);
    const deps: Deps = composeDeps(testStore.store, new TestClock(new Date('2026-11-25T10:00:00Z')), { ...defaultSecurity, setupToken: new SetupToken() });
    app = await buildApp(deps, { logger: { level: 'info', stream: { write: (line: string) => { lines.push(line); } } } });
    // What a careless handler writes: the whole body and every header.
    app.post('/api/v1/test-only/careless-log', { config: { public: true } }, async (request) => {
      request.log.info({ headers: request.headers, body: request.body }, 'careless');
      request.log.info({ req: { headers: request.headers, body: request.body }, res: { headers: { 'set-cookie': request.headers.cookie } } }, 'careless, shaped like a request');
      return { ok: true };
    });
    await app.ready();

    const setup = await app.inject({
      method: 'POST', url: '/api/v1/setup',
      payload: { organisationName: 'Loggfri', language: 'nb', timeZone: 'Europe/Oslo', admin: { name: 'Ada', email: 'ada@example.no', password: PASSWORD } },
    });
    expect(setup.statusCode, setup.body).toBe(201);
    const login = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'ada@example.no', password: PASSWORD } });
    expect(login.statusCode, login.body).toBe(200);
    cookie = String(login.headers['set-cookie']).split(';')[0]!;
    expect(cookie).toMatch(/=.{16,}/);
    expect((await app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie, authorization: 'Bearer abc.def.ghi' } })).statusCode).toBe(200);
    await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'ada@example.no', password: NEW_PASSWORD } });
    await app.inject({
      method: 'POST', url: '/api/v1/test-only/careless-log', headers: { cookie, authorization: 'Bearer abc.def.ghi', 'x-setup-token': SETUP_TOKEN },
      payload: { password: PASSWORD, currentPassword: PASSWORD, newPassword: NEW_PASSWORD, setupToken: SETUP_TOKEN, admin: { password: PASSWORD }, deep: { password: PASSWORD } },
    });
  });
  afterAll(async () => {
    await app?.close();
    await testStore?.store.close();
    await testStore?.drop();
  });

  it('still logs every request as Fastify does', () => {
    const entries = lines.map((l) => JSON.parse(l) as { msg: string; req?: { url: string } });
    expect(entries.filter((e) => e.msg === 'incoming request').map((e) => e.req?.url)).toEqual(
      ['/api/v1/setup', '/api/v1/auth/login', '/api/v1/me', '/api/v1/auth/login', '/api/v1/test-only/careless-log']);
    expect(entries.filter((e) => e.msg === 'request completed')).toHaveLength(5);
    expect(entries.filter((e) => e.msg.startsWith('careless'))).toHaveLength(2);
  });

  it('holds no password, session token, set-up token or credentials header', () => {
    const log = lines.join('');
    const token = cookie.split('=')[1]!;
    for (const secret of [PASSWORD, NEW_PASSWORD, SETUP_TOKEN, token, 'abc.def.ghi']) expect(log).not.toContain(secret);
    expect(log).toContain('[Redacted]');
  });
});
