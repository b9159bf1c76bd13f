// Who may do what, as one table. Reading is open to everyone signed in: OKRs are transparent
// within an organisation. Admins change the organisation, its units, periods and people; a
// unit's members change that unit's OKRs; a key result's owner may always check in on it (core's
// okrPermissions, asked by app/checkInRefusal.ts, the same rule the answers present as `can`). An
// archived unit's OKRs take no changes from anyone: refused as a conflict (409 unit_archived),
// not as a lack of rights, since restoring the unit is what would allow them.
import { mayChangeOkrs, okrsReadOnly } from '@varde/core';
import type { Actor } from '../app/context.js';
import type { Db } from '../store/executor.js';
import { unitWriteFacts } from '../store/units.js';
import { forbidden, unitArchived } from '../app/errors.js';

export const policies = {
  changeOrganisation: (actor: Actor) => actor.isAdmin,
  changeUnits: (actor: Actor) => actor.isAdmin,
  changePeriods: (actor: Actor) => actor.isAdmin,
  managePeople: (actor: Actor) => actor.isAdmin,
  endDemo: (actor: Actor) => actor.isAdmin,
  /** The whole trail names everyone's sign-ins and the people's details: admins answer for it. */
  readAudit: (actor: Actor) => actor.isAdmin,
  /** Throws unit_archived (naming `field`, the unit's or the path's id) for an archived unit. */
  changeOkrsOf: async (db: Db, actor: Actor, unitId: string, field = 'id') => {
    const facts = await unitWriteFacts(db, unitId, actor.personId);
    if (!facts) return actor.isAdmin;
    if (okrsReadOnly(facts)) throw unitArchived(field);
    return mayChangeOkrs(actor, facts);
  },
  /** An initiative's owner may change (and delete) it as well as those who change its unit's OKRs;
   *  the unit's policy is asked first, as it refuses an archived unit's initiatives even to their owner. */
  changeInitiative: async (db: Db, actor: Actor, initiative: { ownerId: string | null; unitId: string }): Promise<boolean> =>
    (await policies.changeOkrsOf(db, actor, initiative.unitId)) || actor.personId === initiative.ownerId,
} as const;

export type Policy = keyof typeof policies;

export async function authorise(allowed: boolean | Promise<boolean>, what: string): Promise<void> {
  if (!(await allowed)) throw forbidden(`You may not ${what}`);
}
