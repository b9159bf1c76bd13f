// Sign-in limits through the API, counted in the database, and the security events in the log.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem } from '../testing/apiChecks.js';
import type { Answer } from '../testing/testApp.js';

const PASSWORD = 'a long enough password';
const START = '2026-11-25T10:00:00.000Z';

describe.each(storeKinds())('sign-in limits on %s', (kind) => {
  let t: TestApp;
  const lines: string[] = [];

  beforeAll(async () => {
    const stream = new Writable({ write(chunk, _encoding, done) { lines.push(...String(chunk).split('\n').filter(Boolean)); done(); } });
    t = await startTestApp(kind, START, {}, { logger: { level: 'info', stream } });
    expect((await t.anonymous.post('/api/v1/setup', { organisationName: 'Grenser', admin: { name: 'Ada Admin', email: 'ada@example.no', password: PASSWORD } })).status).toBe(201);
    const admin = await t.signIn('ada@example.no', PASSWORD);
    expect((await admin.post('/api/v1/people', { name: 'Mia Medlem', email: 'mia@example.no', password: PASSWORD })).status).toBe(201);
  });
  afterAll(async () => { await t?.close(); });

  const attempt = async (email: string, password: string, address = '198.51.100.1'): Promise<Answer> => {
    const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: address, payload: { email, password } });
    return { status: res.statusCode, body: res.json(), headers: res.headers };
  };
  const events = () => lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((l) => l.event === 'security');

  it('refuses an e-mail address after five failures, with Retry-After, even with the right password, until the window has passed', async () => {
    const statuses: number[] = [];
    let locked: Answer | undefined;
    for (let i = 0; i < 30; i++) {
      const res = await attempt('mia@example.no', `guess number ${i}`);
      statuses.push(res.status);
      if (res.status === 429) locked ??= res;
      t.clock.advance(10_000);
    }
    expect(statuses).toEqual([...Array(5).fill(401), ...Array(25).fill(429)]);
    // The first failure came at START; the first refusal 50 s later waits the rest of 15 minutes.
    expect(locked!.headers['retry-after']).toBe(String(15 * 60 - 50));
    expectProblem(locked!, 429, 'locked out', { fields: ['email'] });
    expect(locked!.body.errors[0].code).toBe('too_many_attempts');

    const right = await attempt('mia@example.no', PASSWORD);
    expectProblem(right, 429, 'the right password while locked out');
    expect(Number(right.headers['retry-after'])).toBe(15 * 60 - 300);
    // Another client address does not help either: the limit is the account's.
    expect((await attempt('mia@example.no', PASSWORD, '198.51.100.2')).status).toBe(429);
    expect(await t.deps.store.db.selectFrom('sign_in_failures').select('id').where('email', '=', 'mia@example.no').execute()).toHaveLength(5);

    t.clock.set(new Date(Date.parse(START) + 15 * 60_000 + 1));
    expect((await attempt('mia@example.no', PASSWORD)).status).toBe(200);
  });

  it('starts counting again after a success', async () => {
    t.clock.advance(60 * 60_000);
    for (let i = 0; i < 4; i++) expect((await attempt('ada@example.no', 'not the password', '198.51.100.3')).status).toBe(401);
    expect((await attempt('ada@example.no', PASSWORD, '198.51.100.3')).status).toBe(200);
    for (let i = 0; i < 5; i++) expect((await attempt('ada@example.no', 'not the password', '198.51.100.3')).status, `failure ${i + 1} after the success`).toBe(401);
    expect((await attempt('ada@example.no', 'not the password', '198.51.100.3')).status).toBe(429);
  });

  it('refuses a client address after twenty failures, whichever e-mail addresses it tries', async () => {
    t.clock.advance(60 * 60_000);
    const address = '203.0.113.9';
    for (let n = 0; n < 4; n++) {
      for (let i = 0; i < 5; i++) expect((await attempt(`nobody${n}@example.no`, 'not the password', address)).status).toBe(401);
    }
    const stopped = await attempt('mia@example.no', PASSWORD, address);
    expectProblem(stopped, 429, 'a fifth e-mail address from the same client address');
    expect(stopped.body.detail).toMatch(/from this address/);
    expect(Number(stopped.headers['retry-after'])).toBe(15 * 60);
    expect((await attempt('mia@example.no', PASSWORD, '203.0.113.10')).status, 'from another address').toBe(200);
    t.clock.advance(15 * 60_000);
    expect((await attempt('mia@example.no', PASSWORD, address)).status, 'once the window has passed').toBe(200);
  });

  it('lets a burst of guesses sent all at once have no more tries than the limit', async () => {
    t.clock.advance(60 * 60_000);
    const burst = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt('mia@example.no', `burst guess ${i}`, `192.0.2.${i + 1}`)));
    const statuses = burst.map((a) => a.status);
    // At most five are tried (fewer when the burst's attempts all see each other before any is
    // tried, as on PostgreSQL with several connections); every other one is refused untried.
    const tried = statuses.filter((s) => s === 401).length;
    expect(tried).toBeLessThanOrEqual(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(30 - tried);
    // The refused ones were never tried, so they do not count.
    expect(await t.deps.store.db.selectFrom('sign_in_failures').select('id').where('email', '=', 'mia@example.no').execute()).toHaveLength(tried);
    t.clock.advance(15 * 60_000);
    expect((await attempt('mia@example.no', PASSWORD)).status).toBe(200);
  });

  it('logs sign-ins, failures, lock-outs, refusals, set-up and sign-outs as security events, without passwords or tokens', async () => {
    t.clock.advance(60 * 60_000);
    const ada = await t.signIn('ada@example.no', PASSWORD);
    const mia = await t.signIn('mia@example.no', PASSWORD);
    const miaId = (await mia.get('/api/v1/me')).body.person.id;
    const adaId = (await ada.get('/api/v1/me')).body.person.id;
    expect((await mia.post('/api/v1/units', { parentId: miaId, name: 'Ikke lov' })).status).toBe(403);
    expect((await mia.post('/api/v1/auth/logout')).status).toBe(204);
    const mia2 = await t.signIn('mia@example.no', PASSWORD);
    expect((await mia2.post('/api/v1/auth/logout-everywhere')).status).toBe(204);
    expect((await ada.del(`/api/v1/people/${miaId}/sessions`)).status).toBe(204);

    const seen = events();
    const kinds = new Set(seen.map((e) => e.kind));
    for (const kind of ['set-up', 'sign-in', 'sign-in-failed', 'locked-out', 'forbidden', 'sign-out', 'sign-out-everywhere', 'sessions-ended']) expect(kinds, kind).toContain(kind);
    expect(seen.find((e) => e.kind === 'sign-in-failed')).toMatchObject({ email: 'mia@example.no', address: '198.51.100.1' });
    expect(seen.find((e) => e.kind === 'locked-out')).toMatchObject({ email: 'mia@example.no', address: '198.51.100.1', retryAfterSeconds: 850 });
    expect(seen.filter((e) => e.kind === 'forbidden').at(-1)).toMatchObject({ personId: miaId, method: 'POST', url: '/api/v1/units', address: '127.0.0.1' });
    expect(seen.find((e) => e.kind === 'sign-out')).toMatchObject({ personId: miaId });
    expect(seen.find((e) => e.kind === 'sign-out-everywhere')).toMatchObject({ personId: miaId, sessions: expect.any(Number) });
    expect(seen.find((e) => e.kind === 'sessions-ended')).toMatchObject({ personId: adaId, targetPersonId: miaId });
    expect(seen.filter((e) => e.kind === 'sign-in').at(-1)).toMatchObject({ personId: miaId, address: '127.0.0.1' });
    const all = lines.join('\n');
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toContain('guess number');
    for (const client of [ada, mia, mia2]) expect(all).not.toContain(client.cookie.split('=')[1]);
  });
});
