// One objective on the team page: its kind and status, title, description, where it came from,
// what it pays into, its owners, progress and the coach's count on a draft, and its key results,
// each with the initiatives that move it. Drawn again only when what it shows changes, not when
// another part of the page gets an answer or a dialog opens.
import { memo } from 'react';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import type { Initiative, Objective, UnitProgress } from '@varde/core';
import { KeyResultLine } from '../../components/KeyResultLine';
import { BlockerNote } from '../../components/BlockerNote';
import { ProgressBar } from '../../components/ProgressBar';
import { TrackBadge } from '../../components/TrackBadge';
import { CarriedFrom } from '../../components/CarriedFrom';
import { HintCount } from '../../components/CoachHints';
import { preloadOn } from '../../components/lazyPart';
import { hintsOf } from '../../api/plan';
import { CheckInDialog, InitiativeDialog, KeyResultDialog, ObjectiveDialog, ObjectiveHistoryDialog, type UnitDialog } from './unitDialogs';

type ObjectiveProgress = UnitProgress['objectives'][number];

export const ObjectiveCard = memo(function ObjectiveCard({ o, full, initiatives, personName, series, canEdit, onOpen, onEditKeyResult, onPublish }: {
  o: ObjectiveProgress;
  /** The objective as read on its own (description, alignments, version): the page's summary lacks them. */
  full: Objective | undefined;
  /** The unit's initiatives in the period: each key result shows those that move it. */
  initiatives: readonly Initiative[];
  personName: ReadonlyMap<string, string>;
  /** Each key result's check-in values, oldest first. */
  series: ReadonlyMap<string, number[]>;
  canEdit: boolean;
  onOpen(dialog: UnitDialog): void;
  onEditKeyResult(id: string): void;
  onPublish(drafts: readonly Objective[]): void;
}) {
  const { t } = useTranslation();
  return (
    <article className="card objective" aria-labelledby={`objective-${o.id}`}>
      <div className="objective-head">
        <div className="grow">
          <span className="tag">{t(`objective.kinds.${o.kind}`)}{o.status !== 'active' ? ` · ${t(`objective.statuses.${o.status}`)}` : ''}</span>
          <h2 id={`objective-${o.id}`}><Link to={`/objectives/${o.id}`}>{o.title}</Link></h2>
          {full?.description && <p className="muted" style={{ margin: '.3rem 0 0' }}>{full.description}</p>}
          {full?.carriedFromId && <CarriedFrom id={full.carriedFromId} parked={full.status === 'backlog'} />}
          <div className="aligns" style={{ marginTop: '.4rem' }}>
            <span className="muted">{t('objective.paysInto')}</span>
            {/* The full objective is read apart from the page's summary: until it has come, say nothing rather than "nothing yet". */}
            {!full ? <span className="chip muted">{t('common.loading')}</span>
              : full.alignedTo.length === 0 ? <span className="chip">{t('objective.noAlignment')}</span>
              : full.alignedTo.map((a) => <span key={a.id} className="chip">{a.isMoal ? `${t('align.kindMoal')}: ` : ''}{a.title} <span className="muted">· {a.unitName}</span></span>)}
          </div>
          {o.ownerIds.length > 0 && <p className="small muted" style={{ margin: '.3rem 0 0' }}>{t('objective.ownedBy', { names: o.ownerIds.map((id) => personName.get(id) ?? '').join(', ') })}</p>}
          {o.status === 'draft' && <HintCount hints={hintsOf(o)} subject={{ kind: 'objective', id: o.id }} title={o.title} canEdit={o.can.edit} />}
        </div>
        <div style={{ minWidth: '12rem' }}>
          <ProgressBar progress={o.progress} expected={o.expectedProgress} status={o.trackStatus} reading={o.reading} label={t('objective.progressOf', { title: o.title })} />
          <div className="row" style={{ marginTop: '.4rem' }}>
            <TrackBadge status={o.trackStatus} reading={o.reading} />
            {o.can.edit && full && o.status === 'draft' && <button type="button" className="button small" aria-label={t('publish.oneNamed', { title: o.title })}
              onClick={() => onPublish([full])}>{t('publish.one')}</button>}
            {o.can.edit && full && <button type="button" className="button quiet small" {...preloadOn(ObjectiveDialog)} onClick={() => onOpen({ kind: 'editObjective', objective: full })} aria-label={t('objective.editNamed', { title: o.title })}>{t('common.edit')}</button>}
            <button type="button" className="button quiet small" {...preloadOn(ObjectiveHistoryDialog)} onClick={() => onOpen({ kind: 'objectiveHistory', objective: { id: o.id, title: o.title } })}
              aria-label={t('objective.historyNamed', { title: o.title })}>{t('objective.history')}</button>
          </div>
        </div>
      </div>
      {o.keyResults.length === 0 ? <p className="muted">{t('objective.noKeyResults')}</p> : (
        <ul className="kr-list" aria-label={t('objective.keyResultsOf', { title: o.title })}>
          {o.keyResults.map((kr) => {
            const moving = initiatives.filter((i) => i.keyResultIds.includes(kr.id));
            return (
              <KeyResultLine key={kr.id} kr={kr} owner={kr.ownerId ? personName.get(kr.ownerId) : undefined} history={series.get(kr.id)}
                action={(kr.can.checkIn || kr.can.edit) && (
                  <>
                    {kr.can.checkIn && <button type="button" className="button small" aria-label={t('checkIn.openFor', { title: kr.title })}
                      {...preloadOn(CheckInDialog)} onClick={() => onOpen({ kind: 'checkIn', target: kr })}>{t('checkIn.open')}</button>}
                    {kr.can.edit && <button type="button" className="button quiet small" aria-label={t('keyResult.editNamed', { title: kr.title })} onClick={() => onEditKeyResult(kr.id)}>{t('common.edit')}</button>}
                  </>
                )}>
                <BlockerNote blocker={kr.blocker} title={kr.title} />
                {o.status === 'draft' && <HintCount hints={hintsOf(kr)} subject={{ kind: 'keyResult', id: kr.id }} title={kr.title} canEdit={kr.can.edit} />}
                <div className="kr-initiatives">
                  {moving.map((i) => (
                    <button key={i.id} type="button" className="chip" disabled={!canEdit} {...preloadOn(InitiativeDialog)} onClick={() => onOpen({ kind: 'initiative', existing: i })}
                      aria-label={t('initiative.chipLabel', { title: i.title, status: t(`initiative.status.${i.status}`) })}>
                      <span aria-hidden="true">⚒</span> {i.title} · {t(`initiative.status.${i.status}`)}{i.ownerId ? ` · ${personName.get(i.ownerId) ?? ''}` : ''}
                    </button>
                  ))}
                  {canEdit && <button type="button" className="button quiet small" {...preloadOn(InitiativeDialog)} onClick={() => onOpen({ kind: 'initiative', keyResultId: kr.id })} aria-label={t('initiative.addFor', { title: kr.title })}>+ {t('initiative.add')}</button>}
                </div>
              </KeyResultLine>
            );
          })}
        </ul>
      )}
      {o.can.edit && <div><button type="button" className="button secondary small" {...preloadOn(KeyResultDialog)} onClick={() => onOpen({ kind: 'newKeyResult', objectiveId: o.id })}>+ {t('keyResult.new')}</button></div>}
    </article>
  );
});
