// Accounts people can manage, on every store: changing one's own password, an admin's one-time
// password and the forced change after it, deactivating and reactivating, the last admin, and
// old scrypt hashes upgraded to argon2id at sign-in.
import { randomBytes, scryptSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem } from '../testing/apiChecks.js';
import { insertPerson } from '../store/people.js';
import { newId } from '../store/ids.js';
import { TTL_MS } from '../auth/sessionCache.js';

const PASSWORD = 'a long enough password';

/** A hash in the format Varde wrote before argon2id (scrypt N=16384, r=8, p=1). */
function legacyScryptHash(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password.normalize('NFKC'), salt, 32, { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
  return `scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
}

describe.each(storeKinds())('accounts on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let adminId: string;
  let counter = 0;

  /** A new member with PASSWORD, and a client signed in as them. */
  async function member(): Promise<{ id: string; email: string; client: Client }> {
    const email = `person${++counter}@example.no`;
    const res = await admin.post('/api/v1/people', { name: `Person ${counter}`, email, password: PASSWORD });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return { id: res.body.id, email, client: await t.signIn(email, PASSWORD) };
  }

  const login = (email: string, password: string) => t.anonymous.post('/api/v1/auth/login', { email, password });
  const person = async (id: string) => (await admin.get(`/api/v1/people/${id}`)).body;

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z');
    const setup = await t.anonymous.post('/api/v1/setup', { organisationName: 'Konto', admin: { name: 'Ada Admin', email: 'ada@example.no', password: PASSWORD } });
    expect(setup.status).toBe(201);
    adminId = setup.body.personId;
    admin = await t.signIn('ada@example.no', PASSWORD);
  });
  afterAll(async () => { await t?.close(); });

  it('shows active, version and passwordChangeRequired on people', async () => {
    const { id } = await member();
    expect(await person(id)).toMatchObject({ active: true, passwordChangeRequired: false, version: 1 });
    const listed = (await admin.get('/api/v1/people')).body.items.find((p: { id: string }) => p.id === id);
    expect(listed).toMatchObject({ active: true, passwordChangeRequired: false, version: 1 });
    expect((await login('ada@example.no', PASSWORD)).body).toMatchObject({ passwordChangeRequired: false });
  });

  describe('changing one\'s own password', () => {
    it('ends the other sessions, keeps the current one, and the new password works', async () => {
      const m = await member();
      const other = await t.signIn(m.email, PASSWORD);
      const res = await m.client.post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'my own new passphrase' });
      expect(res.status, JSON.stringify(res.body)).toBe(204);
      expect((await m.client.get('/api/v1/me')).status).toBe(200);
      expectProblem(await other.get('/api/v1/me'), 401, 'the other session after the change');
      expectProblem(await login(m.email, PASSWORD), 401, 'the old password');
      expect((await login(m.email, 'my own new passphrase')).status).toBe(200);
    });

    it('refuses a wrong current password with 403 naming currentPassword, and changes nothing', async () => {
      const m = await member();
      const errors = expectProblem(await m.client.post('/api/v1/me/password', { currentPassword: 'not my password', newPassword: 'my own new passphrase' }), 403, 'wrong current password', { fields: ['currentPassword'], only: true });
      expect(errors[0]!.code).toBe('wrong_password');
      expect((await login(m.email, PASSWORD)).status).toBe(200);
      expect((await person(m.id)).version).toBe(1);
    });

    it('refuses a short new password (400) and a common one (422), both naming newPassword', async () => {
      const m = await member();
      const short = expectProblem(await m.client.post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'short' }), 400, 'short', { fields: ['newPassword'], only: true });
      expect(short[0]).toMatchObject({ code: 'too_short', params: { minimum: 12 } });
      const common = expectProblem(await m.client.post('/api/v1/me/password', { currentPassword: PASSWORD, newPassword: 'password1234' }), 422, 'common', { fields: ['newPassword'], only: true });
      expect(common[0]!.code).toBe('common_password');
      expect((await login(m.email, PASSWORD)).status).toBe(200);
    });

    it('refuses a common password when an admin adds a person', async () => {
      const errors = expectProblem(await admin.post('/api/v1/people', { name: 'Vanlig', email: 'vanlig@example.no', password: 'qwertyuiop123' }), 422, 'common first password', { fields: ['password'] });
      expect(errors[0]!.code).toBe('common_password');
    });
  });

  describe('one-time passwords', () => {
    it('answers it once, ends the sessions, stops the old password, and forces a change before anything else', async () => {
      const m = await member();
      const res = await admin.post(`/api/v1/people/${m.id}/password-reset`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const oneTime: string = res.body.oneTimePassword;
      expect(Object.keys(res.body)).toEqual(['oneTimePassword']);
      expect(oneTime.replace(/-/g, '').length).toBeGreaterThanOrEqual(20);
      // Nowhere to be read again: not on the person, not in the list.
      expect(JSON.stringify(await person(m.id))).not.toContain(oneTime);
      expect(JSON.stringify((await admin.get('/api/v1/people?limit=500')).body)).not.toContain(oneTime);
      expect(await person(m.id)).toMatchObject({ passwordChangeRequired: true, version: 2 });
      // A second reset gives a different password.
      const again = await admin.post(`/api/v1/people/${m.id}/password-reset`);
      expect(again.body.oneTimePassword).not.toBe(oneTime);
      const current: string = again.body.oneTimePassword;

      expectProblem(await m.client.get('/api/v1/me'), 401, 'the session open before the reset');
      expectProblem(await login(m.email, PASSWORD), 401, 'the old password');
      expectProblem(await login(m.email, oneTime), 401, 'the replaced one-time password');

      const signedIn = await login(m.email, current);
      expect(signedIn.status).toBe(200);
      expect(signedIn.body.passwordChangeRequired).toBe(true);
      const forced = await t.signIn(m.email, current);
      expect((await forced.get('/api/v1/me')).body.person).toMatchObject({ passwordChangeRequired: true });
      const refused = expectProblem(await forced.get('/api/v1/units'), 403, 'another route before the change');
      expect(refused.map((e) => e.code)).toContain('password_change_required');
      expectProblem(await forced.patch(`/api/v1/people/${m.id}`, { version: 3, name: 'Selv' }), 403, 'a write before the change');

      const kept = expectProblem(await forced.post('/api/v1/me/password', { currentPassword: current, newPassword: current }), 422, 'keeping the one-time password', { fields: ['newPassword'], only: true });
      expect(kept[0]!.code).toBe('same_password');
      expect((await forced.post('/api/v1/me/password', { currentPassword: current, newPassword: 'chosen by myself now' })).status).toBe(204);
      expect((await forced.get('/api/v1/units')).status).toBe(200);
      expect((await forced.get('/api/v1/me')).body.person).toMatchObject({ passwordChangeRequired: false });
      expect(await person(m.id)).toMatchObject({ passwordChangeRequired: false });
      const after = await login(m.email, 'chosen by myself now');
      expect(after.body.passwordChangeRequired).toBe(false);
    });

    it('is for others only, for admins only, and for people who exist', async () => {
      const m = await member();
      expectProblem(await m.client.post(`/api/v1/people/${adminId}/password-reset`), 403, 'a member resetting the admin');
      expect((await login('ada@example.no', PASSWORD)).status).toBe(200);
      expectProblem(await admin.post(`/api/v1/people/${adminId}/password-reset`), 403, 'an admin resetting themselves');
      expectProblem(await admin.post(`/api/v1/people/${newId()}/password-reset`), 404, 'an unknown person');
    });
  });

  describe('deactivating', () => {
    it('ends the sessions at once, refuses sign-in like a wrong password, keeps the name, and reactivates', async () => {
      const m = await member();
      expect((await m.client.get('/api/v1/me')).status).toBe(200);
      const before = await person(m.id);
      const off = await admin.patch(`/api/v1/people/${m.id}`, { version: before.version, active: false });
      expect(off.status, JSON.stringify(off.body)).toBe(200);
      expect(off.body).toMatchObject({ active: false, name: before.name, version: before.version + 1 });
      expectProblem(await m.client.get('/api/v1/me'), 401, 'the open session of a deactivated person');
      const refused = await login(m.email, PASSWORD);
      const wrong = await login(m.email, 'not the password at all');
      expectProblem(refused, 401, 'a deactivated person signing in');
      expect(refused.body).toEqual(wrong.body);
      // Still listed under their name, for what they wrote.
      expect((await admin.get('/api/v1/people?limit=500')).body.items.map((p: { name: string }) => p.name)).toContain(before.name);

      const on = await admin.patch(`/api/v1/people/${m.id}`, { version: off.body.version, active: true });
      expect(on.body).toMatchObject({ active: true });
      expect((await login(m.email, PASSWORD)).status).toBe(200);
    });

    it('does not answer a session of an inactive person however it became inactive', async () => {
      // As when another instance deactivated them: the session row is still there, this
      // instance's cache has let go of it, and the person's row says inactive.
      const m = await member();
      expect((await m.client.get('/api/v1/units')).status).toBe(200);
      await t.deps.store.db.updateTable('people').set({ active: 0 }).where('id', '=', m.id).execute();
      t.clock.advance(TTL_MS + 1000);
      expectProblem(await m.client.get('/api/v1/units'), 401, 'a session of an inactive person');
    });

    it('keeps the last active admin: 409 on deactivating or demoting them, allowed once there is another', async () => {
      const me = await person(adminId);
      const off1 = expectProblem(await admin.patch(`/api/v1/people/${adminId}`, { version: me.version, active: false }), 409, 'deactivating the last admin', { fields: ['active'], only: true });
      expect(off1[0]!.code).toBe('last_admin');
      expectProblem(await admin.patch(`/api/v1/people/${adminId}`, { version: me.version, isAdmin: false }), 409, 'demoting the last admin', { fields: ['isAdmin'], only: true });
      expect(await person(adminId)).toMatchObject({ isAdmin: true, active: true, version: me.version });

      const second = await member();
      const promoted = await admin.patch(`/api/v1/people/${second.id}`, { version: 1, isAdmin: true });
      expect(promoted.body).toMatchObject({ isAdmin: true });
      // Deactivated admins do not count.
      const off = await admin.patch(`/api/v1/people/${second.id}`, { version: promoted.body.version, active: false });
      expect(off.status).toBe(200);
      expectProblem(await admin.patch(`/api/v1/people/${adminId}`, { version: me.version, isAdmin: false }), 409, 'demoting the last active admin');
      const on = await admin.patch(`/api/v1/people/${second.id}`, { version: off.body.version, active: true });
      expect(on.status).toBe(200);
      const secondAdmin = await t.signIn(second.email, PASSWORD);
      const demoted = await secondAdmin.patch(`/api/v1/people/${adminId}`, { version: me.version, isAdmin: false });
      expect(demoted.status, JSON.stringify(demoted.body)).toBe(200);
      // The demotion applies to Ada's next request, not after the session cache's seconds.
      expectProblem(await admin.post(`/api/v1/people/${second.id}/password-reset`), 403, 'Ada no longer an admin');
      const back = await secondAdmin.patch(`/api/v1/people/${adminId}`, { version: demoted.body.version, isAdmin: true });
      expect(back.status).toBe(200);
    });

    it('changes name and e-mail with the version check, and refuses a stale version or a taken address', async () => {
      const m = await member();
      const other = await member();
      const renamed = await admin.patch(`/api/v1/people/${m.id}`, { version: 1, name: 'Nytt Navn', email: 'NYTT@example.no' });
      expect(renamed.body).toMatchObject({ name: 'Nytt Navn', email: 'nytt@example.no', version: 2 });
      const stale = expectProblem(await admin.patch(`/api/v1/people/${m.id}`, { version: 1, name: 'Gammelt' }), 409, 'stale version', { fields: ['version'] });
      expect(stale[0]!.code).toBe('stale');
      const taken = expectProblem(await admin.patch(`/api/v1/people/${m.id}`, { version: 2, email: other.email }), 422, 'taken address', { fields: ['email'] });
      expect(taken[0]!.code).toBe('taken');
      expect(await person(m.id)).toMatchObject({ name: 'Nytt Navn', version: 2 });
      expect((await login('nytt@example.no', PASSWORD)).status).toBe(200);
      expectProblem(await admin.patch(`/api/v1/people/${newId()}`, { version: 1, name: 'Ingen' }), 404, 'an unknown person');
    });

    it('is for admins only', async () => {
      const m = await member();
      const target = await member();
      expectProblem(await m.client.patch(`/api/v1/people/${target.id}`, { version: 1, active: false }), 403, 'a member deactivating someone');
      expectProblem(await m.client.patch(`/api/v1/people/${m.id}`, { version: 1, isAdmin: true }), 403, 'a member making themselves admin');
      expect(await person(target.id)).toMatchObject({ active: true, version: 1 });
      expect(await person(m.id)).toMatchObject({ isAdmin: false, version: 1 });
    });
  });

  it('answers 503 with Retry-After when too many sign-ins wait for the password queue', async () => {
    // Each from an e-mail and a client address of its own, so the sign-in limits (at most five
    // tries for one e-mail at a time) let them all through to the queue.
    const answers = await Promise.all(Array.from({ length: 90 }, async (_, i) => {
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', remoteAddress: `10.9.0.${i + 1}`, payload: { email: `nobody${i}@example.no`, password: 'not the password at all' } });
      return { status: res.statusCode, body: res.json(), headers: res.headers };
    }));
    const busy = answers.filter((a) => a.status === 503);
    expect(busy.length).toBeGreaterThan(0);
    expectProblem(busy[0]!, 503, 'a sign-in when the queue is full');
    expect(busy[0]!.headers['retry-after']).toBe('1');
    expect(answers.filter((a) => a.status === 401).length).toBeGreaterThanOrEqual(66);
    expect((await login('ada@example.no', PASSWORD)).status).toBe(200);
  });

  it('upgrades an old scrypt hash to argon2id at the next successful sign-in, and the password keeps working', async () => {
    const id = newId();
    const email = 'gammel@example.no';
    const orgId = (await admin.get('/api/v1/organisation')).body.id;
    await insertPerson(t.deps.store.db, { id, orgId, name: 'Gammel Hash', email, passwordHash: legacyScryptHash(PASSWORD), isAdmin: false, now: '2026-01-01T00:00:00Z' });
    const stored = async () => (await t.deps.store.db.selectFrom('people').select('password_hash').where('id', '=', id).executeTakeFirstOrThrow()).password_hash!;
    expectProblem(await login(email, 'not the password at all'), 401, 'wrong password on a scrypt hash');
    expect(await stored()).toMatch(/^scrypt\$/);
    expect((await login(email, PASSWORD)).status).toBe(200);
    expect(await stored()).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect((await login(email, PASSWORD)).status).toBe(200);
    expectProblem(await login(email, 'not the password at all'), 401, 'wrong password on the upgraded hash');
  });
});
