// "Mine": what I own and what needs me this week.
import { lazy, Suspense, useState } from 'react';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import type { MyKeyResult } from '@varde/core';
import { useMe, useMyWork } from '../../api/hooks';
import { KeyResultLine } from '../../components/KeyResultLine';
import { ProgressBar } from '../../components/ProgressBar';
import { TrackBadge } from '../../components/TrackBadge';
import { Empty, ErrorState, Loading } from '../../components/States';
import { NeedsYou } from './NeedsYou';
import { lazyPart, preloadOn } from '../../components/lazyPart';
import { useFirstViewDone } from '../../components/firstView';

const CheckInDialog = lazyPart(() => import('../unit/CheckInDialog').then((m) => m.CheckInDialog));
const CheckInWalk = lazyPart(() => import('./CheckInWalk').then((m) => m.CheckInWalk));
const MyRetrospectiveActions = lazy(() => import('./MyRetrospectiveActions'));
const SinceLastVisit = lazy(() => import('./SinceLastVisit').then((m) => ({ default: m.SinceLastVisit })));

export default function HomePage() {
  const { t } = useTranslation();
  const me = useMe();
  const work = useMyWork();
  const [checkingIn, setCheckingIn] = useState<MyKeyResult | null>(null);
  const [walking, setWalking] = useState(false);
  useFirstViewDone(!work.isLoading);
  if (work.isLoading) return <Loading />;
  if (work.error || !work.data) return <ErrorState error={work.error} onRetry={() => void work.refetch()} />;
  const { keyResults, initiatives, units, period, blockers, retrospectiveActions } = work.data;
  const due = keyResults.filter((k) => k.checkInDue);
  const fresh = keyResults.filter((k) => !k.checkInDue);
  const walkable = keyResults.filter((k) => k.can.checkIn);

  const checkInButton = (kr: MyKeyResult) => kr.can.checkIn &&
    <button type="button" className="button small" {...preloadOn(CheckInDialog)} onClick={() => setCheckingIn(kr)} aria-label={t('checkIn.openFor', { title: kr.title })}>{t('checkIn.open')}</button>;
  const line = (kr: MyKeyResult) => (
    <KeyResultLine key={kr.id} kr={kr}
      context={<Link to={`/units/${kr.unitId}?period=${kr.periodId}`}>{kr.unitName}</Link>}
      action={checkInButton(kr)}>
      {kr.checkInDue && <div className="kr-initiatives"><span className="badge due">{t('home.dueBadge')}</span></div>}
    </KeyResultLine>
  );

  return (
    <div className="stack">
      <div className="page-head">
        <div className="grow">
          <h1>{t('home.greeting', { name: me.data?.person.name.split(' ')[0] ?? '' })}</h1>
          <p className="muted lead">{period ? t('home.lead', { period: period.name }) : t('home.noPeriod')}</p>
        </div>
        {walkable.length > 0 && <button type="button" className="button" {...preloadOn(CheckInWalk)} onClick={() => setWalking(true)}>{t('walk.open')}</button>}
      </div>

      <section className="card" aria-labelledby="due-heading">
        <h2 id="due-heading">{t('home.dueTitle', { count: due.length })}</h2>
        {due.length === 0 ? <Empty title={t('home.allCheckedIn')}>{t('home.allCheckedInHint')}</Empty>
          : <ul className="kr-list">{due.map(line)}</ul>}
      </section>

      <NeedsYou keyResults={keyResults} blockers={blockers} action={checkInButton} />

      {retrospectiveActions.length > 0 && <Suspense fallback={null}><MyRetrospectiveActions actions={retrospectiveActions} /></Suspense>}

      <section className="card stack" aria-labelledby="since-heading" style={{ gap: '.5rem' }}>
        <h2 id="since-heading">{t('home.sinceLastVisit')}</h2>
        <Suspense fallback={<Loading />}><SinceLastVisit /></Suspense>
      </section>

      <div className="grid-2">
        <section className="card" aria-labelledby="units-heading">
          <h2 id="units-heading">{t('home.myUnits')}</h2>
          {units.length === 0 ? <Empty title={t('home.noUnits')}>{t('home.noUnitsHint')}</Empty> : (
            <ul className="tree">
              {units.map((u) => (
                <li key={u.unit.id} className="tree-row">
                  <Link to={`/units/${u.unit.id}${period ? `?period=${period.id}` : ''}`}>{u.unit.name}</Link>
                  <ProgressBar progress={u.progress} expected={u.expectedProgress} status={u.trackStatus} reading={u.reading} label={t('unit.progressOf', { name: u.unit.name })} />
                  <TrackBadge status={u.trackStatus} reading={u.reading} />
                </li>
              ))}
            </ul>
          )}
        </section>
        <section className="card" aria-labelledby="initiatives-heading">
          <h2 id="initiatives-heading">{t('home.myInitiatives')}</h2>
          {initiatives.length === 0 ? <Empty title={t('home.noInitiatives')}>{t('home.noInitiativesHint')}</Empty> : (
            <ul className="stack" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
              {initiatives.map((i) => (
                <li key={i.id} className="row" style={{ justifyContent: 'space-between' }}>
                  <span><strong>{i.title}</strong><br /><Link className="small" to={`/units/${i.unitId}${i.periodId ? `?period=${i.periodId}` : ''}`}>{i.unitName}</Link></span>
                  <span className="chip">{t(`initiative.status.${i.status}`)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>

      <section className="card" aria-labelledby="fresh-heading">
        <h2 id="fresh-heading">{t('home.upToDate')}</h2>
        {fresh.length === 0 ? <p className="muted">{keyResults.length === 0 ? t('home.noKeyResults') : t('home.noneUpToDate')}</p>
          : <ul className="kr-list">{fresh.map(line)}</ul>}
      </section>

      {walking && <CheckInWalk keyResults={walkable} onClose={() => setWalking(false)} />}
      {checkingIn && <CheckInDialog keyResult={checkingIn} onClose={() => setCheckingIn(null)} />}
    </div>
  );
}
