// People, their password hashes, their memberships and their sessions.
import type { Person, MemberRole } from '@varde/core';
import type { Db } from './executor.js';
import type { Selectable } from 'kysely';
import type { PersonTable } from './schema.js';

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
    memberships: byPerson.get(r.id) ?? [], createdAt: r.created_at,
  }));
}

export async function getPerson(db: Db, orgId: string, id: string): Promise<PersonRecord | undefined> {
  const row = await db.selectFrom('people').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return row ? (await withMemberships(db, [row]))[0] : undefined;
}

export async function findLogin(db: Db, email: string): Promise<{ id: string; orgId: string; passwordHash: string | null } | undefined> {
  const row = await db.selectFrom('people').select(['id', 'org_id', 'password_hash']).where('email', '=', email)
    .orderBy('created_at').limit(1).executeTakeFirst();
  return row ? { id: row.id, orgId: row.org_id, passwordHash: row.password_hash } : undefined;
}

export async function listPeople(db: Db, orgId: string, limit: number, cursor: string | undefined): Promise<PersonRecord[]> {
  let q = db.selectFrom('people').selectAll().where('org_id', '=', orgId);
  if (cursor) q = q.where('id', '>', cursor);
  return withMemberships(db, await q.orderBy('id').limit(limit).execute());
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

export interface SessionPrincipal { personId: string; orgId: string; isAdmin: boolean; name: string }
/** A live session: who it belongs to, and the two instants that bound how long it may be remembered. */
export interface FoundSession { principal: SessionPrincipal; lastSeenAt: string; expiresAt: string }

/** The session, unless it has passed its absolute end (`now`) or was last used before `seenAfter`. */
export async function findSession(db: Db, id: string, now: string, seenAfter: string): Promise<FoundSession | undefined> {
  const row = await db.selectFrom('sessions').innerJoin('people', 'people.id', 'sessions.person_id')
    .select(['sessions.person_id', 'sessions.org_id', 'people.is_admin', 'people.name', 'sessions.last_seen_at', 'sessions.created_at', 'sessions.expires_at'])
    .where('sessions.id', '=', id).where('sessions.expires_at', '>', now)
    .where((eb) => eb(eb.fn.coalesce('sessions.last_seen_at', 'sessions.created_at'), '>', seenAfter))
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    principal: { personId: row.person_id, orgId: row.org_id, isAdmin: row.is_admin === 1, name: row.name },
    lastSeenAt: row.last_seen_at ?? row.created_at, expiresAt: row.expires_at,
  };
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

export async function deleteSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends a person's sessions, all of them or all but one; answers the ids of those it ended. */
export async function deleteSessionsOf(db: Db, orgId: string, personId: string, exceptId?: string): Promise<string[]> {
  let q = db.deleteFrom('sessions').where('org_id', '=', orgId).where('person_id', '=', personId);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return (await q.returning('id').execute()).map((r) => r.id);
}
