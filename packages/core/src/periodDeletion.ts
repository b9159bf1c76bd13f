// Deleting a period: only one made by mistake or too early, so only while it is still being
// planned and holds nothing. A period that ran is history (close it instead), and objectives or
// initiatives in it would go with it unseen, so those are moved or deleted first.

export interface PeriodContents { state: string; objectives: number; initiatives: number }
export interface PeriodDeleteProblem { code: 'period_not_empty' | 'period_not_planning'; message: string; params: Record<string, string | number> }

const counted = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** Why the period may not be deleted; empty when it may. */
export function periodDeleteProblems({ state, objectives, initiatives }: PeriodContents): PeriodDeleteProblem[] {
  const problems: PeriodDeleteProblem[] = [];
  if (state !== 'planning') {
    problems.push({ code: 'period_not_planning', message: `is ${state}; only a period still in planning can be deleted (close it instead)`, params: { state } });
  }
  if (objectives > 0 || initiatives > 0) {
    const held = [objectives > 0 ? counted(objectives, 'objective', 'objectives') : '', initiatives > 0 ? counted(initiatives, 'initiative', 'initiatives') : ''].filter(Boolean).join(' and ');
    problems.push({ code: 'period_not_empty', message: `still holds ${held}; move or delete them first`, params: { objectives, initiatives } });
  }
  return problems;
}
