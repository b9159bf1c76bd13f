// The period a screen shows: ?period= in the address (so it can be shared and survives reload),
// else the running cycle, else the latest cycle.
import { useSearchParams } from 'wouter';
import type { Period } from '@varde/core';
import { usePeriods } from '../api/hooks';

export function defaultPeriod(periods: readonly Period[], today = new Date().toISOString().slice(0, 10)): Period | undefined {
  const cycles = periods.filter((p) => p.kind === 'cycle');
  return cycles.find((p) => p.startDate <= today && p.endDate >= today && p.state !== 'closed')
    ?? cycles.find((p) => p.state === 'active')
    ?? cycles[cycles.length - 1];
}

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
