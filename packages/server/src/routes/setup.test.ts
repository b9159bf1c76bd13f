// First-run set-up and ending the demo, through the API on both stores: set-up refuses before it
// hashes, checks the password policy and, beyond loopback, asks for the one-time token from the
// log; ending the demo removes every row of the demo organisation in one transaction (or none),
// signs everyone out, opens set-up again and, beyond loopback, prints a new token.
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem } from '../testing/apiChecks.js';
import { testOrganisation } from '../testing/organisations.js';
import { seedDemoIfEmpty } from '../demo/seedDemo.js';
import { DEMO_PASSWORD } from '../demo/demoOrganisation.js';
import { SetupToken } from '../auth/setupToken.js';
import { insertOrganisation } from '../store/organisations.js';
import { insertUnit } from '../store/units.js';
import type { Database } from '../store/schema.js';

const ORG_TABLES = ['people', 'sessions', 'units', 'memberships', 'periods', 'objectives', 'objective_owners', 'alignments',
  'key_results', 'check_ins', 'initiatives', 'initiative_key_results'] as const satisfies ReadonlyArray<keyof Database>;

const setup = (extra: Record<string, unknown> = {}) => ({
  organisationName: 'Vår forening', language: 'nb', admin: { name: 'Ada Admin', email: 'ada@example.no', password: 'a long enough password' }, ...extra,
});

describe.each(storeKinds())('set-up and the demo on %s', (kind) => {
  let t: TestApp;
  afterEach(async () => { await t?.close(); });

  /** Rows per table that belong to the organisation, and whether the organisation row is there. */
  async function rowsOf(orgId: string): Promise<Record<string, number>> {
    const db = t.deps.store.db;
    const counts: Record<string, number> = {};
    for (const table of ORG_TABLES) {
      const row = await db.selectFrom(table).select(sql<number>`count(*)`.as('n')).where('org_id', '=', orgId).executeTakeFirstOrThrow();
      counts[table] = Number(row.n);
    }
    const org = await db.selectFrom('organisations').select(sql<number>`count(*)`.as('n')).where('id', '=', orgId).executeTakeFirstOrThrow();
    counts.organisations = Number(org.n);
    return counts;
  }

  async function demo(security: Parameters<typeof startTestApp>[2] = {}): Promise<{ admin: Client; member: Client; orgId: string }> {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z', security);
    await seedDemoIfEmpty(t.deps);
    const admin = await t.signIn('admin@demo.varde.no', DEMO_PASSWORD);
    const people = (await admin.get('/api/v1/people?limit=500')).body.items as Array<{ email: string; isAdmin: boolean }>;
    const member = await t.signIn(people.find((p) => !p.isAdmin)!.email, DEMO_PASSWORD);
    const orgId = (await admin.get('/api/v1/organisation')).body.id as string;
    return { admin, member, orgId };
  }

  it('answers that the demo is there, and lets only an admin end it', async () => {
    const { admin, member, orgId } = await demo();
    expect((await t.anonymous.get('/api/v1/setup')).body).toEqual({ needsSetup: false, demo: true, signedIn: false, setupTokenRequired: false });
    const before = await rowsOf(orgId);
    expect(Object.values(before).every((n) => n > 0), JSON.stringify(before)).toBe(true);
    expectProblem(await t.anonymous.del('/api/v1/demo'), 401, 'ending the demo without a session');
    expectProblem(await member.del('/api/v1/demo'), 403, 'a member ending the demo');
    expect(await rowsOf(orgId)).toEqual(before);
    expect((await admin.get('/api/v1/me')).status).toBe(200);
  });

  it('removes every row of the demo organisation, signs everyone out, and opens set-up', async () => {
    const { admin, member, orgId } = await demo();
    const ended = await admin.del('/api/v1/demo');
    expect(ended.status).toBe(204);
    expect(String(ended.headers['set-cookie'])).toMatch(/^varde_session=;.*Expires=Thu, 01 Jan 1970/);
    expect(Object.values(await rowsOf(orgId)).every((n) => n === 0), JSON.stringify(await rowsOf(orgId))).toBe(true);
    // No table holds anything at all any more: the demo was the only organisation.
    for (const table of [...ORG_TABLES, 'organisations'] as const) {
      const row = await t.deps.store.db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
      expect(Number(row.n), table).toBe(0);
    }
    // The sessions are gone, also from this instance's cache of them.
    expectProblem(await admin.get('/api/v1/me'), 401, 'the demo admin after the end');
    expectProblem(await member.get('/api/v1/units'), 401, 'a demo member after the end');
    expect((await t.anonymous.get('/api/v1/setup')).body).toEqual({ needsSetup: true, demo: false, signedIn: false, setupTokenRequired: false });

    const first = await t.anonymous.post('/api/v1/setup', setup());
    expect(first.status).toBe(201);
    const ada = await t.signIn('ada@example.no', 'a long enough password');
    expect((await ada.get('/api/v1/organisation')).body).toMatchObject({ name: 'Vår forening' });
    expect((await t.anonymous.get('/api/v1/setup')).body).toMatchObject({ needsSetup: false, demo: false });
    expectProblem(await ada.del('/api/v1/demo'), 409, 'ending a real organisation as a demo');
    expect((await ada.get('/api/v1/organisation')).status).toBe(200);
  });

  it('leaves everything as it was when ending the demo fails halfway', async () => {
    const { admin, orgId } = await demo();
    // A unit of another organisation under a demo unit: the demo's units cannot be deleted, but
    // only after key results, check-ins and the rest were.
    const demoUnit = (await admin.get('/api/v1/units?limit=1')).body.items[0].id as string;
    await insertOrganisation(t.deps.store.db, testOrganisation('org-other', 'Annen'));
    await insertUnit(t.deps.store.db, { id: 'unit-other', orgId: 'org-other', parentId: demoUnit, name: 'Fremmed', kind: 'team', description: '', now: '2026-11-25T10:00:00.000Z' });
    const before = await rowsOf(orgId);
    const failed = await admin.del('/api/v1/demo');
    expect(failed.status).toBe(500);
    expect(await rowsOf(orgId)).toEqual(before);
    expect((await admin.get('/api/v1/me')).status).toBe(200);
    expect((await t.anonymous.get('/api/v1/setup')).body).toMatchObject({ demo: true });
  });

  it('refuses a set-up of a set-up installation before the token, the password policy and the hash', async () => {
    const announced: string[] = [];
    t = await startTestApp(kind, '2026-11-25T10:00:00Z', { exposed: true, setupToken: new SetupToken((tok) => announced.push(tok)) });
    expect((await t.anonymous.get('/api/v1/setup')).body.setupTokenRequired).toBe(true);
    expect((await t.anonymous.post('/api/v1/setup', setup({ setupToken: announced[0] }))).status).toBe(201);
    // Neither the missing token (403) nor the common password (422) is reported: 409 is decided first.
    expectProblem(await t.anonymous.post('/api/v1/setup', setup({ admin: { name: 'Eve', email: 'eve@example.no', password: 'qwerty123456' } })), 409, 'a second set-up');
    expect(announced).toHaveLength(1);
  });

  it('refuses a common admin password, naming admin.password', async () => {
    t = await startTestApp(kind);
    const refused = expectProblem(await t.anonymous.post('/api/v1/setup', setup({ admin: { name: 'Ada', email: 'ada@example.no', password: 'qwerty123456' } })),
      422, 'set-up with a common password', { fields: ['admin.password'], only: true });
    expect(refused[0]!.code).toBe('common_password');
    expect((await t.anonymous.get('/api/v1/setup')).body).toMatchObject({ needsSetup: true });
  });

  it('needs no token on loopback', async () => {
    t = await startTestApp(kind);
    expect((await t.anonymous.get('/api/v1/setup')).body).toEqual({ needsSetup: true, demo: false, signedIn: false, setupTokenRequired: false });
    expect((await t.anonymous.post('/api/v1/setup', setup())).status).toBe(201);
  });

  it('beyond loopback, needs the token from the log, which works once', async () => {
    const announced: string[] = [];
    t = await startTestApp(kind, '2026-11-25T10:00:00Z', { exposed: true, setupToken: new SetupToken((tok) => announced.push(tok)) });
    const state = await t.anonymous.get('/api/v1/setup');
    expect(state.body).toEqual({ needsSetup: true, demo: false, signedIn: false, setupTokenRequired: true });
    expect(announced).toHaveLength(1);
    expect(JSON.stringify(state)).not.toContain(announced[0]);
    // Looking again keeps the token in the log working.
    await t.anonymous.get('/api/v1/setup');
    expect(announced).toHaveLength(1);
    const token = announced[0]!;

    expectProblem(await t.anonymous.post('/api/v1/setup', setup()), 403, 'set-up without the token', { fields: ['setupToken'], only: true });
    expectProblem(await t.anonymous.post('/api/v1/setup', setup({ setupToken: `${token.slice(1)}A` })), 403, 'set-up with a wrong token', { fields: ['setupToken'], only: true });
    expectProblem(await t.anonymous.post('/api/v1/setup', setup({ setupToken: '' })), 403, 'set-up with an empty token', { fields: ['setupToken'], only: true });
    expect((await t.anonymous.get('/api/v1/setup')).body).toMatchObject({ needsSetup: true });
    expect((await t.anonymous.post('/api/v1/setup', setup({ setupToken: token }))).status).toBe(201);
    expect(t.deps.security.setupToken.matches(token)).toBe(false);
    expect((await t.anonymous.get('/api/v1/setup')).body).toMatchObject({ needsSetup: false, setupTokenRequired: false });
  });

  it('beyond loopback, prints a new token when the demo ends, and never answers it', async () => {
    const announced: string[] = [];
    const { admin } = await demo({ exposed: true, setupToken: new SetupToken((tok) => announced.push(tok)) });
    expect((await t.anonymous.get('/api/v1/setup')).body).toMatchObject({ demo: true, setupTokenRequired: false });
    expect(announced).toEqual([]);
    const ended = await admin.del('/api/v1/demo');
    expect(ended.status).toBe(204);
    expect(announced).toHaveLength(1);
    const token = announced[0]!;
    expect(JSON.stringify(ended)).not.toContain(token);
    const state = await t.anonymous.get('/api/v1/setup');
    expect(state.body).toEqual({ needsSetup: true, demo: false, signedIn: false, setupTokenRequired: true });
    expect(JSON.stringify(state)).not.toContain(token);
    // The demo admin's password is public: their session and the cookie are not enough.
    expectProblem(await admin.post('/api/v1/setup', setup()), 403, 'set-up by the former demo admin without the token', { fields: ['setupToken'] });
    expect((await t.anonymous.post('/api/v1/setup', setup({ setupToken: token }))).status).toBe(201);
  });
});
