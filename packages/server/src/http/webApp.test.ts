// A screen's first answer, over real HTTP from the built web app (npm run build): it preloads the
// screen's chunk and everything that chunk imports statically, and the session check, so the
// browser does not find them one after another; it stays uncached, compressed and under the
// security headers, and every other path still gets the plain index.html.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientOf, startTestApp, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { httpGet as get } from '../testing/httpGet.js';
import { seedDemoIfEmpty } from '../demo/seedDemo.js';
import { staticSecurityHeaders } from './securityHeaders.js';
import { defaultWebRoot } from './webApp.js';
import { chooseEncoding, matchesEtag, moduleFiles, prepareScreenPages, withLinks, type Manifest } from './screenPages.js';
import { SIGN_IN_MODULE, screens } from './screens.js';

const webRoot = defaultWebRoot();
const builtIndex = () => fs.readFileSync(path.join(webRoot, 'index.html'), 'utf8');
const builtManifest = () => JSON.parse(fs.readFileSync(path.join(webRoot, '.vite', 'manifest.json'), 'utf8')) as Manifest;

const lines = (page: string) => page.split('\n').map((line) => line.trim()).filter(Boolean);
const links = (html: string, pattern: RegExp) => [...html.matchAll(pattern)].map((m) => m[1]!);
const modulePreloads = (html: string) => links(html, /<link rel="modulepreload" crossorigin href="([^"]+)">/g);
const fetchPreloads = (html: string) => links(html, /<link rel="preload" as="fetch" crossorigin href="([^"]+)">/g);
/** What a page with a first view has its boot script ask for (firstView.ts), or undefined. */
const bootFiles = (html: string) => {
  const json = /<script type="application\/json" id="boot">(.*?)<\/script>/.exec(html)?.[1];
  return json ? JSON.parse(json) as { entry: string; modules: string[]; styles: string[] } : undefined;
};
/** The scripts a page has fetched early: preloaded by its head, or asked for by its boot script. */
const scriptsOf = (html: string) => [...modulePreloads(html), ...(bootFiles(html)?.modules ?? [])];
const answersOf = (html: string) => {
  const json = /<script type="application\/json" id="first-answers">(.*?)<\/script>/.exec(html)?.[1];
  return json ? JSON.parse(json) as Record<string, unknown> : {};
};

/** What a module loads before it runs, worked out here the plain way: its file and, recursively,
 *  the files of its static imports, less everything the entry (and so index.html) loads. */
function expectedScripts(manifest: Manifest, source: string): string[] {
  const closure = (key: string, seen: Set<string>): Set<string> => {
    if (seen.has(key)) return seen;
    seen.add(key);
    for (const imported of manifest[key]!.imports ?? []) closure(imported, seen);
    return seen;
  };
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry)!;
  const loaded = closure(entry, new Set());
  return [...closure(source, new Set())].filter((key) => !loaded.has(key)).map((key) => `/${manifest[key]!.file}`).sort();
}

const concreteUrl = (screenPath: string) => screenPath.replace(/:\w+/g, '01a2320c-dc60-7428-b289-a2ca2f0af24f');

describe('what a screen needs, from the build manifest', () => {
  const manifest: Manifest = {
    'index.html': { file: 'assets/index-1.js', isEntry: true, imports: ['_react-1.js'], css: ['assets/index-1.css'], dynamicImports: ['src/pages/A.tsx'] },
    '_react-1.js': { file: 'assets/react-1.js' },
    '_fields-1.js': { file: 'assets/fields-1.js', imports: ['_react-1.js', '_deep-1.js'], css: ['assets/fields-1.css', 'assets/index-1.css'] },
    '_deep-1.js': { file: 'assets/deep-1.js', imports: ['_fields-1.js'] },
    'src/pages/A.tsx': { file: 'assets/A-1.js', src: 'src/pages/A.tsx', imports: ['_fields-1.js', 'index.html'], dynamicImports: ['src/pages/Chart.tsx'] },
    'src/pages/Chart.tsx': { file: 'assets/Chart-1.js', src: 'src/pages/Chart.tsx', imports: ['_huge-1.js'], css: ['assets/Chart-1.css'] },
    '_huge-1.js': { file: 'assets/huge-1.js' },
    ...Object.fromEntries(['nb', 'sv', 'en'].map((l) => [`src/i18n/${l}.json`, { file: `assets/${l}-1.js`, src: `src/i18n/${l}.json`, isDynamicEntry: true }])),
  };

  it('takes the chunk and its static imports all the way down (cycles too), not its dynamic ones, not what the entry loads', () => {
    expect(moduleFiles(manifest, 'src/pages/A.tsx')).toEqual({
      scripts: ['/assets/A-1.js', '/assets/fields-1.js', '/assets/deep-1.js'],
      styles: ['/assets/fields-1.css'],
    });
    expect(moduleFiles(manifest, 'src/pages/Missing.tsx')).toBeUndefined();
  });

  it('adds the links in the head, and refuses a page without one', () => {
    expect(withLinks('<html><head><title>x</title></head></html>', '<link rel="x">')).toBe('<html><head><title>x</title>  <link rel="x">\n  </head></html>');
    expect(() => withLinks('<html></html>', '<link rel="x">')).toThrow(/head/);
  });

  it('picks the encoding by the q values, brotli first of equals, and plain text when nothing else is acceptable', () => {
    const cases: Array<[string | undefined, string]> = [
      ['gzip, deflate, br, zstd', 'br'], ['gzip', 'gzip'], ['br;q=0, gzip', 'gzip'], ['gzip;q=1, br;q=0.5', 'gzip'],
      ['*', 'br'], ['*;q=0.5, gzip', 'gzip'], ['identity', 'identity'], ['', 'identity'], [undefined, 'identity'],
      ['gzip;q=0, br;q=0', 'identity'], ['deflate', 'identity'], ['GZIP;Q=0.8', 'gzip'],
    ];
    for (const [header, expected] of cases) expect(chooseEncoding(header), String(header)).toBe(expected);
  });

  it('compares validators weakly, as a revalidation should', () => {
    expect(matchesEtag('W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesEtag('"abc"', 'W/"abc"')).toBe(true);
    expect(matchesEtag('"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(matchesEtag('*', 'W/"abc"')).toBe(true);
    expect(matchesEtag('W/"abd"', 'W/"abc"')).toBe(false);
    expect(matchesEtag(undefined, 'W/"abc"')).toBe(false);
  });

  it('gives every screen the plain index.html, and says why, when the build has no manifest or lacks a screen', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-web-'));
    try {
      fs.writeFileSync(path.join(dir, 'index.html'), '<html><head></head><body></body></html>');
      const without = prepareScreenPages(dir, screens);
      expect(without.problems.join('\n')).toMatch(/no build manifest/);
      // The session check is still worth preloading; it does not depend on the build.
      expect(modulePreloads(without.pageFor(screens[0]!, true, 'nb').bodies.identity.toString())).toEqual([]);
      fs.mkdirSync(path.join(dir, '.vite'));
      fs.writeFileSync(path.join(dir, '.vite', 'manifest.json'), JSON.stringify(manifest));
      const lacking = prepareScreenPages(dir, [{ path: '/a', module: 'src/pages/A.tsx', signedIn: false }, { path: '/b', module: 'src/pages/B.tsx', signedIn: false }]);
      expect(lacking.problems).toEqual(['the build manifest has no module src/pages/B.tsx; its screen gets the plain index.html']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the built web app', () => {
  it('has a build manifest that names every screen of the table, so none is served without its preloads', () => {
    const manifest = builtManifest();
    const { problems } = prepareScreenPages(webRoot, screens);
    expect(problems).toEqual([]);
    for (const screen of screens) expect(manifest[screen.module]?.isDynamicEntry, screen.module).toBe(true);
  });
});

describe.each(storeKinds())('a screen\'s first answer over HTTP on %s', (kind) => {
  let t: TestApp;
  let base: string;
  let cookie: string;
  const manifest = builtManifest();
  const html = { accept: 'text/html,application/xhtml+xml', 'accept-encoding': 'gzip, deflate, br' };

  beforeAll(async () => {
    t = await startTestApp(kind);
    await seedDemoIfEmpty(t.deps);
    cookie = (await t.signIn('admin@demo.varde.no', 'varde-demo')).cookie;
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => { await t?.close(); });

  it('preloads, for each screen, its chunk and its static imports and the texts of its language; the session check signed out, the session\'s first reads in the page signed in', async () => {
    for (const screen of screens) {
      for (const signedIn of [false, true]) {
        const label = `${screen.path} ${signedIn ? 'signed in' : 'signed out'}`;
        const res = await get(base, concreteUrl(screen.path), signedIn ? { ...html, cookie } : html);
        expect(res.status, label).toBe(200);
        // Signed out, a signed-in screen sends the visitor to sign in: that is the page to prepare.
        const module = screen.signedIn && !signedIn ? SIGN_IN_MODULE : screen.module;
        // And the texts of the language the app starts in: without a language cookie, bokmål.
        expect(scriptsOf(res.text).filter((href) => !builtIndex().includes(href)).sort(), label)
          .toEqual([...expectedScripts(manifest, module), `/${manifest['src/i18n/nb.json']!.file}`].sort());
        expect(scriptsOf(res.text), label).toContain(`/${manifest[module]!.file}`);
        for (const href of scriptsOf(res.text)) expect(fs.existsSync(path.join(webRoot, href)), `${label}: ${href}`).toBe(true);
        if (screen.signedIn && signedIn) {
          // The page answers the session check and the person itself, so it preloads neither.
          expect(fetchPreloads(res.text), label).toEqual([]);
          expect(Object.keys(answersOf(res.text)), label).toEqual(expect.arrayContaining(['/setup', '/me']));
          expect(res.headers['cache-control'], label).toBe('private, no-cache');
        } else {
          expect(fetchPreloads(res.text), label).toEqual(['/api/v1/setup']);
          expect(answersOf(res.text), label).toEqual({});
          // Nothing else about the page changes.
          const added = (line: string) => /^<link rel="(?:modulepreload|preload)"/.test(line) && !builtIndex().includes(line);
          expect(lines(res.text).filter((line) => !added(line)), label).toEqual(lines(builtIndex()));
        }
      }
    }
  });

  it('leaves the dynamic imports to be fetched when asked for: the key result page preloads no chart', async () => {
    const page = await get(base, concreteUrl('/key-results/:id'), { ...html, cookie });
    const dynamic = manifest['src/pages/keyResult/KeyResultPage.tsx']!.dynamicImports ?? [];
    expect(dynamic.length, 'the chart is a dynamic import of the key result page').toBeGreaterThan(0);
    for (const key of dynamic) expect(scriptsOf(page.text)).not.toContain(`/${manifest[key]!.file}`);
  });

  it('answers uncached, compressed as the client accepts, under the security headers, with a validator', async () => {
    const plain = await get(base, '/organisation', { accept: 'text/html', cookie });
    expect(plain.headers['content-encoding']).toBeUndefined();
    for (const [acceptEncoding, encoding] of [['gzip, deflate, br', 'br'], ['gzip', 'gzip'], ['br;q=0, gzip', 'gzip'], ['identity', undefined]] as const) {
      const res = await get(base, '/organisation', { accept: 'text/html', 'accept-encoding': acceptEncoding, cookie });
      expect(res.status, acceptEncoding).toBe(200);
      expect(res.headers['content-encoding'], acceptEncoding).toBe(encoding);
      expect(Number(res.headers['content-length']), acceptEncoding).toBe(res.raw.length);
      if (encoding) expect(res.raw.length, `${acceptEncoding}: smaller than the page`).toBeLessThan(plain.raw.length);
      expect(res.text, acceptEncoding).toBe(plain.text);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      // It carries the person's answers (firstAnswers.ts): theirs alone, and asked again each time.
      expect(res.headers['cache-control']).toBe('private, no-cache');
      expect(res.headers.vary).toBe('accept-encoding, cookie');
      expect(res.headers['content-security-policy']).toBe(staticSecurityHeaders['content-security-policy']);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('same-origin');
      expect(res.headers.etag).toBe(plain.headers.etag);
    }
    const again = await get(base, '/organisation', { ...html, cookie, 'if-none-match': String(plain.headers.etag) });
    expect(again.status).toBe(304);
    expect(again.raw.length).toBe(0);
    expect(again.headers['content-security-policy']).toBe(staticSecurityHeaders['content-security-policy']);
    // Signed out it is another page, so the validator differs and the page is sent whole.
    const signedOut = await get(base, '/organisation', { ...html, 'if-none-match': String(plain.headers.etag) });
    expect(signedOut.status).toBe(200);
    expect(signedOut.headers.etag).not.toBe(plain.headers.etag);
    // Each page names the texts of the language the app will start in: the organisation's once
    // signed in, else bokmål.
    const texts = (body: string) => scriptsOf(body).filter((url) => /\/assets\/(nb|sv|en)-/.test(url));
    const nbText = `/${manifest['src/i18n/nb.json']!.file}`;
    const svText = `/${manifest['src/i18n/sv.json']!.file}`;
    expect(texts((await get(base, '/sign-in', html)).text)).toEqual([nbText]);
    expect(texts((await get(base, '/organisation', { ...html, cookie })).text)).toEqual([nbText]);
    const admin = clientOf(t.app, cookie);
    const organisation = (await admin.get('/api/v1/organisation')).body;
    expect((await admin.patch('/api/v1/organisation', { version: organisation.version, language: 'sv' })).status).toBe(200);
    const swedish = (await get(base, '/organisation', { ...html, cookie })).text;
    expect(texts(swedish)).toEqual([svText]);
    // And it says so, for what it shows before the app has come (a first view, in Swedish).
    expect(swedish).toContain('<html lang="sv">');
    expect(texts((await get(base, '/sign-in', html)).text)).toEqual([nbText]);
    expect((await admin.patch('/api/v1/organisation', { version: organisation.version + 1, language: 'nb' })).status).toBe(200);
  });

  it('treats a cookie of an ended or made-up session as signed out', async () => {
    const res = await get(base, '/', { ...html, cookie: 'varde_session=not-a-session' });
    expect(res.status).toBe(200);
    expect(fetchPreloads(res.text)).toEqual(['/api/v1/setup']);
    expect(modulePreloads(res.text)).toContain(`/${manifest[SIGN_IN_MODULE]!.file}`);
  });

  it('gives every other path the plain index.html, and what is not a page the answers it had', async () => {
    for (const url of ['/no-such-screen', '/units/a/b', '/organisation/', '/index.html']) {
      const res = await get(base, url, html);
      expect(res.status, url).toBe(200);
      expect(res.text, url).toBe(builtIndex());
    }
    // A script asking for a screen's path as JSON gets the 404 it always got, not a page or a 405.
    const json = await get(base, '/organisation', { accept: 'application/json' });
    expect(json.status).toBe(404);
    expect(json.headers['content-type']).toMatch(/^application\/problem\+json/);
    // The file server still answers / to anyone.
    expect((await get(base, '/', { accept: '*/*' })).text).toContain('<link rel="preload" as="fetch" crossorigin href="/api/v1/setup">');
    // The manifest is for the server, not for browsers.
    expect((await get(base, '/.vite/manifest.json', { accept: 'application/json' })).status).toBe(404);
  });
});
