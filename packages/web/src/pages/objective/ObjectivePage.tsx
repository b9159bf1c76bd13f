// One objective: what it is and why, what it pays into, who owns it, its key results, and its
// comment thread, where other units ask and the team answers.
import { lazy, Suspense, useMemo } from 'react';
import { useParams } from 'wouter';
import { useTranslation } from 'react-i18next';
import { useObjective, usePeopleByIds, usePeriods, useUnit } from '../../api/hooks';
import { CarriedFrom } from '../../components/CarriedFrom';
import { Breadcrumbs, unitTrail } from '../../components/Breadcrumbs';
import { KeyResultLine } from '../../components/KeyResultLine';
import { ProgressBar } from '../../components/ProgressBar';
import { TrackBadge } from '../../components/TrackBadge';
import { ErrorState, Loading } from '../../components/States';
import { WhenVisible } from '../../components/WhenVisible';

const CommentThread = lazy(() => import('../../components/CommentThread').then((m) => ({ default: m.CommentThread })));

export default function ObjectivePage() {
  const { objectiveId = '' } = useParams();
  const { t } = useTranslation();
  const objective = useObjective(objectiveId);
  const unit = useUnit(objective.data?.unitId);
  const periods = usePeriods();
  const o = objective.data;
  const named = usePeopleByIds([...(o?.ownerIds ?? []), ...(o?.keyResults ?? []).map((k) => k.ownerId)], Boolean(o));
  const personName = useMemo(() => new Map((named.data ?? []).map((p) => [p.id, p.name])), [named.data]);

  if (objective.isLoading || unit.isLoading || periods.isLoading) return <Loading />;
  if (!o) return <ErrorState error={objective.error ?? { status: 404 }} onRetry={() => void objective.refetch()} />;
  const period = periods.data?.find((p) => p.id === o.periodId);

  return (
    <div className="stack">
      <div className="page-head">
        <div className="grow">
          <Breadcrumbs trail={unit.data ? unitTrail(unit.data, o.periodId, t('nav.organisation'), true) : []} />
          <h1>{o.title}</h1>
          <p className="muted" style={{ margin: 0 }}>
            {t(`objective.kinds.${o.kind}`)} · {t(`objective.statuses.${o.status}`)}{period ? ` · ${period.name}` : ''}
          </p>
          {o.carriedFromId && <CarriedFrom id={o.carriedFromId} parked={o.status === 'backlog'} />}
        </div>
      </div>
      <section className="card summary" aria-labelledby="objective-summary">
        <div>
          <h2 id="objective-summary" className="visually-hidden">{t('unit.summary')}</h2>
          <ProgressBar progress={o.progress} expected={o.expectedProgress} status={o.trackStatus} reading={o.reading} label={t('objective.progressOf', { title: o.title })} />
          {o.description && <p style={{ margin: '.5rem 0 0' }}>{o.description}</p>}
          <div className="aligns" style={{ marginTop: '.5rem' }}>
            <span className="muted">{t('objective.paysInto')}</span>
            {o.alignedTo.length === 0 ? <span className="chip">{t('objective.noAlignment')}</span>
              : o.alignedTo.map((a) => <span key={a.id} className="chip">{a.isMoal ? `${t('align.kindMoal')}: ` : ''}{a.title} <span className="muted">· {a.unitName}</span></span>)}
          </div>
          {o.ownerIds.length > 0 && <p className="small muted" style={{ margin: '.3rem 0 0' }}>{t('objective.ownedBy', { names: o.ownerIds.map((id) => personName.get(id) ?? '').join(', ') })}</p>}
        </div>
        <TrackBadge status={o.trackStatus} reading={o.reading} />
      </section>
      <section className="card" aria-labelledby="objective-krs">
        <h2 id="objective-krs">{t('objectivePage.keyResults')}</h2>
        {o.keyResults.length === 0 ? <p className="muted">{t('objective.noKeyResults')}</p> : (
          <ul className="kr-list" aria-label={t('objective.keyResultsOf', { title: o.title })}>
            {o.keyResults.map((kr) => <KeyResultLine key={kr.id} kr={kr} owner={kr.ownerId ? personName.get(kr.ownerId) : undefined} />)}
          </ul>
        )}
      </section>
      <WhenVisible>
        <Suspense fallback={<Loading />}><CommentThread on={{ objectiveId: o.id }} title={o.title} /></Suspense>
      </WhenVisible>
    </div>
  );
}
