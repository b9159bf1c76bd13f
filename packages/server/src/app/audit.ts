// The organisation's audit trail for admins: every recorded change, filtered by who, what, which
// type and when, newest first in pages; or the whole of it as CSV, read and written a page at a
// time so an export of years of check-ins never sits in memory whole.
import { eventTimeBounds, type AuditQuery, type EventPage } from '@varde/core';
import { lastSeq, listEvents, type EventFilter } from '../store/events.js';
import { organisationTimeZone } from '../store/organisations.js';
import { authorise, policies } from '../auth/policies.js';
import { auditCsvHeader, auditCsvRows } from '../presenters/auditCsv.js';
import type { Actor, Deps } from './context.js';
import { AppError } from './errors.js';
import { eventPage } from './eventPages.js';
import { seqCursorOf } from './paging.js';

/** How many events a CSV export reads at a time. */
const CSV_PAGE = 500;

async function auditFilter(deps: Deps, actor: Actor, query: AuditQuery): Promise<EventFilter> {
  await authorise(policies.readAudit(actor), 'read the audit trail');
  const timeZone = await organisationTimeZone(deps.store.db, actor.orgId);
  const { from, to } = eventTimeBounds({ from: query.from, to: query.to }, timeZone);
  if (from !== undefined && to !== undefined && to <= from) {
    throw new AppError(400, 'Bad Request', 'to must be after from', [{ field: 'to', message: 'must be after from', code: 'order' }]);
  }
  return { actorId: query.actor, subjectId: query.subject, types: query.type, from, to };
}

export async function readAudit(deps: Deps, actor: Actor, query: AuditQuery): Promise<EventPage> {
  const beforeSeq = seqCursorOf(query.cursor);
  const filter = await auditFilter(deps, actor, query);
  const db = deps.store.db;
  return eventPage(db, actor.orgId, await listEvents(db, actor.orgId, { ...filter, beforeSeq }, query.limit + 1), query.limit);
}

/** Checks the caller and the filters at once (a refusal is a problem document, not a broken
 *  download), then answers the CSV's text in pieces: the header, then a page of events at a time,
 *  oldest first, up to the newest event there was when the export began. */
export async function auditCsv(deps: Deps, actor: Actor, query: AuditQuery): Promise<AsyncIterable<string>> {
  const filter = await auditFilter(deps, actor, query);
  const db = deps.store.db;
  const end = await lastSeq(db, actor.orgId);
  return (async function* rows() {
    yield auditCsvHeader();
    let after = 0;
    for (;;) {
      const page = await listEvents(db, actor.orgId, { ...filter, afterSeq: after, beforeSeq: end + 1 }, CSV_PAGE);
      if (page.length === 0) return;
      yield page.map(auditCsvRows).join('');
      if (page.length < CSV_PAGE) return;
      after = page[page.length - 1]!.seq;
    }
  })();
}
