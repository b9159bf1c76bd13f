// A cycle's ritual dates in a line, in the reader's language: the planning window, the review and
// the retrospective, whichever are set.
import { useTranslation } from 'react-i18next';
import type { Period } from '@varde/core';
import { date } from '../i18n/format';

type Rituals = Pick<Period, 'planningStartDate' | 'planningEndDate' | 'reviewDate' | 'retrospectiveDate'>;

export function useRitualSummary(): (p: Rituals) => string[] {
  const { t, i18n } = useTranslation();
  const d = (iso: string) => date(i18n.language, iso);
  return (p) => {
    const parts: string[] = [];
    if (p.planningStartDate && p.planningEndDate) parts.push(t('rituals.planningWindow', { from: d(p.planningStartDate), to: d(p.planningEndDate) }));
    else if (p.planningStartDate) parts.push(t('rituals.planningFrom', { date: d(p.planningStartDate) }));
    else if (p.planningEndDate) parts.push(t('rituals.planningUntil', { date: d(p.planningEndDate) }));
    if (p.reviewDate) parts.push(t('rituals.reviewOn', { date: d(p.reviewDate) }));
    if (p.retrospectiveDate) parts.push(t('rituals.retrospectiveOn', { date: d(p.retrospectiveDate) }));
    return parts;
  };
}

/** The dates as a short list, or "no ritual dates" when `showNone`. */
export function RitualDates({ period, showNone = false }: { period: Rituals; showNone?: boolean }) {
  const { t } = useTranslation();
  const parts = useRitualSummary()(period);
  if (parts.length === 0) return showNone ? <span className="muted small">{t('rituals.noDates')}</span> : null;
  return <span className="small">{parts.join(' · ')}</span>;
}
