// A signed-in screen's first reads, answered inside its page. Without them the phone fetches the
// page, then the scripts, and only once they have run does it ask for the session, the person and
// the screen's own data, each a round trip more before the screen can draw. The server asks its own
// API for them (the same routes, the same session, the same answers as the browser would get), and
// the page carries them as data; the web app's client takes each one once, in place of its first
// request for that path (packages/web/src/api/firstAnswers.ts), and asks the network after that.
import { createHash } from 'node:crypto';
import zlib from 'node:zlib';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Encoding } from './screenPages.js';
import { SIGNED_IN_READS, type Screen } from './screens.js';

/** Where the answers travel in the page, as the web app looks for them. */
export const FIRST_ANSWERS_ID = 'first-answers';

/** The headers of the page's request that decide who asks and how it was reached: the session
 *  cookie, and what a trusted proxy says of the protocol (which names the cookie) and the address. */
const FORWARDED = ['cookie', 'host', 'user-agent', 'accept-language', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host'] as const;

/**
 * The 200 answers of the API's GETs for `paths` (under /api/v1), asked as the page's visitor, as
 * path → JSON text. A read that fails is left out: the app then asks for it itself and shows the
 * error as it always does (a stale 403 or 401 kept in the page would outlive its cause).
 */
export async function readFirstAnswers(app: FastifyInstance, request: FastifyRequest, paths: readonly string[]): Promise<Map<string, string>> {
  const headers: Record<string, string> = { accept: 'application/json' };
  for (const name of FORWARDED) {
    const value = request.headers[name];
    if (typeof value === 'string') headers[name] = value;
  }
  const unique = [...new Set(paths)];
  const bodies = await Promise.all(unique.map(async (path) => {
    const res = await app.inject({ method: 'GET', url: `/api/v1${path}`, headers, remoteAddress: request.socket.remoteAddress ?? '127.0.0.1' });
    return res.statusCode === 200 && String(res.headers['content-type'] ?? '').startsWith('application/json') ? res.body : undefined;
  }));
  // In the order asked for, whichever came first: the same data makes the same page (and validator).
  return new Map(unique.flatMap((path, i) => (bodies[i] === undefined ? [] : [[path, bodies[i]] as const])));
}

/** Everything a screen reads first, for a signed-in visitor: what every screen reads, the screen's
 *  own first reads, and round by round what their answers lead to (screens.ts), at most three deep.
 *  `params` undefined (an address whose parameters are not plain ids): the common reads only. */
export async function readScreenAnswers(app: FastifyInstance, request: FastifyRequest, screen: Screen, params: Readonly<Record<string, string>> | undefined): Promise<Map<string, string>> {
  const answers = await readFirstAnswers(app, request, [...SIGNED_IN_READS, ...(params && screen.firstReads ? screen.firstReads(params) : [])]);
  const search = new URLSearchParams(request.url.split('?')[1] ?? '');
  for (let round = 0; params && screen.thenReads && round < 3; round++) {
    const then = screen.thenReads(params, { answers, search }).filter((path) => !answers.has(path));
    if (then.length === 0) break;
    for (const [path, json] of await readFirstAnswers(app, request, then)) answers.set(path, json);
  }
  return answers;
}

/** The answers as a JSON data block. `<` is escaped (JSON allows \u003c in a string, and it can
 *  only occur in one), so no text inside can close the element or open another. */
export function answersElement(answers: ReadonlyMap<string, string>): string {
  const body = `{${[...answers].map(([path, json]) => `${JSON.stringify(path)}:${json}`).join(',')}}`;
  return `<script type="application/json" id="${FIRST_ANSWERS_ID}">${body.replace(/</g, '\\u003c')}</script>`;
}

export function withAnswers(html: string, answers: ReadonlyMap<string, string>): string {
  if (answers.size === 0) return html;
  const at = html.search(/<\/body>/i);
  if (at < 0) throw new Error('index.html has no </body> to add the first answers before');
  return `${html.slice(0, at)}  ${answersElement(answers)}\n  ${html.slice(at)}`;
}

/** A page made for one request: only its validator up front, and only the encoding asked for,
 *  compressed fast rather than small (it is made on every visit). */
export function personalPage(html: string): { etag: string; body(encoding: Encoding): Buffer } {
  const identity = Buffer.from(html, 'utf8');
  return {
    etag: `W/"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`,
    body: (encoding) => (encoding === 'br'
      ? zlib.brotliCompressSync(identity, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length } })
      : encoding === 'gzip' ? zlib.gzipSync(identity, { level: 6 }) : identity),
  };
}
