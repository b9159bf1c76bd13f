// What every view of a KPI shows the same way: its status as a badge in words (not colour alone),
// its healthy range in words, and its sparkline with an accessible name that tells the trend.
import type { Kpi } from '@varde/core';
import { kpiTrend } from '@varde/core/rules';
import { Sparkline } from '../../components/Sparkline';
import { useKpiTexts } from '../../i18n/kpiTexts';
import { valueWithMeasure } from '../../i18n/format';

const BADGE = { healthy: 'on-track', unhealthy: 'off-track', stale: 'due' } as const;
const MARK = { healthy: '✓', unhealthy: '!', stale: '…' } as const;

export function KpiStatusBadge({ kpi }: { kpi: Pick<Kpi, 'status'> }) {
  const { t } = useKpiTexts();
  return (
    <span className={`badge ${BADGE[kpi.status]}`} title={kpi.status === 'stale' ? t('staleHint') : undefined}>
      <span aria-hidden="true">{MARK[kpi.status]}</span> {t(`status.${kpi.status}`)}
    </span>
  );
}

export function useRangeText() {
  const { t, i18n } = useKpiTexts();
  return (k: Pick<Kpi, 'direction' | 'low' | 'high' | 'measure'>) => t(`range.${k.direction}`, {
    low: valueWithMeasure(i18n.language, k.low, k.measure), high: valueWithMeasure(i18n.language, k.high, k.measure),
  });
}

export function KpiSparkline({ kpi, width, height }: { kpi: Pick<Kpi, 'title' | 'measure' | 'recent'>; width?: number; height?: number }) {
  const { t, i18n } = useKpiTexts();
  const values = kpi.recent.map((r) => r.value);
  const trend = t(`trend.${kpiTrend(values)}`);
  const label = values.length < 2 ? t('sparklineFew', { title: kpi.title, trend })
    : t('sparkline', { title: kpi.title, trend, count: values.length, first: valueWithMeasure(i18n.language, values[0]!, kpi.measure), last: valueWithMeasure(i18n.language, values[values.length - 1]!, kpi.measure) });
  return <span role="img" aria-label={label} className="kpi-spark"><Sparkline values={values} {...(width ? { width } : {})} {...(height ? { height } : {})} /></span>;
}
