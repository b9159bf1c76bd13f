// What Varde believes about the connection: HTTPS and the client's address only from trusted
// proxies, the session cookie that fits, changes only from its own origin, and sockets that do
// not hang on slow clients.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientOf, startTestApp, type TestApp } from '../testing/testApp.js';
import { openTestStore, storeKinds } from '../testing/testStores.js';
import { defaultSecurity } from '../app/context.js';
import { composeDeps } from '../composition.js';
import { SetupToken } from '../auth/setupToken.js';
import { expectProblem, readViews } from '../testing/apiChecks.js';
import { buildApp } from './buildApp.js';

const PASSWORD = 'a long enough password';
const PROXY = '10.0.0.7';

describe.each(storeKinds())('transport on %s', (kind) => {
  let t: TestApp;
  let plainCookie: string;

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z', { trustProxy: [PROXY, '192.168.0.0/16'] });
    expect((await t.anonymous.post('/api/v1/setup', { organisationName: 'Transport', admin: { name: 'Ada Admin', email: 'ada@example.no', password: PASSWORD } })).status).toBe(201);
    plainCookie = (await t.signIn('ada@example.no', PASSWORD)).cookie;
  });
  afterAll(async () => { await t?.close(); });

  const login = (remoteAddress: string, headers: Record<string, string> = {}, email = 'ada@example.no', password = PASSWORD) =>
    t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress, headers, payload: { email, password } });

  it('sets the __Host- cookie with Secure when a trusted proxy says the request came over HTTPS', async () => {
    const res = await login(PROXY, { 'x-forwarded-proto': 'https' });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^__Host-varde_session=[^;]+; /);
    expect(setCookie).toMatch(/; Secure/);
    expect(setCookie).toMatch(/; Path=\//);
    expect(setCookie).toMatch(/; HttpOnly/);
    expect(setCookie).toMatch(/; SameSite=Lax/);
    expect(setCookie).not.toMatch(/Domain=/i);
    const cookie = setCookie.split(';')[0]!;
    const me = (headers: Record<string, string>, remoteAddress = PROXY) => t.app.inject({ method: 'GET', url: '/api/v1/me', remoteAddress, headers });
    expect((await me({ cookie, 'x-forwarded-proto': 'https' })).statusCode).toBe(200);
    // The plain-HTTP name does not authenticate an HTTPS request, nor the reverse.
    expect((await me({ cookie: plainCookie, 'x-forwarded-proto': 'https' })).statusCode).toBe(401);
    expect((await me({ cookie })).statusCode).toBe(401);
  });

  it('ignores X-Forwarded-* from an address it does not trust', async () => {
    const res = await login('198.51.100.20', { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.50' });
    expect(res.statusCode).toBe(200);
    const setCookie = String(res.headers['set-cookie']);
    expect(setCookie).toMatch(/^varde_session=/);
    expect(setCookie).not.toMatch(/Secure/);
  });

  it('counts failed sign-ins by the client address a trusted proxy names, and by the peer otherwise', async () => {
    await login('192.168.4.4', { 'x-forwarded-for': '203.0.113.60' }, 'nobody@example.no', 'not the password');
    await login('198.51.100.21', { 'x-forwarded-for': '203.0.113.61' }, 'nobody@example.no', 'not the password');
    const addresses = (await t.deps.store.db.selectFrom('sign_in_failures').select('address').where('email', '=', 'nobody@example.no').orderBy('at').execute()).map((r) => r.address);
    expect(addresses.sort()).toEqual(['198.51.100.21', '203.0.113.60']);
  });

  it('uses the __Host- cookie over plain HTTP too when VARDE_SECURE_COOKIES=1', async () => {
    const secure = await startTestApp(kind, '2026-11-25T10:00:00Z', { secureCookies: true });
    try {
      const res = await secure.anonymous.post('/api/v1/setup', { organisationName: 'Sikker', admin: { name: 'Ada Admin', email: 'ada@example.no', password: PASSWORD } });
      expect(res.status).toBe(201);
      expect(String(res.headers['set-cookie'])).toMatch(/^__Host-varde_session=[^;]+;.*; Secure/);
    } finally {
      await secure.close();
    }
  });

  describe('the Origin check', () => {
    const views = { units: '/api/v1/units?limit=500' };
    const addUnit = async (headers: Record<string, string>) => {
      const root = (await t.app.inject({ method: 'GET', url: '/api/v1/units', headers: { cookie: plainCookie } })).json().items[0].id;
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/units', headers: { cookie: plainCookie, ...headers }, payload: { parentId: root, name: `Enhet ${Math.random()}` } });
      return { status: res.statusCode, body: res.json(), headers: res.headers };
    };
    const admin = () => clientOf(t.app, plainCookie);

    it('refuses a cookie-authenticated change from a foreign origin, and changes nothing', async () => {
      for (const headers of [{ origin: 'https://evil.example' }, { origin: 'http://localhost.evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }, { 'sec-fetch-site': 'same-site' }]) {
        const before = await readViews(admin(), views);
        expectProblem(await addUnit(headers), 403, `a change with ${JSON.stringify(headers)}`);
        expect(await readViews(admin(), views)).toEqual(before);
      }
      const logout = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie: plainCookie, origin: 'https://evil.example' } });
      expect(logout.statusCode, 'a forged sign-out').toBe(403);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: plainCookie, origin: 'https://evil.example' } })).statusCode, 'reading is not a change').toBe(200);
    });

    it('refuses a sign-in or a set-up another site sends, with or without a cookie', async () => {
      const signIn = (headers: Record<string, string>) => t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: '192.0.2.77', headers, payload: { email: 'ada@example.no', password: PASSWORD } });
      const forged = await signIn({ origin: 'https://evil.example' });
      expect(forged.statusCode, 'a forged sign-in').toBe(403);
      expect(forged.headers['set-cookie']).toBeUndefined();
      expect((await signIn({ 'sec-fetch-site': 'cross-site' })).statusCode).toBe(403);
      const setUp = await t.app.inject({ method: 'POST', url: '/api/v1/setup', headers: { origin: 'https://evil.example' }, payload: { organisationName: 'Falsk', admin: { name: 'Eve', email: 'eve@example.no', password: 'a long enough password' } } });
      expect(setUp.statusCode, 'a forged set-up').toBe(403);
      // From its own origin, or from a script that names none, signing in works as before.
      expect((await signIn({ origin: 'http://localhost' })).statusCode).toBe(200);
      expect((await signIn({})).statusCode).toBe(200);
    });

    it('lets changes through from its own origin, from a browser that names none, and from scripts', async () => {
      // inject's Host is localhost:80; a browser writes that origin without the default port.
      for (const headers of [{ origin: 'http://localhost' }, { origin: 'http://localhost:80' }, { 'sec-fetch-site': 'same-origin' }, { 'sec-fetch-site': 'none' }, {}]) {
        expect((await addUnit(headers)).status, JSON.stringify(headers)).toBe(201);
      }
      // Through a trusted proxy, the origin is the one the proxy was reached at.
      const root = (await t.app.inject({ method: 'GET', url: '/api/v1/units', headers: { cookie: plainCookie } })).json().items[0].id;
      const viaProxy = (origin: string) => t.app.inject({
        method: 'POST', url: '/api/v1/units', remoteAddress: PROXY,
        headers: { cookie: plainCookie, origin, 'x-forwarded-proto': 'http', 'x-forwarded-host': 'varde.example.no' },
        payload: { parentId: root, name: `Enhet ${Math.random()}` },
      });
      expect((await viaProxy('http://varde.example.no')).statusCode).toBe(201);
      expect((await viaProxy('http://localhost')).statusCode).toBe(403);
    });
  });
});

describe('server timeouts', () => {
  it('cuts off a client that sends its headers too slowly', async () => {
    const testStore = await openTestStore('sqlite');
    const store = testStore.store;
    const app = await buildApp(composeDeps(store, { now: () => new Date() }, { ...defaultSecurity, setupToken: new SetupToken() }), {
      webRoot: null, timeouts: { headersTimeout: 300, requestTimeout: 600, checkInterval: 100 },
    });
    try {
      await app.listen({ host: '127.0.0.1', port: 0 });
      const { port } = app.server.address() as net.AddressInfo;
      const started = Date.now();
      const outcome = await new Promise<{ answer: string; closedAfter: number }>((resolve, reject) => {
        const socket = net.connect(port, '127.0.0.1');
        let answer = '';
        let sent = 0;
        const header = 'GET /api/v1/health HTTP/1.1\r\nHost: localhost\r\nX-Slow: ' + 'a'.repeat(200);
        const drip = setInterval(() => { if (sent < header.length) socket.write(header[sent++]!); }, 20);
        socket.on('data', (d) => { answer += String(d); });
        socket.on('close', () => { clearInterval(drip); resolve({ answer, closedAfter: Date.now() - started }); });
        socket.on('error', () => { /* the close that follows answers */ });
        setTimeout(() => { clearInterval(drip); socket.destroy(); reject(new Error('the slow client was not cut off within 3 s')); }, 3_000).unref();
      });
      expect(outcome.closedAfter).toBeLessThan(3_000);
      expect(outcome.answer === '' || outcome.answer.startsWith('HTTP/1.1 408')).toBe(true);
    } finally {
      await app.close();
      await store.close();
      await testStore.drop();
    }
  }, 10_000);
});
