// One objective of the plan as the workshop shows it: its key results, what it pays into, the
// coach's hints on it and on each key result, and what the team may do with it (edit, add a key
// result, propose it to the unit above or withdraw that, park it in the backlog, talk it over).
import { useState } from 'react';
import { Link } from 'wouter';
import { CarriedFrom } from '../../components/CarriedFrom';
import { usePlanningTexts } from '../../i18n/planningTexts';
import type { KeyResult, ObjectiveWithKeyResults, Proposal } from '@varde/core';
import { hintsOf } from '../../api/plan';
import { HintList } from '../../components/CoachHints';
import { CommentThread } from '../../components/CommentThread';
import { dateTime, number } from '../../i18n/format';

export interface DraftActions {
  edit(o: ObjectiveWithKeyResults): void;
  addKeyResult(o: ObjectiveWithKeyResults): void;
  editKeyResult(kr: KeyResult): void;
  propose(o: ObjectiveWithKeyResults): void;
  withdraw(o: ObjectiveWithKeyResults): void;
  park(o: ObjectiveWithKeyResults): void;
}

function KeyResultSummary({ kr, owner }: { kr: KeyResult; owner: string | undefined }) {
  const { t, i18n } = usePlanningTexts();
  const lang = i18n.language;
  if (kr.type === 'milestone') return <span className="small muted">{t('keyResult.types.milestone')}{owner ? ` · ${owner}` : ''}</span>;
  const threshold = kr.type === 'above' || kr.type === 'below';
  const numbers = threshold ? `${t(`keyResult.types.${kr.type}`)} ${number(lang, kr.target)}` : `${number(lang, kr.start)} → ${number(lang, kr.target)}`;
  return <span className="small muted">{numbers}{kr.measure ? ` ${kr.measure}` : ''} · {owner ?? t('keyResult.noOwner')}</span>;
}

export function DraftObjective({ o, parentName, sent, personName, actions, preload }: {
  o: ObjectiveWithKeyResults;
  /** The unit above, to propose to; undefined at the top of the organisation. */
  parentName: string | undefined;
  /** This objective's proposal to the unit above, if it was proposed. */
  sent: Proposal | undefined;
  personName: ReadonlyMap<string, string>;
  actions: DraftActions;
  /** Starts fetching the editors' code when the pointer or focus reaches a button that opens one. */
  preload: Record<string, () => void>;
}) {
  const { t, i18n } = usePlanningTexts();
  const [talking, setTalking] = useState(false);
  const canEdit = o.can.edit;
  const draft = o.status === 'draft';
  const commentsId = `comments-${o.id}`;
  const proposalOpen = sent?.state === 'open';
  return (
    <article className="card objective stack" style={{ gap: '.5rem' }} aria-labelledby={`draft-${o.id}`} data-objective-id={o.id}>
      <div>
        <span className="tag">{t(`objective.kinds.${o.kind}`)} · {t(`objective.statuses.${o.status}`)}</span>
        <h3 id={`draft-${o.id}`}><Link to={`/objectives/${o.id}`}>{o.title}</Link></h3>
        {o.carriedFromId && <CarriedFrom id={o.carriedFromId} parked={false} />}
        {o.description && <p className="muted" style={{ margin: '.3rem 0 0' }}>{o.description}</p>}
        <div className="aligns small" style={{ marginTop: '.4rem' }}>
          <span className="muted">{t('objective.paysInto')}</span>{' '}
          {o.alignedTo.length === 0 ? <span className="chip">{t('objective.noAlignment')}</span>
            : o.alignedTo.map((a) => <span key={a.id} className="chip">{a.isMoal ? `${t('align.kindMoal')}: ` : ''}{a.title} <span className="muted">· {a.unitName}</span></span>)}
        </div>
        {o.ownerIds.length > 0 && <p className="small muted" style={{ margin: '.3rem 0 0' }}>{t('objective.ownedBy', { names: o.ownerIds.map((id) => personName.get(id) ?? '').join(', ') })}</p>}
        {sent && (
          <p className="small" style={{ margin: '.3rem 0 0' }}>
            <span className="tag">{sent.state === 'adopted' ? t('workshop.adoptedState', { unit: sent.toUnit.name }) : t('workshop.proposedState', { unit: sent.toUnit.name, when: dateTime(i18n.language, sent.proposedAt) })}</span>
          </p>
        )}
      </div>
      <HintList hints={hintsOf(o)} subject={{ kind: 'objective', id: o.id }} title={o.title} canEdit={canEdit} />
      {o.keyResults.length === 0 ? <p className="muted small" style={{ margin: 0 }}>{t('objective.noKeyResults')}</p> : (
        <ul className="draft-kr-list" aria-label={t('objective.keyResultsOf', { title: o.title })}>
          {o.keyResults.map((kr) => (
            <li key={kr.id} className="draft-kr" data-key-result-id={kr.id}>
              <div className="row" style={{ justifyContent: 'space-between' }}>
                <div className="grow" style={{ minWidth: 0 }}>
                  <Link to={`/key-results/${kr.id}`}>{kr.title}</Link>
                  <div><KeyResultSummary kr={kr} owner={kr.ownerId ? personName.get(kr.ownerId) : undefined} /></div>
                </div>
                {kr.can.edit && <button type="button" className="button quiet small" {...preload} aria-label={t('keyResult.editNamed', { title: kr.title })}
                  onClick={() => actions.editKeyResult(kr)}>{t('common.edit')}</button>}
              </div>
              <HintList hints={hintsOf(kr)} subject={{ kind: 'keyResult', id: kr.id }} title={kr.title} canEdit={kr.can.edit} />
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        {canEdit && <button type="button" className="button secondary small" {...preload} onClick={() => actions.addKeyResult(o)}>+ {t('keyResult.new')}</button>}
        {canEdit && <button type="button" className="button quiet small" {...preload} aria-label={t('objective.editNamed', { title: o.title })} onClick={() => actions.edit(o)}>{t('common.edit')}</button>}
        {canEdit && draft && parentName && !proposalOpen && sent?.state !== 'adopted' && (
          <button type="button" className="button quiet small" aria-label={t('workshop.proposeNamed', { title: o.title, unit: parentName })} onClick={() => actions.propose(o)}>
            {t('workshop.propose', { unit: parentName })}
          </button>
        )}
        {canEdit && proposalOpen && (
          <button type="button" className="button quiet small" aria-label={t('workshop.withdrawNamed', { title: o.title })} onClick={() => actions.withdraw(o)}>{t('workshop.withdraw')}</button>
        )}
        {canEdit && draft && <button type="button" className="button quiet small" aria-label={t('workshop.parkNamed', { title: o.title })} onClick={() => actions.park(o)}>{t('workshop.park')}</button>}
        <button type="button" className="button quiet small" aria-expanded={talking} aria-controls={talking ? commentsId : undefined}
          aria-label={t('workshop.commentsOn', { title: o.title })} onClick={() => setTalking(!talking)}>{t('workshop.comments')}</button>
      </div>
      {talking && <div id={commentsId}><CommentThread on={{ objectiveId: o.id }} title={o.title} headingLevel={3} /></div>}
    </article>
  );
}
