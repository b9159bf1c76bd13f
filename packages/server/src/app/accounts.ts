// Accounts people manage: choosing one's own password, an admin's one-time password for someone
// who lost theirs, and bringing old password hashes up to today's algorithm.
import { unitOfWork } from '../events/unitOfWork.js';
import { personSubject } from '../events/subjects.js';
import { randomInt } from 'node:crypto';
import type { OneTimePassword, PasswordChange } from '@varde/core';
import { findPasswordHash, getPerson, replacePasswordHash, setPassword } from '../store/people.js';
import { hashPassword, needsRehash, verifyPassword } from '../auth/passwords.js';
import { assertAcceptablePassword } from '../auth/passwordPolicy.js';
import { authorise, policies } from '../auth/policies.js';
import type { Actor, Deps } from './context.js';
import { AppError, forbidden, invalid, notFound } from './errors.js';
import { endSessionsOf } from './session.js';

/** After a successful sign-in with a hash weaker than today's, stores today's hash of the same
 *  password. A failure only postpones the upgrade to the next sign-in. */
export async function upgradePasswordHash(deps: Deps, personId: string, storedHash: string, password: string): Promise<void> {
  if (!needsRehash(storedHash)) return;
  try {
    await replacePasswordHash(deps.store.db, personId, storedHash, await hashPassword(password));
  } catch {
    // The queue was full or the write failed; the old hash still works.
  }
}

/** Changes the actor's own password; every other session of theirs ends, the current one stays. */
export async function changeOwnPassword(deps: Deps, actor: Actor, currentSessionId: string, input: PasswordChange): Promise<void> {
  const stored = await findPasswordHash(deps.store.db, actor.orgId, actor.personId);
  if (!stored || !(await verifyPassword(input.currentPassword, stored))) {
    throw new AppError(403, 'Forbidden', 'The current password is wrong',
      [{ field: 'currentPassword', message: 'is not your current password', code: 'wrong_password' }]);
  }
  assertAcceptablePassword('newPassword', input.newPassword);
  // Keeping the one-time password would leave a password the admin knows.
  if (actor.passwordChangeRequired && input.newPassword === input.currentPassword) {
    throw invalid('newPassword', 'must not be the one-time password; choose your own', 'same_password');
  }
  const passwordHash = await hashPassword(input.newPassword);
  await unitOfWork(deps, actor, async ({ trx, record, now }) => {
    if (!(await setPassword(trx, actor.orgId, actor.personId, passwordHash, false, now))) throw notFound('The person');
    record('person.passwordChanged', personSubject({ id: actor.personId, name: actor.name }), []);
  });
  await endSessionsOf(deps, actor, actor.orgId, actor.personId, currentSessionId);
  // The current session was remembered with "must change password" still set.
  deps.sessions.forgetSession(currentSessionId);
}

// No 0/o, 1/l/i: the admin reads it out or writes it down for the person.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** Twenty characters from 31, about 99 bits, in groups of five. */
export function newOneTimePassword(): string {
  const chars = Array.from({ length: 20 }, () => ALPHABET[randomInt(ALPHABET.length)]);
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-');
}

/** Replaces a person's password with a random one the admin hands over; the person must choose
 *  their own at the next sign-in, and every session they had ends. */
export async function setOneTimePassword(deps: Deps, actor: Actor, personId: string): Promise<OneTimePassword> {
  await authorise(policies.managePeople(actor), 'set passwords for others');
  if (personId === actor.personId) throw forbidden('Change your own password with POST /api/v1/me/password');
  const person = await getPerson(deps.store.db, actor.orgId, personId);
  if (!person) throw notFound('The person');
  const oneTimePassword = newOneTimePassword();
  const passwordHash = await hashPassword(oneTimePassword);
  await unitOfWork(deps, actor, async ({ trx, record, now }) => {
    if (!(await setPassword(trx, actor.orgId, personId, passwordHash, true, now))) throw notFound('The person');
    // That it was set, never what to: the password is the person's secret once handed over.
    record('person.oneTimePasswordSet', personSubject(person), []);
  });
  await endSessionsOf(deps, actor, actor.orgId, personId);
  return { oneTimePassword };
}
