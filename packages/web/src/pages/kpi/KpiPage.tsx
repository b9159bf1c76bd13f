// A KPI in depth: its status, range and owner, its whole history as a chart over the healthy range
// and as a table (the check-ins brought from the key result it was promoted from say so), and the
// check-in, edit and delete its unit's members (and, for checking in, its owner) may use.
import { useState } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { useKeyResult, usePeopleByIds, useUnit } from '../../api/hooks';
import { refreshKpis, useKpi, useKpiCheckIns } from '../../api/kpis';
import { Breadcrumbs, unitTrail } from '../../components/Breadcrumbs';
import { Empty, ErrorState, Loading } from '../../components/States';
import { lazyPart, preloadOn } from '../../components/lazyPart';
import { useToast } from '../../components/Toast';
import { useKpiTexts } from '../../i18n/kpiTexts';
import { dateTime, valueWithMeasure } from '../../i18n/format';
import { KpiChart } from './KpiChart';
import { KpiStatusBadge, useRangeText } from './kpiParts';

const KpiCheckInDialog = lazyPart(() => import('./KpiCheckInDialog').then((m) => m.KpiCheckInDialog));
const KpiDialog = lazyPart(() => import('./KpiDialog').then((m) => m.KpiDialog));
const ConfirmAction = lazyPart(() => import('../../components/ConfirmAction').then((m) => m.ConfirmAction));

export default function KpiPage() {
  const { kpiId = '' } = useParams();
  const { t, i18n } = useKpiTexts();
  const lang = i18n.language;
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const toast = useToast();
  const range = useRangeText();
  const kpi = useKpi(kpiId);
  const history = useKpiCheckIns(kpiId);
  const unit = useUnit(kpi.data?.unitId);
  const source = useKeyResult(kpi.data?.promotedFromKeyResultId ?? undefined);
  const checkIns = history.data?.pages.flatMap((p) => p.items) ?? [];
  const people = usePeopleByIds([kpi.data?.ownerId]);
  const [dialog, setDialog] = useState<'checkIn' | 'edit' | 'delete' | null>(null);

  if (kpi.isLoading) return <Loading />;
  if (kpi.error || !kpi.data) return <ErrorState error={kpi.error} onRetry={() => void kpi.refetch()} />;
  const k = kpi.data;
  const ownerName = k.ownerId ? people.data?.find((p) => p.id === k.ownerId)?.name : undefined;

  return (
    <div className="stack">
      <Breadcrumbs trail={unit.data ? unitTrail(unit.data, null, t('nav.organisation'), true) : []} />
      <div className="page-head">
        <div className="grow">
          <span className="tag">{t('page.kpiOf', { unit: k.unitName })}</span>
          <h1>{k.title}</h1>
          <p className="muted" style={{ margin: 0 }}>
            {t('healthy', { range: range(k) })} · {t('measured', { cadence: t(`cadence.${k.cadence}`).toLowerCase() })} · {ownerName ? t('page.owner', { name: ownerName }) : k.ownerId ? '' : t('page.noOwner')}
          </p>
          {k.promotedFromKeyResultId && (
            <p className="small" style={{ margin: '.3rem 0 0' }}>
              {t('page.promotedFrom')} <Link to={`/key-results/${k.promotedFromKeyResultId}`}>{source.data?.title ?? t('page.fromKeyResult')}</Link>
            </p>
          )}
        </div>
        <div className="row">
          {k.can.checkIn && <button type="button" className="button" aria-label={t('page.checkInFor', { title: k.title })} {...preloadOn(KpiCheckInDialog)} onClick={() => setDialog('checkIn')}>{t('page.checkIn')}</button>}
          {k.can.edit && <button type="button" className="button secondary" aria-label={t('page.editFor', { title: k.title })} {...preloadOn(KpiDialog)} onClick={() => setDialog('edit')}>{t('page.edit')}</button>}
          {k.can.delete && <button type="button" className="button danger-quiet" aria-label={t('page.deleteFor', { title: k.title })} {...preloadOn(ConfirmAction)} onClick={() => setDialog('delete')}>{t('page.delete')}</button>}
        </div>
      </div>

      <section className="card summary" aria-labelledby="kpi-now">
        <div>
          <h2 id="kpi-now" className="kpi-value" style={{ margin: 0 }}>{k.current === null ? t('noValue') : t('now', { value: valueWithMeasure(lang, k.current, k.measure) })}</h2>
          {k.currentAt && <p className="small muted" style={{ margin: '.2rem 0 0' }}>{dateTime(lang, k.currentAt)}</p>}
          {k.status === 'stale' && <p className="small" style={{ margin: '.2rem 0 0' }}>{t('staleHint')}</p>}
        </div>
        <KpiStatusBadge kpi={k} />
      </section>

      <section className="card" aria-labelledby="kpi-history" style={{ minWidth: 0 }}>
        <h2 id="kpi-history">{t('page.history')}</h2>
        {history.isLoading && <Loading />}
        {history.error && <ErrorState error={history.error} onRetry={() => void history.refetch()} />}
        {history.data && checkIns.length === 0 && <Empty title={t('page.noValues')}>{t('page.noValuesHint')}</Empty>}
        {checkIns.length > 0 && (
          <>
            <KpiChart kpi={k} points={checkIns} title={t('page.chart', { title: k.title })} lang={lang} />
            <p className="small muted">{t('page.chartAlternative')}</p>
            <div style={{ overflowX: 'auto' }} tabIndex={0} role="region" aria-label={t('table.caption', { title: k.title })}>
              <table className="data" data-testid="kpi-table">
                <caption className="visually-hidden">{t('table.caption', { title: k.title })}</caption>
                <thead><tr>
                  <th scope="col">{t('table.when')}</th><th scope="col" className="num">{t('table.value')}</th>
                  <th scope="col">{t('table.comment')}</th><th scope="col">{t('table.by')}</th><th scope="col">{t('table.source')}</th>
                </tr></thead>
                <tbody>
                  {checkIns.map((c) => (
                    <tr key={c.id}>
                      <td>{dateTime(lang, c.at)}</td>
                      <td className="num">{valueWithMeasure(lang, c.value, k.measure)}</td>
                      <td>{c.comment}</td>
                      <td>{c.by?.name ?? ''}</td>
                      <td>{c.fromKeyResultId ? <Link to={`/key-results/${c.fromKeyResultId}`}>{t('page.fromKeyResult')}</Link> : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {history.hasNextPage && <button type="button" className="button secondary small" onClick={() => void history.fetchNextPage()}>{t('page.more')}</button>}
          </>
        )}
      </section>

      {dialog === 'checkIn' && <KpiCheckInDialog kpi={k} onClose={() => setDialog(null)} />}
      {dialog === 'edit' && <KpiDialog unitId={k.unitId} kpi={k} ownerName={ownerName} onClose={() => setDialog(null)} />}
      {dialog === 'delete' && (
        <ConfirmAction title={t('page.deleteTitle', { title: k.title })} lead={t('page.deleteLead')} confirmLabel={t('page.delete')}
          onClose={() => setDialog(null)}
          onConfirm={async () => {
            await api.del(`/kpis/${k.id}`);
            navigate(`/units/${k.unitId}`);
            toast(t('page.deleted'));
            await refreshKpis(queryClient);
          }} />
      )}
    </div>
  );
}
