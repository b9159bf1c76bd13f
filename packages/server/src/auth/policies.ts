// Who may do what, as one table. Reading is open to everyone signed in: OKRs are transparent
// within an organisation. Admins change the organisation, its units, periods and people; a
// unit's members change that unit's OKRs; a key result's owner may always check in on it.
import type { Actor } from '../app/context.js';
import type { Db } from '../store/executor.js';
import { isMember } from '../store/units.js';
import { forbidden } from '../app/errors.js';

export const policies = {
  changeOrganisation: (actor: Actor) => actor.isAdmin,
  changeUnits: (actor: Actor) => actor.isAdmin,
  changePeriods: (actor: Actor) => actor.isAdmin,
  managePeople: (actor: Actor) => actor.isAdmin,
  endDemo: (actor: Actor) => actor.isAdmin,
  changeOkrsOf: async (db: Db, actor: Actor, unitId: string) => actor.isAdmin || isMember(db, unitId, actor.personId),
  /** An initiative's owner may change (and delete) it as well as those who change its unit's OKRs. */
  changeInitiative: async (db: Db, actor: Actor, initiative: { ownerId: string | null; unitId: string }): Promise<boolean> =>
    actor.personId === initiative.ownerId || (await policies.changeOkrsOf(db, actor, initiative.unitId)),
  checkInOn: (actor: Actor, kr: { ownerId: string | null; actorIsMember: boolean }) =>
    actor.isAdmin || kr.ownerId === actor.personId || kr.actorIsMember,
} as const;

export type Policy = keyof typeof policies;

export async function authorise(allowed: boolean | Promise<boolean>, what: string): Promise<void> {
  if (!(await allowed)) throw forbidden(`You may not ${what}`);
}
