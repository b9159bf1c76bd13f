// On track, at risk or off track: an icon and a word beside the colour. A progress that is not
// measured yet (no check-in, no OKRs) or is final (closed period) makes no on-track claim.
import { useTranslation } from 'react-i18next';
import type { ProgressReading, TrackStatus } from '@varde/core/rules';

const ICON: Record<TrackStatus, string> = { 'on-track': '●', 'at-risk': '▲', 'off-track': '■' };
const READING_ICON: Record<Exclude<ProgressReading, 'measured'>, string> = { 'no-check-in': '○', 'no-okrs': '–', final: '✓' };

export function TrackBadge({ status, reading = 'measured' }: { status: TrackStatus; reading?: ProgressReading }) {
  const { t } = useTranslation();
  if (reading !== 'measured') {
    return <span className={`badge reading ${reading}`}><span aria-hidden="true">{READING_ICON[reading]}</span>{t(`reading.${reading}`)}</span>;
  }
  return <span className={`badge ${status}`}><span aria-hidden="true">{ICON[status]}</span>{t(`track.${status}`)}</span>;
}
