import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agendaReasons, meetingAgenda, type AgendaFacts } from './meetingAgenda.js';

const calm: AgendaFacts = { trackStatus: 'on-track', confidenceBefore: 7, confidenceNow: 7, checkedInSinceLastMeeting: true, newBlockers: 0 };
const item = (id: string, f: Partial<AgendaFacts> = {}) => ({ id, ...calm, ...f });

describe('meetingAgenda', () => {
  it('puts off track first, then falling confidence, no check-in, new blockers, at risk; the rest as they came', () => {
    const order = meetingAgenda([
      item('calm-1'),
      item('at-risk', { trackStatus: 'at-risk' }),
      item('blocked', { newBlockers: 1 }),
      item('silent', { checkedInSinceLastMeeting: false }),
      item('calm-2'),
      item('falling', { confidenceBefore: 8, confidenceNow: 5 }),
      item('off', { trackStatus: 'off-track' }),
    ]);
    expect(order.map((i) => i.id)).toEqual(['off', 'falling', 'silent', 'blocked', 'at-risk', 'calm-1', 'calm-2']);
    expect(order.at(-1)!.reasons).toEqual([]);
  });

  it('names every reason, weightiest first', () => {
    expect(agendaReasons({ trackStatus: 'off-track', confidenceBefore: 6, confidenceNow: 3, checkedInSinceLastMeeting: false, newBlockers: 2 }))
      .toEqual(['off-track', 'confidence-fell', 'not-checked-in', 'new-blocker']);
    // Without a confidence at the previous meeting it has not fallen.
    expect(agendaReasons({ ...calm, confidenceBefore: null, confidenceNow: 2 })).toEqual([]);
  });

  it('property: a permutation of the same items, and an item with a reason is never after one without', () => {
    const facts = fc.record({
      trackStatus: fc.constantFrom('on-track' as const, 'at-risk' as const, 'off-track' as const),
      confidenceBefore: fc.option(fc.integer({ min: 1, max: 10 })), confidenceNow: fc.option(fc.integer({ min: 1, max: 10 })),
      checkedInSinceLastMeeting: fc.boolean(), newBlockers: fc.integer({ min: 0, max: 3 }),
    });
    fc.assert(fc.property(fc.array(facts, { maxLength: 20 }), (list) => {
      const order = meetingAgenda(list.map((f, i) => ({ ...f, id: i })));
      expect(order.map((o) => o.id).sort((a, b) => a - b)).toEqual(list.map((_, i) => i));
      const firstCalm = order.findIndex((o) => o.reasons.length === 0);
      if (firstCalm >= 0) expect(order.slice(firstCalm).every((o) => o.reasons.length === 0)).toBe(true);
    }));
  });
});
