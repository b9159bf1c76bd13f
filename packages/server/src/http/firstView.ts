// A screen's first view, drawn by the server into its page: the frame (the demo banner, the top
// bar) and the head of the screen (its name, what it is, where it sits) from the answers the page
// carries (firstAnswers.ts), so a phone shows them as soon as the page and its stylesheet have
// come, not after 140 KB of script have come and run. The scripts are asked for once that first
// view has been painted (BOOT_SCRIPT); the app then draws into a hidden root and, when its own
// head is drawn, puts itself in the first view's place in one frame (packages/web/src/components/
// firstView.ts). The markup is the app's own (AppShell, DemoBanner, LanguageSelect, the pages'
// heads) in the app's words (packages/web/src/i18n/<language>.json); e2e/firstView.e2e.ts holds
// the two to the same text in the same place. A screen that has none here boots as before.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { defaultPeriod, type KeyResult, type Language, type Me, type MyWork, type Objective, type Organisation, type Period, type SetupState, type UnitWithAncestors } from '@varde/core';

/** The app's texts in a language, as i18next reads them (nested keys, {{name}} placeholders). */
type Texts = Record<string, unknown>;

/** Reads the web app's texts next to its build (packages/web/src/i18n beside packages/web/dist),
 *  once per language; undefined where there are none (a build copied without its sources). */
export function textsNextTo(webRoot: string): (language: Language) => Texts | undefined {
  const cache = new Map<Language, Texts | undefined>();
  return (language) => {
    if (!cache.has(language)) {
      try {
        cache.set(language, JSON.parse(fs.readFileSync(path.join(webRoot, '..', 'src', 'i18n', `${language}.json`), 'utf8')) as Texts);
      } catch {
        cache.set(language, undefined);
      }
    }
    return cache.get(language);
  };
}

const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A text by its key, its {{placeholders}} filled, escaped for HTML. A key the texts lack throws:
 *  the page is then sent without a first view (the app draws it all, as it always could). */
function textOf(texts: Texts, key: string, values: Record<string, string> = {}): string {
  const found = key.split('.').reduce<unknown>((at, part) => (at && typeof at === 'object' ? (at as Record<string, unknown>)[part] : undefined), texts);
  if (typeof found !== 'string') throw new Error(`no text ${key}`);
  return escape(found.replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? ''));
}

/** The answers a first view is drawn from, parsed; by API path as screens.ts names them. */
export type ParsedAnswers = ReadonlyMap<string, unknown>;

export interface FirstViewRequest {
  /** The screen's route in screens.ts, and the page's path and query as asked for. */
  route: string;
  pathname: string;
  search: URLSearchParams;
  params: Readonly<Record<string, string>>;
  language: Language;
}

/** The first view's markup, or undefined when this screen has none or its answers are missing. */
export function drawFirstView(texts: Texts, answers: ParsedAnswers, request: FirstViewRequest): string | undefined {
  const setup = answers.get('/setup') as SetupState | undefined;
  const me = answers.get('/me') as Me | undefined;
  // Someone who must choose a password first is sent to do that: the screen asked for is not drawn.
  if (!setup?.signedIn || !me || me.person.passwordChangeRequired) return undefined;
  const head = headOf(texts, answers, request);
  return head === undefined ? undefined : frame(texts, setup, me, request.pathname, head);
}

function headOf(texts: Texts, answers: ParsedAnswers, request: FirstViewRequest): string | undefined {
  const t = (key: string, values?: Record<string, string>) => textOf(texts, key, values);
  switch (request.route) {
    case '/': {
      const work = answers.get('/me/work') as MyWork | undefined;
      const me = answers.get('/me') as Me;
      if (!work) return undefined;
      const lead = work.period ? t('home.lead', { period: work.period.name }) : t('home.noPeriod');
      return `<div class="page-head"><div class="grow"><h1>${t('home.greeting', { name: me.person.name.split(' ')[0] ?? '' })}</h1><p class="muted lead">${lead}</p></div></div>`;
    }
    case '/organisation': {
      const organisation = answers.get('/organisation') as Organisation | undefined;
      if (!organisation) return undefined;
      return `<div class="page-head"><div class="grow"><h1>${escape(organisation.name)}</h1><p class="muted lead">${t('organisation.lead')}</p></div><div class="period-switcher"></div></div>${strategyCard(texts, organisation.strategy)}`;
    }
    case '/units/:unitId': {
      const unit = answers.get(`/units/${request.params.unitId}`) as UnitWithAncestors | undefined;
      const periods = (answers.get('/periods?limit=500') as { items: Period[]; nextCursor: string | null } | undefined);
      if (!unit || !periods || periods.nextCursor) return undefined;
      const period = periods.items.find((p) => p.id === request.search.get('period')) ?? defaultPeriod(periods.items);
      // The app draws a unit without a period as a notice, not this head.
      if (!period) return undefined;
      const query = `?period=${encodeURIComponent(period.id)}`;
      const crumbs = [{ to: `/organisation${query}`, label: t('nav.organisation') }, ...unit.ancestors.map((u) => ({ to: `/units/${u.id}${query}`, label: escape(u.name) }))];
      const trail = trailOf(texts, crumbs);
      const lead = `${t(`unitKind.${unit.kind}`)}${unit.description ? ` · ${escape(unit.description)}` : ''}`;
      return `<div class="page-head"><div class="grow">${trail}<h1>${escape(unit.name)}</h1><p class="muted lead">${lead}</p></div><div class="period-switcher"></div></div>`;
    }
    case '/key-results/:keyResultId': {
      // The trail and the title; the line under them names the owner, whom the page reads after
      // (with the check-ins' authors), so it comes with the app.
      const keyResult = answers.get(`/key-results/${request.params.keyResultId}`) as KeyResult | undefined;
      const objective = keyResult ? answers.get(`/objectives/${keyResult.objectiveId}`) as Objective | undefined : undefined;
      const unit = objective ? answers.get(`/units/${objective.unitId}`) as UnitWithAncestors | undefined : undefined;
      if (!keyResult || !objective || !unit) return undefined;
      const query = objective.periodId ? `?period=${encodeURIComponent(objective.periodId)}` : '';
      const crumbs = [{ to: `/organisation${query}`, label: t('nav.organisation') },
        ...[...unit.ancestors, unit].map((u) => ({ to: `/units/${u.id}${query}`, label: escape(u.name) })),
        { to: `/units/${objective.unitId}${query}#objective-${objective.id}`, label: escape(objective.title) }];
      return `<div class="page-head"><div class="grow">${trailOf(texts, crumbs)}<h1>${escape(keyResult.title)}</h1></div></div>`;
    }
    default:
      return undefined;
  }
}

/** Breadcrumbs' trail (labels escaped already), as components/Breadcrumbs.tsx draws it. */
function trailOf(texts: Texts, crumbs: ReadonlyArray<{ to: string; label: string }>): string {
  return `<nav aria-label="${textOf(texts, 'unit.breadcrumbs')}"><ol class="breadcrumbs">${crumbs.map((c) => `<li><a href="${escape(c.to)}">${c.label}</a></li>`).join('')}</ol></nav>`;
}

/** The organisation page's pyramid, as OrganisationPage draws it. */
function strategyCard(texts: Texts, s: Organisation['strategy']): string {
  const t = (key: string) => textOf(texts, key);
  const level = (tag: string, body: string) => `<div class="pyramid-level"><span class="tag">${t(tag)}</span>${body}</div>`;
  const parts = [
    !s.mission && !s.vision && s.values.length === 0 ? `<p class="muted">${t('organisation.noStrategy')}</p>` : '',
    s.mission ? level('organisation.mission', `<p>${escape(s.mission)}</p>`) : '',
    s.vision ? level('organisation.vision', `<p>${escape(s.vision)}</p>`) : '',
    s.values.length > 0 ? level('organisation.values', `<ul class="values">${s.values.map((v) => `<li class="chip">${escape(v)}</li>`).join('')}</ul>`) : '',
    s.themes.length > 0 ? level('organisation.themes', `<ul class="pyramid-themes">${s.themes.map((th) => `<li><strong>${escape(th.title)}</strong>${th.description ? ` — ${escape(th.description)}` : ''}</li>`).join('')}</ul>`) : '',
  ];
  return `<section class="card pyramid" aria-labelledby="strategy-heading"><h2 id="strategy-heading">${t('organisation.strategy')}</h2>${parts.join('')}</section>`;
}

/** AppShell's frame around a head: skip link, demo banner, top bar, main. The controls that need
 *  the app (the language, signing out) are shown disabled until it has come. */
function frame(texts: Texts, setup: SetupState, me: Me, pathname: string, head: string): string {
  const t = (key: string, values?: Record<string, string>) => textOf(texts, key, values);
  const current = (to: string) => (pathname === to ? ' aria-current="page"' : '');
  const banner = setup.demo
    ? `<div class="demo-banner" role="note" aria-label="${t('demo.bannerLabel')}"><p>${t('demo.banner')}${me.person.isAdmin ? ` <a href="/settings#end-demo">${t('demo.bannerEnd')}</a>` : ''}</p></div>`
    : '';
  const language = me.organisation.language;
  const languages = (['nb', 'sv', 'en'] as const).map((l) => `<option value="${l}"${l === language ? ' selected' : ''}>${t(`languages.${l}`)}</option>`).join('');
  return `<a class="skip-link" href="#main">${t('nav.skip')}</a>${banner}`
    + `<header class="topbar"><div class="topbar-inner"><a${current('/')} aria-label="${t('nav.homeLabel')}" href="/" class="brand"><img alt="" width="28" height="28" src="/favicon.svg"> Varde</a>`
    + `<nav aria-label="${t('nav.label')}" class="nav"><a${current('/')} href="/">${t('nav.mine')}</a><a${current('/organisation')} href="/organisation">${t('nav.organisation')}</a>${me.person.isAdmin ? `<a${current('/settings')} href="/settings">${t('nav.settings')}</a>` : ''}</nav>`
    + `<span class="spacer"></span><label class="row small language-select"><span>${t('nav.language')}</span><select disabled>${languages}</select></label>`
    + `<a aria-label="${t('accounts.linkLabel', { name: me.person.name })}" href="/account" class="account-link">${escape(me.person.name)}</a>`
    + `<button type="button" class="button small secondary" disabled>${t('nav.signOut')}</button></div></header>`
    + `<main id="main" class="page" tabindex="-1"><div class="stack">${head}</div></main>`;
}

/**
 * The one inline script of Varde's pages, allowed by its hash (securityHeaders.ts): it asks for
 * the app's scripts once the first view has been painted, from the list the page carries in
 * #boot, so the first paint waits for the page and its stylesheet only. A frame callback comes
 * just before that paint, so the timeout in it runs just after; the second timeout starts the app
 * where no frame comes (a tab opened in the background). Someone who chose another language than
 * the organisation's (kept in the browser, where the server cannot see it) gets no first view:
 * it would speak the wrong language until the app came. The preloads go in a few at a time, each
 * group in a task of its own: starting two dozen fetches at once held a slow phone's main thread
 * for longer than a frame. The first four are the entry's own imports (the framework among them).
 */
export const BOOT_SCRIPT = "(function(){var view=document.getElementById('first-view');var chosen=null;try{chosen=localStorage.getItem('varde.language');}catch(e){}if(view&&chosen&&chosen!==view.getAttribute('data-language')){view.remove();document.getElementById('root').hidden=false;}var started=false;function link(rel,href,as){var l=document.createElement('link');l.rel=rel;if(as)l.as=as;l.crossOrigin='';l.href=href;document.head.appendChild(l);}function start(){if(started)return;started=true;var files=JSON.parse(document.getElementById('boot').textContent);var queue=files.modules.map(function(h){return ['modulepreload',h];}).concat(files.styles.map(function(h){return ['preload',h,'style'];}));queue.splice(0,4).forEach(function(q){link(q[0],q[1],q[2]);});var s=document.createElement('script');s.type='module';s.crossOrigin='';s.src=files.entry;document.head.appendChild(s);(function next(){queue.splice(0,6).forEach(function(q){link(q[0],q[1],q[2]);});if(queue.length)setTimeout(next,0);})();}requestAnimationFrame(function(){setTimeout(start,0);});setTimeout(start,300);})();";
export const BOOT_SCRIPT_HASH = `'sha256-${createHash('sha256').update(BOOT_SCRIPT).digest('base64')}'`;

const ENTRY = /\s*<script type="module" crossorigin src="([^"]+)"><\/script>/g;
const MODULE_PRELOAD = /\s*<link rel="modulepreload" crossorigin href="([^"]+)">/g;
const STYLE_PRELOAD = /\s*<link rel="preload" as="style" crossorigin href="([^"]+)">/g;

/** The page with its first view in place: the app's root hidden under it, and the app's scripts
 *  (Vite's entry and the preloads screenPages.ts added) asked for by BOOT_SCRIPT instead. */
export function withFirstView(html: string, view: string, language: Language): string {
  const entries = [...html.matchAll(ENTRY)].map((m) => m[1]!);
  if (entries.length !== 1 || !html.includes('<div id="root"></div>')) throw new Error('index.html has not the one entry script and empty root a first view replaces');
  const files = { entry: entries[0], modules: [...html.matchAll(MODULE_PRELOAD)].map((m) => m[1]!), styles: [...html.matchAll(STYLE_PRELOAD)].map((m) => m[1]!) };
  const boot = `<script type="application/json" id="boot">${JSON.stringify(files).replace(/</g, '\\u003c')}</script><script>${BOOT_SCRIPT}</script>`;
  // Replaced by functions: a "$&" in a unit's name is text, not a replacement pattern.
  return html.replace(ENTRY, '').replace(MODULE_PRELOAD, '').replace(STYLE_PRELOAD, '')
    .replace('<div id="root"></div>', () => `<div id="first-view" data-language="${language}">${view}</div><div id="root" hidden></div>`)
    .replace(/<\/body>/i, () => `  ${boot}\n  </body>`);
}
