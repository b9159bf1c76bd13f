// The retrospective's place on the team page, once the cycle is in review or closed: how many have
// voted, how many actions are open, and the way in.
import { Link } from 'wouter';
import { useRetrospective } from '../../api/retrospectives';
import { useRetrospectiveTexts } from '../../i18n/retrospectiveTexts';

export default function UnitRetrospective({ unitId, periodId, periodName }: { unitId: string; periodId: string; periodName: string }) {
  const { t } = useRetrospectiveTexts();
  const retro = useRetrospective(unitId, periodId);
  const r = retro.data;
  const open = r?.actions.filter((a) => !a.done).length ?? 0;
  return (
    <section className="card stack" aria-labelledby="retro-entry-heading" style={{ gap: '.5rem' }} data-testid="unit-retrospective">
      <div className="row" style={{ justifyContent: 'space-between' }}>
        <h2 id="retro-entry-heading">{t('entry.heading')}</h2>
        <Link className="button" to={`/units/${unitId}/retrospectives/${periodId}`}>{t('entry.open', { period: periodName })}</Link>
      </div>
      {r && <p style={{ margin: 0 }}>{t('entry.votes', { votes: r.mood.votes, members: r.mood.members })}{open > 0 && <> · {t('entry.openActions', { count: open })}</>}</p>}
    </section>
  );
}
