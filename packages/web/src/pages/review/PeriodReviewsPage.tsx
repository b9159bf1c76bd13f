// The organisation's view of a cycle's reviews (issue 15): every unit's review state and scores,
// how the objectives' scores are spread (committed beside aspirational, as bars with the same
// numbers in a table), and the Moals with the scores of what paid into them.
import { Link, useParams } from 'wouter';
import { usePeriodReviews } from '../../api/reviews';
import { usePeriods } from '../../api/hooks';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ErrorState, Loading } from '../../components/States';
import { list, number } from '../../i18n/format';
import { useReviewTexts } from '../../i18n/reviewTexts';

export default function PeriodReviewsPage() {
  const { periodId = '' } = useParams();
  const { t, i18n } = useReviewTexts();
  const lang = i18n.language;
  const reviews = usePeriodReviews(periodId);
  const periods = usePeriods();
  const period = (periods.data ?? []).find((p) => p.id === periodId);
  if (reviews.isLoading) return <Loading />;
  if (!reviews.data) return <ErrorState error={reviews.error ?? { status: 404 }} onRetry={() => void reviews.refetch()} />;
  const r = reviews.data;
  const score = (s: number | null) => (s === null ? '–' : number(lang, s));
  const most = Math.max(1, ...r.distribution.committed, ...r.distribution.aspirational);
  return (
    <article className="stack" aria-labelledby="reviews-heading">
      <div className="page-head"><div className="grow">
        <Breadcrumbs trail={[{ label: t('nav.organisation'), to: `/organisation?period=${periodId}` }]} />
        <h1 id="reviews-heading">{t('review.orgTitle', { period: period?.name ?? '' })}</h1>
        <p className="muted" style={{ margin: 0 }}>{t('review.orgLead')}</p>
      </div></div>

      <section className="card" aria-labelledby="reviews-units">
        <h2 id="reviews-units">{t('review.units')}</h2>
        <p data-testid="not-closed">{r.notClosed.length ? t('review.notClosed', { units: list(lang, r.notClosed.map((u) => u.name)) }) : t('review.allClosed')}</p>
        <table className="data stacked" data-testid="reviews-table">
          <thead><tr>
            <th scope="col">{t('review.unit')}</th><th scope="col">{t('review.state')}</th><th scope="col">{t('review.objectives')}</th>
            <th scope="col">{t('review.meanScore')}</th><th scope="col">{t('review.succeededCount')}</th>
          </tr></thead>
          <tbody>{r.units.map((u) => (
            <tr key={u.unit.id}>
              <td><Link to={`/units/${u.unit.id}/reviews/${periodId}`}>{u.unit.name}</Link></td>
              <td data-label={t('review.state')}>{t(`review.states.${u.state}`)}</td>
              <td data-label={t('review.objectives')}>{u.objectiveCount}</td>
              <td data-label={t('review.meanScore')}>{score(u.meanScore)}</td>
              <td data-label={t('review.succeededCount')}>{u.succeeded}</td>
            </tr>
          ))}</tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="reviews-distribution">
        <h2 id="reviews-distribution">{t('review.distribution')}</h2>
        <svg role="img" aria-label={t('review.distributionCaption')} viewBox="0 0 440 170" style={{ width: '100%', maxWidth: '44rem', height: 'auto' }}>
          {r.distribution.committed.map((c, i) => {
            const a = r.distribution.aspirational[i] ?? 0;
            const x = 8 + i * 39;
            return (
              <g key={i}>
                <rect x={x} y={140 - (c / most) * 120} width={16} height={(c / most) * 120} fill="var(--accent, #1d4ed8)" />
                <rect x={x + 17} y={140 - (a / most) * 120} width={16} height={(a / most) * 120} fill="var(--warning, #b45309)" />
                <text x={x + 16} y={158} fontSize="11" textAnchor="middle" fill="currentColor">{number(lang, i / 10)}</text>
              </g>
            );
          })}
        </svg>
        <p className="small" aria-hidden="true">
          <span style={{ color: 'var(--accent, #1d4ed8)' }}>■</span> {t('review.committed')}{'  '}
          <span style={{ color: 'var(--warning, #b45309)' }}>■</span> {t('review.aspirational')}
        </p>
        <table className="data" data-testid="distribution-table">
          <caption>{t('review.distributionCaption')}</caption>
          <thead><tr><th scope="col">{t('review.scoreColumn')}</th><th scope="col">{t('review.committed')}</th><th scope="col">{t('review.aspirational')}</th></tr></thead>
          <tbody>{r.distribution.committed.map((c, i) => (
            <tr key={i}><th scope="row">{number(lang, i / 10)}</th><td>{c}</td><td>{r.distribution.aspirational[i]}</td></tr>
          ))}</tbody>
        </table>
      </section>

      <section className="card" aria-labelledby="reviews-moals">
        <h2 id="reviews-moals">{t('review.moals')}</h2>
        {r.moals.length === 0 ? <p className="muted">{t('review.noMoals')}</p> : r.moals.map((m) => (
          <div key={m.objectiveId}>
            <h3><Link to={`/objectives/${m.objectiveId}`}>{m.title}</Link></h3>
            {m.paidInBy.length === 0 ? <p className="muted">{t('review.noPaidIn')}</p> : (
              <ul>{m.paidInBy.map((p) => (
                <li key={p.objectiveId}>{p.unit.name}: <Link to={`/objectives/${p.objectiveId}`}>{p.title}</Link> · {t('review.objectiveScore', { score: score(p.score) })} · {p.succeeded ? t('review.succeeded') : t('review.notSucceeded')}</li>
              ))}</ul>
            )}
          </div>
        ))}
      </section>
    </article>
  );
}
