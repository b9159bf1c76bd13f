// Serves the built web application from the same origin as the API: hashed assets cached for
// a year, index.html never cached, and every other browser path answered with index.html so
// the client-side router can take it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

export const defaultWebRoot = (): string => fileURLToPath(new URL('../../../web/dist', import.meta.url));

/** Registers the web app if it has been built; answers whether it was. */
export async function installWebApp(app: FastifyInstance, root: string): Promise<boolean> {
  if (!fs.existsSync(path.join(root, 'index.html'))) return false;
  await app.register(fastifyStatic, {
    root,
    prefix: '/',
    index: ['index.html'],
    preCompressed: true,
    // Without this, the file server writes its own "public, max-age=0" over the header set below.
    cacheControl: false,
    setHeaders(res, filePath) {
      res.setHeader('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  return true;
}

/** A browser navigation to a client-side route: a GET outside the API that wants HTML. */
export function isAppNavigation(method: string, url: string, accept: string | undefined): boolean {
  return method === 'GET' && !url.startsWith('/api/') && (accept ?? '').includes('text/html');
}
