// Which cached reads an event of the live stream may have changed, as TanStack Query key prefixes
// (the keys of api/hooks.ts): those on screen are read again, the others are marked stale. Wider
// than exact on purpose: a check-in moves its unit's roll-up and every roll-up above it, whose
// units the event does not name, and refetching what did not change costs a request, while
// missing what did leaves a wrong figure on screen.
import type { EventEntry } from '@varde/core';

export type QueryPrefix = readonly unknown[];

/** Mine's activity and the audit trail; the objects' histories and the units' activity are under ['history'] (api/hooks.ts). */
const TRAILS: QueryPrefix[] = [['myActivity'], ['audit']];
/** A unit's plan for a cycle (api/plan.ts): its drafts with the coach's hints, the checklist, the
 *  backlog, the proposals and dependencies, and what it pays into (the unit above's objectives). */
const PLAN: QueryPrefix = ['plan'];

export function queriesChangedBy(e: EventEntry, viewerId: string | undefined): QueryPrefix[] {
  const { kind, id, keyResultId, objectiveId } = e.subject;
  switch (kind) {
    case 'checkIn':
      return [['unitProgress'], ['history'], ['myWork'], ['keyResult', keyResultId], ['checkIns', keyResultId], ['objective', objectiveId], ...TRAILS];
    case 'keyResult':
      return [['unitProgress'], ['history'], ['myWork'], ['keyResult', id], ['checkIns', id], ['objective', objectiveId], ['alignmentTargets'], ['deletion'], PLAN, ...TRAILS];
    case 'objective':
      return [['unitProgress'], ['history'], ['myWork'], ['objectives'], ['objective', id], ['alignmentTargets'], ['deletion'], PLAN, ['alignment'], ...TRAILS];
    case 'initiative':
      // The coach counts who owns an initiative (member-without-initiative).
      return [['initiatives'], ['myWork'], ['deletion'], PLAN, ...TRAILS];
    case 'unit':
      return [['units'], ['unitProgress'], ['people'], ['myWork'], PLAN, ...TRAILS];
    case 'period':
      return [['periods'], ['unitProgress'], ['objectives'], ['initiatives'], ['myWork'], ['history'], PLAN];
    case 'dependency':
      return [['dependencies'], PLAN, ...TRAILS];
    case 'comment':
      return [['comments'], PLAN, ...TRAILS];
    case 'plan':
      // Publishing makes the drafts active: every roll-up and list of objectives moves.
      return [PLAN, ['unitProgress'], ['objectives'], ['objective'], ['myWork'], ['history'], ['alignment'], ...TRAILS];
    case 'hint':
      // A dismissal shows wherever the hint is served: the plan, the objectives, the team page.
      return [PLAN, ['unitProgress'], ['objectives'], ['objective'], ['keyResult'], ...TRAILS];
    case 'proposal':
      // Adopting makes a draft in the unit above and links the proposing objective to it.
      return [PLAN, ['unitProgress'], ['objectives'], ['objective'], ['alignment'], ['alignmentTargets'], ...TRAILS];
    case 'contradiction':
      return [['contradictions'], ['alignment'], ...TRAILS];
    case 'organisation':
      return [['organisation'], ['me'], ['units'], ['unitProgress'], ...TRAILS];
    case 'meeting':
    case 'retrospective':
      // The meeting itself, the unit's list of meetings and the follow-up (api/meetings.ts); the
      // meeting page also reads its agenda again on the check-ins and steps it is made of. The
      // retrospective (api/retrospectives.ts) and Mine, which lists its open actions.
      return [['meeting'], ['retrospective'], ['myWork'], ...TRAILS];
    case 'person':
      return id === viewerId ? [['people'], ['me'], ['myWork']] : [['people']];
    default:
      return [];
  }
}
