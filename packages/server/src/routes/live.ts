// GET /api/v1/live: the organisation's events as server-sent events, as they happen.
import { PassThrough } from 'node:stream';
import type { FastifyReply } from 'fastify';
import { LastEventId, LiveQuery } from '@varde/core';
import { openLiveStream } from '../app/live.js';
import { AppError, unauthorised } from '../app/errors.js';
import type { LiveConnection } from '../events/liveStream.js';
import { actorOf } from '../http/authenticate.js';
import { sessionTokenOf } from '../http/sessionCookie.js';
import { problems, type RoutePlugin } from './types.js';

const DESCRIPTION = `A text/event-stream of the organisation's events that the signed-in person may read: everyone reads
the OKRs, units, periods and the organisation; events about people and sessions go to admins (and a person's own
account events to that person). Each event is sent as \`id:\` its seq, \`event:\` its type
(keyResult.checkedIn, objective.changed, …) and \`data:\` the EventEntry as JSON, the shape of the history and
activity lists. A new stream starts at the current end; one that resumes with the Last-Event-ID header (or
\`?lastEventId=\`) first gets every event after that seq, each once, in order. A comment line comes every 15 s
so that proxies keep the connection; a proxy in front of Varde must not buffer or compress this answer. When
the session ends the stream sends \`event: signedOut\` and ends; when the server shuts down it ends, and the
browser reconnects and resumes.`;

function lastEventIdHeader(value: string | string[] | undefined): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text === '') return undefined;
  const parsed = LastEventId.safeParse(text.trim());
  if (parsed.success) return parsed.data;
  const message = parsed.error.issues[0]?.message ?? 'is not valid';
  throw new AppError(400, 'Bad Request', `Last-Event-ID ${message}`, [{ field: 'Last-Event-ID', message, code: 'invalid' }]);
}

export const liveRoutes: RoutePlugin = (app, deps) => {
  deps.live.reportError = (err) => app.log.warn({ err }, 'a live stream could not read the events; its clients reconnect and resume');
  // Before the server waits for its open answers to finish: the streams would never.
  app.addHook('preClose', (done) => { deps.live.close(); done(); });

  app.get('/api/v1/live', { schema: { tags: ['live'], summary: "The organisation's events as they happen (server-sent events)", description: DESCRIPTION, querystring: LiveQuery, response: problems } },
    async (request, reply) => {
      const actor = actorOf(request);
      const token = sessionTokenOf(request, deps);
      if (!token) throw unauthorised();
      const after = lastEventIdHeader(request.headers['last-event-id']) ?? request.query.lastEventId;
      const body = new PassThrough();
      const waiting = () => body.writableLength + body.readableLength + reply.raw.writableLength;
      const connection: LiveConnection = {
        write: (text) => {
          if (!body.writableEnded && !body.destroyed) body.write(text);
          return waiting();
        },
        drained: () => new Promise((resolve) => {
          if (!body.writableNeedDrain || body.destroyed) { resolve(); return; }
          const done = () => { body.off('drain', done); body.off('close', done); resolve(); };
          body.on('drain', done);
          body.on('close', done);
        }),
        end: () => { body.end(); },
      };
      const gone = openLiveStream(deps, actor, token, after, connection);
      body.on('close', gone);
      // Proxies that buffer (nginx) send each event on at once with this; compression is off for
      // text/event-stream (http/compression.ts), which would hold events until a block fills.
      // The typed reply knows only the JSON answers the schema describes; a stream is sent as it is.
      return (reply as FastifyReply).header('content-type', 'text/event-stream; charset=utf-8').header('x-accel-buffering', 'no').send(body);
    });
};
