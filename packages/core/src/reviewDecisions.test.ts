import { describe, expect, it } from 'vitest';
import { closingPlan, effectiveDecision, lastingAlignments, undecidedItems, type ReviewedObjective } from './reviewDecisions.js';

const objective = (over: Partial<ReviewedObjective> = {}): ReviewedObjective => ({
  id: 'o1', status: 'active', score: 0.5, decision: null,
  keyResults: [{ id: 'k1', score: 1, decision: null }, { id: 'k2', score: 0.4, decision: null }, { id: 'k3', score: 0, decision: null }],
  ...over,
});

describe('undecidedItems', () => {
  it('names an open objective and each open key result of it', () => {
    expect(undecidedItems([objective()])).toEqual([
      { kind: 'objective', id: 'o1' }, { kind: 'keyResult', id: 'k2' }, { kind: 'keyResult', id: 'k3' },
    ]);
  });
  it('takes an objective decision as deciding its key results', () => {
    expect(undecidedItems([objective({ decision: 'carryOver' })])).toEqual([]);
  });
  it('takes decisions on every open key result as deciding the objective', () => {
    const o = objective({ keyResults: [{ id: 'k1', score: 1, decision: null }, { id: 'k2', score: 0.4, decision: 'promoteToKpi' }, { id: 'k3', score: 0, decision: 'drop' }] });
    expect(undecidedItems([o])).toEqual([]);
  });
  it('asks nothing of done, cancelled or fully reached objectives', () => {
    expect(undecidedItems([objective({ status: 'done' }), objective({ status: 'cancelled' }),
      objective({ keyResults: [{ id: 'k1', score: 1, decision: null }] })])).toEqual([]);
  });
});

describe('closingPlan', () => {
  it("carries, parks and promotes by each key result's own decision, else its objective's, leaving reached ones behind", () => {
    const o = objective({ decision: 'carryOver', keyResults: [
      { id: 'k1', score: 1, decision: null }, { id: 'k2', score: 0.4, decision: 'backlog' }, { id: 'k3', score: 0, decision: null }, { id: 'k4', score: 0.2, decision: 'promoteToKpi' },
    ] });
    expect(closingPlan(o)).toEqual({ carryOver: ['k3'], backlog: ['k2'], promote: ['k4'], copyToNext: true, copyToBacklog: true });
    expect(effectiveDecision(objective(), { id: 'k1', score: 1, decision: null })).toBe('done');
    expect(effectiveDecision(objective(), { id: 'k2', score: 0.4, decision: null })).toBeNull();
  });
  it('makes no empty copy: an objective carried over with nothing left open stays behind', () => {
    const reached = objective({ decision: 'carryOver', keyResults: [{ id: 'k1', score: 1, decision: null }, { id: 'k2', score: 0.3, decision: 'drop' }] });
    expect(closingPlan(reached)).toMatchObject({ carryOver: [], copyToNext: false, copyToBacklog: false });
    expect(closingPlan(objective({ decision: 'backlog', keyResults: [] }))).toMatchObject({ copyToBacklog: true, copyToNext: false });
  });
});

describe('lastingAlignments', () => {
  it("keeps the links to KPIs and the year's Moals, not to the old cycle's work", () => {
    const kinds: Record<string, 'year' | 'cycle'> = { moal: 'year', moalKr: 'year', parent: 'cycle', parentKr: 'cycle' };
    const links = [{ objectiveId: 'moal' }, { keyResultId: 'moalKr' }, { objectiveId: 'parent' }, { keyResultId: 'parentKr' }, { kpiId: 'k' }, { objectiveId: 'gone' }];
    expect(lastingAlignments(links, (l) => kinds['objectiveId' in l ? l.objectiveId : 'keyResultId' in l ? l.keyResultId : ''])).toEqual([{ objectiveId: 'moal' }, { keyResultId: 'moalKr' }, { kpiId: 'k' }]);
  });
});
