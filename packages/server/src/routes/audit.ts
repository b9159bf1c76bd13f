// The audit trail, for admins: JSON pages, or the whole matching trail streamed as CSV.
import { Readable } from 'node:stream';
import { AuditQuery, EventPage } from '@varde/core';
import { auditCsv, readAudit } from '../app/audit.js';
import { actorOf } from '../http/authenticate.js';
import { prefersCsv } from '../http/mediaTypes.js';
import { problems, type RoutePlugin } from './types.js';

export const auditRoutes: RoutePlugin = (app, deps) => {
  app.get('/api/v1/audit', { schema: {
    tags: ['audit'], summary: "The organisation's audit trail (admins): every recorded change, newest first, filtered by actor, subject, type and time",
    description: 'With ?format=csv, or Accept: text/csv, the answer is every matching event (limit and cursor do not apply) as CSV, oldest first, up to the newest event when the export began: UTF-8 with a byte order mark, one row per changed field, columns seq, at, type, actor_id, actor_name, subject_kind, subject_id, subject_name, field, before, after. Lists and objects are written as JSON; a text starting with = + - or @ gets a leading apostrophe so that no spreadsheet runs it as a formula. A date in from or to is a day in the organisation\'s time zone.',
    querystring: AuditQuery, response: { 200: EventPage, ...problems } } },
    async (request, reply) => {
      const actor = actorOf(request);
      const { query } = request;
      if (query.format === 'csv' || (query.format === undefined && prefersCsv(request.headers.accept))) {
        const text = await auditCsv(deps, actor, query);
        const day = deps.clock.now().toISOString().slice(0, 10);
        // The schema types the JSON answer; a stream is sent as it is, without the serialiser.
        const stream = Readable.from(text, { objectMode: false }) as unknown as EventPage;
        return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="varde-audit-${day}.csv"`).send(stream);
      }
      return readAudit(deps, actor, query);
    });
};
