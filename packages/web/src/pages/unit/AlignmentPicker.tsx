// Choosing what an objective pays into: search Moals, objectives and key results of other units,
// and KPIs (improve this measurement), by title; chosen links are listed with a button to remove each.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SearchField, Input, Label, Button } from 'react-aria-components';
import type { Alignment, AlignmentTarget } from '@varde/core';
import { useAlignmentTargets } from '../../api/hooks';
import { alignmentTo } from './alignments';

export interface ChosenAlignment { alignment: Alignment; title: string; detail: string }

export function alignmentKey(a: Alignment): string { return 'objectiveId' in a ? a.objectiveId : 'keyResultId' in a ? a.keyResultId : a.kpiId; }

export function AlignmentPicker({ periodId, excludeObjectiveId, chosen, onChange, error }: {
  periodId: string; excludeObjectiveId?: string | undefined; chosen: ChosenAlignment[]; onChange(next: ChosenAlignment[]): void; error?: string | undefined;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const targets = useAlignmentTargets(periodId, q);
  const chosenIds = new Set(chosen.map((c) => alignmentKey(c.alignment)));
  const options = (targets.data ?? []).filter((x) => !chosenIds.has(x.id) && x.objectiveId !== excludeObjectiveId);
  const describe = (x: AlignmentTarget) => x.kind === 'kpi' ? t('align.kpiDetail', { unit: x.unitName })
    : x.kind === 'keyResult' ? t('align.keyResultDetail', { objective: x.objectiveTitle, unit: x.unitName })
    : x.isMoal ? t('align.moalDetail', { period: x.periodName }) : t('align.objectiveDetail', { unit: x.unitName, period: x.periodName });
  const add = (x: AlignmentTarget) => onChange([...chosen, {
    alignment: alignmentTo(x.kind, x.id), title: x.title, detail: describe(x),
  }]);

  return (
    <fieldset className="field" style={{ border: 0, padding: 0, margin: 0 }}>
      <legend className="label">{t('align.title')}</legend>
      <p className="hint" style={{ margin: 0 }}>{t('align.hint')}</p>
      {chosen.length > 0 && (
        <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: '.3rem 0', gap: '.3rem' }} aria-label={t('align.chosen')}>
          {chosen.map((c) => (
            <li key={alignmentKey(c.alignment)} className="row chip" style={{ justifyContent: 'space-between', borderRadius: 8 }}>
              <span><strong>{c.title}</strong> <span className="muted small">{c.detail}</span></span>
              <Button className="button quiet small" aria-label={t('align.remove', { title: c.title })}
                onPress={() => onChange(chosen.filter((x) => alignmentKey(x.alignment) !== alignmentKey(c.alignment)))}>✕</Button>
            </li>
          ))}
        </ul>
      )}
      <SearchField className="field" value={q} onChange={setQ} aria-describedby="align-count">
        <Label>{t('align.search')}</Label>
        <Input placeholder={t('align.placeholder')} />
      </SearchField>
      <p id="align-count" className="visually-hidden" aria-live="polite">{t('align.count', { count: options.length })}</p>
      <ul className="picker-results" aria-label={t('align.results')}>
        {options.length === 0 && <li className="muted small" style={{ padding: '.5rem .7rem' }}>{targets.isLoading ? t('common.loading') : t('align.none')}</li>}
        {options.map((x) => (
          <li key={`${x.kind}:${x.id}`}>
            <button type="button" onClick={() => add(x)} aria-label={t('align.add', { title: x.title })}>
              <span className="tag">{x.kind === 'kpi' ? t('align.kindKpi') : x.kind === 'keyResult' ? t('align.kindKeyResult') : x.isMoal ? t('align.kindMoal') : t('align.kindObjective')}</span>
              <div><strong>{x.title}</strong></div>
              <div className="muted small">{describe(x)}</div>
            </button>
          </li>
        ))}
      </ul>
      {error && <span className="field-error">{error}</span>}
    </fieldset>
  );
}
