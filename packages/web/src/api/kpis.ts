// Data for KPIs (issue 15): boards by unit or subtree, one KPI, its check-ins. Apart from hooks.ts
// so that only the parts that show KPIs carry it.
import { useInfiniteQuery, useQuery, type QueryClient } from '@tanstack/react-query';
import type { Kpi, KpiCheckIn, Page } from '@varde/core';
import { api, query } from './client';

export const kpiKeys = {
  all: ['kpi'] as const,
  board: (scope: KpiScope) => ['kpi', 'board', scope.unit ?? '', scope.under ?? ''] as const,
  one: (id: string) => ['kpi', 'one', id] as const,
  checkIns: (id: string) => ['kpi', 'checkIns', id] as const,
};

/** One unit's KPIs, or a unit's and its subtree's. */
export interface KpiScope { unit?: string | undefined; under?: string | undefined }

const PAGE = 50;

export const useKpiBoard = (scope: KpiScope) => useInfiniteQuery({
  queryKey: kpiKeys.board(scope),
  queryFn: ({ pageParam }) => api.get<Page<Kpi>>(`/kpis${query({ unit: scope.unit, under: scope.under, limit: PAGE, cursor: pageParam })}`),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last) => last.nextCursor ?? undefined,
  enabled: Boolean(scope.unit || scope.under),
});

export const useKpi = (id: string) => useQuery({ queryKey: kpiKeys.one(id), queryFn: () => api.get<Kpi>(`/kpis/${id}`), enabled: Boolean(id) });

export const useKpiCheckIns = (id: string) => useInfiniteQuery({
  queryKey: kpiKeys.checkIns(id),
  queryFn: ({ pageParam }) => api.get<Page<KpiCheckIn>>(`/kpis/${id}/check-ins${query({ limit: 200, cursor: pageParam })}`),
  initialPageParam: undefined as string | undefined,
  getNextPageParam: (last) => last.nextCursor ?? undefined,
  enabled: Boolean(id),
});

/** After any write to KPIs: every board, page and history reads afresh. */
export const refreshKpis = (client: QueryClient) => client.invalidateQueries({ queryKey: kpiKeys.all });
