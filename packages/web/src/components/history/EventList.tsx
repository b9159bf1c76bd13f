// A list of recorded events, grouped by day in the organisation's time zone: a heading for each
// day, then what happened, each with its time, newest first; "Show older" reads the next page.
// In the audit trail each entry opens to every field before and after.
import { Fragment, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventEntry } from '@varde/core';
import { HISTORY_NS } from '../../i18n';
import { dayHeading, dayKey, timeOfDay } from '../../i18n/format';
import { ErrorState } from '../States';
import { describeEvent, fieldRows } from './describeEvent';
import type { EventPages } from './useEventPages';

export interface EventListProps {
  pages: Pick<EventPages<never>, 'items' | 'names' | 'hasMore' | 'loadingMore' | 'moreError' | 'loadMore'>;
  timeZone: string | undefined;
  /** The object whose page this is: its own events go without naming it. */
  ownId?: string;
  /** The level of the days' headings: one below the heading of the list's section. */
  headingLevel?: 3 | 4;
  /** The audit trail: every field before and after, under each entry. */
  withFields?: boolean;
  /** What to say when there is nothing. */
  empty?: string;
}

export function EventList({ pages, timeZone, ownId, headingLevel = 3, withFields = false, empty }: EventListProps) {
  const { t, i18n } = useTranslation(HISTORY_NS);
  const lang = i18n.language;
  const ctx = { t, lang, timeZone, names: pages.names, ownId };
  const Heading = `h${headingLevel}` as const;
  const idPrefix = useId();
  // "Show older" goes away with the last page: focus moves to the first of the entries it brought,
  // rather than being dropped on the page.
  const focusFrom = useRef<number | null>(null);
  useEffect(() => {
    const from = focusFrom.current;
    if (from === null || pages.items.length <= from) return;
    focusFrom.current = null;
    document.getElementById(`${idPrefix}${pages.items[from]!.seq}`)?.focus();
  }, [pages.items, idPrefix]);
  if (pages.items.length === 0) return <p className="muted">{empty ?? t('list.empty')}</p>;

  const days: Array<{ day: string; items: EventEntry[] }> = [];
  for (const e of pages.items) {
    const day = dayKey(e.at, timeZone);
    const last = days[days.length - 1];
    if (last?.day === day) last.items.push(e);
    else days.push({ day, items: [e] });
  }
  return (
    <div className="event-list">
      {days.map(({ day, items }) => (
        <Fragment key={day}>
          <Heading className="event-day">{dayHeading(lang, items[0]!.at, timeZone)}</Heading>
          <ul className="events">
            {items.map((e) => {
              const { sentence, quotes } = describeEvent(e, ctx);
              return (
                <li key={e.seq} id={`${idPrefix}${e.seq}`} tabIndex={-1} className="event">
                  <time className="event-time small muted" dateTime={e.at}>{timeOfDay(lang, e.at, timeZone)}</time>
                  <div className="event-body">
                    <p className="event-sentence">{sentence}</p>
                    {quotes.map((q) => <p key={q.label} className="event-quote small"><span className="muted">{q.label}:</span> {q.text}</p>)}
                    {withFields && e.changes.length > 0 && (
                      <details className="event-fields small">
                        <summary>{t('fields.show', { count: e.changes.length })}</summary>
                        <table className="data stacked">
                          <thead><tr><th scope="col">{t('fields.field')}</th><th scope="col">{t('fields.before')}</th><th scope="col">{t('fields.after')}</th></tr></thead>
                          <tbody>
                            {fieldRows(e, ctx).map((r, i) => (
                              <tr key={i}><td>{r.field}</td><td data-label={t('fields.before')}>{r.before}</td><td data-label={t('fields.after')}>{r.after}</td></tr>
                            ))}
                          </tbody>
                        </table>
                      </details>
                    )}
                  </div>
                </li>
              );
            })}
          </ul>
        </Fragment>
      ))}
      {pages.moreError !== null && <ErrorState error={pages.moreError} onRetry={() => void pages.loadMore()} />}
      {pages.hasMore && (
        <button type="button" className="button secondary small" disabled={pages.loadingMore} onClick={() => { focusFrom.current = pages.items.length; void pages.loadMore(); }}>
          {pages.loadingMore ? t('list.loadingMore') : t('list.more')}
        </button>
      )}
    </div>
  );
}
