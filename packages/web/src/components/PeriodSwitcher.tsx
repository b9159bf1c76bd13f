// Chooses the period a screen shows; the state is part of each period's name in the list.
import { useTranslation } from 'react-i18next';
import { SelectField } from './SelectField';
import { usePeriodChoice } from './usePeriodChoice';

export function PeriodSwitcher({ kinds = ['cycle'] }: { kinds?: Array<'cycle' | 'year'> }) {
  const { t } = useTranslation();
  const { period, periods, choose } = usePeriodChoice();
  const choices = periods.filter((p) => kinds.includes(p.kind)).slice().reverse()
    .map((p) => ({ id: p.id, label: `${p.name} · ${t(`periodState.${p.state}`)}` }));
  return (
    <div style={{ minWidth: '14rem' }}>
      <SelectField label={t('period.label')} value={period?.id ?? null} onChange={choose} choices={choices} />
    </div>
  );
}
