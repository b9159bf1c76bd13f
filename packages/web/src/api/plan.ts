// Data for the planning workshop: a unit's plan for a cycle in one read (its drafts with the
// coach's hints, the checklist, what it pays into, the backlog, the proposals), and the hints an
// objective or key result carries wherever it is served. Apart from hooks.ts so that only the
// screens that show them carry them.
import { useQuery } from '@tanstack/react-query';
import type { HintView, Plan } from '@varde/core';
import { api } from './client';

export type { HintView, Plan };

export const planKeys = {
  all: ['plan'] as const,
  plan: (unitId: string, periodId: string) => ['plan', unitId, periodId] as const,
};

export const planPath = (unitId: string, periodId: string) => `/units/${unitId}/plans/${periodId}`;

export const usePlan = (unitId: string, periodId: string) => useQuery({
  queryKey: planKeys.plan(unitId, periodId), queryFn: () => api.get<Plan>(planPath(unitId, periodId)), enabled: Boolean(unitId && periodId),
});

/** What the coach says about an objective or a key result, as the server serves it on each. */
export function hintsOf(subject: { hints?: readonly HintView[] | undefined } | undefined): readonly HintView[] {
  return subject?.hints ?? [];
}

/** What a hint is about, for a dismissal. */
export interface HintSubject { kind: 'objective' | 'keyResult' | 'unit'; id: string }
