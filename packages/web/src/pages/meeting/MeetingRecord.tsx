// An ended meeting's record, a page of its own and printable (the print stylesheet drops the
// frame and prints black on white): who came, what moved since the previous meeting, and what was
// said and decided, per key result and for the meeting.
import { Link } from 'wouter';
import { useMeetingTexts } from '../../i18n/meetingTexts';
import type { Meeting } from '@varde/core';
import { usePeopleByIds } from '../../api/hooks';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { dateTime, list, number } from '../../i18n/format';
import { clock } from './meetingControls';

export function MeetingRecord({ meeting }: { meeting: Meeting }) {
  const { t, i18n } = useMeetingTexts();
  const lang = i18n.language;
  const people = usePeopleByIds([...meeting.attendeeIds, meeting.facilitatorId]);
  const name = (id: string | null) => (id ? (people.data ?? []).find((p) => p.id === id)?.name ?? '' : '');
  const changes = meeting.changes;
  const value = (v: number | null) => (v === null ? '–' : number(lang, v));
  const confidence = (c: number | null) => (c === null ? '–' : `${c}/10`);
  const track = (s: string | null) => (s ? t(`track.${s}`) : '–');
  const blockers = meeting.agenda.flatMap((a) => a.blockers.map((b) => ({ ...b, keyResultTitle: a.title })));
  const said = meeting.agenda.filter((a) => a.note || a.decisions.length > 0);
  const took = meeting.endedAt ? new Date(meeting.endedAt).getTime() - new Date(meeting.startedAt).getTime() : 0;
  return (
    <article className="stack meeting-record" aria-labelledby="record-heading">
      <div className="page-head">
        <div className="grow">
          <Breadcrumbs trail={[{ label: meeting.unitName, to: `/units/${meeting.unitId}?period=${meeting.periodId}` }]} />
          <h1 id="record-heading">{t('meeting.recordTitle', { unit: meeting.unitName, when: dateTime(lang, meeting.startedAt) })}</h1>
          <p className="muted" style={{ margin: 0 }}>
            {t('meeting.recordLead', { facilitator: name(meeting.facilitatorId) || t('comments.someone'), duration: clock(took) })}
          </p>
        </div>
        <button type="button" className="button secondary no-print" onClick={() => window.print()}>{t('meeting.print')}</button>
      </div>

      <section className="card" aria-labelledby="record-attendees">
        <h2 id="record-attendees">{t('meeting.attended')}</h2>
        <p style={{ margin: 0 }} data-testid="record-attendees">
          {meeting.attendeeIds.length === 0 ? t('meeting.noAttendees') : list(lang, meeting.attendeeIds.map(name).filter(Boolean))}
        </p>
      </section>

      <section className="card" aria-labelledby="record-changes">
        <h2 id="record-changes">{meeting.previousMeetingId ? t('meeting.changesSince') : t('meeting.changesFirst')}</h2>
        {meeting.previousMeetingId && <p className="small" style={{ margin: '.2rem 0 .5rem' }}><Link to={`/meetings/${meeting.previousMeetingId}`}>{t('meeting.previousRecord')}</Link></p>}
        {!changes ? <p className="muted">{t('meeting.noChanges')}</p> : (
          <>
            {changes.keyResults.length === 0 ? <p className="muted">{t('meeting.noKeyResultChanges')}</p> : (
              <table className="data stacked" data-testid="record-changes">
                <caption className="visually-hidden">{t('meeting.changesCaption')}</caption>
                <thead><tr>
                  <th scope="col">{t('meeting.keyResult')}</th><th scope="col">{t('meeting.value')}</th>
                  <th scope="col">{t('meeting.confidence')}</th><th scope="col">{t('meeting.track')}</th>
                </tr></thead>
                <tbody>
                  {changes.keyResults.map((k) => (
                    <tr key={k.keyResultId}>
                      <td><Link to={`/key-results/${k.keyResultId}`}>{k.title}</Link></td>
                      <td data-label={t('meeting.value')}>{t('meeting.beforeNow', { before: value(k.valueBefore), now: value(k.valueAfter) })}</td>
                      <td data-label={t('meeting.confidence')}>{t('meeting.beforeNow', { before: confidence(k.confidenceBefore), now: confidence(k.confidenceAfter) })}</td>
                      <td data-label={t('meeting.track')}>{t('meeting.beforeNow', { before: track(k.trackBefore), now: track(k.trackAfter) })}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <p style={{ margin: '.6rem 0 0' }}>{t('meeting.blockerCounts', { new: changes.newBlockers, handled: changes.handledBlockers })}</p>
            {blockers.length > 0 && (
              <ul data-testid="record-blockers">{blockers.map((b) => (
                <li key={b.checkInId}>«{b.text}» <span className="muted">· {b.keyResultTitle}</span> · {b.handled ? t(`meeting.handled.${b.handled.how}`) : t('meeting.notHandled')}</li>
              ))}</ul>
            )}
            {changes.dependencies.length > 0 && (
              <>
                <h3 style={{ marginTop: '.6rem' }}>{t('meeting.dependenciesMoved')}</h3>
                <ul>{changes.dependencies.map((d) => (
                  <li key={d.id}>{d.description}: {d.stateBefore ? t(`dependency.states.${d.stateBefore}`, { defaultValue: d.stateBefore }) : t('meeting.newDependency')} → {t(`dependency.states.${d.stateAfter}`, { defaultValue: d.stateAfter })}</li>
                ))}</ul>
              </>
            )}
          </>
        )}
      </section>

      <section className="card" aria-labelledby="record-said">
        <h2 id="record-said">{t('meeting.notesAndDecisions')}</h2>
        {meeting.notes && <><h3>{t('meeting.notes')}</h3><p style={{ whiteSpace: 'pre-wrap' }}>{meeting.notes}</p></>}
        {said.length === 0 && !meeting.notes && <p className="muted">{t('meeting.nothingSaid')}</p>}
        {said.map((a) => (
          <div key={a.keyResultId} className="record-item">
            <h3>{a.title}</h3>
            {a.note && <p style={{ whiteSpace: 'pre-wrap', margin: '.2rem 0' }}>{a.note}</p>}
            {a.decisions.length > 0 && <><p className="small muted" style={{ margin: 0 }}>{t('meeting.decisions')}</p><ul>{a.decisions.map((d, i) => <li key={i}>{d}</li>)}</ul></>}
          </div>
        ))}
      </section>
    </article>
  );
}
