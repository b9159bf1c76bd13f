// The key results of a new objective as a compact list: one row each with what is measured and
// from where to where, so that an objective with three key results stays a short dialog. "More"
// opens the rest of a row (type, owner, weight); a row whose hidden field was refused opens by
// itself, so the first field to fix can take focus with its message beside it.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from 'react-aria-components';
import { TextInput } from '../../components/Fields';
import { SelectField, type Choice } from '../../components/SelectField';
import { OwnerSelect } from './OwnerSelect';
import { useOwnerChoices } from './useOwnerChoices';
import { emptyDraft, KR_TYPES, type KeyResultDraft } from './KeyResultFields';

const HIDDEN_FIELDS = ['type', 'ownerId', 'weight'];

/** `errors` are keyed `kr<row>.<field>`, the row being the draft's index. `known`: people to offer
 *  as owner whatever the organisation's size (the objective's owners among them), and to name in a row's summary. */
export function KeyResultDraftList({ drafts, onChange, errors, unitId, known, ownerId }: {
  drafts: KeyResultDraft[]; onChange(drafts: KeyResultDraft[]): void; errors: Record<string, string>; unitId: string; known: readonly Choice[]; ownerId: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<boolean[]>([]);
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const list = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (focusRow === null) return;
    list.current?.querySelectorAll<HTMLInputElement>('[data-kr-title] input')[focusRow]?.focus();
    setFocusRow(null);
  }, [focusRow]);

  const errorsOf = (i: number) => Object.fromEntries(Object.entries(errors).filter(([k]) => k.startsWith(`kr${i}.`)).map(([k, v]) => [k.slice(`kr${i}.`.length), v]));
  // Those found by a row's search, so a closed row still names the owner chosen.
  const [picked, setPicked] = useState<Choice[]>([]);
  const offered = useMemo(() => [...known, ...picked], [known, picked]);
  const { choices } = useOwnerChoices(unitId, { known: offered });
  const personName = new Map(choices.map((p) => [p.id, p.label]));
  const add = () => {
    onChange([...drafts, { ...emptyDraft(), ownerId }]);
    setFocusRow(drafts.length);
  };
  const remove = (i: number) => {
    onChange(drafts.filter((_, j) => j !== i));
    setOpen(open.filter((_, j) => j !== i));
  };

  return (
    <div className="kr-rows" ref={list}>
      {drafts.map((d, i) => {
        const e = errorsOf(i);
        const expanded = Boolean(open[i]) || HIDDEN_FIELDS.some((f) => e[f]);
        const set = (k: keyof KeyResultDraft) => (v: string) => onChange(drafts.map((x, j) => (j === i ? { ...x, [k]: v } : x)));
        const threshold = d.type === 'above' || d.type === 'below';
        const moreId = `kr-more-${i}`;
        return (
          <fieldset key={i} className="kr-row">
            <legend className="kr-row-legend">{t('objective.keyResultN', { n: i + 1 })}</legend>
            <div className="kr-row-main">
              <div className="kr-row-title" data-kr-title="">
                <TextInput label={t('keyResult.title')} value={d.title} onChange={set('title')} error={e.title} isRequired />
              </div>
              {d.type === 'milestone' ? <p className="kr-row-milestone muted">{t('keyResult.typeHints.milestone')}</p> : (
                <div className="kr-row-numbers">
                  {!threshold && <TextInput label={t('keyResult.start')} value={d.start} onChange={set('start')} inputMode="decimal" error={e.start} isRequired />}
                  {!threshold && <span className="kr-row-arrow" aria-hidden="true">→</span>}
                  <TextInput label={threshold ? t('keyResult.threshold') : t('keyResult.target')} value={d.target} onChange={set('target')} inputMode="decimal" error={e.target} isRequired />
                  <TextInput label={t('keyResult.measure')} value={d.measure} onChange={set('measure')} error={e.measure} />
                </div>
              )}
            </div>
            <div className="kr-row-foot">
              <Button className="button quiet small kr-row-toggle" aria-expanded={expanded} aria-controls={expanded ? moreId : undefined}
                aria-label={t('draftList.moreOf', { n: i + 1 })} onPress={() => setOpen(Object.assign([...open], { [i]: !expanded }))}>
                <span aria-hidden="true">{expanded ? '▾' : '▸'}</span> {t('draftList.more')}
              </Button>
              {!expanded && (
                <span className="kr-row-summary muted">
                  {t(`keyResult.types.${d.type}`)} · {d.ownerId ? personName.get(d.ownerId) ?? '' : t('keyResult.noOwner')} · {t('draftList.weightIs', { weight: d.weight?.trim() || '1' })}
                </span>
              )}
              <Button className="button quiet small kr-row-remove" aria-label={t('objective.removeKeyResult', { n: i + 1 })} onPress={() => remove(i)}>{t('draftList.remove')}</Button>
            </div>
            {expanded && (
              <div className="kr-row-more" id={moreId}>
                <SelectField label={t('keyResult.type')} value={d.type} onChange={set('type')} error={e.type}
                  choices={KR_TYPES.map((k) => ({ id: k, label: t(`keyResult.types.${k}`) }))} hint={t(`keyResult.typeHints.${d.type}`)} />
                <OwnerSelect label={t('keyResult.owner')} unitId={unitId} value={d.ownerId} error={e.ownerId} known={offered}
                  onChange={(id, owner) => { if (owner) setPicked([...picked, owner]); set('ownerId')(id); }} />
                <TextInput label={t('draftList.weight')} value={d.weight ?? '1'} onChange={set('weight')} inputMode="decimal" error={e.weight} hint={t('draftList.weightHint')} />
              </div>
            )}
          </fieldset>
        );
      })}
      <div><Button className="button secondary small" onPress={add}>+ {t('objective.addKeyResult')}</Button></div>
    </div>
  );
}
