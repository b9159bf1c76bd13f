// Sessions end: after the idle limit without a request, and at the absolute limit whatever
// happens; they end everywhere on request; ended ones are deleted by the sweeper.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientOf, startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem } from '../testing/apiChecks.js';
import { createSweeper } from '../jobs/sweeper.js';
import { sessionId } from './sessionTokens.js';

const PASSWORD = 'a long enough password';
const HOUR = 3_600_000;
const START = '2026-11-25T10:00:00.000Z';

describe.each(storeKinds())('sessions on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let miaId: string;

  beforeAll(async () => {
    // One hour idle, one day at most: short enough to walk through with the test clock.
    t = await startTestApp(kind, START, { sessionIdleSeconds: 3600, sessionMaxSeconds: 86_400 });
    expect((await t.anonymous.post('/api/v1/setup', { organisationName: 'Økter', admin: { name: 'Ada Admin', email: 'ada@example.no', password: PASSWORD } })).status).toBe(201);
    admin = await t.signIn('ada@example.no', PASSWORD);
    miaId = (await admin.post('/api/v1/people', { name: 'Mia Medlem', email: 'mia@example.no', password: PASSWORD })).body.id;
  });
  afterAll(async () => { await t?.close(); });

  const fresh = async () => { t.clock.set(START); admin = await t.signIn('ada@example.no', PASSWORD); };
  const tokenOf = (client: Client) => client.cookie.split('=')[1]!;
  const lastSeen = async (client: Client) => (await t.deps.store.db.selectFrom('sessions').select(['last_seen_at', 'expires_at'])
    .where('id', '=', sessionId(tokenOf(client))).executeTakeFirst());

  it('ends a session left unused for longer than the idle limit', async () => {
    await fresh();
    const mia = await t.signIn('mia@example.no', PASSWORD);
    expect((await mia.get('/api/v1/me')).status).toBe(200);
    t.clock.advance(HOUR - 1000);
    expect((await mia.get('/api/v1/me')).status).toBe(200);
    t.clock.advance(HOUR + 1000);
    expectProblem(await mia.get('/api/v1/me'), 401, 'after an hour unused');
  });

  it('keeps a session in use alive past the idle limit, writing last_seen_at at most once a minute', async () => {
    await fresh();
    const mia = await t.signIn('mia@example.no', PASSWORD);
    expect((await lastSeen(mia))?.last_seen_at).toBe(START);
    t.clock.advance(30_000);
    expect((await mia.get('/api/v1/me')).status).toBe(200);
    t.clock.advance(20_000);
    expect((await mia.get('/api/v1/me')).status).toBe(200);
    expect((await lastSeen(mia))?.last_seen_at, 'not written within the minute').toBe(START);
    t.clock.advance(15_000);
    expect((await mia.get('/api/v1/me')).status).toBe(200);
    expect((await lastSeen(mia))?.last_seen_at).toBe(new Date(Date.parse(START) + 65_000).toISOString());
    for (let i = 0; i < 6; i++) {
      t.clock.advance(HOUR / 2);
      expect((await mia.get('/api/v1/me')).status, `after ${(i + 1) / 2} hours`).toBe(200);
    }
  });

  it('ends a session at the absolute limit even while it is used', async () => {
    await fresh();
    const signIn = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'mia@example.no', password: PASSWORD } });
    expect(signIn.json().expiresAt).toBe('2026-11-26T10:00:00.000Z');
    expect(String(signIn.headers['set-cookie'])).toContain('Expires=Thu, 26 Nov 2026 10:00:00 GMT');
    const mia = clientOf(t.app, String(signIn.headers['set-cookie']).split(';')[0]!);
    for (let i = 0; i < 47; i++) {
      t.clock.advance(HOUR / 2);
      expect((await mia.get('/api/v1/me')).status).toBe(200);
    }
    t.clock.advance(HOUR / 2);
    expectProblem(await mia.get('/api/v1/me'), 401, 'after a day');
  });

  it('does not remember a session past its absolute end, even for the cache\'s few seconds', async () => {
    const short = await startTestApp(kind, START, { sessionIdleSeconds: 3600, sessionMaxSeconds: 3 });
    try {
      await short.anonymous.post('/api/v1/setup', { organisationName: 'Kort', admin: { name: 'Ada Admin', email: 'ada@example.no', password: PASSWORD } });
      const ada = await short.signIn('ada@example.no', PASSWORD);
      short.clock.advance(2_000);
      expect((await ada.get('/api/v1/me')).status).toBe(200);
      short.clock.advance(1_500);
      expectProblem(await ada.get('/api/v1/me'), 401, 'past the end, inside the cache time');
    } finally {
      await short.close();
    }
  });

  it('replaces the session the browser had when it signs in again', async () => {
    await fresh();
    const first = await t.signIn('mia@example.no', PASSWORD);
    const again = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', headers: { cookie: first.cookie }, payload: { email: 'mia@example.no', password: PASSWORD } });
    expect(again.statusCode).toBe(200);
    const second = clientOf(t.app, String(again.headers['set-cookie']).split(';')[0]!);
    expectProblem(await first.get('/api/v1/me'), 401, 'the replaced session');
    expect((await second.get('/api/v1/me')).status).toBe(200);
  });

  it('signs a person out everywhere, and nobody else', async () => {
    await fresh();
    const [laptop, phone] = [await t.signIn('mia@example.no', PASSWORD), await t.signIn('mia@example.no', PASSWORD)];
    const out = await laptop.post('/api/v1/auth/logout-everywhere');
    expect(out.status).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/varde_session=;/);
    expectProblem(await laptop.get('/api/v1/me'), 401, 'the laptop');
    expectProblem(await phone.get('/api/v1/me'), 401, 'the phone');
    expect((await admin.get('/api/v1/me')).status).toBe(200);
    expectProblem(await t.anonymous.post('/api/v1/auth/logout-everywhere'), 401, 'without a session');
  });

  it('lets an admin end all sessions of a person, and only an admin', async () => {
    await fresh();
    const [laptop, phone] = [await t.signIn('mia@example.no', PASSWORD), await t.signIn('mia@example.no', PASSWORD)];
    expectProblem(await laptop.del(`/api/v1/people/${miaId}/sessions`), 403, 'mia ending her own sessions by the admin route');
    expect((await phone.get('/api/v1/me')).status).toBe(200);
    expectProblem(await admin.del('/api/v1/people/0190a0b0-0000-7000-8000-000000000000/sessions'), 404, 'an unknown person');
    expect((await admin.del(`/api/v1/people/${miaId}/sessions`)).status).toBe(204);
    expectProblem(await laptop.get('/api/v1/me'), 401, 'the laptop');
    expectProblem(await phone.get('/api/v1/me'), 401, 'the phone');
    expect((await admin.get('/api/v1/me')).status).toBe(200);
  });

  it('sweeps away ended sessions and failed sign-ins older than the window, and nothing else', async () => {
    await fresh();
    const db = t.deps.store.db;
    await db.deleteFrom('sessions').execute();
    await db.deleteFrom('sign_in_failures').execute();
    const idle = await t.signIn('mia@example.no', PASSWORD);
    t.clock.advance(2 * HOUR);
    await t.anonymous.post('/api/v1/auth/login', { email: 'nobody@example.no', password: 'not the password' });
    const live = await t.signIn('mia@example.no', PASSWORD);
    t.clock.advance(20 * 60_000);
    await t.anonymous.post('/api/v1/auth/login', { email: 'nobody@example.no', password: 'not the password' });
    // The absolute end: a session used all along, past its day.
    await db.insertInto('sessions').values({ id: 'ended-at-its-end', org_id: (await db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id, person_id: miaId,
      created_at: '2026-11-24T00:00:00.000Z', expires_at: t.clock.now().toISOString(), last_seen_at: t.clock.now().toISOString() }).execute();

    const sweeper = createSweeper(t.deps);
    expect(await sweeper.sweep()).toEqual({ sessions: 2, signInFailures: 1, trash: 0 });
    const sessions = (await db.selectFrom('sessions').select('id').execute()).map((r) => r.id);
    expect(sessions).toEqual([sessionId(tokenOf(live))]);
    expect(sessions).not.toContain(sessionId(tokenOf(idle)));
    expect(await db.selectFrom('sign_in_failures').select('at').execute()).toEqual([{ at: t.clock.now().toISOString() }]);
    expect(await sweeper.sweep()).toEqual({ sessions: 0, signInFailures: 0, trash: 0 });
    sweeper.start();
    await sweeper.stop();
  });
});
