// A progress bar with the expected-progress mark; the numbers are always in text too, so colour
// and position are never the only signal. Without a check-in, without OKRs, or with the final
// result of a closed period it shows no expected mark and claims nothing about being on track.
import { useTranslation } from 'react-i18next';
import type { ProgressReading, TrackStatus } from '@varde/core/rules';
import { percent } from '../i18n/format';

export function ProgressBar({ progress, expected, status, label, reading = 'measured' }: {
  progress: number; expected: number; status: TrackStatus; label: string; reading?: ProgressReading;
}) {
  const { t, i18n } = useTranslation();
  const clamped = Math.max(0, Math.min(1, progress));
  const shown = percent(i18n.language, progress);
  const measured = reading === 'measured';
  const text = measured
    ? t('progress.valueText', { progress: shown, expected: percent(i18n.language, expected) })
    : reading === 'final' ? t('reading.finalText', { progress: shown }) : t(`reading.${reading}`);
  return (
    <div className="progress">
      <div className="progress-track" role="progressbar" aria-label={label} aria-valuemin={0} aria-valuemax={100}
        aria-valuenow={Math.round(clamped * 100)} aria-valuetext={text}>
        <div className={`progress-fill ${measured ? status : `reading ${reading}`}`} style={{ width: `${clamped * 100}%` }} />
        {measured && <div className="progress-expected" style={{ left: `${Math.max(0, Math.min(1, expected)) * 100}%` }} title={t('progress.expectedMark')} />}
      </div>
      <div className="progress-text" aria-hidden="true">
        <span><strong>{reading === 'no-okrs' ? '–' : shown}</strong></span>
        <span>{measured ? t('progress.expectedShort', { expected: percent(i18n.language, expected) }) : t(`reading.${reading}`)}</span>
      </div>
    </div>
  );
}
