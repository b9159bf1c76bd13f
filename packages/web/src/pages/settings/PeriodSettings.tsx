// Years and cycles: add the next one with its ritual dates, move a period through planning →
// active → review → closed (an activation the server refuses for unpublished drafts can be
// confirmed), set its ritual dates, and delete one made by mistake.
import { Suspense, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { canTransition, PERIOD_STATES, type PeriodState } from '@varde/core/rules';
import type { Period } from '@varde/core';
import { api, ApiError } from '../../api/client';
import { usePeriods } from '../../api/hooks';
import { FormError, TextInput } from '../../components/Fields';
import { SelectField } from '../../components/SelectField';
import { DateInputField } from '../../components/DateInputField';
import { formMessage, localFieldErrors } from '../../components/fieldMessages';
import { Loading } from '../../components/States';
import { useFocusFirstInvalid } from '../../components/focusFirstInvalid';
import { useToast } from '../../components/Toast';
import { ConfirmAction } from '../../components/ConfirmAction';
import { date } from '../../i18n/format';
import { RitualDates } from '../../components/RitualDates';
import { useReviewTexts } from '../../i18n/reviewTexts';
import { PeriodRitualsDialog, RitualDateFields, ritualBody, RITUAL_FIELDS, type RitualField } from './PeriodRituals';

const NO_RITUALS: Record<RitualField, string> = { planningStartDate: '', planningEndDate: '', reviewDate: '', retrospectiveDate: '' };

type RefusedUnit = { id: string; name: string; draftCount?: number | undefined };
type Refusal = { code: 'unpublished_drafts' | 'reviews_not_closed'; units: RefusedUnit[] };

/** The server's refusal to activate a cycle whose units have unpublished drafts, or to close one
 *  whose units have not closed their review, with the units. */
function refusalOf(error: unknown): Refusal | undefined {
  if (!(error instanceof ApiError)) return undefined;
  const code = error.errors.find((e) => e.code === 'unpublished_drafts' || e.code === 'reviews_not_closed')?.code as Refusal['code'] | undefined;
  return code ? { code, units: error.problem?.units ?? [] } : undefined;
}

/** Says which units have drafts left (or reviews open), and offers to go on anyway (confirm: true) or leave it. */
function ActivationRefused({ period, refusal, onConfirm, onDismiss }: { period: Period; refusal: Refusal; onConfirm(): void; onDismiss(): void }) {
  // The refusal to close names the reviews: its words are the review's (i18n/review/), with the app's.
  const { t, i18n } = useReviewTexts();
  const closing = refusal.code === 'reviews_not_closed';
  const named = new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(refusal.units.map((u) => (closing ? u.name : t('rituals.unitDrafts', { name: u.name, count: u.draftCount ?? 0 }))));
  return (
    <div className="alert error stack" role="alert" aria-labelledby="activation-refused">
      <strong id="activation-refused">{t(closing ? 'rituals.closeRefusedTitle' : 'rituals.refusedTitle', { name: period.name })}</strong>
      <p style={{ margin: 0 }}>{t(closing ? 'rituals.closeRefused' : 'rituals.refused', { name: period.name, units: named })}</p>
      <div className="row">
        <Button className="button small" onPress={onConfirm} aria-label={t(closing ? 'rituals.closeAnywayNamed' : 'rituals.activateAnywayNamed', { name: period.name })}>{t(closing ? 'rituals.closeAnyway' : 'rituals.activateAnyway')}</Button>
        <Button className="button secondary small" onPress={onDismiss}>{t('rituals.notNow')}</Button>
      </div>
    </div>
  );
}

/** Delete a period made by mistake, after asking; the server refuses one that holds anything, and says how much. */
function DeletePeriod({ period, onClose }: { period: Period; onClose(): void }) {
  const { t, i18n } = useTranslation();
  const queryClient = useQueryClient();
  const toast = useToast();
  const describe = (error: unknown) => {
    const held = error instanceof ApiError ? error.errors.find((e) => e.code === 'period_not_empty')?.params : undefined;
    if (!held) return undefined;
    const parts = [
      Number(held.objectives) > 0 ? t('periodDelete.objectives', { count: Number(held.objectives) }) : '',
      Number(held.initiatives) > 0 ? t('periodDelete.initiatives', { count: Number(held.initiatives) }) : '',
    ].filter(Boolean);
    return t('periodDelete.holds', { what: new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(parts) });
  };
  return (
    <ConfirmAction title={t('periodDelete.title', { name: period.name })} lead={t('periodDelete.lead')} confirmLabel={t('periodDelete.delete')}
      onClose={onClose} describeError={describe}
      onConfirm={async () => {
        await api.del(`/periods/${period.id}`);
        await queryClient.invalidateQueries();
        toast(t('periodDelete.deleted', { name: period.name }));
      }} />
  );
}

export function PeriodSettings() {
  const { t, i18n } = useTranslation();
  const periods = usePeriods();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ kind: 'cycle', name: '', startDate: '', endDate: '' });
  const [rituals, setRituals] = useState(NO_RITUALS);
  const [error, setError] = useState<unknown>(null);
  const [stateError, setStateError] = useState<unknown>(null);
  const [refused, setRefused] = useState<{ period: Period; refusal: Refusal } | null>(null);
  const [dating, setDating] = useState<Period | null>(null);
  const formRef = useFocusFirstInvalid<HTMLFormElement>(error);
  const toast = useToast();
  const [deleting, setDeleting] = useState<Period | null>(null);
  if (!periods.data) return <Loading />;
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.post('/periods', { ...form, ...ritualBody(rituals) });
      setForm({ kind: 'cycle', name: '', startDate: '', endDate: '' });
      setRituals(NO_RITUALS);
      await queryClient.invalidateQueries({ queryKey: ['periods'] });
      toast(t('controls.periodSaved'));
    } catch (err) { setError(err); }
  };
  const move = async (period: Period, state: PeriodState, confirm = false) => {
    setStateError(null);
    setRefused(null);
    try {
      await api.patch(`/periods/${period.id}`, { version: period.version, state, ...(confirm ? { confirm: true } : {}) });
      await queryClient.invalidateQueries();
      toast(t('controls.saved'));
    } catch (err) {
      const refusal = refusalOf(err);
      if (refusal) setRefused({ period, refusal });
      else setStateError(err);
    }
  };
  const errors = localFieldErrors(t, error);
  return (
    <div className="stack">
      <div className="card">
        <h2>{t('settings.periods')}</h2>
        <FormError>{formMessage(t, stateError, [])}</FormError>
        {refused && <Suspense fallback={null}><ActivationRefused period={refused.period} refusal={refused.refusal}
          onConfirm={() => void move(refused.period, refused.refusal.code === 'reviews_not_closed' ? 'closed' : 'active', true)} onDismiss={() => setRefused(null)} /></Suspense>}
        <div style={{ overflowX: 'auto', position: 'relative' }}>
        <table className="data">
          <thead><tr><th scope="col">{t('settings.periodName')}</th><th scope="col">{t('settings.dates')}</th><th scope="col">{t('rituals.heading')}</th><th scope="col">{t('settings.state')}</th><th scope="col">{t('settings.moveTo')}</th></tr></thead>
          <tbody>
            {periods.data.slice().reverse().map((p) => (
              <tr key={p.id}>
                <td>{p.name} <span className="muted small">· {t(`periodKind.${p.kind}`)}</span></td>
                <td>{date(i18n.language, p.startDate)} – {date(i18n.language, p.endDate)}</td>
                <td>
                  <RitualDates period={p} showNone />{' '}
                  <Button className="button quiet small" onPress={() => setDating(p)} aria-label={t('rituals.editNamed', { name: p.name })}>{t('rituals.edit')}</Button>
                </td>
                <td>{t(`periodState.${p.state}`)}</td>
                <td className="row">
                  {PERIOD_STATES.filter((s) => canTransition(p.state, s)).map((s) => (
                    <Button key={s} className="button secondary small" onPress={() => void move(p, s)}
                      aria-label={t('settings.moveNamed', { name: p.name, state: t(`periodState.${s}`) })}>{t(`periodState.${s}`)}</Button>
                  ))}
                  {/* Only a period still in planning can go (core's periodDeleteProblems); the server checks that it is empty. */}
                  {p.state === 'planning' && (
                    <Button className="button quiet small" onPress={() => setDeleting(p)} aria-label={t('periodDelete.deleteNamed', { name: p.name })}>{t('periodDelete.delete')}</Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      </div>
      {deleting && <DeletePeriod period={deleting} onClose={() => setDeleting(null)} />}
      {dating && <PeriodRitualsDialog period={dating} onClose={() => setDating(null)} />}
      <form ref={formRef} className="card form" onSubmit={(e) => void add(e)} noValidate aria-labelledby="new-period">
        <h2 id="new-period">{t('settings.newPeriod')}</h2>
        <FormError>{formMessage(t, error, ['kind', 'name', 'startDate', 'endDate', ...RITUAL_FIELDS])}</FormError>
        <div className="grid-2">
          <SelectField label={t('settings.periodKind')} value={form.kind} onChange={set('kind')} choices={['cycle', 'year'].map((k) => ({ id: k, label: t(`periodKind.${k}`) }))} error={errors.kind} />
          <TextInput label={t('settings.periodName')} value={form.name} onChange={set('name')} error={errors.name} isRequired hint="2027 T1" />
          <DateInputField label={t('settings.startDate')} value={form.startDate} onChange={set('startDate')} error={errors.startDate} isRequired />
          <DateInputField label={t('settings.endDate')} value={form.endDate} onChange={set('endDate')} error={errors.endDate} isRequired />
        </div>
        <fieldset className="stack" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="label">{t('rituals.heading')}</legend>
          <p className="muted small" style={{ margin: 0 }}>{t('rituals.datesHint')}</p>
          <RitualDateFields values={rituals} onChange={(f, v) => setRituals((r) => ({ ...r, [f]: v }))} errors={errors} />
        </fieldset>
        <div className="form-actions"><Button type="submit" className="button">{t('settings.addPeriod')}</Button></div>
      </form>
    </div>
  );
}
