// Chooses the period a screen shows; the state is part of each period's name in the list, and the
// chosen cycle's ritual dates (planning window, review, retrospective) stand under it.
import { useTranslation } from 'react-i18next';
import { SelectField } from './SelectField';
import { useRitualSummary } from './RitualDates';
import { usePeriodChoice } from './usePeriodChoice';

export function PeriodSwitcher({ kinds = ['cycle'] }: { kinds?: Array<'cycle' | 'year'> }) {
  const { t } = useTranslation();
  const { period, periods, choose } = usePeriodChoice();
  const ritualSummary = useRitualSummary();
  const rituals = period ? ritualSummary(period) : [];
  const choices = periods.filter((p) => kinds.includes(p.kind)).slice().reverse()
    .map((p) => ({ id: p.id, label: `${p.name} · ${t(`periodState.${p.state}`)}` }));
  return (
    <div className="period-switcher">
      <SelectField label={t('period.label')} value={period?.id ?? null} onChange={choose} choices={choices} />
      {rituals.length > 0 && <p className="muted small" style={{ margin: '.25rem 0 0', maxWidth: '22rem' }}>{rituals.join(' · ')}</p>}
    </div>
  );
}
