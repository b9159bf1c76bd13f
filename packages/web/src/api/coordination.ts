// Data for coordination between units: a unit's open dependencies and contradiction flags, a
// comment thread, and the alignment of the units below one. Apart from hooks.ts so that only the
// parts that show them carry them.
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import type { Comment, Contradiction, Dependency, Page, UnitAlignment } from '@varde/core';
import { api, query } from './client';
import { all } from './hooks';

export type CommentsOn = { objectiveId: string } | { keyResultId: string };

export const coordinationKeys = {
  dependencies: (unitId: string) => ['dependencies', unitId] as const,
  contradictions: (unitId: string) => ['contradictions', unitId] as const,
  comments: (on: CommentsOn) => ['comments', 'objectiveId' in on ? `o:${on.objectiveId}` : `k:${on.keyResultId}`] as const,
  alignment: (unitId: string, periodId: string) => ['alignment', unitId, periodId] as const,
};

export const commentsPath = (on: CommentsOn) => ('objectiveId' in on ? `/objectives/${on.objectiveId}/comments` : `/key-results/${on.keyResultId}/comments`);

/** The dependencies a unit raised or was asked for that are not resolved, both directions. */
export const useOpenDependencies = (unitId: string) => useQuery({
  queryKey: coordinationKeys.dependencies(unitId), queryFn: () => all<Dependency>(`/dependencies${query({ unit: unitId, state: 'open' })}`),
});
/** The contradiction flags standing on a key result of the unit. */
export const useContradictions = (unitId: string) => useQuery({
  queryKey: coordinationKeys.contradictions(unitId), queryFn: () => all<Contradiction>(`/contradictions${query({ unit: unitId })}`),
});
/** A thread, oldest first, a page at a time (fetchNextPage for the next). */
export const useComments = (on: CommentsOn, limit = 50) => useInfiniteQuery({
  queryKey: coordinationKeys.comments(on),
  queryFn: ({ pageParam }) => api.get<Page<Comment>>(`${commentsPath(on)}${query({ limit, cursor: pageParam })}`),
  initialPageParam: null as string | null,
  getNextPageParam: (last) => last.nextCursor,
});
export const useUnitAlignment = (unitId: string, periodId: string | undefined) => useQuery({
  queryKey: coordinationKeys.alignment(unitId, periodId ?? ''), queryFn: () => api.get<UnitAlignment>(`/units/${unitId}/alignment${query({ period: periodId })}`),
  enabled: Boolean(periodId),
});
