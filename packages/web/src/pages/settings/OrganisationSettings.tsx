// The organisation's name, language, time zone, rhythm and strategy.
import { useEffect, useState, type FormEvent } from 'react';
import type { Organisation } from '@varde/core';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { Button } from 'react-aria-components';
import { api } from '../../api/client';
import { useOrganisation } from '../../api/hooks';
import { FormError, TextInput } from '../../components/Fields';
import { SelectField } from '../../components/SelectField';
import { formMessage, localFieldErrors } from '../../components/fieldMessages';
import { Loading } from '../../components/States';
import { useToast } from '../../components/Toast';
import { useFocusFirstInvalid } from '../../components/focusFirstInvalid';
import { LANGUAGES } from '../../i18n';
import { weekdayName } from '../../i18n/format';
import { EndDemo } from './EndDemo';
import { ChangedElsewhere } from '../../components/ChangedElsewhere';

/** The form's fields as the organisation has them. */
const formOf = (o: Organisation) => ({
  name: o.name, language: o.language, timeZone: o.timeZone, cycleCadence: o.cycleCadence,
  checkInWeekday: String(o.checkInWeekday), checkInCadence: o.checkInCadence as string,
  mission: o.strategy.mission, vision: o.strategy.vision, values: o.strategy.values.join('\n'),
  themes: o.strategy.themes.map((th) => (th.description ? `${th.title} — ${th.description}` : th.title)).join('\n'),
});

export function OrganisationSettings() {
  const { t, i18n } = useTranslation();
  const org = useOrganisation();
  const queryClient = useQueryClient();
  const [form, setForm] = useState({ name: '', language: 'nb', timeZone: '', cycleCadence: 'quarter', checkInWeekday: '1', checkInCadence: 'weekly', mission: '', vision: '', values: '', themes: '' });
  const [error, setError] = useState<unknown>(null);
  const toast = useToast();
  const formRef = useFocusFirstInvalid<HTMLFormElement>(error);
  // The version the form was filled from: a newer read (someone else's change, seen live) does not
  // refill what is being typed, and saving against the old version is refused rather than overwriting.
  const [filledFrom, setFilledFrom] = useState<number | null>(null);
  const fill = (o: Organisation) => { setForm(formOf(o)); setFilledFrom(o.version); };
  useEffect(() => { if (org.data && filledFrom === null) fill(org.data); }, [org.data, filledFrom]);
  if (!org.data) return <Loading />;
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));
  const lines = (s: string) => s.split('\n').map((l) => l.trim()).filter(Boolean);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await api.patch('/organisation', {
        version: filledFrom ?? org.data!.version, name: form.name, language: form.language, timeZone: form.timeZone, cycleCadence: form.cycleCadence,
        checkInWeekday: Number(form.checkInWeekday),
        // The rhythm alone decides what is due (a check-in day, weekly or every other week), so the
        // form no longer offers the older count of days; the API still takes it from older clients.
        checkInCadence: form.checkInCadence,
        strategy: {
          mission: form.mission, vision: form.vision, values: lines(form.values),
          themes: lines(form.themes).map((l) => { const [title, ...rest] = l.split(' — '); return { title: title!.trim(), description: rest.join(' — ').trim() }; }),
        },
      });
      await queryClient.invalidateQueries({ queryKey: ['organisation'] });
      const saved = queryClient.getQueryData<Organisation>(['organisation']);
      if (saved) fill(saved);
      toast(t('controls.organisationSaved'));
    } catch (err) { setError(err); }
  };
  const errors = localFieldErrors(t, error);
  return (
    <>
      <form ref={formRef} className="card form" onSubmit={(e) => void submit(e)} noValidate>
        <FormError>{formMessage(t, error, ['name', 'language', 'timeZone', 'cycleCadence', 'checkInCadenceDays', 'checkInWeekday', 'checkInCadence', 'strategy.mission', 'strategy.vision', 'strategy.values', 'strategy.themes'])}</FormError>
        <ChangedElsewhere about={(e) => e.type === 'organisation.changed'}
          onReload={() => void org.refetch().then((r) => { if (r.data) fill(r.data); })} />
        <TextInput label={t('settings.orgName')} value={form.name} onChange={set('name')} error={errors.name} isRequired />
        <div className="grid-2">
          <SelectField label={t('settings.language')} value={form.language} onChange={set('language')} choices={LANGUAGES.map((l) => ({ id: l, label: t(`languages.${l}`) }))} error={errors.language} />
          <TextInput label={t('settings.timeZone')} value={form.timeZone} onChange={set('timeZone')} error={errors.timeZone} hint="Europe/Oslo" />
          <SelectField label={t('settings.cadence')} value={form.cycleCadence} onChange={set('cycleCadence')} error={errors.cycleCadence}
            choices={['quarter', 'tertial', 'half-year'].map((c) => ({ id: c, label: t(`cadence.${c}`) }))} />
          <SelectField label={t('rituals.checkInWeekday')} value={form.checkInWeekday} onChange={set('checkInWeekday')} error={errors.checkInWeekday}
            choices={[1, 2, 3, 4, 5, 6, 7].map((d) => ({ id: String(d), label: weekdayName(i18n.language, d) }))} />
          <SelectField label={t('rituals.checkInCadence')} value={form.checkInCadence} onChange={set('checkInCadence')} error={errors.checkInCadence}
            choices={['weekly', 'biweekly'].map((c) => ({ id: c, label: t(`rituals.cadences.${c}`) }))} />
        </div>
        <TextInput label={t('organisation.mission')} value={form.mission} onChange={set('mission')} multiline error={errors['strategy.mission']} />
        <TextInput label={t('organisation.vision')} value={form.vision} onChange={set('vision')} multiline error={errors['strategy.vision']} />
        <TextInput label={t('organisation.values')} value={form.values} onChange={set('values')} multiline error={errors['strategy.values']} hint={t('settings.onePerLine')} />
        <TextInput label={t('organisation.themes')} value={form.themes} onChange={set('themes')} multiline error={errors['strategy.themes']} hint={t('settings.themesHint')} />
        <div className="form-actions"><Button type="submit" className="button">{t('common.save')}</Button></div>
      </form>
      <EndDemo organisationName={org.data.name} />
    </>
  );
}
