// A progress bar with the expected-progress mark; the numbers are always in text too, so colour
// and position are never the only signal.
import { useTranslation } from 'react-i18next';
import type { TrackStatus } from '@varde/core/rules';
import { percent } from '../i18n/format';

export function ProgressBar({ progress, expected, status, label }: { progress: number; expected: number; status: TrackStatus; label: string }) {
  const { t, i18n } = useTranslation();
  const clamped = Math.max(0, Math.min(1, progress));
  const text = t('progress.valueText', { progress: percent(i18n.language, progress), expected: percent(i18n.language, expected) });
  return (
    <div className="progress">
      <div className="progress-track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100}
        aria-valuenow={Math.round(clamped * 100)} aria-valuetext={text}>
        <div className={`progress-fill ${status}`} style={{ width: `${clamped * 100}%` }} />
        <div className="progress-expected" style={{ left: `${Math.max(0, Math.min(1, expected)) * 100}%` }} title={t('progress.expectedMark')} />
      </div>
      <div className="progress-text" aria-hidden="true">
        <span><strong>{percent(i18n.language, progress)}</strong></span>
        <span>{t('progress.expectedShort', { expected: percent(i18n.language, expected) })}</span>
      </div>
    </div>
  );
}
