// The audit trail for admins: every recorded change in the organisation, filtered by who, what
// and when (days in the organisation's time zone), each opening to every field before and after,
// and the same selection as a CSV file for a spreadsheet.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVENT_TYPES } from '@varde/core/rules';
import { query } from '../../api/client';
import { keys, useOrganisation, usePeople } from '../../api/hooks';
import { HISTORY_NS } from '../../i18n';
import { SelectField } from '../../components/SelectField';
import { DateInputField } from '../../components/DateInputField';
import { EventList } from '../../components/history/EventList';
import { useEventPages } from '../../components/history/useEventPages';
import { ErrorState, Loading } from '../../components/States';

const EVERYONE = '';

export function AuditTrail() {
  const { t } = useTranslation(HISTORY_NS);
  const people = usePeople();
  const org = useOrganisation();
  const [filters, setFilters] = useState({ actor: EVERYONE, type: EVERYONE, from: '', to: '' });
  const set = (field: keyof typeof filters) => (value: string) => setFilters((f) => ({ ...f, [field]: value }));
  const search = query(filters);
  const pages = useEventPages(keys.audit(search), `/audit${search}`);
  const csv = `/api/v1/audit${query({ ...filters, format: 'csv' })}`;
  const types = [{ id: EVERYONE, label: t('audit.everything') }, ...EVENT_TYPES.map((type) => ({ id: type, label: t(`typeName.${type}`) }))];
  const actors = [{ id: EVERYONE, label: t('audit.everyone') }, ...(people.data ?? []).map((p) => ({ id: p.id, label: p.name }))];
  // A bad filter (a date the server refuses) is shown at its field.
  const fieldError = (field: string) => (pages.first.error as { errors?: Array<{ field: string; message: string }> } | null)?.errors?.find((e) => e.field === field)?.message;

  return (
    <div className="card stack">
      <div>
        <h2>{t('audit.title')}</h2>
        <p className="muted" style={{ margin: '.3rem 0 0' }}>{t('audit.lead')}</p>
      </div>
      <fieldset className="audit-filters">
        <legend>{t('audit.filters')}</legend>
        <SelectField label={t('audit.actor')} value={filters.actor} onChange={set('actor')} choices={actors} />
        <SelectField label={t('audit.type')} value={filters.type} onChange={set('type')} choices={types} />
        <DateInputField label={t('audit.from')} value={filters.from} onChange={set('from')} error={fieldError('from')} />
        <DateInputField label={t('audit.to')} value={filters.to} onChange={set('to')} error={fieldError('to')} />
      </fieldset>
      <div className="row">
        <button type="button" className="button secondary small" onClick={() => setFilters({ actor: EVERYONE, type: EVERYONE, from: '', to: '' })}>{t('audit.clear')}</button>
        <a className="button small" href={csv} download>{t('audit.csv')}</a>
        <span className="small muted">{t('audit.csvHint')}</span>
      </div>
      {pages.first.isLoading || org.isLoading ? <Loading />
        : pages.first.error ? <ErrorState error={pages.first.error} onRetry={() => void pages.first.refetch()} />
        : <EventList pages={pages} timeZone={org.data?.timeZone} withFields empty={t('audit.empty')} />}
    </div>
  );
}
