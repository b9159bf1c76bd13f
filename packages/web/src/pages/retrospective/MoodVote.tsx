// The anonymous mood vote: five labelled choices as a radio group, once per member. After voting
// the page says so; the distribution shows as bars, with the same counts as a table, once three
// have voted (the server gives none before, so no one vote can be read off it).
import { useState } from 'react';
import { Label, Radio, RadioGroup } from 'react-aria-components';
import { useQueryClient } from '@tanstack/react-query';
import type { Retrospective } from '@varde/core';
import { retrospectiveKeys, voteMood } from '../../api/retrospectives';
import { ErrorState } from '../../components/States';
import { useRetrospectiveTexts } from '../../i18n/retrospectiveTexts';
import { number } from '../../i18n/format';

const MOODS = ['1', '2', '3', '4', '5'] as const;

export function MoodVote({ retro, compact = false }: { retro: Retrospective; compact?: boolean }) {
  const { t, i18n } = useRetrospectiveTexts();
  const queryClient = useQueryClient();
  const [choice, setChoice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [said, setSaid] = useState('');
  const { mood } = retro;

  const vote = async () => {
    if (!choice || busy) return;
    setBusy(true); setError(null);
    try {
      const answer = await voteMood(retro.unitId, retro.periodId, Number(choice));
      queryClient.setQueryData(retrospectiveKeys.one(retro.unitId, retro.periodId), answer);
      setSaid(t('mood.announced'));
    } catch (e) { setError(e); } finally { setBusy(false); }
  };

  const label = (m: string) => t(`mood.choices.${m}`);
  const most = Math.max(1, ...(mood.distribution ?? []));
  const names = MOODS.map(label);
  const summary = mood.distribution?.map((count, i) => t('mood.bar', { count, label: names[i] })).join(', ') ?? '';
  return (
    <section className="card stack" aria-labelledby="mood-heading" style={{ gap: '.5rem' }} data-testid="mood-vote">
      <h2 id="mood-heading">{t('mood.heading')}</h2>
      {!compact && <p className="muted" style={{ margin: 0 }}>{t('mood.lead')}</p>}
      {retro.can.vote && (
        <form className="stack" style={{ gap: '.5rem' }} onSubmit={(e) => { e.preventDefault(); void vote(); }}>
          <RadioGroup className="field" value={choice} onChange={setChoice} orientation="horizontal">
            <Label>{t('mood.legend')}</Label>
            <div className="mood-choices">
              {MOODS.map((m) => <Radio key={m} value={m} className="chip">{label(m)}</Radio>)}
            </div>
          </RadioGroup>
          <div><button type="submit" className="button" disabled={!choice}>{busy ? t('common.working') : t('mood.vote')}</button></div>
        </form>
      )}
      {mood.youVoted && <p style={{ margin: 0 }}><strong>{t('mood.voted')}</strong></p>}
      {retro.open && !mood.youVoted && !retro.can.vote && <p className="muted" style={{ margin: 0 }}>{t('mood.membersOnly')}</p>}
      <p style={{ margin: 0 }} data-testid="mood-count">{t('mood.count', { votes: mood.votes, members: mood.members })}
        {mood.mean !== null && <> · {t('mood.mean', { mean: number(i18n.language, mood.mean) })}</>}</p>
      {mood.distribution === null ? <p className="muted small" style={{ margin: 0 }}>{t('mood.hidden')}</p> : (
        <>
          <div className="mood-bars" role="img" aria-label={t('mood.chartLabel', { summary })} data-testid="mood-chart">
            {mood.distribution.map((count, i) => (
              <div key={MOODS[i]} className="mood-bar" aria-hidden="true">
                <span className="small">{label(MOODS[i]!)}</span>
                <span className="mood-bar-track"><span className="mood-bar-fill" style={{ display: 'block', width: `${(count / most) * 100}%` }} /></span>
                <span className="small">{count}</span>
              </div>
            ))}
          </div>
          <details>
            <summary className="small">{t('mood.tableCaption')}</summary>
            <table className="table">
              <caption className="visually-hidden">{t('mood.tableCaption')}</caption>
              <thead><tr><th scope="col">{t('mood.tableMood')}</th><th scope="col">{t('mood.tableVotes')}</th></tr></thead>
              <tbody>{mood.distribution.map((count, i) => <tr key={MOODS[i]}><th scope="row">{label(MOODS[i]!)}</th><td>{count}</td></tr>)}</tbody>
            </table>
          </details>
        </>
      )}
      <div className="visually-hidden" aria-live="polite" aria-atomic="true">{said}</div>
      {error !== null && <ErrorState error={error} />}
    </section>
  );
}
