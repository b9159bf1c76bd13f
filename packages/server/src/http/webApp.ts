// Serves the built web application from the same origin as the API: hashed assets cached for
// a year, index.html never cached, and every other browser path answered with index.html so
// the client-side router can take it. A screen's own path gets an index.html that also preloads
// what that screen fetches first (screenPages.ts).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Deps } from '../app/context.js';
import { principalFor } from '../app/session.js';
import { getOrganisation } from '../store/organisations.js';
import { sessionTokenOf } from './sessionCookie.js';
import type { Language } from '@varde/core';
import { DEFAULT_LANGUAGE, screens, type Screen } from './screens.js';
import { chooseEncoding, matchesEtag, prepareScreenPages, type Encoding } from './screenPages.js';
import { personalPage, readScreenAnswers, withAnswers } from './firstAnswers.js';
import { drawFirstView, textsNextTo, withFirstView } from './firstView.js';

export const defaultWebRoot = (): string => fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** Who is asking for a page, as far as its preloads care. */
export interface Visitor { signedIn: boolean; language: Language }

export interface WebAppOptions {
  /** Whether the request carries a live session (a signed-in screen then preloads the person too),
   *  and the language the app will most likely start in (its texts are preloaded). */
  visitor?: (request: FastifyRequest) => Promise<Visitor>;
}

/** The session check the API makes, for the page: the cookie names a session that has not ended.
 *  The app starts in the organisation's language once it has seen it (a person's own choice is in
 *  the browser's storage, which the server cannot read); before that, in bokmål. */
export const visitorBySession = (deps: Deps) => async (request: FastifyRequest): Promise<Visitor> => {
  const token = sessionTokenOf(request, deps);
  const principal = token === undefined ? undefined : await principalFor(deps, token);
  if (!principal) return { signedIn: false, language: DEFAULT_LANGUAGE };
  const organisation = await getOrganisation(deps.store.db, principal.orgId);
  return { signedIn: true, language: organisation?.language ?? DEFAULT_LANGUAGE };
};

/** Registers the web app if it has been built; answers whether it was. */
export async function installWebApp(app: FastifyInstance, root: string, options: WebAppOptions = {}): Promise<boolean> {
  if (!fs.existsSync(path.join(root, 'index.html'))) return false;
  const pages = prepareScreenPages(root, screens);
  const textsIn = textsNextTo(root);
  for (const problem of pages.problems) app.log.warn(problem);
  const screenPage = async (request: FastifyRequest, reply: FastifyReply) => {
    const screen = screenAt(request.url);
    // Which requests get a page is as before: / for anyone (the file server's index), any other
    // path only for a browser navigating to it.
    if (!screen || (screen.path !== '/' && !isAppNavigation(request.method, request.url, request.headers.accept))) return;
    const anonymous: Visitor = { signedIn: false, language: DEFAULT_LANGUAGE };
    // A failing session lookup costs the head start, not the page: the app reports the failure itself.
    const visitor = screen.signedIn && options.visitor ? await options.visitor(request).catch(() => anonymous) : anonymous;
    if (!visitor.signedIn || !screen.signedIn) {
      const prepared = pages.pageFor(screen, visitor.signedIn, visitor.language);
      return sendPage(request, reply, { etag: prepared.etag, body: (encoding) => prepared.bodies[encoding] });
    }
    // Signed in: the page carries what the screen reads first, so nothing waits on the scripts to ask.
    const params = paramsOf(screen, request.url);
    const answers = await readScreenAnswers(app, request, screen, params);
    const html = withAnswers(pages.pageFor(screen, true, visitor.language, true).html, answers);
    const page = personalPage(params ? withFirstViewOf(html, screen, request.url, params, visitor.language, answers) : html);
    return sendPage(request, reply, page, true);
  };
  /** The page with its screen's first view drawn in, when the screen has one (firstView.ts); as it
   *  was otherwise, and when drawing fails, which costs the head start and nothing else. */
  const withFirstViewOf = (html: string, screen: Screen, url: string, params: Record<string, string>, language: Language, answers: ReadonlyMap<string, string>): string => {
    const texts = textsIn(language);
    if (!texts) return html;
    try {
      const [pathname, search = ''] = url.split('?');
      const parsed = new Map([...answers].map(([path, json]) => [path, JSON.parse(json) as unknown]));
      const view = drawFirstView(texts, parsed, { route: screen.path, pathname: pathname!, search: new URLSearchParams(search), params, language });
      return view === undefined ? html : withFirstView(html, view, language);
    } catch (error) {
      app.log.warn({ err: error, screen: screen.path }, 'no first view drawn');
      return html;
    }
  };
  // The screens' paths reach the file server's catch-all route, which finds no such file; they get
  // their page before it looks. A hook on that one route, not routes of their own: those would make
  // the paths known to the router, and a JSON GET of /organisation would become a 405, not a 404.
  app.addHook('onRoute', (route) => {
    if (route.url === '/*' && [route.method].flat().includes('GET')) route.preHandler = [...[route.preHandler ?? []].flat(), screenPage];
  });
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: ['index.html'],
    preCompressed: true,
    // dist/.vite holds the build manifest, which is for the server (above), not for browsers.
    dotfiles: 'ignore',
    // Without this, the file server writes its own "public, max-age=0" over the header set below.
    cacheControl: false,
    setHeaders(res, filePath) {
      res.setHeader('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return true;
}

/** The screen whose route matches a URL's path (a :name segment matches any one segment). */
export function screenAt(url: string): Screen | undefined {
  const segments = url.split('?')[0]!.split('/');
  return screens.find((screen) => {
    const pattern = screen.path.split('/');
    return pattern.length === segments.length && pattern.every((part, i) => (part.startsWith(':') ? segments[i] !== '' : part === segments[i]));
  });
}

/** A screen's path parameters (its :name segments) in a URL, when each is a plain id; undefined
 *  otherwise. They become paths the server asks its API for, so nothing in them may reach past
 *  the one segment (no "?", "/" or escapes): an odd one gets no first answers, only the page. */
export function paramsOf(screen: Screen, url: string): Record<string, string> | undefined {
  const segments = url.split('?')[0]!.split('/');
  const params: Record<string, string> = {};
  for (const [i, part] of screen.path.split('/').entries()) {
    if (!part.startsWith(':')) continue;
    const value = segments[i] ?? '';
    if (!/^[A-Za-z0-9_-]{1,100}$/.test(value)) return undefined;
    params[part.slice(1)] = value;
  }
  return params;
}

interface Sendable { etag: string; body(encoding: Encoding): Buffer }

function sendPage(request: FastifyRequest, reply: FastifyReply, page: Sendable, personal = false): FastifyReply {
  // The page differs by the session cookie; one that carries a person's answers is theirs alone.
  reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', personal ? 'private, no-cache' : 'no-cache')
    .header('vary', 'accept-encoding, cookie').header('etag', page.etag);
  if (matchesEtag(request.headers['if-none-match'], page.etag)) return reply.code(304).send();
  const encoding = chooseEncoding(request.headers['accept-encoding']);
  if (encoding !== 'identity') reply.header('content-encoding', encoding);
  return reply.send(page.body(encoding));
}

/** A browser navigation to a client-side route: a GET outside the API that wants HTML. */
export function isAppNavigation(method: string, url: string, accept: string | undefined): boolean {
  return method === 'GET' && !url.startsWith('/api/') && (accept ?? '').includes('text/html');
}
