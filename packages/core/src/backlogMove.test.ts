import { describe, expect, it } from 'vitest';
import { objectivePlacement } from './backlogMove.js';

const planning = { kind: 'cycle', state: 'planning' } as const;

describe('objectivePlacement', () => {
  it('parks a draft: status backlog, no period', () => {
    expect(objectivePlacement({ status: 'draft', periodId: 't2' }, { status: 'backlog' })).toEqual({ status: 'backlog', periodId: null });
  });

  it('refuses to park an active objective, and a park that names a period', () => {
    expect(objectivePlacement({ status: 'active', periodId: 't2' }, { status: 'backlog' })).toMatchObject({ field: 'status', code: 'park_drafts_only' });
    expect(objectivePlacement({ status: 'draft', periodId: 't2' }, { status: 'backlog', periodId: 't3' })).toMatchObject({ field: 'periodId', code: 'backlog_has_no_period' });
  });

  it('pulls a parked objective as a draft into a cycle in planning or active', () => {
    expect(objectivePlacement({ status: 'backlog', periodId: null }, { status: 'draft', periodId: 't3' }, planning)).toEqual({ status: 'draft', periodId: 't3' });
    expect(objectivePlacement({ status: 'backlog', periodId: null }, { status: 'draft', periodId: 't2' }, { kind: 'cycle', state: 'active' })).toEqual({ status: 'draft', periodId: 't2' });
  });

  it('refuses a pull without a period, into a closed cycle or a year, or straight to active', () => {
    const parked = { status: 'backlog', periodId: null } as const;
    expect(objectivePlacement(parked, { status: 'draft' })).toMatchObject({ field: 'periodId', code: 'required' });
    expect(objectivePlacement(parked, { status: 'draft', periodId: 't1' }, { kind: 'cycle', state: 'closed' })).toMatchObject({ field: 'periodId', code: 'period_not_open' });
    expect(objectivePlacement(parked, { status: 'draft', periodId: 'y' }, { kind: 'year', state: 'active' })).toMatchObject({ field: 'periodId', code: 'period_not_open' });
    expect(objectivePlacement(parked, { status: 'active', periodId: 't3' }, planning)).toMatchObject({ field: 'status', code: 'pull_as_draft' });
    expect(objectivePlacement(parked, { periodId: 't3' }, planning)).toMatchObject({ field: 'periodId', code: 'backlog_has_no_period' });
  });

  it('keeps a parked objective parked through other changes, and leaves other objectives as they were', () => {
    expect(objectivePlacement({ status: 'backlog', periodId: null }, {})).toEqual({ status: 'backlog', periodId: null });
    expect(objectivePlacement({ status: 'draft', periodId: 't2' }, { status: 'active' })).toEqual({ status: 'active', periodId: 't2' });
    expect(objectivePlacement({ status: 'active', periodId: 't2' }, { periodId: 't3' })).toEqual({ status: 'active', periodId: 't3' });
  });
});
