// On the key result page: the KPI it is kept as, or, for its unit's members and admins, promoting
// it to one with its whole history. Loaded when the reader gets there: that page is at its budget.
import { useState } from 'react';
import { Link } from 'wouter';
import type { KeyResult } from '@varde/core';
import { lazyPart, preloadOn } from '../../components/lazyPart';
import { useKpiTexts } from '../../i18n/kpiTexts';

const PromoteDialog = lazyPart(() => import('./PromoteDialog').then((m) => m.PromoteDialog));

export default function KeyResultKpi({ keyResult }: { keyResult: Pick<KeyResult, 'id' | 'title' | 'kpiId' | 'can'> }) {
  const { t } = useKpiTexts();
  const [open, setOpen] = useState(false);
  if (!keyResult.kpiId && !keyResult.can.edit) return null;
  return (
    <section className="card" aria-labelledby="kr-kpi-heading">
      <h2 id="kr-kpi-heading">{t('promote.heading')}</h2>
      {keyResult.kpiId ? (
        <p style={{ margin: 0 }}>{t('promote.kept')} <Link to={`/kpis/${keyResult.kpiId}`}>{t('promote.openKpi')}</Link></p>
      ) : (
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <p className="muted" style={{ margin: 0, flex: '1 1 16rem' }}>{t('promote.lead')}</p>
          <button type="button" className="button secondary" {...preloadOn(PromoteDialog)} onClick={() => setOpen(true)}>{t('promote.open')}</button>
        </div>
      )}
      {open && <PromoteDialog keyResult={keyResult} onClose={() => setOpen(false)} />}
    </section>
  );
}
