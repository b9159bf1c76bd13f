// A board of KPIs: on a unit's page its own, on the organisation's page every unit's (a subtree
// read a page at a time). Each KPI says its current value, its healthy range, its status in words
// and its trend as a sparkline, whose values are also a table for whoever cannot see the line.
import { useState } from 'react';
import { Link } from 'wouter';
import type { Kpi } from '@varde/core';
import { useKpiBoard, type KpiScope } from '../../api/kpis';
import { ErrorState, Loading } from '../../components/States';
import { lazyPart, preloadOn } from '../../components/lazyPart';
import { useKpiTexts } from '../../i18n/kpiTexts';
import { date, valueWithMeasure } from '../../i18n/format';
import { KpiSparkline, KpiStatusBadge, useRangeText } from './kpiParts';

const KpiDialog = lazyPart(() => import('./KpiDialog').then((m) => m.KpiDialog));

export default function KpiBoard({ scope, name, createFor, showUnit = false }: {
  scope: KpiScope;
  /** The unit's or the organisation's name. */
  name: string;
  /** The unit a new KPI is made for, when the reader may make one. */
  createFor?: string | undefined;
  showUnit?: boolean;
}) {
  const { t } = useKpiTexts();
  const board = useKpiBoard(scope);
  const [creating, setCreating] = useState(false);
  const items = board.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <section className="card stack" aria-labelledby="kpi-heading" style={{ gap: '.6rem' }} data-testid="kpi-board">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 id="kpi-heading">{showUnit ? t('board.orgHeading') : t('board.unitHeading')}</h2>
        {createFor && <button type="button" className="button secondary" {...preloadOn(KpiDialog)} onClick={() => setCreating(true)}>{t('board.new')}</button>}
      </div>
      <p className="muted small" style={{ margin: 0 }}>{t('board.lead')}</p>
      {board.isLoading && <Loading />}
      {board.error && <ErrorState error={board.error} onRetry={() => void board.refetch()} />}
      {board.data && items.length === 0 && <p className="muted" style={{ margin: 0 }}>{createFor ? t('board.emptyEditor') : t('board.empty')}</p>}
      {items.length > 0 && (
        <ul className="kpi-grid" aria-label={t('board.list', { name })}>
          {items.map((k) => <KpiCard key={k.id} kpi={k} showUnit={showUnit} />)}
        </ul>
      )}
      {board.hasNextPage && (
        <div><button type="button" className="button secondary small" onClick={() => void board.fetchNextPage()}>
          {board.isFetchingNextPage ? t('common.loading') : t('board.more')}</button></div>
      )}
      {creating && createFor && <KpiDialog unitId={createFor} onClose={() => setCreating(false)} />}
    </section>
  );
}

function KpiCard({ kpi, showUnit }: { kpi: Kpi; showUnit: boolean }) {
  const { t, i18n } = useKpiTexts();
  const lang = i18n.language;
  const range = useRangeText();
  return (
    <li className="kpi-card" aria-labelledby={`kpi-${kpi.id}`}>
      <div className="row" style={{ justifyContent: 'space-between', alignItems: 'flex-start' }}>
        <h3 id={`kpi-${kpi.id}`} style={{ margin: 0, fontSize: '1.05rem' }}><Link to={`/kpis/${kpi.id}`}>{kpi.title}</Link></h3>
        <KpiStatusBadge kpi={kpi} />
      </div>
      {showUnit && <p className="small muted" style={{ margin: 0 }}>{kpi.unitName}</p>}
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <p style={{ margin: 0 }}>
          <strong className="kpi-value">{kpi.current === null ? t('noValue') : t('now', { value: valueWithMeasure(lang, kpi.current, kpi.measure) })}</strong>
          <br /><span className="small muted">{t('healthy', { range: range(kpi) })} · {t(`cadence.${kpi.cadence}`)}</span>
        </p>
        <KpiSparkline kpi={kpi} width={120} height={34} />
      </div>
      {kpi.recent.length > 0 && (
        <details>
          <summary className="small">{t('table.show')}</summary>
          <table className="data">
            <caption className="visually-hidden">{t('table.caption', { title: kpi.title })}</caption>
            <thead><tr><th scope="col">{t('table.when')}</th><th scope="col" className="num">{t('table.value')}</th></tr></thead>
            <tbody>
              {[...kpi.recent].reverse().map((r) => (
                <tr key={r.at}><td>{date(lang, r.at)}</td><td className="num">{valueWithMeasure(lang, r.value, kpi.measure)}</td></tr>
              ))}
            </tbody>
          </table>
        </details>
      )}
    </li>
  );
}
