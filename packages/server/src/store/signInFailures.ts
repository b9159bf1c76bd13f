// Failed sign-ins, one row each, kept for the limit's window: the counts are read from the database
// so several instances sharing PostgreSQL enforce one limit together.
import type { Db } from './executor.js';

export interface RecentFailures { byEmail: string[]; byAddress: string[] }

/** When this e-mail address and this client address failed to sign in since `since`, oldest first,
 *  leaving out the attempt that asks (`exceptId`). */
export async function recentFailures(db: Db, email: string, address: string, since: string, exceptId: string): Promise<RecentFailures> {
  const [byEmail, byAddress] = await Promise.all([
    db.selectFrom('sign_in_failures').select('at').where('email', '=', email).where('at', '>', since).where('id', '!=', exceptId).orderBy('at').execute(),
    db.selectFrom('sign_in_failures').select('at').where('address', '=', address).where('at', '>', since).where('id', '!=', exceptId).orderBy('at').execute(),
  ]);
  return { byEmail: byEmail.map((r) => r.at), byAddress: byAddress.map((r) => r.at) };
}

export async function recordFailure(db: Db, f: { id: string; email: string; address: string; at: string }): Promise<void> {
  await db.insertInto('sign_in_failures').values(f).execute();
}

/** Forgets one attempt: it was refused before its password was tried, so it does not count. */
export async function forgetAttempt(db: Db, id: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('id', '=', id).execute();
}

/** Forgets an e-mail address's failures: it signed in, so its count starts again. */
export async function clearFailuresOf(db: Db, email: string): Promise<void> {
  await db.deleteFrom('sign_in_failures').where('email', '=', email).execute();
}

export async function deleteFailuresBefore(db: Db, before: string): Promise<number> {
  const result = await db.deleteFrom('sign_in_failures').where('at', '<=', before).executeTakeFirst();
  return Number(result.numDeletedRows);
}
