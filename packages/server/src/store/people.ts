// People, their password hashes, their memberships and their sessions.
import type { Person, MemberRole } from '@varde/core';
import { isPostgres, updatedRows, type Db, type VersionedUpdate } from './executor.js';
import { sql, type ExpressionBuilder, type Selectable } from 'kysely';
import type { Database, PersonTable } from './schema.js';

export interface PersonRecord extends Person { orgId: string }

async function withMemberships(db: Db, rows: Array<Selectable<PersonTable>>): Promise<PersonRecord[]> {
  if (rows.length === 0) return [];
  const memberships = await db.selectFrom('memberships').select(['person_id', 'unit_id', 'role'])
    .where('person_id', 'in', rows.map((r) => r.id)).orderBy('unit_id').execute();
  const byPerson = new Map<string, Person['memberships']>();
  for (const m of memberships) {
    const list = byPerson.get(m.person_id) ?? [];
    list.push({ unitId: m.unit_id, role: m.role as MemberRole });
    byPerson.set(m.person_id, list);
  }
  return rows.map((r) => ({
    id: r.id, orgId: r.org_id, name: r.name, email: r.email, isAdmin: r.is_admin === 1,
    active: r.active === 1, passwordChangeRequired: r.password_change_required === 1,
    memberships: byPerson.get(r.id) ?? [], version: r.version, createdAt: r.created_at,
  }));
}

export async function getPerson(db: Db, orgId: string, id: string): Promise<PersonRecord | undefined> {
  const row = await db.selectFrom('people').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return row ? (await withMemberships(db, [row]))[0] : undefined;
}

export interface LoginRecord { id: string; orgId: string; passwordHash: string | null; active: boolean; passwordChangeRequired: boolean }
export async function findLogin(db: Db, email: string): Promise<LoginRecord | undefined> {
  const row = await db.selectFrom('people').select(['id', 'org_id', 'password_hash', 'active', 'password_change_required']).where('email', '=', email)
    .orderBy('created_at').limit(1).executeTakeFirst();
  return row ? { id: row.id, orgId: row.org_id, passwordHash: row.password_hash, active: row.active === 1, passwordChangeRequired: row.password_change_required === 1 } : undefined;
}

export async function findPasswordHash(db: Db, orgId: string, id: string): Promise<string | null | undefined> {
  const row = await db.selectFrom('people').select('password_hash').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return row?.password_hash;
}

/** A new hash of the same password (a stronger algorithm): nothing a reader sees changes, so the version stays. */
export async function replacePasswordHash(db: Db, id: string, oldHash: string, newHash: string): Promise<void> {
  await db.updateTable('people').set({ password_hash: newHash }).where('id', '=', id).where('password_hash', '=', oldHash).execute();
}

/** A new password, chosen by the person (mustChange false) or set once by an admin (true). */
export async function setPassword(db: Db, orgId: string, id: string, passwordHash: string, mustChange: boolean, now: string): Promise<boolean> {
  const result = await db.updateTable('people').set((eb) => ({
    password_hash: passwordHash, password_change_required: mustChange ? 1 : 0, version: eb('version', '+', 1), updated_at: now,
  })).where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return updatedRows(result) === 1;
}

export interface PersonChange { name: string; email: string; isAdmin: boolean; active: boolean }
export async function updatePerson(db: Db, orgId: string, id: string, version: number, next: PersonChange, now: string): Promise<VersionedUpdate> {
  const result = await db.updateTable('people').set({
    name: next.name, email: next.email, is_admin: next.isAdmin ? 1 : 0, active: next.active ? 1 : 0, version: version + 1, updated_at: now,
  }).where('org_id', '=', orgId).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (updatedRows(result) === 1) return 'updated';
  return (await getPerson(db, orgId, id)) ? 'stale' : 'missing';
}

/** The active admins of an organisation. On PostgreSQL their rows stay locked until the
 *  transaction ends, so two admins removing each other at once cannot leave nobody in charge. */
export async function activeAdmins(db: Db, orgId: string): Promise<string[]> {
  const q = db.selectFrom('people').select('id').where('org_id', '=', orgId).where('is_admin', '=', 1).where('active', '=', 1).orderBy('id');
  const rows = isPostgres(db) ? await q.forUpdate().execute() : await q.execute();
  return rows.map((r) => r.id);
}

export interface PeopleFilter {
  ids?: readonly string[] | undefined;
  /** Members of this unit only. */
  unitId?: string | undefined;
  /** Names containing this, in any case; the list is then in order of name. */
  nameContains?: string | undefined;
}

/** One page of people, in id order, or with `nameContains` in name order; the cursor is the id
 *  of the last person of the page before, in both orders. */
export async function listPeople(db: Db, orgId: string, limit: number, cursor: string | undefined, filter: PeopleFilter = {}): Promise<PersonRecord[]> {
  if (filter.ids?.length === 0) return [];
  let q = db.selectFrom('people').selectAll().where('org_id', '=', orgId);
  if (filter.ids) q = q.where('id', 'in', [...filter.ids]);
  if (filter.unitId !== undefined) {
    const unitId = filter.unitId;
    q = q.where('id', 'in', (eb) => eb.selectFrom('memberships').select('person_id').where('org_id', '=', orgId).where('unit_id', '=', unitId));
  }
  const byName = filter.nameContains !== undefined;
  if (byName && filter.nameContains) q = q.where(nameContains(db, filter.nameContains));
  if (cursor && byName) {
    const after = (eb: ExpressionBuilder<Database, 'people'>) => eb.selectFrom('people as c').select('c.name').where('c.org_id', '=', orgId).where('c.id', '=', cursor);
    q = q.where((eb) => eb.or([eb('name', '>', after(eb)), eb.and([eb('name', '=', after(eb)), eb('id', '>', cursor)])]));
  } else if (cursor) q = q.where('id', '>', cursor);
  q = byName ? q.orderBy('name').orderBy('id') : q.orderBy('id');
  return withMemberships(db, await q.limit(limit).execute());
}

/**
 * Whether a person's name contains `text` in any case, for every script: each letter becomes the
 * class of its two cases ("Øy" → [øØ][yY]), so neither SQLite's lower() and LIKE, which fold only
 * ASCII, nor PostgreSQL's locale decides whether "øy" finds "Øyvind". SQLite matches with GLOB,
 * PostgreSQL with a regular expression; anything else in the text is matched as itself.
 */
function nameContains(db: Db, text: string) {
  const postgres = isPostgres(db);
  let pattern = '';
  for (const ch of text.toLowerCase()) {
    const upper = ch.toUpperCase();
    if (upper !== ch && [...upper].length === 1) pattern += `[${ch}${upper}]`;
    else if (postgres) pattern += /[\p{L}\p{N}]/u.test(ch) ? ch : `\\${ch}`;
    else pattern += '*?['.includes(ch) ? `[${ch}]` : ch;
  }
  return postgres ? sql<boolean>`${sql.ref('people.name')} ~ ${pattern}` : sql<boolean>`${sql.ref('people.name')} GLOB ${`*${pattern}*`}`;
}

export async function peopleExist(db: Db, orgId: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('people').select('id').where('org_id', '=', orgId).where('id', 'in', [...ids]).execute();
  return new Set(rows.map((r) => r.id));
}

export interface NewPerson { id: string; orgId: string; name: string; email: string; passwordHash: string | null; isAdmin: boolean; now: string }
export async function insertPerson(db: Db, p: NewPerson): Promise<void> {
  await db.insertInto('people').values({
    id: p.id, org_id: p.orgId, name: p.name, email: p.email, password_hash: p.passwordHash,
    is_admin: p.isAdmin ? 1 : 0, version: 1, created_at: p.now, updated_at: p.now,
  }).execute();
}

export async function emailTaken(db: Db, orgId: string, email: string): Promise<boolean> {
  const row = await db.selectFrom('people').select('id').where('org_id', '=', orgId).where('email', '=', email).executeTakeFirst();
  return row !== undefined;
}

export async function insertSession(db: Db, s: { id: string; orgId: string; personId: string; now: string; expiresAt: string }): Promise<void> {
  await db.insertInto('sessions').values({ id: s.id, org_id: s.orgId, person_id: s.personId, created_at: s.now, expires_at: s.expiresAt, last_seen_at: s.now }).execute();
}

export interface SessionPrincipal { personId: string; orgId: string; isAdmin: boolean; name: string; passwordChangeRequired: boolean }
/** A live session: who it belongs to, and the two instants that bound how long it may be remembered. */
export interface FoundSession { principal: SessionPrincipal; lastSeenAt: string; expiresAt: string }

/** The session, unless it has passed its absolute end (`now`) or was last used before `seenAfter`. */
export async function findSession(db: Db, id: string, now: string, seenAfter: string): Promise<FoundSession | undefined> {
  const row = await db.selectFrom('sessions').innerJoin('people', 'people.id', 'sessions.person_id')
    .select(['sessions.person_id', 'sessions.org_id', 'people.is_admin', 'people.name', 'people.password_change_required', 'sessions.last_seen_at', 'sessions.created_at', 'sessions.expires_at'])
    .where('sessions.id', '=', id).where('sessions.expires_at', '>', now).where('people.active', '=', 1)
    .where((eb) => eb(eb.fn.coalesce('sessions.last_seen_at', 'sessions.created_at'), '>', seenAfter))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    principal: { personId: row.person_id, orgId: row.org_id, isAdmin: row.is_admin === 1, name: row.name, passwordChangeRequired: row.password_change_required === 1 },
    lastSeenAt: row.last_seen_at ?? row.created_at, expiresAt: row.expires_at,
  };
}

/** Of these sessions, those still open as findSession counts them, with whom each belongs to: the
 *  live streams check all theirs at once, at each heartbeat. */
export async function openSessionsAmong(db: Db, ids: readonly string[], now: string, seenAfter: string): Promise<Map<string, SessionPrincipal>> {
  const open = new Map<string, SessionPrincipal>();
  // SQLite takes at most 32,766 parameters a statement.
  for (let i = 0; i < ids.length; i += 1000) {
    const rows = await db.selectFrom('sessions').innerJoin('people', 'people.id', 'sessions.person_id')
      .select(['sessions.id', 'sessions.person_id', 'sessions.org_id', 'people.is_admin', 'people.name', 'people.password_change_required'])
      .where('sessions.id', 'in', ids.slice(i, i + 1000)).where('sessions.expires_at', '>', now).where('people.active', '=', 1)
      .where((eb) => eb(eb.fn.coalesce('sessions.last_seen_at', 'sessions.created_at'), '>', seenAfter))
      .execute();
    for (const row of rows) {
      open.set(row.id, { personId: row.person_id, orgId: row.org_id, isAdmin: row.is_admin === 1, name: row.name, passwordChangeRequired: row.password_change_required === 1 });
    }
  }
  return open;
}

export async function touchSession(db: Db, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

/** Deletes sessions past their absolute end or unused since `seenBefore`; answers how many. */
export async function deleteEndedSessions(db: Db, now: string, seenBefore: string): Promise<number> {
  const result = await db.deleteFrom('sessions')
    .where((eb) => eb.or([eb('expires_at', '<=', now), eb(eb.fn.coalesce('last_seen_at', 'created_at'), '<=', seenBefore)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Answers whose session it was, if there was one. */
export async function deleteSession(db: Db, id: string): Promise<{ orgId: string; personId: string } | undefined> {
  const row = await db.deleteFrom('sessions').where('id', '=', id).returning(['org_id', 'person_id']).executeTakeFirst();
  return row ? { orgId: row.org_id, personId: row.person_id } : undefined;
}

/** A person's name, for the events that name them. */
export async function personName(db: Db, orgId: string, id: string): Promise<string> {
  const row = await db.selectFrom('people').select('name').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return row?.name ?? '';
}

/** Ends a person's sessions, all of them or all but one; answers the ids of those it ended. */
export async function deleteSessionsOf(db: Db, orgId: string, personId: string, exceptId?: string): Promise<string[]> {
  let q = db.deleteFrom('sessions').where('org_id', '=', orgId).where('person_id', '=', personId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.returning('id').execute()).map((r) => r.id);
}

/** The names of these people, by id, for what names its authors and the people it mentions. */
export async function peopleNames(db: Db, orgId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const unique = [...new Set(ids)];
  for (let i = 0; i < unique.length; i += 500) {
    for (const r of await db.selectFrom('people').select(['id', 'name']).where('org_id', '=', orgId).where('id', 'in', unique.slice(i, i + 500)).execute()) out.set(r.id, r.name);
  }
  return out;
}

/** The active people whose names contain one of `words`, in any case: who a comment's @ may mention. */
export async function mentionCandidates(db: Db, orgId: string, words: readonly string[]): Promise<Array<{ id: string; name: string }>> {
  const found = new Map<string, string>();
  for (const word of words) {
    const rows = await db.selectFrom('people').select(['id', 'name']).where('org_id', '=', orgId).where('active', '=', 1).where(nameContains(db, word)).limit(50).execute();
    for (const r of rows) found.set(r.id, r.name);
  }
  return [...found].map(([id, name]) => ({ id, name }));
}
