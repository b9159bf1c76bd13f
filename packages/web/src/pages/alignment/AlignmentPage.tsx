// The alignment between the units below one, for a cycle (article 004: the teams of an area
// compare their OKRs, find overlaps and interfaces, and agree a direction): their drafts and
// published OKRs side by side with what each pays into, what nothing pays into, the key results
// that seem to measure the same thing, and the key results flagged as contradicting each other.
import { Link, useParams } from 'wouter';
import { useTranslation } from 'react-i18next';
import type { AlignmentObjective } from '@varde/core';
import { useUnit } from '../../api/hooks';
import { useUnitAlignment } from '../../api/coordination';
import { Breadcrumbs, unitTrail } from '../../components/Breadcrumbs';
import { PeriodSwitcher } from '../../components/PeriodSwitcher';
import { usePeriodChoice } from '../../components/usePeriodChoice';
import { Empty, ErrorState, Loading } from '../../components/States';
import { dateTime } from '../../i18n/format';

function ObjectiveSummary({ o }: { o: AlignmentObjective }) {
  const { t } = useTranslation();
  return (
    <li className="alignment-objective">
      <span className="tag">{t(`objective.statuses.${o.status}`)}</span>
      <div><Link to={`/objectives/${o.id}`}><strong>{o.title}</strong></Link></div>
      <div className="aligns small">
        <span className="muted">{t('objective.paysInto')}</span>{' '}
        {o.alignedTo.length === 0 ? <span className="chip">{t('objective.noAlignment')}</span>
          : o.alignedTo.map((a) => <span key={a.id} className="chip">{a.isMoal ? `${t('align.kindMoal')}: ` : ''}{a.title} <span className="muted">· {a.unitName}</span></span>)}
      </div>
      {o.keyResults.length > 0 && (
        <ul className="small" aria-label={t('objective.keyResultsOf', { title: o.title })}>
          {o.keyResults.map((k) => <li key={k.id}><Link to={`/key-results/${k.id}`}>{k.title}</Link>{k.measure ? <span className="muted"> · {k.measure}</span> : null}</li>)}
        </ul>
      )}
    </li>
  );
}

export default function AlignmentPage() {
  const { unitId = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { period, isLoading: periodsLoading } = usePeriodChoice();
  const unit = useUnit(unitId);
  const alignment = useUnitAlignment(unitId, period?.id);
  if (periodsLoading || unit.isLoading) return <Loading />;
  if (!unit.data) return <ErrorState error={unit.error ?? { status: 404 }} />;
  if (!period) return <Empty title={t('unit.noPeriod')}>{t('unit.noPeriodHint')}</Empty>;
  const a = alignment.data;
  // While the cycle is planned, each unit's workshop is a click away.
  const planning = period.state === 'planning';
  const list = (objectives: AlignmentObjective[]) => objectives.length === 0
    ? <p className="muted small">{t('alignment.noObjectives')}</p>
    : <ul style={{ listStyle: 'none', padding: 0, margin: 0 }}>{objectives.map((o) => <ObjectiveSummary key={o.id} o={o} />)}</ul>;

  return (
    <div className="stack">
      <div className="page-head">
        <div className="grow">
          <Breadcrumbs trail={unitTrail(unit.data, period.id, t('nav.organisation'), true)} />
          <h1>{t('alignment.title', { unit: unit.data.name })}</h1>
          <p className="muted" style={{ margin: 0 }}>{t('alignment.lead')}</p>
        </div>
        <PeriodSwitcher />
      </div>
      {alignment.isLoading && <Loading />}
      {alignment.error && <ErrorState error={alignment.error} onRetry={() => void alignment.refetch()} />}
      {a && a.units.length === 0 && <div className="card"><Empty title={t('alignment.noUnits')} /></div>}
      {a && (
        <>
          <section className="card" aria-labelledby="unpaid-heading">
            <h2 id="unpaid-heading">{t('alignment.unpaid')}</h2>
            {a.unpaid.moals.length === 0 && a.unpaid.parentObjectives.length === 0 ? <p className="muted">{t('alignment.allPaid')}</p> : (
              <ul>
                {a.unpaid.moals.map((m) => <li key={m.id}><span className="tag">{t('align.kindMoal')}</span> <Link to={`/objectives/${m.id}`}>{m.title}</Link></li>)}
                {a.unpaid.parentObjectives.map((m) => <li key={m.id}><span className="tag">{t('align.kindObjective')}</span> <Link to={`/objectives/${m.id}`}>{m.title}</Link> <span className="muted">· {m.unitName}</span></li>)}
              </ul>
            )}
          </section>
          <section aria-labelledby="side-by-side-heading" className="stack">
            <h2 id="side-by-side-heading">{t('alignment.sideBySide', { period: a.period.name })}</h2>
            <div className="alignment-grid">
              <section className="card" aria-labelledby={`own-${a.unit.id}`}>
                <h3 id={`own-${a.unit.id}`}>{t('alignment.ownObjectives', { unit: a.unit.name })}</h3>
                {planning && <p className="small" style={{ margin: '.2rem 0 0' }}><Link to={`/units/${a.unit.id}/plans/${period.id}`}>{t('workshop.openFor', { unit: a.unit.name })}</Link></p>}
                {list(a.objectives)}
              </section>
              {a.units.map((u) => (
                <section key={u.unit.id} className="card" aria-labelledby={`unit-${u.unit.id}`}>
                  <h3 id={`unit-${u.unit.id}`}><Link to={`/units/${u.unit.id}?period=${period.id}`}>{u.unit.name}</Link></h3>
                  {planning && <p className="small" style={{ margin: '.2rem 0 0' }}><Link to={`/units/${u.unit.id}/plans/${period.id}`}>{t('workshop.openFor', { unit: u.unit.name })}</Link></p>}
                  {list(u.objectives)}
                </section>
              ))}
            </div>
          </section>
          <section className="card" aria-labelledby="overlaps-heading">
            <h2 id="overlaps-heading">{t('alignment.overlaps')}</h2>
            <p className="small muted" style={{ marginTop: 0 }}>{t('alignment.overlapsHint')}</p>
            {a.overlaps.length === 0 ? <p className="muted">{t('alignment.noOverlaps')}</p> : (
              <ul className="dependency-list">
                {a.overlaps.map((o) => (
                  <li key={o.keyResults.map((k) => k.id).join(':')} className="dependency">
                    {t('alignment.overlap', { measure: o.measure })}{' '}
                    {o.keyResults.map((k, i) => (
                      <span key={k.id}>{i > 0 ? ` ${t('alignment.and')} ` : ''}<Link to={`/key-results/${k.id}`}>{k.title}</Link> <span className="muted">({k.unitName})</span></span>
                    ))}
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby="alignment-contradictions">
            <h2 id="alignment-contradictions">{t('contradiction.title')}</h2>
            {a.contradictions.length === 0 ? <p className="muted">{t('contradiction.none')}</p> : (
              <ul className="dependency-list">
                {a.contradictions.map((c) => (
                  <li key={c.id} className="dependency contradiction">
                    <p style={{ margin: 0 }}>
                      {c.keyResults.map((k, i) => (
                        <span key={k.id}>{i > 0 ? ' ↔ ' : ''}<Link to={`/key-results/${k.id}`}>{k.title}</Link> <span className="muted">({k.unitName})</span></span>
                      ))}
                    </p>
                    <p className="small" style={{ margin: '.2rem 0 0' }}>«{c.note}»</p>
                    <p className="small muted" style={{ margin: '.2rem 0 0' }}>{t('contradiction.flaggedBy', { name: c.flaggedBy?.name ?? t('comments.someone'), when: dateTime(i18n.language, c.flaggedAt) })}</p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </div>
  );
}
