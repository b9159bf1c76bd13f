// The parts of the workshop beside the drafts: what they pay into (the mission and themes, the
// year's Moals, the objectives of the unit above, drafts marked as such), the backlog with "Pull
// into this cycle", and the proposals the units below sent up, with "Adopt".
import { Link } from 'wouter';
import { usePlanningTexts } from '../../i18n/planningTexts';
import type { ObjectiveWithKeyResults, Plan, Proposal } from '@varde/core';
import { date, dateTime } from '../../i18n/format';

function ObjectiveWithItsKeyResults({ o, showStatus }: { o: ObjectiveWithKeyResults; showStatus: boolean }) {
  const { t } = usePlanningTexts();
  return (
    <li>
      {showStatus && o.status !== 'active' && <><span className="tag">{t(`objective.statuses.${o.status}`)}</span>{' '}</>}
      <Link to={`/objectives/${o.id}`}><strong>{o.title}</strong></Link>
      {o.keyResults.length > 0 && (
        <ul className="small" aria-label={t('objective.keyResultsOf', { title: o.title })}>
          {o.keyResults.map((k) => <li key={k.id}>{k.title}{k.measure ? <span className="muted"> · {k.measure}</span> : null}</li>)}
        </ul>
      )}
    </li>
  );
}

export function PlanContext({ context, parentName }: { context: Plan['context']; parentName: string | undefined }) {
  const { t } = usePlanningTexts();
  return (
    <section className="card stack" aria-labelledby="context-heading" style={{ gap: '.7rem' }}>
      <h2 id="context-heading">{t('workshop.contextTitle')}</h2>
      {context.mission && (
        <div>
          <h3>{t('workshop.mission')}</h3>
          <p style={{ margin: '.2rem 0 0' }}>{context.mission}</p>
        </div>
      )}
      {context.themes.length > 0 && (
        <div>
          <h3>{t('workshop.themes')}</h3>
          <ul className="aligns" style={{ listStyle: 'none', padding: 0, margin: '.3rem 0 0', display: 'flex', flexWrap: 'wrap', gap: '.3rem' }}>
            {context.themes.map((th) => <li key={th} className="chip">{th}</li>)}
          </ul>
        </div>
      )}
      <div>
        <h3>{t('workshop.moals')}</h3>
        {context.moals.length === 0 ? <p className="small muted" style={{ margin: '.2rem 0 0' }}>{t('workshop.noMoals')}</p>
          : <ul className="context-list">{context.moals.map((m) => <ObjectiveWithItsKeyResults key={m.id} o={m} showStatus={false} />)}</ul>}
      </div>
      {parentName && (
        <div>
          <h3>{t('workshop.parentObjectives', { unit: parentName })}</h3>
          {context.parentObjectives.length === 0 ? <p className="small muted" style={{ margin: '.2rem 0 0' }}>{t('workshop.noParentObjectives')}</p>
            : <ul className="context-list">{context.parentObjectives.map((o) => <ObjectiveWithItsKeyResults key={o.id} o={o} showStatus />)}</ul>}
        </div>
      )}
    </section>
  );
}

export function Backlog({ backlog, periodName, onPull }: { backlog: readonly ObjectiveWithKeyResults[]; periodName: string; onPull(o: ObjectiveWithKeyResults): void }) {
  const { t } = usePlanningTexts();
  return (
    <section className="card stack" aria-labelledby="backlog-heading" style={{ gap: '.5rem' }}>
      <div>
        <h2 id="backlog-heading" tabIndex={-1}>{t('workshop.backlog')}</h2>
        <p className="small muted" style={{ margin: '.2rem 0 0' }}>{t('workshop.backlogLead')}</p>
      </div>
      {backlog.length === 0 ? <p className="small muted" style={{ margin: 0 }}>{t('workshop.noBacklog')}</p> : (
        <ul className="context-list" aria-labelledby="backlog-heading">
          {backlog.map((o) => (
            <li key={o.id} data-objective-id={o.id}>
              <Link to={`/objectives/${o.id}`}><strong>{o.title}</strong></Link>
              {o.keyResults.length > 0 && (
                <ul className="small" aria-label={t('objective.keyResultsOf', { title: o.title })}>
                  {o.keyResults.map((k) => <li key={k.id}>{k.title}</li>)}
                </ul>
              )}
              {o.can.edit && (
                <div style={{ marginTop: '.3rem' }}>
                  <button type="button" className="button secondary small" aria-label={t('workshop.pullNamed', { title: o.title, period: periodName })} onClick={() => onPull(o)}>
                    {t('workshop.pull')}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function Proposals({ received, canAdopt, onAdopt }: { received: readonly Proposal[]; canAdopt: boolean; onAdopt(p: Proposal): void }) {
  const { t, i18n } = usePlanningTexts();
  const open = received.filter((p) => p.state === 'open');
  return (
    <section className="card stack" aria-labelledby="proposals-heading" style={{ gap: '.5rem' }}>
      <h2 id="proposals-heading" tabIndex={-1}>{t('workshop.proposals')}</h2>
      {open.length === 0 ? <p className="small muted" style={{ margin: 0 }}>{t('workshop.noProposals')}</p> : (
        <ul className="context-list" aria-labelledby="proposals-heading">
          {open.map((p) => (
            <li key={p.id} data-proposal-id={p.id}>
              <Link to={`/objectives/${p.objective.id}`}><strong>{p.objective.title}</strong></Link>
              <p className="small muted" style={{ margin: '.15rem 0 0' }}>
                {t('workshop.proposalFrom', { unit: p.fromUnit.name, name: p.proposedBy?.name ?? t('comments.someone'), when: dateTime(i18n.language, p.proposedAt) })}
              </p>
              {p.objective.keyResults.length > 0 && (
                <ul className="small" aria-label={t('objective.keyResultsOf', { title: p.objective.title })}>
                  {p.objective.keyResults.map((k) => <li key={k.id}>{k.title}</li>)}
                </ul>
              )}
              {canAdopt && (
                <div style={{ marginTop: '.3rem' }}>
                  <button type="button" className="button small" aria-label={t('workshop.adoptNamed', { title: p.objective.title })} onClick={() => onAdopt(p)}>{t('workshop.adopt')}</button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** What the cycle before hands on to this plan (article 004): the review's answers, lessons first,
 *  and the retrospective's actions not yet done; its carried drafts are among the drafts. */
export function PreviousCycle({ previous, unitId }: { previous: NonNullable<Plan['previousCycle']>; unitId: string }) {
  const { t, i18n } = usePlanningTexts();
  const { period, answers, actions, reviewClosed } = previous;
  const said = (['lessons', 'stillOpen', 'achieved'] as const).filter((k) => answers[k].trim() !== '');
  return (
    <section className="card stack" aria-labelledby="previous-cycle-heading" style={{ gap: '.5rem' }} data-testid="previous-cycle">
      <div>
        <h2 id="previous-cycle-heading">{t('workshop.fromPrevious', { period: period.name })}</h2>
        <p className="small muted" style={{ margin: '.2rem 0 0' }}>{t('workshop.fromPreviousLead')}</p>
      </div>
      {said.length === 0 ? <p className="small muted" style={{ margin: 0 }}>{reviewClosed ? t('workshop.noAnswers') : t('workshop.reviewNotClosed')}</p>
        : said.map((k) => (
          <div key={k}>
            <h3>{t(`workshop.previousAnswers.${k}`)}</h3>
            <p style={{ margin: '.2rem 0 0', whiteSpace: 'pre-line' }}>{answers[k]}</p>
          </div>
        ))}
      <div>
        <h3>{t('workshop.openActions')}</h3>
        {actions.length === 0 ? <p className="small muted" style={{ margin: '.2rem 0 0' }}>{t('workshop.noOpenActions')}</p> : (
          <ul className="context-list">
            {actions.map((a) => (
              <li key={a.id}>
                {a.text}
                <span className="small muted">
                  {a.ownerName && ` · ${a.ownerName}`}
                  {a.dueDate && ` · ${t('workshop.actionDue', { date: date(i18n.language, a.dueDate) })}`}
                </span>
              </li>
            ))}
          </ul>
        )}
      </div>
      <p className="small" style={{ margin: 0 }}>
        <Link to={`/units/${unitId}/reviews/${period.id}`}>{t('workshop.readReview')}</Link>{' · '}
        <Link to={`/units/${unitId}/retrospectives/${period.id}`}>{t('workshop.readRetrospective')}</Link>
      </p>
    </section>
  );
}
