// The meeting while it runs, by article 004's three questions: first what has no check-in since
// the last meeting (filled in during the first minutes), then Status one key result at a time,
// Stumbling blocks and Dependencies. The facilitator's screen is the shared one (large type, keys
// to step through it, the fifteen minutes); everyone else follows the facilitator's item through
// the live stream, and may stop following to look elsewhere or check in on their own.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import { useMeetingTexts } from '../../i18n/meetingTexts';
import { useQueryClient } from '@tanstack/react-query';
import type { AgendaItem, KeyResult, Meeting } from '@varde/core';
import { api } from '../../api/client';
import { keys, useMe, useMembers } from '../../api/hooks';
import { meetingKeys, patchMeeting } from '../../api/meetings';
import { ProgressBar } from '../../components/ProgressBar';
import { TrackBadge } from '../../components/TrackBadge';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ErrorState } from '../../components/States';
import { lazyPart, preloadOn } from '../../components/lazyPart';
import { useToast } from '../../components/Toast';
import { ago, dateTime, valueWithMeasure } from '../../i18n/format';
import type { CheckInTarget } from '../unit/CheckInDialog';
import type { DependencyStepChoice } from '../unit/DependencyStepDialog';
import type { Dependency } from '@varde/core';
import { MeetingTimer } from './MeetingTimer';
import { commandOf } from './meetingControls';
import { BlockerList } from './BlockerList';

const CheckInDialog = lazyPart(() => import('../unit/CheckInDialog').then((m) => m.CheckInDialog));
const DependencyStepDialog = lazyPart(() => import('../unit/DependencyStepDialog').then((m) => m.DependencyStepDialog));
const EndMeetingDialog = lazyPart(() => import('./EndMeetingDialog').then((m) => m.EndMeetingDialog));

/** The shared screen shows one part of the meeting at a time, in the order of the three questions. */
const PHASES = ['opening', 'status', 'blockers', 'dependencies'] as const;
type Phase = (typeof PHASES)[number];

type Open = { kind: 'checkIn'; target: CheckInTarget } | { kind: 'step'; dependency: Dependency; step: DependencyStepChoice } | { kind: 'end' };

/** A key pressed in a field, or with a dialog open, is the field's or the dialog's. */
function isForThePage(e: KeyboardEvent): boolean {
  const target = e.target as HTMLElement | null;
  if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return false;
  return !document.querySelector('.modal-overlay');
}

export function MeetingRoom({ meeting }: { meeting: Meeting }) {
  const { t, i18n } = useMeetingTexts();
  const lang = i18n.language;
  const queryClient = useQueryClient();
  const toast = useToast();
  const me = useMe().data?.person.id;
  const facilitating = Boolean(me) && meeting.facilitatorId === me;
  const count = meeting.agenda.length;
  const clamp = useCallback((i: number) => Math.max(0, Math.min(Math.max(0, count - 1), i)), [count]);

  // The facilitator's item is the meeting's; a follower shows it while following, else their own.
  const [following, setFollowing] = useState(true);
  const [own, setOwn] = useState(() => clamp(meeting.currentItem));
  const [moveError, setMoveError] = useState<unknown>(null);
  const shown = clamp(facilitating || !following ? own : meeting.currentItem);
  const item = meeting.agenda[shown];

  // The facilitator's own moves are drawn at once; the stream brings the meeting's item back.
  useEffect(() => { if (facilitating) setOwn(clamp(meeting.currentItem)); }, [facilitating, meeting.currentItem, clamp]);

  // One function for the meeting's life (its latest version read when it writes), so that what
  // holds on to it is not run again each time the meeting is read.
  const latest = useRef(meeting);
  latest.current = meeting;
  const save = useCallback(async (change: Parameters<typeof patchMeeting>[1]) => {
    const { id } = latest.current;
    const current = queryClient.getQueryData<Meeting>(meetingKeys.one(id)) ?? latest.current;
    const answer = await patchMeeting(current, change);
    queryClient.setQueryData(meetingKeys.one(id), answer);
    return answer;
  }, [queryClient]);

  // The shared-screen view: one part at a time, Next stepping from the opening through the items
  // to the blockers and the dependencies. Only the items are the meeting's (followers follow them).
  const [screen, setScreen] = useState(false);
  const [phase, setPhase] = useState<Phase>('status');
  const hasOpening = meeting.notCheckedIn.length > 0 || meeting.previousDecisions.length > 0;
  const toggleScreen = () => {
    if (!screen) setPhase(hasOpening ? 'opening' : 'status');
    setScreen(!screen);
  };
  const toPhase = useCallback((p: Phase) => {
    setPhase(p);
    setSaid(t(`meeting.phase.${p}`));
  }, [t]);

  const go = useCallback((to: number) => {
    const next = clamp(to);
    setOwn(next);
    if (!facilitating) { setFollowing(false); return; }
    setMoveError(null);
    save({ currentItem: next }).catch((error: unknown) => setMoveError(error));
  }, [clamp, facilitating, save]);

  // An item change is said once, politely; the timer's ticking never is.
  const [said, setSaid] = useState('');
  const lastShown = useRef(shown);
  useEffect(() => {
    if (lastShown.current === shown || !item) return;
    lastShown.current = shown;
    setSaid(t('meeting.itemAnnounced', { n: shown + 1, total: count, title: item.title }));
  }, [shown, item, count, t]);

  const [open, setOpen] = useState<Open | null>(null);
  const checkIn = useCallback(async (keyResultId: string) => {
    const kr = await queryClient.fetchQuery({ queryKey: keys.keyResult(keyResultId), queryFn: () => api.get<KeyResult>(`/key-results/${keyResultId}`) });
    setOpen({ kind: 'checkIn', target: kr });
  }, [queryClient]);
  const closeDialog = () => {
    setOpen(null);
    void queryClient.invalidateQueries({ queryKey: meetingKeys.one(meeting.id) });
  };

  const noteField = useRef<HTMLTextAreaElement>(null);
  const decisionField = useRef<HTMLInputElement>(null);
  const mayCheckIn = (i: AgendaItem | undefined) => Boolean(i && (meeting.can.edit || (me && i.owner?.id === me)));

  /** Next or previous: the item, or on the shared screen past the items into the next part. */
  const step = (by: 1 | -1) => {
    if (!screen || phase === 'status') {
      const to = shown + by;
      if (screen && (to < 0 || to >= count)) toPhase(PHASES[PHASES.indexOf('status') + by]!);
      else go(to);
      return;
    }
    const next = PHASES[PHASES.indexOf(phase) + by];
    if (next) toPhase(next);
  };
  const visible = (p: Phase) => !screen || phase === p;

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const command = commandOf(e);
      if (!command || !isForThePage(e)) return;
      if (command === 'screen' && facilitating) { e.preventDefault(); toggleScreen(); }
      else if (command === 'next') { e.preventDefault(); step(1); }
      else if (command === 'previous') { e.preventDefault(); step(-1); }
      else if (command === 'checkIn' && item && mayCheckIn(item)) { e.preventDefault(); void checkIn(item.keyResultId); }
      else if (command === 'note' && meeting.can.edit) { e.preventDefault(); noteField.current?.focus(); }
      else if (command === 'decision' && meeting.can.edit) { e.preventDefault(); decisionField.current?.focus(); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // A follower checks in on their own key results meanwhile, wherever the facilitator is.
  const mine = meeting.agenda.filter((a) => me && a.owner?.id === me);
  const blockers = meeting.agenda.flatMap((a) => a.blockers.map((b) => ({ ...b, keyResultTitle: a.title })));
  const outgoing = meeting.dependencies.filter((d) => d.fromUnit.id === meeting.unitId);
  const incoming = meeting.dependencies.filter((d) => d.toUnit.id === meeting.unitId);

  return (
    <div className={`stack meeting-room${facilitating ? ' meeting-screen' : ''}${screen ? ' screen-view' : ''}`} data-testid="meeting-room">
      <div className="page-head">
        <div className="grow">
          <Breadcrumbs trail={[{ label: meeting.unitName, to: `/units/${meeting.unitId}?period=${meeting.periodId}` }]} />
          <h1>{t('meeting.title', { unit: meeting.unitName })}</h1>
          <p className="muted" style={{ margin: 0 }}>
            {t('meeting.startedAt', { when: dateTime(lang, meeting.startedAt) })} · {facilitating ? t('meeting.youFacilitate') : t('meeting.youFollow')}
          </p>
        </div>
        {facilitating && (
          <button type="button" className="button secondary" aria-pressed={screen} aria-keyshortcuts="S" onClick={toggleScreen}>
            {t('meeting.screenView')}
          </button>
        )}
        <MeetingTimer startedAt={meeting.startedAt} items={count} shown={shown} onOver={() => setSaid(t('meeting.overAnnounced'))} />
      </div>
      <div className="visually-hidden" aria-live="polite" aria-atomic="true" data-testid="meeting-announcer">{said}</div>
      {screen && (
        <nav aria-label={t('meeting.phasesNav')}>
          <ol className="phase-steps">
            {PHASES.map((p, i) => (
              <li key={p}><button type="button" className="agenda-step" aria-current={phase === p ? 'step' : undefined} onClick={() => toPhase(p)}>
                {i + 1}. {t(`meeting.phase.${p}`)}
              </button></li>
            ))}
          </ol>
        </nav>
      )}

      {!facilitating && (
        <div className="card row follow-bar" role="group" aria-label={t('meeting.followGroup')}>
          <p style={{ margin: 0 }} className="grow">
            {following ? t('meeting.followingNow') : t('meeting.notFollowing', { n: clamp(meeting.currentItem) + 1 })}
          </p>
          <button type="button" className="button secondary small" aria-pressed={following}
            onClick={() => { if (following) { setOwn(shown); setFollowing(false); } else setFollowing(true); }}>
            {following ? t('meeting.stopFollowing') : t('meeting.follow')}
          </button>
          {mine.length > 0 && (
            <div className="row mine-in-meeting" style={{ flexBasis: '100%' }}>
              <span className="small muted">{t('meeting.yourKeyResults')}</span>
              {mine.map((a) => (
                <button key={a.keyResultId} type="button" className="button secondary small" {...preloadOn(CheckInDialog)}
                  aria-label={t('checkIn.openFor', { title: a.title })} onClick={() => void checkIn(a.keyResultId)}>{a.title}</button>
              ))}
            </div>
          )}
        </div>
      )}

      {visible('opening') && (screen || meeting.notCheckedIn.length > 0 || meeting.previousDecisions.length > 0) && (
        <section className="card meeting-opening" aria-labelledby="opening-heading">
          <h2 id="opening-heading">{t('meeting.opening')}</h2>
          {meeting.notCheckedIn.length === 0 && meeting.previousDecisions.length === 0 && <p className="muted">{t('meeting.allCheckedIn')}</p>}
          {meeting.notCheckedIn.length > 0 && (
            <div data-testid="not-checked-in">
              <p style={{ margin: '.3rem 0' }}>{t('meeting.notCheckedInLead', { count: meeting.notCheckedIn.length })}</p>
              <ul className="meeting-list">
                {meeting.notCheckedIn.map((k) => (
                  <li key={k.keyResultId} className="row">
                    <span className="grow"><strong>{k.title}</strong>{k.owner ? <span className="muted"> · {k.owner.name}</span> : <span className="muted"> · {t('meeting.noOwner')}</span>}</span>
                    {(meeting.can.edit || k.owner?.id === me) && <button type="button" className="button small" {...preloadOn(CheckInDialog)}
                      aria-label={t('checkIn.openFor', { title: k.title })} onClick={() => void checkIn(k.keyResultId)}>{t('checkIn.open')}</button>}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {meeting.previousDecisions.length > 0 && (
            <div>
              <h3>{t('meeting.previousDecisions')}</h3>
              <ul>{meeting.previousDecisions.map((d, i) => (
                <li key={i}>{d.text}{d.keyResultId ? <span className="muted small"> · {meeting.agenda.find((a) => a.keyResultId === d.keyResultId)?.title ?? ''}</span> : null}</li>
              ))}</ul>
            </div>
          )}
        </section>
      )}

      {visible('status') && <section className="card meeting-status" aria-labelledby="status-heading">
        <div className="row" style={{ justifyContent: 'space-between' }}>
          <h2 id="status-heading">{t('meeting.status')}</h2>
          {count > 0 && <p className="muted" style={{ margin: 0 }} data-testid="item-position">{t('meeting.itemOf', { n: shown + 1, total: count })}</p>}
        </div>
        {count === 0 ? <p className="muted">{t('meeting.noAgenda')}</p> : (
          <>
            <nav aria-label={t('meeting.agendaNav')}>
              <ol className="agenda-steps">
                {meeting.agenda.map((a, i) => (
                  <li key={a.keyResultId}>
                    <button type="button" className="agenda-step" aria-current={i === shown ? 'step' : undefined} onClick={() => go(i)}>
                      <span aria-hidden="true" className={`dot ${a.trackStatus}`} />{a.title}
                      <span className="visually-hidden"> ({t(`track.${a.trackStatus}`)})</span>
                      {!a.checkedInSinceLastMeeting && <span className="visually-hidden"> ({t('meeting.noCheckIn')})</span>}
                    </button>
                  </li>
                ))}
              </ol>
            </nav>
            {item && <ItemView key={item.keyResultId} item={item} meeting={meeting} canWrite={meeting.can.edit} mayCheckIn={mayCheckIn(item)}
              onCheckIn={() => void checkIn(item.keyResultId)} save={save} noteField={noteField} decisionField={decisionField} />}
            {moveError !== null && <ErrorState error={moveError} />}
            <div className="row meeting-nav">
              <button type="button" className="button secondary" onClick={() => step(-1)} disabled={!screen && shown === 0} aria-keyshortcuts="P ArrowLeft">
                <span aria-hidden="true">←</span> {t('meeting.previous')}
              </button>
              <button type="button" className="button" onClick={() => step(1)} disabled={!screen && shown >= count - 1} aria-keyshortcuts="N ArrowRight">
                {t('meeting.next')} <span aria-hidden="true">→</span>
              </button>
            </div>
          </>
        )}
      </section>}

      {visible('blockers') && <section className="card" aria-labelledby="blockers-heading">
        <h2 id="blockers-heading">{t('meeting.blockers')}</h2>
        <BlockerList meeting={meeting} blockers={blockers} />
      </section>}

      {visible('dependencies') && <section className="card" aria-labelledby="meeting-dependencies-heading">
        <h2 id="meeting-dependencies-heading">{t('meeting.dependencies')}</h2>
        {meeting.dependencies.length === 0 ? <p className="muted">{t('meeting.noDependencies')}</p> : (
          <div className="grid-2">
            {([['weNeed', outgoing], ['theyNeed', incoming]] as const).map(([which, list]) => (
              <div key={which}>
                <h3>{t(`dependency.${which}`)}</h3>
                {list.length === 0 ? <p className="muted small">{t(which === 'weNeed' ? 'dependency.noneOutgoing' : 'dependency.noneIncoming')}</p> : (
                  <ul className="dependency-list">
                    {list.map((d) => {
                      const other = d.fromUnit.id === meeting.unitId ? d.toUnit : d.fromUnit;
                      const steps = ([['acknowledged', d.can.acknowledge], ['resolved', d.can.resolve]] as const).filter(([, may]) => may);
                      return (
                        <li key={d.id} className="dependency">
                          <p style={{ margin: 0 }}><strong>{d.description}</strong></p>
                          <p className="small" style={{ margin: '.2rem 0 0' }}>
                            {d.fromUnit.id === meeting.unitId ? t('dependency.askedOf') : t('dependency.askedBy')} <Link to={`/units/${other.id}?period=${meeting.periodId}`}>{other.name}</Link>
                            {' · '}<span className="tag">{t(`dependency.states.${d.state}`)}</span>
                            {' · '}{t('meeting.raisedAgo', { ago: ago(t, d.raisedAt) })}
                            {d.unanswered && <> <span className="badge off-track">{t('dependency.unanswered')}</span></>}
                          </p>
                          {steps.length > 0 && (
                            <div className="row" style={{ marginTop: '.4rem' }}>
                              {steps.map(([step]) => (
                                <button key={step} type="button" className="button small" {...preloadOn(DependencyStepDialog)}
                                  aria-label={t(`dependency.stepNamed.${step}`, { description: d.description })}
                                  onClick={() => setOpen({ kind: 'step', dependency: d, step })}>{t(`dependency.step.${step}`)}</button>
                              ))}
                            </div>
                          )}
                        </li>
                      );
                    })}
                  </ul>
                )}
              </div>
            ))}
          </div>
        )}
      </section>}

      <section className="card meeting-keys" aria-labelledby="keys-heading">
        <h2 id="keys-heading" className="small">{t('meeting.keys')}</h2>
        <ul className="row small">
          <li><kbd>N</kbd> / <kbd>→</kbd> {t('meeting.next')}</li>
          <li><kbd>P</kbd> / <kbd>←</kbd> {t('meeting.previous')}</li>
          <li><kbd>C</kbd> {t('checkIn.open')}</li>
          {meeting.can.edit && <li><kbd>O</kbd> {t('meeting.addNote')}</li>}
          {meeting.can.edit && <li><kbd>D</kbd> {t('meeting.addDecision')}</li>}
          {meeting.can.edit && <li><kbd>Esc</kbd> {t('meeting.leaveField')}</li>}
          {facilitating && <li><kbd>S</kbd> {t('meeting.screenView')}</li>}
        </ul>
      </section>

      {!screen && <MeetingSide meeting={meeting} save={save} />}

      {meeting.can.edit && (
        <div className="row" style={{ justifyContent: 'flex-end' }}>
          <button type="button" className="button" {...preloadOn(EndMeetingDialog)} onClick={() => setOpen({ kind: 'end' })}>{t('meeting.end')}</button>
        </div>
      )}

      {open?.kind === 'checkIn' && <CheckInDialog keyResult={open.target} onClose={closeDialog} />}
      {open?.kind === 'step' && <DependencyStepDialog dependency={open.dependency} step={open.step} onClose={closeDialog} />}
      {open?.kind === 'end' && <EndMeetingDialog meeting={meeting} onClose={() => setOpen(null)} onEnded={() => toast(t('meeting.ended'))} />}
    </div>
  );
}

type Save = (change: Parameters<typeof patchMeeting>[1]) => Promise<Meeting>;

/** One key result on the agenda: where it stands, how it moved since the last meeting, why it is
 *  on top, what moves it, and what the meeting says and decides about it. */
function ItemView({ item, meeting, canWrite, mayCheckIn, onCheckIn, save, noteField, decisionField }: {
  item: AgendaItem; meeting: Meeting; canWrite: boolean; mayCheckIn: boolean; onCheckIn(): void; save: Save;
  noteField: React.RefObject<HTMLTextAreaElement | null>; decisionField: React.RefObject<HTMLInputElement | null>;
}) {
  const { t, i18n } = useMeetingTexts();
  const lang = i18n.language;
  const value = (v: number | null) => valueWithMeasure(lang, v, item.measure);
  const confidence = (c: number | null) => (c === null ? '–' : `${c}/10`);
  const [note, setNote] = useState(item.note);
  const [decision, setDecision] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => { setNote(item.note); }, [item.note]);
  // A note being written when the view moves on (a follower's, as the facilitator steps) is kept.
  const unsaved = useRef({ note, saved: item.note });
  unsaved.current = { note, saved: item.note };
  useEffect(() => () => {
    const { note: written, saved } = unsaved.current;
    if (written !== saved) void save({ items: [{ keyResultId: item.keyResultId, note: written }] }).catch(() => {});
  }, [save, item.keyResultId]);
  const run = (change: Parameters<Save>[0]) => {
    setBusy(true); setError(null);
    return save(change).catch((e: unknown) => { setError(e); throw e; }).finally(() => setBusy(false));
  };
  const saveNote = () => { if (note !== item.note) void run({ items: [{ keyResultId: item.keyResultId, note }] }).catch(() => {}); };
  const addDecision = (e: React.FormEvent) => {
    e.preventDefault();
    const text = decision.trim();
    if (!text || busy) return;
    void run({ items: [{ keyResultId: item.keyResultId, decisions: [...item.decisions, text] }] }).then(() => setDecision(''), () => {});
  };
  const headingId = `item-${item.keyResultId}`;
  // Escape leaves a field for the item's heading, so that the meeting's keys work again.
  const leave = (e: React.KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    document.getElementById(headingId)?.focus();
  };
  return (
    <article className="meeting-item" aria-labelledby={headingId} data-testid="meeting-item">
      <div className="meeting-item-head">
        <div className="grow">
          <span className="tag">{item.objectiveTitle}</span>
          <h3 id={headingId} tabIndex={-1}><Link to={`/key-results/${item.keyResultId}`}>{item.title}</Link></h3>
          <p className="muted" style={{ margin: '.2rem 0 0' }}>{item.owner ? t('meeting.ownedBy', { name: item.owner.name }) : t('meeting.noOwner')}</p>
        </div>
        <div className="meeting-item-bar">
          <ProgressBar progress={item.progress} expected={item.expectedProgress} status={item.trackStatus} label={t('keyResult.progressOf', { title: item.title })} />
          <div className="row" style={{ marginTop: '.4rem' }}>
            <TrackBadge status={item.trackStatus} />
            {mayCheckIn && <button type="button" className="button" aria-keyshortcuts="C" {...preloadOn(CheckInDialog)} onClick={onCheckIn}
              aria-label={t('checkIn.openFor', { title: item.title })}>{t('checkIn.open')}</button>}
          </div>
        </div>
      </div>
      <dl className="meeting-facts">
        <div><dt>{t('meeting.valueNowOfTarget')}</dt><dd data-testid="item-value">{t('meeting.ofTarget', { value: value(item.valueNow), target: value(item.target) })}</dd></div>
        <div><dt>{t('meeting.sinceLast')}</dt><dd>{t('meeting.beforeNow', { before: value(item.valueBefore), now: value(item.valueNow) })}</dd></div>
        <div><dt>{t('meeting.confidence')}</dt><dd>{t('meeting.beforeNow', { before: confidence(item.confidenceBefore), now: confidence(item.confidenceNow) })}</dd></div>
        <div><dt>{t('meeting.forecast')}</dt><dd>{item.forecast ? <>{value(item.forecast.value)} · {t(`track.${item.forecast.status}`)}</> : t('meeting.noForecast')}</dd></div>
      </dl>
      {item.reasons.length > 0 && (
        <p style={{ margin: 0 }}><span className="muted">{t('meeting.whyOnTop')}</span>{' '}
          {item.reasons.map((r) => <span key={r} className="chip reason">{t(`meeting.reasons.${r}`)}</span>)}</p>
      )}
      {!item.checkedInSinceLastMeeting && <p className="badge due" style={{ margin: 0, justifySelf: 'start' }}>{t('meeting.noCheckIn')}</p>}
      <div>
        <h4>{t('meeting.initiatives')}</h4>
        {item.initiatives.length === 0 ? <p className="muted small" style={{ margin: 0 }}>{t('meeting.noInitiatives')}</p> : (
          <ul className="meeting-list">{item.initiatives.map((i) => (
            <li key={i.id}><span aria-hidden="true">⚒ </span>{i.title} · {t(`initiative.status.${i.status}`, { defaultValue: i.status })}{i.owner ? ` · ${i.owner.name}` : ''}</li>
          ))}</ul>
        )}
      </div>
      {item.blockers.length > 0 && (
        <div>
          <h4>{t('meeting.itemBlockers')}</h4>
          <ul className="meeting-list">{item.blockers.map((b) => <li key={b.checkInId}>«{b.text}»{b.handled ? ` · ${t(`meeting.handled.${b.handled.how}`)}` : ''}</li>)}</ul>
        </div>
      )}
      <div className="grid-2">
        <div className="field">
          <label htmlFor={`note-${item.keyResultId}`}>{t('meeting.itemNote')} <kbd aria-hidden="true">O</kbd></label>
          <textarea id={`note-${item.keyResultId}`} ref={noteField} value={note} readOnly={!canWrite} onChange={(e) => setNote(e.target.value)} onBlur={saveNote}
            onKeyDown={leave} aria-keyshortcuts="O" />
        </div>
        <div className="stack" style={{ gap: '.4rem', alignContent: 'start' }}>
          <h4 id={`decisions-${item.keyResultId}`}>{t('meeting.decisions')}</h4>
          {item.decisions.length === 0 ? <p className="muted small" style={{ margin: 0 }}>{t('meeting.noDecisions')}</p>
            : <ul className="meeting-list" aria-labelledby={`decisions-${item.keyResultId}`}>{item.decisions.map((d, i) => <li key={i}>{d}</li>)}</ul>}
          {canWrite && (
            <form className="row" onSubmit={addDecision}>
              <div className="field grow">
                <label htmlFor={`decision-${item.keyResultId}`}>{t('meeting.newDecision')} <kbd aria-hidden="true">D</kbd></label>
                <input id={`decision-${item.keyResultId}`} ref={decisionField} value={decision} onChange={(e) => setDecision(e.target.value)} onKeyDown={leave} aria-keyshortcuts="D" maxLength={500} />
              </div>
              <button type="submit" className="button secondary" style={{ alignSelf: 'end' }}>{busy ? t('common.working') : t('meeting.addDecision')}</button>
            </form>
          )}
        </div>
      </div>
      {error !== null && <ErrorState error={error} />}
    </article>
  );
}

/** Who is here (ticked off from the unit's members) and the meeting's own notes. */
function MeetingSide({ meeting, save }: { meeting: Meeting; save: Save }) {
  const { t } = useMeetingTexts();
  const members = useMembers(meeting.unitId);
  const [notes, setNotes] = useState(meeting.notes);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => { setNotes(meeting.notes); }, [meeting.notes]);
  // Ticked at once; the meeting's answer (or a refusal) then says who is here. While a tick is
  // being saved, the answer to an earlier one does not untick it: two people ticked in quick
  // succession stay ticked while the first save comes back.
  const [ticked, setTicked] = useState<string[]>(meeting.attendeeIds);
  const saving = useRef(0);
  const saved = useRef(meeting.attendeeIds);
  saved.current = meeting.attendeeIds;
  useEffect(() => { if (saving.current === 0) setTicked(meeting.attendeeIds); }, [meeting.attendeeIds]);
  const attendees = useMemo(() => new Set(ticked), [ticked]);
  const toggle = (id: string, present: boolean) => {
    const next = present ? [...attendees, id] : [...attendees].filter((a) => a !== id);
    setTicked(next);
    setError(null);
    saving.current++;
    void save({ attendeeIds: next })
      .catch((e: unknown) => { setError(e); if (saving.current === 1) setTicked(saved.current); })
      .finally(() => { saving.current--; });
  };
  return (
    <div className="grid-2">
      <section className="card" aria-labelledby="attendees-heading">
        <h2 id="attendees-heading">{t('meeting.attendees')}</h2>
        <fieldset className="plain-fieldset">
          <legend className="visually-hidden">{t('meeting.attendeesLegend')}</legend>
          <ul className="meeting-list">
            {(members.data?.items ?? []).map((p) => (
              <li key={p.id}>
                <label className="inline-check">
                  <input type="checkbox" checked={attendees.has(p.id)} disabled={!meeting.can.edit} onChange={(e) => toggle(p.id, e.target.checked)} /> {p.name}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <p className="small muted" style={{ margin: 0 }}>{t('meeting.attendeeCount', { count: meeting.attendeeIds.length })}</p>
      </section>
      <section className="card" aria-labelledby="notes-heading">
        <h2 id="notes-heading">{t('meeting.notes')}</h2>
        <div className="field">
          <label htmlFor="meeting-notes">{t('meeting.notesLabel')}</label>
          <textarea id="meeting-notes" value={notes} readOnly={!meeting.can.edit} onChange={(e) => setNotes(e.target.value)}
            onBlur={() => { if (notes !== meeting.notes) void save({ notes }).catch((e: unknown) => setError(e)); }} />
        </div>
      </section>
      {error !== null && <ErrorState error={error} />}
    </div>
  );
}
