// A screen's first answer names everything the screen will fetch before it can draw, so the
// browser fetches it all at once instead of in a chain (the page, then the entry script, which
// asks for the session, then the screen's own chunk and the chunks it imports, then the person).
// Vite's index.html already preloads the entry's imports; each screen is a lazy chunk, so this
// adds, per screen, a modulepreload for its chunk and its static imports (its dynamic ones are
// fetched when the screen asks for them) found in Vite's manifest by the screen's source path, and
// a preload of the session check and of the texts of the language the app will start in. Each answer
// is prepared once, compressed too, when first asked for: the answers differ only by screen, by
// whether the visitor is signed in and by that language.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { Language } from '@varde/core';
import { SESSION_CHECK, SIGNED_IN_PERSON, SIGN_IN_MODULE, textsModule, type Screen } from './screens.js';

/** One entry of Vite's build manifest (dist/.vite/manifest.json), keyed by source path or chunk name. */
export interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
export type Manifest = Record<string, ManifestChunk>;

export interface ModuleFiles { scripts: string[]; styles: string[] }

/** Every manifest key a chunk loads before it runs: itself and its static imports, all the way down. */
function staticClosure(manifest: Manifest, key: string, into = new Set<string>()): Set<string> {
  if (into.has(key) || !manifest[key]) return into;
  into.add(key);
  for (const imported of manifest[key]!.imports ?? []) staticClosure(manifest, imported, into);
  return into;
}

/** The scripts and stylesheets (URL paths) a module needs before it runs, less what the entry, and
 *  so index.html, loads already; undefined when the manifest has no such module. */
export function moduleFiles(manifest: Manifest, source: string): ModuleFiles | undefined {
  if (!manifest[source]) return undefined;
  const entry = Object.keys(manifest).find((key) => manifest[key]!.isEntry);
  const loaded = entry ? staticClosure(manifest, entry) : new Set<string>();
  const loadedStyles = new Set([...loaded].flatMap((key) => manifest[key]!.css ?? []));
  const needed = [...staticClosure(manifest, source)].filter((key) => !loaded.has(key));
  return {
    scripts: needed.map((key) => `/${manifest[key]!.file}`),
    styles: [...new Set(needed.flatMap((key) => manifest[key]!.css ?? []))].filter((css) => !loadedStyles.has(css)).map((css) => `/${css}`),
  };
}

const attribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** The <link> elements for a screen. `crossorigin` on each, because the requests that use them are
 *  CORS-mode with credentials "same-origin": module scripts, the stylesheets Vite's loader adds, and
 *  fetch() in api/client.ts. A preload is only used by a request of the same mode and credentials
 *  (Chromium says "credentials mode does not match" otherwise, and fetches again). */
export function preloadLinks(files: ModuleFiles, fetches: readonly string[]): string {
  return [
    ...fetches.map((url) => `<link rel="preload" as="fetch" crossorigin href="${attribute(url)}">`),
    ...files.scripts.map((url) => `<link rel="modulepreload" crossorigin href="${attribute(url)}">`),
    // Vite's loader waits for a lazy chunk's stylesheet before it runs the chunk, so fetching it
    // early is enough; a stylesheet link here would hold back the first paint of the page around it.
    ...files.styles.map((url) => `<link rel="preload" as="style" crossorigin href="${attribute(url)}">`),
  ].join('\n    ');
}

export function withLinks(html: string, links: string): string {
  if (!links) return html;
  const at = html.search(/<\/head>/i);
  if (at < 0) throw new Error('index.html has no </head> to add preloads before');
  return `${html.slice(0, at)}  ${links}\n  ${html.slice(at)}`;
}

/** The page in the language the app will start in, so that what it shows before the app has come
 *  (a first view) is read out in that language too. */
export function withLanguage(html: string, language: Language): string {
  return html.replace(/<html lang="[a-z-]*">/i, () => `<html lang="${language}">`);
}

export type Encoding = 'br' | 'gzip' | 'identity';

/** One answer, in every encoding we send, with the validator a revalidation compares. */
export interface PreparedPage { etag: string; bodies: Record<Encoding, Buffer>; html: string }

export function preparePage(html: string): PreparedPage {
  const identity = Buffer.from(html, 'utf8');
  return {
    html,
    // Weak: the same page in every encoding (a strong one would have to differ per encoding).
    etag: `W/"${createHash('sha256').update(identity).digest('base64url').slice(0, 22)}"`,
    bodies: {
      identity,
      gzip: zlib.gzipSync(identity, { level: 9 }),
      br: zlib.brotliCompressSync(identity, { params: {
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: identity.length,
      } }),
    },
  };
}

/** The encoding to send for an Accept-Encoding header (RFC 9110 §12.5.3): of brotli and gzip the
 *  one the client gives the higher q, brotli when equal; the page as it is when it accepts neither
 *  (even when it refuses identity too: a 406 for a page helps nobody). */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const q = new Map<string, number>();
  for (const part of (acceptEncoding ?? '').split(',')) {
    const [name, ...params] = part.trim().toLowerCase().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name, Number.isFinite(value) ? value : 0);
  }
  const qualityOf = (name: string) => q.get(name) ?? q.get('*') ?? 0;
  if (qualityOf('br') <= 0 && qualityOf('gzip') <= 0) return 'identity';
  return qualityOf('br') >= qualityOf('gzip') ? 'br' : 'gzip';
}

/** Whether an If-None-Match header names this validator (weak comparison, as RFC 9110 §13.1.2 asks). */
export function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === opaque(etag));
}

export interface ScreenPages {
  /** The answer for a screen, for a visitor signed in or not, whose app starts in `language`.
   *  `answered`: the page will carry the session's first reads itself (firstAnswers.ts), so it
   *  preloads none of them. */
  pageFor(screen: Screen, signedIn: boolean, language: Language, answered?: boolean): PreparedPage;
  /** What went wrong preparing them (no manifest, a screen's module not in it): logged at start;
   *  such a screen gets the plain index.html, which works, only without the head start. */
  problems: string[];
}

export function prepareScreenPages(root: string, screenList: readonly Screen[]): ScreenPages {
  const indexHtml = fs.readFileSync(path.join(root, 'index.html'), 'utf8');
  const problems: string[] = [];
  let manifest: Manifest = {};
  const manifestFile = path.join(root, '.vite', 'manifest.json');
  try {
    manifest = JSON.parse(fs.readFileSync(manifestFile, 'utf8')) as Manifest;
  } catch (error) {
    problems.push(`no build manifest at ${manifestFile} (build.manifest in packages/web/vite.config.ts): ${(error as Error).message}`);
  }
  const cache = new Map<string, PreparedPage>();
  const filesOf = (module: string): ModuleFiles => {
    const files = moduleFiles(manifest, module);
    if (!files && Object.keys(manifest).length > 0) problems.push(`the build manifest has no module ${module}; its screen gets the plain index.html`);
    return files ?? { scripts: [], styles: [] };
  };
  const page = (module: string, language: Language, fetches: readonly string[]): PreparedPage => {
    const key = `${module}\0${language}\0${fetches.join('\0')}`;
    let prepared = cache.get(key);
    if (!prepared) {
      const screen = filesOf(module);
      const texts = filesOf(textsModule(language));
      const files = { scripts: [...new Set([...screen.scripts, ...texts.scripts])], styles: [...new Set([...screen.styles, ...texts.styles])] };
      prepared = preparePage(withLanguage(withLinks(indexHtml, preloadLinks(files, fetches)), language));
      cache.set(key, prepared);
    }
    return prepared;
  };
  // What is missing from the manifest is told at start; the pages themselves are compressed when
  // first asked for (brotli at its best takes a few milliseconds a page, and there are dozens of
  // screen, language and session variants), so starting stays fast.
  for (const module of new Set([...screenList.map((screen) => screen.module), ...Language.options.map(textsModule)])) filesOf(module);
  const known = new Set(screenList);
  return {
    pageFor: (screen, signedIn, language, answered = false) => {
      if (!known.has(screen)) throw new Error(`no page prepared for ${screen.path}`);
      // Someone signed out who opens a signed-in screen is sent to sign in: it is that screen they need.
      return signedIn
        ? page(screen.module, language, answered ? [] : screen.signedIn ? [SESSION_CHECK, SIGNED_IN_PERSON] : [SESSION_CHECK])
        : page(screen.signedIn ? SIGN_IN_MODULE : screen.module, language, [SESSION_CHECK]);
    },
    problems: [...new Set(problems)],
  };
}
