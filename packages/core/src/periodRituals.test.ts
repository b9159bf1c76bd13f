import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ritualDateProblems } from './periodRituals.js';

const t2 = { startDate: '2027-05-01', endDate: '2027-08-31' };

describe('ritualDateProblems', () => {
  it('accepts a tertial with its workshop in the last weeks of the one before, review and retrospective at its end', () => {
    expect(ritualDateProblems({ ...t2, planningStartDate: '2027-04-12', planningEndDate: '2027-04-30', reviewDate: '2027-08-30', retrospectiveDate: '2027-08-31' })).toEqual([]);
  });

  it('accepts no dates at all, and any one of them alone', () => {
    expect(ritualDateProblems(t2)).toEqual([]);
    expect(ritualDateProblems({ ...t2, reviewDate: '2027-09-03', planningStartDate: null })).toEqual([]);
  });

  it('refuses a planning window that closes before it opens, naming its end', () => {
    const problems = ritualDateProblems({ ...t2, planningStartDate: '2027-04-20', planningEndDate: '2027-04-10' });
    expect(problems).toEqual([{ field: 'planningEndDate', code: 'too_early', message: 'must not be before the start of the planning window (2027-04-20)', params: { after: 'planningStartDate', date: '2027-04-20' } }]);
  });

  it('refuses a planning window after the cycle has ended', () => {
    expect(ritualDateProblems({ ...t2, planningStartDate: '2027-09-01', planningEndDate: '2027-09-05' }).map((p) => p.field)).toEqual(['planningStartDate', 'planningEndDate']);
  });

  it('refuses a review before the cycle starts or before planning ends, and a retrospective before the review', () => {
    expect(ritualDateProblems({ ...t2, reviewDate: '2027-04-30' }).map((p) => p.field)).toEqual(['reviewDate']);
    expect(ritualDateProblems({ ...t2, planningEndDate: '2027-05-10', reviewDate: '2027-05-05' }).map((p) => [p.field, p.params.after])).toEqual([['reviewDate', 'planningEndDate']]);
    expect(ritualDateProblems({ ...t2, reviewDate: '2027-08-30', retrospectiveDate: '2027-08-29' }).map((p) => [p.field, p.params.after])).toEqual([['retrospectiveDate', 'reviewDate']]);
  });

  it('property: dates in the order planning start ≤ planning end ≤ cycle end, start ≤ review ≤ retrospective always fit', () => {
    const day = fc.integer({ min: 0, max: 400 }).map((n) => new Date(Date.UTC(2027, 0, 1) + n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(fc.property(fc.array(day, { minLength: 6, maxLength: 6 }), (days) => {
      const [ps, pe, start, review, retro, end] = [...days].sort();
      return ritualDateProblems({ startDate: start!, endDate: end!, planningStartDate: ps, planningEndDate: pe, reviewDate: review, retrospectiveDate: retro }).length === 0;
    }));
  });
});
