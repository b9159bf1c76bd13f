// The fields that define a key result, shared by the objective dialog's drafts and the key
// result dialog: what is measured, how (type), from where to where, in what unit, by whom.
import { useTranslation } from 'react-i18next';
import { TextInput } from '../../components/Fields';
import { SelectField, type Choice } from '../../components/SelectField';
import { OwnerSelect } from './OwnerSelect';

// weight: only the objective dialog's compact list asks for it; left out, the server's default (1) holds.
export interface KeyResultDraft { title: string; type: string; start: string; target: string; measure: string; ownerId: string; weight?: string }
export const emptyDraft = (): KeyResultDraft => ({ title: '', type: 'increase', start: '0', target: '', measure: '', ownerId: '' });
export const KR_TYPES = ['increase', 'decrease', 'above', 'below', 'milestone'] as const;

const num = (s: string) => (s.trim() === '' ? undefined : Number(s.trim().replace(/\s/g, '').replace(',', '.')));

export function draftToBody(d: KeyResultDraft) {
  const threshold = d.type === 'above' || d.type === 'below';
  return {
    title: d.title, type: d.type, measure: d.type === 'milestone' ? '' : d.measure,
    ...(d.type === 'milestone' ? {} : { target: num(d.target), ...(threshold ? {} : { start: num(d.start) }) }),
    ownerId: d.ownerId || null,
    ...(d.weight?.trim() ? { weight: num(d.weight) } : {}),
  };
}

/** `known`: people to offer as owner whatever the organisation's size (those the page names). */
export function KeyResultFields({ draft, onChange, errors, unitId, known, prefix = '' }: {
  draft: KeyResultDraft; onChange(d: KeyResultDraft): void; errors: Record<string, string>; unitId: string; known: readonly Choice[]; prefix?: string;
}) {
  const { t } = useTranslation();
  const set = (k: keyof KeyResultDraft) => (v: string) => onChange({ ...draft, [k]: v });
  const threshold = draft.type === 'above' || draft.type === 'below';
  return (
    <>
      <TextInput label={t('keyResult.title')} value={draft.title} onChange={set('title')} error={errors[`${prefix}title`]} isRequired hint={t('keyResult.titleHint')} />
      <SelectField label={t('keyResult.type')} value={draft.type} onChange={set('type')} error={errors[`${prefix}type`]}
        choices={KR_TYPES.map((k) => ({ id: k, label: t(`keyResult.types.${k}`) }))} hint={t(`keyResult.typeHints.${draft.type}`)} />
      {draft.type !== 'milestone' && (
        <div className="grid-2" style={{ gridTemplateColumns: 'repeat(auto-fit, minmax(9rem, 1fr))' }}>
          {!threshold && <TextInput label={t('keyResult.start')} value={draft.start} onChange={set('start')} inputMode="decimal" error={errors[`${prefix}start`]} isRequired />}
          <TextInput label={threshold ? t('keyResult.threshold') : t('keyResult.target')} value={draft.target} onChange={set('target')} inputMode="decimal" error={errors[`${prefix}target`]} isRequired />
          <TextInput label={t('keyResult.measure')} value={draft.measure} onChange={set('measure')} error={errors[`${prefix}measure`]} hint={t('keyResult.measureHint')} />
        </div>
      )}
      <OwnerSelect label={t('keyResult.owner')} unitId={unitId} value={draft.ownerId} onChange={set('ownerId')} error={errors[`${prefix}ownerId`]} known={known} />
    </>
  );
}
