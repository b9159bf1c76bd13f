// Data for the retrospective (issue 15): a unit's retrospective of a cycle, its writes and the
// vote, and an action marked done. Apart from hooks.ts so that only the screens that show a
// retrospective carry it.
import { useQuery } from '@tanstack/react-query';
import type { Retrospective, RetrospectivePatch } from '@varde/core';
import { api, ApiError } from './client';

export const retrospectiveKeys = {
  one: (unitId: string, periodId: string) => ['retrospective', unitId, periodId] as const,
};
const path = (unitId: string, periodId: string) => `/units/${unitId}/retrospectives/${periodId}`;

export const useRetrospective = (unitId: string, periodId: string | undefined) => useQuery({
  queryKey: retrospectiveKeys.one(unitId, periodId ?? ''),
  queryFn: () => api.get<Retrospective>(path(unitId, periodId!)),
  enabled: Boolean(unitId && periodId),
});

/** A note on one question, written at the retrospective's version; if someone else wrote meanwhile
 *  (409), it is written once more at the fresh version: a note is the room's, the later one wins
 *  as it would on the whiteboard. */
export async function patchNotes(r: Pick<Retrospective, 'unitId' | 'periodId' | 'version'>, notes: NonNullable<RetrospectivePatch['notes']>): Promise<Retrospective> {
  try {
    return await api.patch<Retrospective>(path(r.unitId, r.periodId), { version: r.version, notes });
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 409 || error.errors.some((e) => e.field !== 'version')) throw error;
    const fresh = await api.get<Retrospective>(path(r.unitId, r.periodId));
    return api.patch<Retrospective>(path(r.unitId, r.periodId), { version: fresh.version, notes });
  }
}

/** The whole list of actions: a stale version is not retried, since the list replaces another's. */
export const patchActions = (r: Pick<Retrospective, 'unitId' | 'periodId' | 'version'>, actions: NonNullable<RetrospectivePatch['actions']>) =>
  api.patch<Retrospective>(path(r.unitId, r.periodId), { version: r.version, actions });

export const voteMood = (unitId: string, periodId: string, mood: number) => api.post<Retrospective>(`${path(unitId, periodId)}/votes`, { mood });

export const markActionDone = (actionId: string) => api.post<Retrospective>(`/retrospective-actions/${actionId}/done`, {});
