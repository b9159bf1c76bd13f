// Loads the demo organisation into an empty database in one transaction, so a crash halfway
// leaves an empty database that is seeded again at the next start.
import type { Deps } from '../app/context.js';
import { findDefaultOrganisation, insertOrganisation, lockForSetUp } from '../store/organisations.js';
import { insertPerson } from '../store/people.js';
import { insertUnit, replaceMembers } from '../store/units.js';
import { insertPeriod } from '../store/periods.js';
import { insertObjective, replaceAlignments } from '../store/objectives.js';
import { insertKeyResult, setCurrent } from '../store/keyResults.js';
import { insertCheckIn, markEdited } from '../store/checkIns.js';
import { refreshAllObjectiveProgress } from '../store/objectiveProgress.js';
import { insertInitiative } from '../store/initiatives.js';
import { newId } from '../store/ids.js';
import { hashPassword } from '../auth/passwords.js';
import { buildDemoOrganisation, DEMO_PASSWORD } from './demoOrganisation.js';

export interface SeededDemo { organisation: string; password: string; accounts: Array<{ email: string; name: string; isAdmin: boolean }> }

export async function seedDemoIfEmpty(deps: Deps): Promise<SeededDemo | undefined> {
  if (await findDefaultOrganisation(deps.store.db)) return undefined;
  const now = deps.clock.now();
  const stamp = now.toISOString();
  const demo = buildDemoOrganisation(now);
  // One hash for all demo accounts: they share a published password, and hashing each would cost a second at start.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const orgId = newId();
  const ids = new Map<string, string>();
  const idOf = (kind: string, key: string): string => {
    const k = `${kind}:${key}`;
    let id = ids.get(k);
    if (!id) { id = newId(); ids.set(k, id); }
    return id;
  };

  await deps.store.db.transaction().execute(async (trx) => {
    // Several instances starting at once on one empty PostgreSQL seed it once.
    await lockForSetUp(trx);
    if (await findDefaultOrganisation(trx)) return;
    const o = demo.organisation;
    await insertOrganisation(trx, {
      id: orgId, name: o.name, language: o.language, timeZone: o.timeZone, fiscalYearStartMonth: o.fiscalYearStartMonth,
      cycleCadence: o.cycleCadence, checkInCadenceDays: o.checkInCadenceDays,
      strategy: { mission: o.mission, vision: o.vision, values: o.values, themes: o.themes }, isDemo: true, now: stamp,
    });
    for (const p of demo.people) {
      await insertPerson(trx, { id: idOf('person', p.key), orgId, name: p.name, email: p.email, passwordHash, isAdmin: p.isAdmin, now: stamp });
    }
    // Parents before children: the demo lists units top-down.
    for (const u of demo.units) {
      await insertUnit(trx, { id: idOf('unit', u.key), orgId, parentId: u.parentKey ? idOf('unit', u.parentKey) : null, name: u.name, kind: u.kind, description: u.description, now: stamp, archivedAt: u.archivedAt ?? null });
      await replaceMembers(trx, orgId, idOf('unit', u.key), u.members.map((m) => ({ personId: idOf('person', m.personKey), role: m.role })));
    }
    for (const p of demo.periods) {
      await insertPeriod(trx, { id: idOf('period', p.key), orgId, kind: p.kind, name: p.name, startDate: p.startDate, endDate: p.endDate, state: p.state, now: stamp });
    }
    // Objectives first without links, then links once every target exists.
    for (const obj of demo.objectives) {
      await insertObjective(trx, {
        id: idOf('objective', obj.key), orgId, unitId: idOf('unit', obj.unitKey), periodId: idOf('period', obj.periodKey),
        title: obj.title, description: obj.description, kind: obj.kind, status: obj.status,
        ownerIds: obj.ownerKeys.map((k) => idOf('person', k)), alignments: [], now: stamp,
      });
      for (const kr of obj.keyResults) {
        const krId = idOf('keyResult', kr.key);
        await insertKeyResult(trx, {
          id: krId, orgId, objectiveId: idOf('objective', obj.key), title: kr.title, type: kr.type, start: kr.start, target: kr.target,
          measure: kr.measure, ownerId: idOf('person', kr.ownerKey), weight: kr.weight, now: stamp,
        });
        for (const c of kr.checkIns) {
          const id = newId();
          await insertCheckIn(trx, {
            id, orgId, keyResultId: krId, value: c.value, confidence: c.confidence, comment: c.comment, blockers: c.blockers,
            authorId: idOf('person', c.authorKey), createdAt: c.at,
          });
          if (c.editedAt) await markEdited(trx, id, c.editedAt);
        }
        const last = kr.checkIns[kr.checkIns.length - 1];
        if (last) await setCurrent(trx, krId, last.value, last.confidence, last.at);
      }
    }
    await refreshAllObjectiveProgress(trx, orgId);
    for (const obj of demo.objectives) {
      if (obj.alignsTo.length === 0) continue;
      await replaceAlignments(trx, orgId, idOf('objective', obj.key), obj.alignsTo.map((a) =>
        'objectiveKey' in a ? { objectiveId: idOf('objective', a.objectiveKey) } : { keyResultId: idOf('keyResult', a.keyResultKey) }));
    }
    for (const i of demo.initiatives) {
      await insertInitiative(trx, {
        id: idOf('initiative', i.key), orgId, unitId: idOf('unit', i.unitKey), periodId: idOf('period', i.periodKey), title: i.title,
        description: i.description, ownerId: idOf('person', i.ownerKey), status: i.status,
        keyResultIds: i.keyResultKeys.map((k) => idOf('keyResult', k)), now: stamp,
      });
    }
  });
  return {
    organisation: demo.organisation.name, password: DEMO_PASSWORD,
    accounts: demo.people.filter((p) => p.isAdmin).concat(demo.people.filter((p) => !p.isAdmin).slice(0, 4))
      .map((p) => ({ email: p.email, name: p.name, isAdmin: p.isAdmin })),
  };
}
