// What a unit works out with other units: the dependencies it raised and those raised on it that
// are not resolved, each with its steps and the step the reader may take, and the flags on its key
// results that contradict another's. Shown on both units' pages; drawn when the reader scrolls to it.
import { useState } from 'react';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import type { Contradiction, Dependency } from '@varde/core';
import { useContradictions, useOpenDependencies } from '../../api/coordination';
import { lazyPart, preloadOn } from '../../components/lazyPart';
import { ErrorState, Loading } from '../../components/States';
import type { Choice } from '../../components/SelectField';
import { date, dateTime } from '../../i18n/format';
import type { DependencyStepChoice } from './DependencyStepDialog';

const DependencyDialog = lazyPart(() => import('./DependencyDialog').then((m) => m.DependencyDialog));
const DependencyStepDialog = lazyPart(() => import('./DependencyStepDialog').then((m) => m.DependencyStepDialog));
const ContradictionDialog = lazyPart(() => import('./ContradictionDialog').then((m) => m.ContradictionDialog));
const ClearContradiction = lazyPart(() => import('./ContradictionDialog').then((m) => m.ClearContradiction));

type Open =
  | { kind: 'raise' }
  | { kind: 'step'; dependency: Dependency; step: DependencyStepChoice }
  | { kind: 'flag' }
  | { kind: 'clear'; flag: Contradiction };

function DependencyItem({ d, unitId, periodId, onStep }: { d: Dependency; unitId: string; periodId: string; onStep(step: DependencyStepChoice): void }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const outgoing = d.fromUnit.id === unitId;
  const other = outgoing ? d.toUnit : d.fromUnit;
  const answer = [...d.steps].reverse().find((s) => s.state === 'acknowledged' || s.state === 'declined');
  const steps: Array<[DependencyStepChoice, boolean]> = [['acknowledged', d.can.acknowledge], ['declined', d.can.decline], ['resolved', d.can.resolve]];
  return (
    <li className="dependency">
      <p style={{ margin: 0 }}><strong>{d.description}</strong></p>
      <p className="small" style={{ margin: '.2rem 0 0' }}>
        {outgoing ? t('dependency.askedOf') : t('dependency.askedBy')}{' '}
        <Link to={`/units/${other.id}?period=${periodId}`}>{other.name}</Link>
        {d.keyResult ? ` · ${t('dependency.forKeyResult', { title: d.keyResult.title })}` : d.objective ? ` · ${t('dependency.forObjective', { title: d.objective.title })}` : ''}
        {d.neededBy ? ` · ${t('dependency.neededBy', { date: date(lang, d.neededBy) })}` : ''}
      </p>
      <p className="small muted" style={{ margin: '.2rem 0 0' }}>
        <span className="tag">{t(`dependency.states.${d.state}`)}</span>{' '}
        {d.unanswered && <><span className="badge off-track">{t('dependency.unanswered')}</span>{' '}</>}
        {t('dependency.raisedBy', { name: d.raisedBy?.name ?? t('comments.someone'), when: dateTime(lang, d.raisedAt) })}
      </p>
      {answer && (
        <p className="small" style={{ margin: '.2rem 0 0' }}>
          {t(`dependency.answered.${answer.state as 'acknowledged' | 'declined'}`, { name: answer.by?.name ?? t('comments.someone'), when: dateTime(lang, answer.at) })}
          {answer.note ? <> «{answer.note}»</> : null}
        </p>
      )}
      {steps.some(([, may]) => may) && (
        <div className="row" style={{ marginTop: '.4rem' }}>
          {steps.filter(([, may]) => may).map(([step]) => (
            <button key={step} type="button" className={step === 'declined' ? 'button secondary small' : 'button small'} {...preloadOn(DependencyStepDialog)}
              aria-label={t(`dependency.stepNamed.${step}`, { description: d.description })} onClick={() => onStep(step)}>{t(`dependency.step.${step}`)}</button>
          ))}
        </div>
      )}
    </li>
  );
}

export default function UnitCoordination({ unitId, unitName, periodId, keyResults, canRaise }: {
  unitId: string; unitName: string; periodId: string; keyResults: Choice[]; canRaise: boolean;
}) {
  const { t, i18n } = useTranslation();
  const dependencies = useOpenDependencies(unitId);
  const contradictions = useContradictions(unitId);
  const [open, setOpen] = useState<Open | null>(null);
  const list = dependencies.data ?? [];
  const outgoing = list.filter((d) => d.fromUnit.id === unitId);
  const incoming = list.filter((d) => d.toUnit.id === unitId);
  const item = (d: Dependency) => <DependencyItem key={d.id} d={d} unitId={unitId} periodId={periodId} onStep={(step) => setOpen({ kind: 'step', dependency: d, step })} />;
  return (
    <>
      <section className="card" aria-labelledby="dependencies-heading" id="dependencies">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h2 id="dependencies-heading">{t('dependency.title')}</h2>
          {canRaise && <button type="button" className="button secondary small" {...preloadOn(DependencyDialog)} onClick={() => setOpen({ kind: 'raise' })}>{t('dependency.raise')}</button>}
        </div>
        {dependencies.isLoading && <Loading />}
        {dependencies.error && <ErrorState error={dependencies.error} onRetry={() => void dependencies.refetch()} />}
        {dependencies.data && (
          <div className="grid-2">
            <div>
              <h3>{t('dependency.weNeed')}</h3>
              {outgoing.length === 0 ? <p className="muted small">{t('dependency.noneOutgoing')}</p> : <ul className="dependency-list">{outgoing.map(item)}</ul>}
            </div>
            <div>
              <h3>{t('dependency.theyNeed')}</h3>
              {incoming.length === 0 ? <p className="muted small">{t('dependency.noneIncoming')}</p> : <ul className="dependency-list">{incoming.map(item)}</ul>}
            </div>
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="contradictions-heading" id="contradictions">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h2 id="contradictions-heading">{t('contradiction.title')}</h2>
          {canRaise && keyResults.length > 0 && <button type="button" className="button secondary small" {...preloadOn(ContradictionDialog)} onClick={() => setOpen({ kind: 'flag' })}>{t('contradiction.flag')}</button>}
        </div>
        {contradictions.error && <ErrorState error={contradictions.error} onRetry={() => void contradictions.refetch()} />}
        {contradictions.data && contradictions.data.length === 0 && <p className="muted small">{t('contradiction.none')}</p>}
        {contradictions.data && contradictions.data.length > 0 && (
          <ul className="dependency-list">
            {contradictions.data.map((c) => (
              <li key={c.id} className="dependency contradiction">
                <p style={{ margin: 0 }}>
                  <span aria-hidden="true">⚠ </span>
                  {t('contradiction.between', { a: c.keyResults[0]!.title, b: c.keyResults[1]!.title })}
                </p>
                <p className="small" style={{ margin: '.2rem 0 0' }}>
                  {c.keyResults.map((k, i) => (
                    <span key={k.id}>{i > 0 ? ' · ' : ''}<Link to={`/key-results/${k.id}`}>{k.title}</Link> <span className="muted">({k.unitName})</span></span>
                  ))}
                </p>
                <p className="small" style={{ margin: '.2rem 0 0' }}>«{c.note}»</p>
                <p className="small muted" style={{ margin: '.2rem 0 0' }}>{t('contradiction.flaggedBy', { name: c.flaggedBy?.name ?? t('comments.someone'), when: dateTime(i18n.language, c.flaggedAt) })}</p>
                {c.can.clear && <div><button type="button" className="button quiet small" {...preloadOn(ClearContradiction)}
                  aria-label={t('contradiction.clearNamed', { a: c.keyResults[0]!.title, b: c.keyResults[1]!.title })} onClick={() => setOpen({ kind: 'clear', flag: c })}>{t('contradiction.clear')}</button></div>}
              </li>
            ))}
          </ul>
        )}
      </section>
      {open?.kind === 'raise' && <DependencyDialog fromUnitId={unitId} fromUnitName={unitName} keyResults={keyResults} onClose={() => setOpen(null)} />}
      {open?.kind === 'step' && <DependencyStepDialog dependency={open.dependency} step={open.step} onClose={() => setOpen(null)} />}
      {open?.kind === 'flag' && <ContradictionDialog periodId={periodId} keyResults={keyResults} onClose={() => setOpen(null)} />}
      {open?.kind === 'clear' && <ClearContradiction flag={open.flag} onClose={() => setOpen(null)} />}
    </>
  );
}
