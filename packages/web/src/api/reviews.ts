// Data for the review at the end of a cycle (issue 15): a unit's review, the organisation's view of
// a cycle's reviews, and a unit's trend over its cycles. Apart from hooks.ts so that only the
// screens that show reviews carry it.
import { useQuery } from '@tanstack/react-query';
import type { PeriodReviews, Review, ReviewPatch, UnitCycleTrend } from '@varde/core';
import { api } from './client';

export const reviewKeys = {
  one: (unitId: string, periodId: string) => ['review', unitId, periodId] as const,
  period: (periodId: string) => ['review', 'period', periodId] as const,
  trend: (unitId: string) => ['review', 'trend', unitId] as const,
};

export const useReview = (unitId: string, periodId: string) => useQuery({
  queryKey: reviewKeys.one(unitId, periodId), queryFn: () => api.get<Review>(`/units/${unitId}/reviews/${periodId}`), enabled: Boolean(unitId && periodId),
});
export const usePeriodReviews = (periodId: string | undefined) => useQuery({
  queryKey: reviewKeys.period(periodId ?? ''), queryFn: () => api.get<PeriodReviews>(`/periods/${periodId}/reviews`), enabled: Boolean(periodId),
});
export const useCycleTrend = (unitId: string) => useQuery({
  queryKey: reviewKeys.trend(unitId), queryFn: () => api.get<UnitCycleTrend>(`/units/${unitId}/cycle-trend`), enabled: Boolean(unitId),
});

export const patchReview = (r: Pick<Review, 'unitId' | 'periodId' | 'version'>, change: Omit<ReviewPatch, 'version'>) =>
  api.patch<Review>(`/units/${r.unitId}/reviews/${r.periodId}`, { ...change, version: r.version });
export const closeReview = (r: Pick<Review, 'unitId' | 'periodId' | 'version'>) =>
  api.post<Review>(`/units/${r.unitId}/reviews/${r.periodId}/close`, { version: r.version });
