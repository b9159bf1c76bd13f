// The status and the forecast told as one sentence ("On track now; at this pace 71 % by the end"),
// so the badge and the forecast never contradict: heading short at this pace is said to be at risk.
import { useTranslation } from 'react-i18next';
import type { KeyResult } from '@varde/core';
import { percent, valueWithMeasure } from '../../i18n/format';

export function ForecastStory({ keyResult: k }: { keyResult: KeyResult }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const f = k.forecast;
  if (!f) return <p className="small" style={{ margin: '.2rem 0 0' }}>{t('forecastStory.none')}</p>;
  const value = valueWithMeasure(lang, f.value, k.measure);
  const trended = k.type === 'increase' || k.type === 'decrease';
  const vars = { status: t(`track.${k.trackStatus}`), progress: percent(lang, f.progress), value };
  let sentence: string;
  if (k.reading === 'final') sentence = t('forecastStory.final', vars);
  else if (!trended) sentence = t('forecastStory.held', vars);
  else if (f.status !== k.trackStatus) sentence = t('forecastStory.atRisk', vars);
  else sentence = t('forecastStory.pace', vars);
  const range = trended && k.reading !== 'final' && f.low !== f.high
    ? ` ${t('forecastStory.range', { low: valueWithMeasure(lang, f.low, k.measure), high: valueWithMeasure(lang, f.high, k.measure) })}`
    : '';
  return (
    <p className="small" style={{ margin: '.2rem 0 0' }} data-testid="forecast-story">
      {f.status === 'at-risk' && f.status !== k.trackStatus && <span className="badge at-risk" style={{ marginInlineEnd: '.4rem' }}><span aria-hidden="true">▲</span>{t('track.at-risk')}</span>}
      {sentence}{range}
    </p>
  );
}
