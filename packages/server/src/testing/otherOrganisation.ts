// A second, small organisation written straight to the store, beside the one a test works in:
// one of everything (people, units with members, periods, objectives with owners and alignment,
// key results with check-ins, an initiative, a session), so a test can prove that nothing of it
// can be seen or touched from the first.
import type { Db } from '../store/executor.js';
import { insertOrganisation } from '../store/organisations.js';
import { insertPerson, insertSession } from '../store/people.js';
import { insertUnit, replaceMembers } from '../store/units.js';
import { insertPeriod } from '../store/periods.js';
import { insertObjective, replaceAlignments } from '../store/objectives.js';
import { insertKeyResult, setCurrent } from '../store/keyResults.js';
import { insertCheckIn } from '../store/checkIns.js';
import { refreshAllObjectiveProgress } from '../store/objectiveProgress.js';
import { insertInitiative } from '../store/initiatives.js';
import { insertTrash } from '../store/trash.js';
import { insertDependency } from '../store/dependencies.js';
import { insertComment } from '../store/comments.js';
import { insertContradiction } from '../store/contradictions.js';
import { insertDismissal, insertProposal, writePlan } from '../store/plans.js';
import { insertKpi } from '../store/kpis.js';
import { insertMeeting } from '../store/meetings.js';
import { newId } from '../store/ids.js';
import { newSessionToken, sessionId } from '../auth/sessionTokens.js';
import { testOrganisation } from './organisations.js';

export interface OtherOrganisation {
  orgId: string;
  adminId: string; memberId: string;
  rootUnitId: string; teamId: string;
  yearId: string; cycleId: string;
  /** The team's objective in the cycle, aligned to `moalId`'s key result. */
  objectiveId: string; moalId: string;
  keyResultId: string; moalKeyResultId: string;
  checkInId: string; initiativeId: string;
  /** A deletion of theirs that could be undone: an initiative in their trash. */
  trashId: string;
  /** A valid session of its admin: the cookie value. */
  sessionToken: string;
  /** Raised by the team on its root unit for `keyResultId`; a comment on `objectiveId` mentioning the member; a flag on the two key results. */
  dependencyId: string; commentId: string; contradictionId: string;
  /** The team's plan for the cycle (one question answered), a dismissed hint on `keyResultId`, and `objectiveId` proposed to the root unit. */
  planId: string; dismissalId: string; proposalId: string;
  /** The team's weekly meeting, open. */
  meetingId: string;
  /** A KPI the team keeps. */
  kpiId: string;
}

/** `now` should be after the first organisation was made, so the first stays the default one. */
export async function insertOtherOrganisation(db: Db, now: string, periods: { start: string; end: string }): Promise<OtherOrganisation> {
  const o: OtherOrganisation = {
    orgId: newId(), adminId: newId(), memberId: newId(), rootUnitId: newId(), teamId: newId(), yearId: newId(), cycleId: newId(),
    objectiveId: newId(), moalId: newId(), keyResultId: newId(), moalKeyResultId: newId(), checkInId: newId(), initiativeId: newId(), trashId: newId(),
    sessionToken: newSessionToken(), dependencyId: newId(), commentId: newId(), contradictionId: newId(), meetingId: newId(),
    planId: newId(), dismissalId: newId(), proposalId: newId(), kpiId: newId(),
  };
  const year = periods.start.slice(0, 4);
  await db.transaction().execute(async (trx) => {
    await insertOrganisation(trx, { ...testOrganisation(o.orgId, 'Annenorg AS'), now });
    await insertPerson(trx, { id: o.adminId, orgId: o.orgId, name: 'Anne Annenorg', email: 'anne@annenorg.example', passwordHash: null, isAdmin: true, now });
    await insertPerson(trx, { id: o.memberId, orgId: o.orgId, name: 'Mons Annenorg', email: 'mons@annenorg.example', passwordHash: null, isAdmin: false, now });
    await insertUnit(trx, { id: o.rootUnitId, orgId: o.orgId, parentId: null, name: 'Annenorg AS', kind: 'organisation', description: '', now });
    await insertUnit(trx, { id: o.teamId, orgId: o.orgId, parentId: o.rootUnitId, name: 'Annenorg-teamet', kind: 'team', description: '', now });
    await replaceMembers(trx, o.orgId, o.teamId, [{ personId: o.memberId, role: 'lead' }, { personId: o.adminId, role: 'member' }]);
    await insertPeriod(trx, { id: o.yearId, orgId: o.orgId, kind: 'year', name: year, startDate: `${year}-01-01`, endDate: `${year}-12-31`, state: 'active', now });
    await insertPeriod(trx, { id: o.cycleId, orgId: o.orgId, kind: 'cycle', name: 'Annenorg syklus', startDate: periods.start, endDate: periods.end, state: 'active', now });
    await insertObjective(trx, { id: o.moalId, orgId: o.orgId, unitId: o.rootUnitId, periodId: o.yearId, title: 'Annenorgs årsmål', description: '', kind: 'committed', status: 'active', ownerIds: [o.adminId], alignments: [], now });
    await insertObjective(trx, { id: o.objectiveId, orgId: o.orgId, unitId: o.teamId, periodId: o.cycleId, title: 'Annenorgs mål', description: '', kind: 'aspirational', status: 'active', ownerIds: [o.memberId], alignments: [], now });
    await insertKeyResult(trx, { id: o.moalKeyResultId, orgId: o.orgId, objectiveId: o.moalId, title: 'Annenorgs årsresultat', type: 'increase', start: 0, target: 10, measure: 'stk', ownerId: o.adminId, weight: 1, now });
    await insertKeyResult(trx, { id: o.keyResultId, orgId: o.orgId, objectiveId: o.objectiveId, title: 'Annenorgs resultat', type: 'increase', start: 0, target: 100, measure: '%', ownerId: o.memberId, weight: 1, now });
    await insertCheckIn(trx, { id: o.checkInId, orgId: o.orgId, keyResultId: o.keyResultId, value: 40, confidence: 7, comment: 'Annenorgs innsjekk', blockers: null, authorId: o.memberId, createdAt: now });
    await setCurrent(trx, o.keyResultId, 40, 7, now);
    await refreshAllObjectiveProgress(trx, o.orgId);
    await replaceAlignments(trx, o.orgId, o.objectiveId, [{ keyResultId: o.moalKeyResultId }]);
    await insertInitiative(trx, { id: o.initiativeId, orgId: o.orgId, unitId: o.teamId, periodId: o.cycleId, title: 'Annenorgs tiltak', description: '', ownerId: o.memberId, status: 'planned', keyResultIds: [o.keyResultId], now });
    const deletedInitiative = { id: newId(), org_id: o.orgId, unit_id: o.teamId, period_id: o.cycleId, title: 'Annenorgs slettede tiltak', description: '', owner_id: o.memberId, status: 'planned', version: 1, created_at: now, updated_at: now };
    await insertTrash(trx, { id: o.trashId, orgId: o.orgId, subjectId: deletedInitiative.id, deletedBy: o.adminId, deletedAt: now, snapshot: { kind: 'initiative', rows: { initiative: deletedInitiative, links: [] } } });
    await insertDependency(trx, { id: o.dependencyId, orgId: o.orgId, fromUnitId: o.teamId, toUnitId: o.rootUnitId, objectiveId: o.objectiveId, keyResultId: o.keyResultId, description: 'Annenorgs behov', neededBy: null, raisedBy: o.memberId, now });
    await insertComment(trx, { id: o.commentId, orgId: o.orgId, objectiveId: o.objectiveId, keyResultId: null, authorId: o.adminId, body: `Hei @[${o.memberId}]`, now }, [o.memberId]);
    await insertContradiction(trx, { id: o.contradictionId, orgId: o.orgId, a: o.keyResultId, b: o.moalKeyResultId, note: 'Annenorgs motstrid', by: o.adminId, now });
    await writePlan(trx, { id: o.planId, orgId: o.orgId, unitId: o.teamId, periodId: o.cycleId, version: 1, create: true, checklist: { paysIntoMoals: { answer: 'yes', note: 'Annenorgs svar' } }, now });
    await insertDismissal(trx, { id: o.dismissalId, orgId: o.orgId, subjectKind: 'keyResult', subjectId: o.keyResultId, code: 'no-number', about: '', reason: 'Annenorgs grunn', personId: o.memberId, at: now });
    await insertProposal(trx, { id: o.proposalId, orgId: o.orgId, objectiveId: o.objectiveId, fromUnitId: o.teamId, toUnitId: o.rootUnitId, proposedBy: o.memberId, now });
    await insertMeeting(trx, { id: o.meetingId, orgId: o.orgId, unitId: o.teamId, periodId: o.cycleId, kind: 'weekly', facilitatorId: o.memberId, previousMeetingId: null, now });
    await insertKpi(trx, { id: o.kpiId, orgId: o.orgId, unitId: o.teamId, title: 'Annenorgs KPI', measure: '%', direction: 'above', low: 90, high: null, cadence: 'weekly', ownerId: o.memberId, promotedFromKeyResultId: null, now });
    await insertSession(trx, { id: sessionId(o.sessionToken), orgId: o.orgId, personId: o.adminId, now, expiresAt: new Date(Date.parse(now) + 30 * 86_400_000).toISOString() });
  });
  return o;
}

/** Every id the organisation holds, to look for in answers the first organisation gets. */
export function idsOf(o: OtherOrganisation): string[] {
  return [o.orgId, o.adminId, o.memberId, o.rootUnitId, o.teamId, o.yearId, o.cycleId, o.objectiveId, o.moalId, o.keyResultId,
    o.moalKeyResultId, o.checkInId, o.initiativeId, o.trashId, o.dependencyId, o.commentId, o.contradictionId, o.planId, o.dismissalId, o.proposalId, o.meetingId, o.kpiId];
}
