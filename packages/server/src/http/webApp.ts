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
import { chooseEncoding, matchesEtag, prepareScreenPages, type PreparedPage } from './screenPages.js';

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
  for (const problem of pages.problems) app.log.warn(problem);
  const screenPage = async (request: FastifyRequest, reply: FastifyReply) => {
    const screen = screenAt(request.url);
    // Which requests get a page is as before: / for anyone (the file server's index), any other
    // path only for a browser navigating to it.
    if (!screen || (screen.path !== '/' && !isAppNavigation(request.method, request.url, request.headers.accept))) return;
    const anonymous: Visitor = { signedIn: false, language: DEFAULT_LANGUAGE };
    // A failing session lookup costs the head start, not the page: the app reports the failure itself.
    const visitor = screen.signedIn && options.visitor ? await options.visitor(request).catch(() => anonymous) : anonymous;
    return sendPage(request, reply, pages.pageFor(screen, visitor.signedIn, visitor.language));
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

function sendPage(request: FastifyRequest, reply: FastifyReply, page: PreparedPage): FastifyReply {
  // The page differs by the session cookie.
  reply.header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache')
    .header('vary', 'accept-encoding, cookie').header('etag', page.etag);
  if (matchesEtag(request.headers['if-none-match'], page.etag)) return reply.code(304).send();
  const encoding = chooseEncoding(request.headers['accept-encoding']);
  if (encoding !== 'identity') reply.header('content-encoding', encoding);
  return reply.send(page.bodies[encoding]);
}

/** A browser navigation to a client-side route: a GET outside the API that wants HTML. */
export function isAppNavigation(method: string, url: string, accept: string | undefined): boolean {
  return method === 'GET' && !url.startsWith('/api/') && (accept ?? '').includes('text/html');
}
