// Which cached reads an event of the live stream may have changed, as TanStack Query key prefixes
// (the keys of api/hooks.ts): those on screen are read again, the others are marked stale. Wider
// than exact on purpose: a check-in moves its unit's roll-up and every roll-up above it, whose
// units the event does not name, and refetching what did not change costs a request, while
// missing what did leaves a wrong figure on screen.
import type { EventEntry } from '@varde/core';

export type QueryPrefix = readonly unknown[];

/** Mine's activity and the audit trail; the objects' histories and the units' activity are under ['history'] (api/hooks.ts). */
const TRAILS: QueryPrefix[] = [['myActivity'], ['audit']];

export function queriesChangedBy(e: EventEntry, viewerId: string | undefined): QueryPrefix[] {
  const { kind, id, keyResultId, objectiveId } = e.subject;
  switch (kind) {
    case 'checkIn':
      return [['unitProgress'], ['history'], ['myWork'], ['keyResult', keyResultId], ['checkIns', keyResultId], ['objective', objectiveId], ...TRAILS];
    case 'keyResult':
      return [['unitProgress'], ['history'], ['myWork'], ['keyResult', id], ['checkIns', id], ['objective', objectiveId], ['alignmentTargets'], ['deletion'], ...TRAILS];
    case 'objective':
      return [['unitProgress'], ['history'], ['myWork'], ['objectives'], ['objective', id], ['alignmentTargets'], ['deletion'], ...TRAILS];
    case 'initiative':
      return [['initiatives'], ['myWork'], ['deletion'], ...TRAILS];
    case 'unit':
      return [['units'], ['unitProgress'], ['people'], ['myWork'], ...TRAILS];
    case 'period':
      return [['periods'], ['unitProgress'], ['objectives'], ['initiatives'], ['myWork'], ['history']];
    case 'organisation':
      return [['organisation'], ['me'], ['units'], ['unitProgress'], ...TRAILS];
    case 'meeting':
      // The meeting itself, the unit's list of meetings and the follow-up (api/meetings.ts); the
      // meeting page also reads its agenda again on the check-ins and steps it is made of.
      return [['meeting'], ...TRAILS];
    case 'person':
      return id === viewerId ? [['people'], ['me'], ['myWork']] : [['people']];
    default:
      return [];
  }
}
