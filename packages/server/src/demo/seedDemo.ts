// Loads the demo organisation into an empty database in one transaction, so a crash halfway
// leaves an empty database that is seeded again at the next start.
import { checkInWrite, createdChanges } from '@varde/core';
import type { Deps } from '../app/context.js';
import { appendEvents, type NewEvent } from '../store/events.js';
import { markActivitySeen } from '../store/activitySeen.js';
import { checkedIn } from '../app/checkInBatches.js';
import { readObjective } from '../app/objectives.js';
import { fieldsOf, keyResultSubject, objectiveSubject } from '../events/subjects.js';
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
import { seedCoordination } from './seedCoordination.js';
import { seedPlanning } from './seedPlanning.js';
import { seedRituals } from './seedRituals.js';
import { seedMeetings } from './seedMeetings.js';
import { seedReviews } from './seedReviews.js';
import { seedKpis } from './seedKpis.js';
import { seedRetrospectives } from './seedRetrospectives.js';

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

  const events: NewEvent[] = [];
  const createdObjectives: Array<{ obj: (typeof demo.objectives)[number]; createdAt: string }> = [];
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
        const where = { unitId: idOf('unit', obj.unitKey), objectiveId: idOf('objective', obj.key), title: kr.title };
        const written = kr.checkIns.map((c) => ({
          id: newId(), orgId, keyResultId: krId, value: c.value, confidence: c.confidence, comment: c.comment, blockers: c.blockers,
          authorId: idOf('person', c.authorKey), createdAt: c.at,
        }));
        // The rule every check-in is written by (core's checkInWrite), over the key result as it was before them.
        const standing = { id: krId, objectiveId: where.objectiveId, type: kr.type, start: kr.start, target: kr.target, weight: kr.weight, current: null, confidence: null, currentAt: null };
        const decided = checkInWrite(written, new Map([[krId, standing]]));
        for (const [i, c] of written.entries()) {
          await insertCheckIn(trx, c);
          if (kr.checkIns[i]!.editedAt) await markEdited(trx, c.id, kr.checkIns[i]!.editedAt!);
          events.push(checkedIn(c, where, decided.before[i]!));
        }
        for (const m of decided.moves) await setCurrent(trx, m.keyResultId, m.value, m.confidence, m.at);
      }
      // Its history: made by its first owner some days before its first check-in.
      const first = obj.keyResults.flatMap((kr) => kr.checkIns.map((c) => Date.parse(c.at))).sort((a, b) => a - b)[0];
      const createdAt = new Date(Math.min((first ?? now.getTime()) - 2 * 86_400_000, now.getTime())).toISOString();
      createdObjectives.push({ obj, createdAt });
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
    for (const { obj, createdAt } of createdObjectives) {
      const actorId = obj.ownerKeys[0] ? idOf('person', obj.ownerKeys[0]) : null;
      const objective = (await readObjective(deps, { orgId, personId: actorId ?? '', isAdmin: true, name: '', passwordChangeRequired: false }, idOf('objective', obj.key), trx));
      const event = (type: NewEvent['type'], subject: NewEvent['subject'], changes: NewEvent['changes'], at = createdAt): NewEvent => ({ id: newId(), type, subject, actorId, at, changes });
      events.push(event('objective.created', objectiveSubject(objective), createdChanges(objective, fieldsOf<typeof objective>('objective'))));
      for (const kr of objective.keyResults) events.push(event('keyResult.created', keyResultSubject(kr, objective.unitId), createdChanges(kr, fieldsOf<typeof kr>('keyResult'))));
      // One target raised mid-cycle, so a key result's history shows a change of its definition.
      const raised = objective.keyResults.find((kr) => kr.type === 'increase' && kr.target >= 10);
      if (obj.key === demo.objectives[0]?.key && raised) {
        const at = new Date(Date.parse(createdAt) + 14 * 86_400_000).toISOString();
        if (at < stamp) events.push(event('keyResult.changed', keyResultSubject(raised, objective.unitId), [{ field: 'target', before: Math.round(raised.target * 0.9), after: raised.target }], at));
      }
    }
    await seedCoordination(trx, orgId, demo, idOf, events);
    await seedPlanning(trx, orgId, demo, idOf, events, now);
    await seedRituals(trx, orgId, demo, idOf, events, now);
    await seedMeetings(trx, orgId, demo, idOf, events, now);
    await seedReviews(trx, orgId, demo, idOf, events, now);
    await seedKpis(trx, orgId, demo, idOf, events, now);
    await seedRetrospectives(trx, orgId, demo, idOf, events, now);
    // In the order they happened, so seq and time agree as they do for live changes.
    events.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    await appendEvents(trx, orgId, events);
    // Everyone last looked four days ago, so Mine's "since your last visit" has a few days of news.
    const visit = new Date(now.getTime() - 4 * 86_400_000).toISOString();
    const seenSeq = events.filter((e) => e.at <= visit).length;
    for (const p of demo.people) await markActivitySeen(trx, orgId, idOf('person', p.key), seenSeq, visit);
  });
  return {
    organisation: demo.organisation.name, password: DEMO_PASSWORD,
    accounts: demo.people.filter((p) => p.isAdmin).concat(demo.people.filter((p) => !p.isAdmin).slice(0, 4))
      .map((p) => ({ email: p.email, name: p.name, isAdmin: p.isAdmin })),
  };
}
