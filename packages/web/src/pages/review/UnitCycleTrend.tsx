// The unit's scores and mood over its cycles (issue 15): whether the team reaches more of what it
// sets out to, and how it feels about the work, side by side. A small chart for the eye and the
// same figures as a table, which is what a screen reader reads; nothing until a cycle has either.
import { useReviewTexts } from '../../i18n/reviewTexts';
import { useCycleTrend } from '../../api/reviews';
import { ErrorState } from '../../components/States';
import { number } from '../../i18n/format';

const W = 320;
const H = 90;
const PAD = 8;
const y = (share: number) => H - PAD - share * (H - 2 * PAD);

/** Points of a line over the cycles, each value a share of the chart's height; gaps where there is none. */
function points(values: ReadonlyArray<number | null>): string {
  const step = values.length > 1 ? (W - 2 * PAD) / (values.length - 1) : 0;
  return values.flatMap((v, i) => (v === null ? [] : [`${PAD + i * step},${y(v)}`])).join(' ');
}

export default function UnitCycleTrend({ unitId }: { unitId: string }) {
  const { t, i18n } = useReviewTexts();
  const trend = useCycleTrend(unitId);
  if (trend.error) return <ErrorState error={trend.error} onRetry={() => void trend.refetch()} />;
  const cycles = trend.data?.cycles ?? [];
  if (cycles.length === 0) return null;
  const lang = i18n.language;
  return (
    <section className="card stack" aria-labelledby="trend-heading" style={{ gap: '.5rem' }} data-testid="cycle-trend">
      <h2 id="trend-heading">{t('trend.heading')}</h2>
      <p className="muted small" style={{ margin: 0 }}>{t('trend.lead')}</p>
      {cycles.length > 1 && (
        // The table below holds the same figures: the chart is for the eye only.
        <svg viewBox={`0 0 ${W} ${H}`} width="100%" style={{ maxWidth: '30rem' }} aria-hidden="true" focusable="false">
          <line x1={PAD} x2={W - PAD} y1={y(0.7)} y2={y(0.7)} stroke="currentColor" strokeOpacity=".25" strokeDasharray="2 3" />
          <polyline points={points(cycles.map((c) => c.score))} fill="none" stroke="var(--accent)" strokeWidth="2.5" />
          <polyline points={points(cycles.map((c) => (c.mood === null ? null : (c.mood - 1) / 4)))} fill="none" stroke="currentColor" strokeWidth="2" strokeDasharray="5 3" />
        </svg>
      )}
      <table className="table">
        <caption className="visually-hidden">{t('trend.caption')}</caption>
        <thead><tr><th scope="col">{t('trend.cycle')}</th><th scope="col">{t('trend.score')}</th><th scope="col">{t('trend.mood')}</th></tr></thead>
        <tbody>
          {cycles.map((c) => (
            <tr key={c.period.id}>
              <th scope="row">{c.period.name}</th>
              <td>{c.score === null ? '–' : number(lang, c.score)}</td>
              <td>{c.mood === null ? t('trend.noMood', { count: c.votes }) : t('trend.moodOf', { count: c.votes, mood: number(lang, c.mood) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
