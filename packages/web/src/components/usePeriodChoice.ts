// The period a screen shows: ?period= in the address (so it can be shared and survives reload),
// else the running cycle, else the latest cycle (core's defaultPeriod, which the server's first
// view of a screen uses too).
import { useSearchParams } from 'wouter';
import { defaultPeriod, type Period } from '@varde/core';
import { usePeriods } from '../api/hooks';

export function usePeriodChoice(): { period: Period | undefined; periods: Period[]; choose(id: string): void; isLoading: boolean } {
  const periods = usePeriods();
  const [params, setParams] = useSearchParams();
  const list = periods.data ?? [];
  const wanted = params.get('period');
  const period = list.find((p) => p.id === wanted) ?? defaultPeriod(list);
  return {
    period, periods: list, isLoading: periods.isLoading,
    choose: (id) => setParams((prev) => { const next = new URLSearchParams(prev); next.set('period', id); return next; }, { replace: true }),
  };
}
