import { describe, expect, it } from 'vitest';
import type { EventEntry } from '@varde/core';
import { queriesChangedBy } from './liveQueries';

const event = (type: EventEntry['type'], subject: Partial<EventEntry['subject']>): EventEntry => ({
  id: 'e1', seq: 1, type, at: '2026-11-25T10:00:00Z', actor: { id: 'p-jonas', name: 'Jonas' }, changes: [],
  subject: { kind: 'objective', id: 'x', name: 'X', unitId: 'u1', objectiveId: null, keyResultId: null, ...subject },
});

describe('queriesChangedBy', () => {
  it('refreshes the bar, the roll-ups, the key result, its check-ins and Mine after a check-in', () => {
    const keys = queriesChangedBy(event('keyResult.checkedIn', { kind: 'checkIn', id: 'c1', objectiveId: 'o1', keyResultId: 'k1' }), 'p-kari');
    expect(keys).toEqual(expect.arrayContaining([['unitProgress'], ['history'], ['myWork'], ['keyResult', 'k1'], ['checkIns', 'k1'], ['objective', 'o1'], ['myActivity']]));
  });
  it('refreshes the lists an objective appears in', () => {
    expect(queriesChangedBy(event('objective.changed', { id: 'o1' }), 'p-kari')).toEqual(expect.arrayContaining([['objectives'], ['objective', 'o1'], ['unitProgress']]));
  });
  it("reads the workshop's plan again when a draft, a key result, an initiative, a dependency or a comment changes", () => {
    for (const [type, kind] of [['objective.created', 'objective'], ['keyResult.changed', 'keyResult'], ['initiative.created', 'initiative'],
      ['dependency.requested', 'dependency'], ['comment.created', 'comment'], ['plan.changed', 'plan'], ['plan.published', 'plan'],
      ['hint.dismissed', 'hint'], ['hint.reinstated', 'hint'], ['proposal.made', 'proposal'], ['proposal.adopted', 'proposal']] as const) {
      expect(queriesChangedBy(event(type, { kind, id: 'x1' }), 'p-kari'), type).toContainEqual(['plan']);
    }
  });
  it('reads the roll-ups again when a plan is published, for its drafts are active now', () => {
    expect(queriesChangedBy(event('plan.published', { kind: 'plan', id: 'u1:p1' }), 'p-kari')).toEqual(expect.arrayContaining([['unitProgress'], ['objectives']]));
  });
  it('reads the open dependencies and the comment threads again on their events', () => {
    expect(queriesChangedBy(event('dependency.acknowledged', { kind: 'dependency', id: 'd1' }), 'p-kari')).toContainEqual(['dependencies']);
    expect(queriesChangedBy(event('comment.created', { kind: 'comment', id: 'c1' }), 'p-kari')).toContainEqual(['comments']);
  });
  it("reads the viewer's own account again only when the event is about it", () => {
    expect(queriesChangedBy(event('person.changed', { kind: 'person', id: 'p-kari' }), 'p-kari')).toContainEqual(['me']);
    expect(queriesChangedBy(event('person.changed', { kind: 'person', id: 'p-per' }), 'p-kari')).not.toContainEqual(['me']);
  });
  it("reads the meetings again when one starts, moves or ends (the unit's list, the follow-up, the meeting)", () => {
    for (const type of ['meeting.started', 'meeting.moved', 'meeting.ended'] as const) {
      expect(queriesChangedBy(event(type, { kind: 'meeting', id: 'm1' }), 'p-kari')).toContainEqual(['meeting']);
    }
  });
  it('reads nothing again for a sign-in', () => {
    expect(queriesChangedBy(event('session.signedIn', { kind: 'session' }), 'p-kari')).toEqual([]);
  });
});
