// On track, at risk or off track: an icon and a word beside the colour.
import { useTranslation } from 'react-i18next';
import type { TrackStatus } from '@varde/core/rules';

const ICON: Record<TrackStatus, string> = { 'on-track': '●', 'at-risk': '▲', 'off-track': '■' };

export function TrackBadge({ status }: { status: TrackStatus }) {
  const { t } = useTranslation();
  return <span className={`badge ${status}`}><span aria-hidden="true">{ICON[status]}</span>{t(`track.${status}`)}</span>;
}
