// Varde in a phone's browser (`npm run bench:web`): the built server (packages/server/dist/main.js)
// on the demo data and on the bench's 2,000-unit organisation, each screen audited signed in by
// Lighthouse (mobile preset, simulated throttling) in Debian's Chromium on a cold cache, the median
// of BENCH_WEB_RUNS runs set beside the budgets of issue 11 and beside an empty page of the same
// server audited in the same rounds. Then a second visit of each screen in playwright-core: the
// Cache-Control of every answer, and whether the warm visit asks for any hashed asset again.
// Prints a table and writes bench/results/web-latest.json (and each screen's median run as a
// Lighthouse HTML report under bench/results/web/).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { generateReport } from 'lighthouse';
import { chromium } from 'playwright-core';
import { openStore } from '../packages/server/dist/store/database.js';
import { freePort } from '../packages/server/dist/testing/freePort.js';
import { generate, ADMIN } from './lib/generate.mjs';
import { CHROMIUM, runLighthouse, shortfallsOf } from './lib/lighthouse.mjs';
import { round, sleep } from './lib/util.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const MAIN = path.join(ROOT, 'packages/server/dist/main.js');
const WEB_DIST = path.join(ROOT, 'packages/web/dist');
const RESULTS = path.join(HERE, 'results');
// The baseline page, copied next to index.html for the run so the same static file handler serves
// it as it serves the app's document (see "The baseline" in bench/README.md).
const EMPTY_SOURCE = path.join(HERE, 'empty.html');
const EMPTY_NAME = 'bench-empty.html';

const CONFIG = {
  runs: Math.max(1, Number(process.env.BENCH_WEB_RUNS ?? 3)),
  strict: process.env.BENCH_WEB_STRICT === '1',
  screens: process.env.BENCH_WEB_SCREENS ? process.env.BENCH_WEB_SCREENS.split(',').map((s) => s.trim()).filter(Boolean) : null,
};
const DEMO_ADMIN = { email: 'admin@demo.varde.no', password: 'varde-demo' };

// Issue 11's budgets, per screen, signed in, cold cache, median of the runs.
const BUDGETS = {
  performance: { min: 95, text: '≥ 95' },
  accessibility: { min: 100, text: '100' },
  bestPractices: { min: 100, text: '100' },
  lcpMs: { max: 2000, text: '≤ 2.0 s' },
  tbtMs: { max: 150, text: '≤ 150 ms' },
  jsKiB: { max: 150, text: '≤ 150 KiB' },
  jsGzipKiB: { max: 150, text: '≤ 150 KiB' },
  cssKiB: { max: 20, text: '≤ 20 KiB' },
};
const IMMUTABLE = 'public, max-age=31536000, immutable';

const cleanups = [];
const log = (...a) => process.stderr.write(`${a.join(' ')}\n`);

// ---------------------------------------------------------------- the server

/** Spawns the built server as `npm start` runs it, on a free port, and waits until it answers. */
async function startVarde(label, env) {
  const port = await freePort();
  const { VARDE_DEMO: _inherited, ...inherited } = process.env;
  const child = spawn(process.execPath, [MAIN], {
    cwd: ROOT,
    env: { ...inherited, DATABASE_URL: '', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const base = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
  };
  cleanups.push(stop);
  const started = performance.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${label}: the server exited before answering: ${stderr.slice(0, 800)}`);
    if (performance.now() - started > 60_000) throw new Error(`${label}: no answer within 60 s`);
    try { if ((await fetch(`${base}/api/v1/health`)).ok) break; } catch { /* starting */ }
    await sleep(50);
  }
  return { label, base, stop };
}

/** Signs in through the API; answers the session cookie as `name=value`. */
async function signIn(base, { email, password }) {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`sign-in as ${email} failed: ${res.status} ${await res.text()}`);
  const cookie = String(res.headers.get('set-cookie') ?? '').split(';')[0];
  if (!cookie.includes('=')) throw new Error(`sign-in as ${email} set no cookie`);
  return cookie;
}

async function getJson(base, cookie, url) {
  const res = await fetch(`${base}${url}`, { headers: { cookie } });
  if (!res.ok) throw new Error(`GET ${url}: ${res.status} ${await res.text()}`);
  return res.json();
}

/** The demo's team with the most objectives in the active cycle (the heaviest team page), and its first key result. */
async function demoTargets(base, cookie) {
  const units = (await getJson(base, cookie, '/api/v1/units?limit=500')).items;
  const cycle = (await getJson(base, cookie, '/api/v1/periods?kind=cycle&state=active')).items[0];
  if (!cycle) throw new Error('the demo has no active cycle');
  let best;
  for (const unit of units.filter((u) => u.kind === 'team' && !u.archivedAt)) {
    const progress = await getJson(base, cookie, `/api/v1/units/${unit.id}/progress?period=${cycle.id}`);
    if ((progress.objectives?.length ?? 0) > (best?.progress.objectives.length ?? 0)) best = { unit, progress };
  }
  const keyResult = best?.progress.objectives.flatMap((o) => o.keyResults)[0];
  if (!keyResult) throw new Error('no demo team has a key result in the active cycle');
  return { team: best.unit, objectives: best.progress.objectives.length, keyResult };
}

// ---------------------------------------------------------------- the second visit

const isHashedAsset = (url) => new URL(url).pathname.startsWith('/assets/');
function kindOf(url, resourceType) {
  const { pathname } = new URL(url);
  if (pathname.startsWith('/assets/')) return 'hashed asset (/assets/)';
  if (pathname.startsWith('/api/')) return 'API';
  return resourceType === 'document' ? 'document' : 'other file';
}
// A signed-in screen's page carries the person's first answers (firstAnswers.ts): private, and revalidated.
const EXPECTED_CACHE = { 'hashed asset (/assets/)': IMMUTABLE, document: 'private, no-cache', 'other file': 'no-cache', API: 'no-store' };

/**
 * Visits each screen in a fresh context (cold), then again in a new tab of the same context (a
 * returning visitor), and answers every answer's Cache-Control on the cold visit and the requests
 * the warm visit sent to the network. A request Chromium answered from its memory or disk cache
 * never reaches the network; CDP tells which.
 */
async function visitTwice(browser, screens) {
  const out = [];
  for (const s of screens) {
    const context = await browser.newContext({ viewport: { width: 412, height: 823 }, locale: 'en-GB' });
    try {
      const [name, value] = [s.cookie.slice(0, s.cookie.indexOf('=')), s.cookie.slice(s.cookie.indexOf('=') + 1)];
      await context.addCookies([{ name, value, url: s.base }]);
      const cold = await context.newPage();
      const answers = [];
      cold.on('response', (r) => answers.push({ url: r.url(), status: r.status(), kind: kindOf(r.url(), r.request().resourceType()), cacheControl: r.headers()['cache-control'] ?? null }));
      await cold.goto(s.base + s.path, { waitUntil: 'networkidle' });
      const signedOut = new URL(cold.url()).pathname === '/sign-in';
      await cold.close();

      const warm = await context.newPage();
      const cdp = await context.newCDPSession(warm);
      const requests = new Map();
      cdp.on('Network.requestWillBeSent', (e) => { if (!requests.has(e.requestId)) requests.set(e.requestId, { url: e.request.url, cached: false, status: null }); });
      cdp.on('Network.requestServedFromCache', (e) => { const r = requests.get(e.requestId); if (r) r.cached = true; });
      cdp.on('Network.responseReceived', (e) => {
        const r = requests.get(e.requestId);
        if (!r) return;
        r.status ??= e.response.status;
        if (e.response.fromDiskCache || e.response.fromPrefetchCache || e.response.fromServiceWorker) r.cached = true;
      });
      // The status on the wire: a revalidated answer is reported to responseReceived as the cached 200.
      cdp.on('Network.responseReceivedExtraInfo', (e) => { const r = requests.get(e.requestId); if (r) r.status = e.statusCode; });
      await cdp.send('Network.enable');
      await warm.goto(s.base + s.path, { waitUntil: 'networkidle' });
      const all = [...requests.values()].filter((r) => r.url.startsWith('http'));
      const onWire = all.filter((r) => !r.cached);
      out.push({
        screen: s.id, label: s.label, signedOut, coldAnswers: answers,
        warm: {
          requests: all.length, fromCache: all.length - onWire.length,
          hashedAssetsOnWire: onWire.filter((r) => isHashedAsset(r.url)).map((r) => ({ url: r.url, status: r.status })),
          hashedAssetsFromCache: all.filter((r) => r.cached && isHashedAsset(r.url)).length,
          otherOnWire: onWire.filter((r) => !isHashedAsset(r.url)).map((r) => ({ path: new URL(r.url).pathname, kind: kindOf(r.url, r.url === s.base + s.path ? 'document' : ''), status: r.status })),
        },
      });
    } finally {
      await context.close();
    }
  }
  return out;
}

/** Every distinct Cache-Control seen per kind of answer, with how many answers carried it. */
function cacheControlSummary(visits) {
  const byKind = {};
  for (const v of visits) {
    for (const a of v.coldAnswers) {
      const k = (byKind[a.kind] ??= { expected: EXPECTED_CACHE[a.kind], values: {} });
      const e = (k.values[a.cacheControl ?? '(none)'] ??= { count: 0, example: new URL(a.url).pathname });
      e.count++;
    }
  }
  for (const k of Object.values(byKind)) k.ok = Object.keys(k.values).every((v) => v === k.expected);
  return byKind;
}

// ---------------------------------------------------------------- figures

/**
 * The issue states the JavaScript budget gzipped, while Chromium is sent brotli (smaller): the
 * gzip size of the same scripts, from the build's precompressed .gz files (bodies only, without
 * the response headers that the transferred size includes).
 */
function gzipKiBOf(lhr) {
  let bytes = 0;
  for (const r of lhr.audits['network-requests'].details.items) {
    if (r.resourceType !== 'Script') continue;
    const file = path.join(WEB_DIST, new URL(r.url).pathname);
    if (!file.startsWith(WEB_DIST + path.sep) || !fs.existsSync(file)) { bytes += r.transferSize; continue; }
    bytes += fs.existsSync(`${file}.gz`) ? fs.statSync(`${file}.gz`).size : gzipSync(fs.readFileSync(file), { level: 9 }).length;
  }
  return bytes / 1024;
}

function median(xs) {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}
const medianFigures = (runs) => Object.fromEntries(Object.keys(runs[0]).map((k) => [k, median(runs.map((r) => r[k]))]));
const passes = (key, value) => {
  const b = BUDGETS[key];
  return b.min !== undefined ? value >= b.min : value <= b.max;
};

const FORMAT = {
  performance: (x) => String(Math.round(x)),
  accessibility: (x) => String(Math.round(x)),
  bestPractices: (x) => String(Math.round(x)),
  lcpMs: (x) => `${round(x / 1000, 2).toFixed(2)} s`,
  tbtMs: (x) => `${Math.round(x)} ms`,
  jsKiB: (x) => `${round(x, 1).toFixed(1)} KiB`,
  jsGzipKiB: (x) => `${round(x, 1).toFixed(1)} KiB`,
  cssKiB: (x) => `${round(x, 1).toFixed(1)} KiB`,
};
const COLUMNS = [
  ['performance', 'perf'], ['accessibility', 'a11y'], ['bestPractices', 'best pr.'], ['lcpMs', 'LCP'], ['tbtMs', 'TBT'],
  ['jsKiB', 'JS sent'], ['jsGzipKiB', 'JS gzip'], ['cssKiB', 'CSS'],
];

function table(results) {
  const head = ['screen', ...COLUMNS.map(([, t]) => t), 'requests', 'perf runs'];
  const rows = [['budget', ...COLUMNS.map(([k]) => BUDGETS[k].text), '', '']];
  for (const s of results.screens) {
    const m = s.median;
    const cells = COLUMNS.map(([k]) => (s.baseline ? FORMAT[k](m[k]) : `${FORMAT[k](m[k])} ${s.pass[k] ? '✓' : '✗'}`));
    rows.push([s.label, ...cells, String(Math.round(m.requests)), s.runs.map((r) => r.performance).join('/')]);
  }
  const width = head.map((_, i) => Math.max(...[head, ...rows].map((r) => [...String(r[i])].length)));
  const fmt = (r) => r.map((c, i) => (i === 0 ? String(c).padEnd(width[i]) : String(c).padStart(width[i]))).join('  ').trimEnd();
  return [fmt(head), width.map((w) => '-'.repeat(w)).join('  '), ...rows.map(fmt)];
}

function report(results) {
  const t = results.throttling;
  const lines = ['', `Varde in the browser — ${results.startedAt} — Lighthouse ${results.lighthouseVersion}, ${results.chromium}, node ${process.version}, ${os.cpus().length} × ${os.cpus()[0]?.model?.trim() ?? 'CPU'}`,
    `mobile preset, simulated throttling: ${t.cpuSlowdownMultiplier}× CPU, ${t.rttMs} ms RTT, ${round(t.throughputKbps / 1024, 1)} Mbit/s; median of ${CONFIG.runs} cold-cache runs per screen, signed in`,
    `JS sent and CSS: as transferred (brotli, headers included); JS gzip: the same scripts' .gz files; Lighthouse benchmark index of this machine ${Math.round(results.benchmarkIndex.min)}–${Math.round(results.benchmarkIndex.max)}`, ''];
  lines.push(...table(results));
  const labelWidth = Math.max(...results.visits.map((v) => v.label.length));
  lines.push('', 'Second visit (playwright-core, same browser context, new tab): requests for hashed assets that reached the server');
  for (const v of results.visits) {
    const w = v.warm;
    const mark = w.hashedAssetsOnWire.length === 0 ? '✓' : '✗';
    const api = w.otherOnWire.filter((r) => r.kind === 'API');
    const files = w.otherOnWire.filter((r) => r.kind !== 'API').map((r) => `${r.kind === 'document' ? 'document' : r.path} ${r.status}`);
    lines.push(`  ${v.label.padEnd(labelWidth)}  ${w.hashedAssetsOnWire.length} ${mark}   (${w.hashedAssetsFromCache} hashed assets from the cache; to the network: ${[...files, `${api.length} API requests`].join(', ')})`);
    for (const r of w.hashedAssetsOnWire) lines.push(`      ${r.url} ${r.status}`);
  }
  lines.push('', 'Cache-Control of every answer on the cold visits (expected value in brackets)');
  for (const [kind, k] of Object.entries(results.cacheControl)) {
    lines.push(`  ${kind} [${k.expected}] ${k.ok ? '✓' : '✗'}`);
    for (const [value, e] of Object.entries(k.values)) lines.push(`      ${value}: ${e.count} answers (e.g. ${e.example})`);
  }
  for (const s of results.screens) {
    const f = s.shortfalls;
    const parts = Object.entries(f).filter(([, ids]) => ids.length).map(([cat, ids]) => `${cat}: ${ids.join(', ')}`);
    if (!s.baseline && parts.length) lines.push(`  ${s.label}: below 100 in the median run because of ${parts.join('; ')}`);
  }
  const load = results.loadAverage;
  lines.push('', `load average (1 min) at start ${round(load.atStart, 1)}, at end ${round(load.atEnd, 1)} on ${os.cpus().length} CPUs`
    + (Math.max(load.atStart, load.atEnd) > os.cpus().length ? ' — WARNING: other work shared the CPUs; TBT and the performance score suffer first, compare with the baseline' : ''));
  const others = results.failures.filter((f) => !results.screens.some((s) => f.startsWith(`${s.label} `)));
  lines.push(results.failures.length ? `${results.failures.length} budget(s) missed (marked ✗)${others.length ? `: ${others.join('; ')}` : ''}${CONFIG.strict ? '' : '; BENCH_WEB_STRICT=1 makes that exit 1'}` : 'every budget holds', '');
  process.stdout.write(`${lines.join('\n')}\n`);
}

// ---------------------------------------------------------------- main

/** Chromium's own version (the user agent Lighthouse records is reduced to 156.0.0.0). */
function chromiumVersion() {
  try {
    return execFileSync(CHROMIUM, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim().replace(/ built on .*/, '');
  } catch { return CHROMIUM; }
}

async function main() {
  const started = performance.now();
  const wanted = (id) => !CONFIG.screens || CONFIG.screens.some((w) => id.includes(w));
  const results = { startedAt: new Date().toISOString(), config: CONFIG, budgets: BUDGETS, loadAverage: { atStart: os.loadavg()[0] } };

  const emptyCopy = path.join(WEB_DIST, EMPTY_NAME);
  if (!fs.existsSync(path.join(WEB_DIST, 'index.html'))) throw new Error('packages/web/dist is not built: run npm run bench:web, which builds first');
  fs.copyFileSync(EMPTY_SOURCE, emptyCopy);
  cleanups.push(async () => fs.rmSync(emptyCopy, { force: true }));

  const screens = [];
  const demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-bench-web-demo-'));
  cleanups.push(async () => fs.rmSync(demoDir, { recursive: true, force: true }));
  log('starting the server on the demo data');
  const demo = await startVarde('demo', { VARDE_DATA_DIR: demoDir });
  const demoCookie = await signIn(demo.base, DEMO_ADMIN);
  const d = await demoTargets(demo.base, demoCookie);
  const onDemo = { base: demo.base, cookie: demoCookie, server: 'demo' };
  screens.push(
    { ...onDemo, id: 'demo-empty', label: 'demo: empty page (baseline)', path: `/${EMPTY_NAME}`, baseline: true },
    { ...onDemo, id: 'demo-mine', label: 'demo: Mine /', path: '/' },
    { ...onDemo, id: 'demo-organisation', label: 'demo: organisation', path: '/organisation' },
    { ...onDemo, id: 'demo-unit', label: `demo: team (${d.objectives} obj.)`, path: `/units/${d.team.id}`, unitName: d.team.name },
    { ...onDemo, id: 'demo-key-result', label: 'demo: key result', path: `/key-results/${d.keyResult.id}`, keyResultTitle: d.keyResult.title },
  );

  if (['org-empty', 'org-organisation', 'org-team'].some(wanted)) {
    const orgDir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-bench-web-org-'));
    cleanups.push(async () => fs.rmSync(orgDir, { recursive: true, force: true }));
    log('generating the bench organisation');
    const store = await openStore({ dataDir: orgDir });
    const gen = await generate(store);
    await store.close();
    const units = gen.counts.units.toLocaleString('en');
    log(`generated ${units} units, ${gen.counts.objectives.toLocaleString('en')} objectives, ${gen.counts.checkIns.toLocaleString('en')} check-ins in ${round(gen.ms / 1000, 1)} s`);
    results.organisation = { counts: gen.counts };
    const org = await startVarde('org', { VARDE_DATA_DIR: orgDir, VARDE_DEMO: '0' });
    const onOrg = { base: org.base, cookie: await signIn(org.base, ADMIN), server: `${units} units` };
    screens.push(
      { ...onOrg, id: 'org-empty', label: `${units} units: empty page (baseline)`, path: `/${EMPTY_NAME}`, baseline: true },
      { ...onOrg, id: 'org-organisation', label: `${units} units: organisation`, path: '/organisation' },
      { ...onOrg, id: 'org-team', label: `${units} units: team (5 obj.)`, path: `/units/${gen.teamIds[0]}` },
    );
  }
  const chosen = screens.filter((s) => wanted(s.id));
  if (chosen.length === 0) throw new Error(`BENCH_WEB_SCREENS=${process.env.BENCH_WEB_SCREENS} names no screen of: ${screens.map((s) => s.id).join(', ')}`);

  // The second visits first: they also warm the servers (their first answers compile code), which
  // Lighthouse's simulation would otherwise count as server response time in the first round.
  log(`second visits of ${chosen.length} screens in playwright-core`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  cleanups.push(() => browser.close());
  results.visits = await visitTwice(browser, chosen.filter((s) => !s.baseline));
  await browser.close();
  for (const v of results.visits) if (v.signedOut) throw new Error(`${v.label}: the page went to /sign-in: the session cookie was not accepted`);
  results.cacheControl = cacheControlSummary(results.visits);

  // Lighthouse in rounds over every screen, so a burst of load on the machine spreads over all of
  // them (the baselines included) instead of spoiling one screen's runs.
  const total = chosen.length * CONFIG.runs;
  let n = 0;
  const lhrs = new Map(chosen.map((s) => [s.id, []]));
  for (let round_ = 1; round_ <= CONFIG.runs; round_++) {
    for (const s of chosen) {
      const { lhr, figures, ms, retried } = await runLighthouse(s.base + s.path, { cookie: s.cookie });
      figures.jsGzipKiB = gzipKiBOf(lhr);
      const path_ = new URL(lhr.finalDisplayedUrl).pathname;
      if (path_ !== s.path.split('?')[0]) throw new Error(`${s.label}: Lighthouse ended on ${lhr.finalDisplayedUrl}, not ${s.path}`);
      // Signed out, the screen would have gone to /sign-in (above) or been refused its reads. The
      // page itself brings the person (packages/server/src/http/firstAnswers.ts), so no GET /me shows.
      const refused = lhr.audits['network-requests'].details.items.filter((r) => new URL(r.url).pathname.startsWith('/api/') && r.statusCode === 401);
      if (!s.baseline && refused.length > 0) throw new Error(`${s.label}: ${refused.map((r) => new URL(r.url).pathname).join(', ')} answered 401 in the audited load: not signed in`);
      lhrs.get(s.id).push({ lhr, figures });
      if (retried.length) (results.retried ??= []).push({ screen: s.id, round: round_, failedRuns: retried });
      log(`[${++n}/${total}] ${s.label} run ${round_}: perf ${figures.performance}, LCP ${FORMAT.lcpMs(figures.lcpMs)}, TBT ${FORMAT.tbtMs(figures.tbtMs)}, `
        + `JS ${FORMAT.jsKiB(figures.jsKiB)} in ${figures.jsFiles} files (gzip ${FORMAT.jsGzipKiB(figures.jsGzipKiB)}), CSS ${FORMAT.cssKiB(figures.cssKiB)}, ${figures.requests} requests (${round(ms / 1000, 1)} s${retried.length ? `; run again after ${retried.join(', ')}` : ''})`);
    }
  }

  const first = lhrs.get(chosen[0].id)[0].lhr;
  results.lighthouseVersion = first.lighthouseVersion;
  results.chromium = chromiumVersion();
  results.throttling = first.configSettings.throttling;
  const indices = [...lhrs.values()].flat().map((r) => r.lhr.environment.benchmarkIndex);
  results.benchmarkIndex = { min: Math.min(...indices), max: Math.max(...indices) };
  results.failures = [];
  // Only this run's reports: one left from a run of other screens would pass for today's.
  fs.rmSync(path.join(RESULTS, 'web'), { recursive: true, force: true });
  fs.mkdirSync(path.join(RESULTS, 'web'), { recursive: true });
  results.screens = chosen.map((s) => {
    const runs = lhrs.get(s.id);
    const m = medianFigures(runs.map((r) => r.figures));
    const pass = Object.fromEntries(Object.keys(BUDGETS).map((k) => [k, passes(k, m[k])]));
    // The run nearest the median score as the screen's report, to see where its time and bytes go.
    const typical = [...runs].sort((a, b) => Math.abs(a.figures.performance - m.performance) - Math.abs(b.figures.performance - m.performance))[0];
    const reportFile = path.join(RESULTS, 'web', `${s.id}.html`);
    fs.writeFileSync(reportFile, generateReport(typical.lhr, 'html'));
    if (!s.baseline) for (const [k, ok] of Object.entries(pass)) if (!ok) results.failures.push(`${s.label} ${k} ${FORMAT[k](m[k])} (budget ${BUDGETS[k].text})`);
    return {
      id: s.id, label: s.label, server: s.server, path: s.path, baseline: Boolean(s.baseline), median: m, pass,
      runs: runs.map((r) => r.figures), shortfalls: shortfallsOf(typical.lhr),
      scripts: typical.lhr.audits['network-requests'].details.items.filter((r) => r.resourceType === 'Script')
        .map((r) => ({ path: new URL(r.url).pathname, transferKiB: round(r.transferSize / 1024, 1), resourceKiB: round(r.resourceSize / 1024, 1) })),
      report: path.relative(ROOT, reportFile),
      ...(s.unitName ? { unitName: s.unitName } : {}), ...(s.keyResultTitle ? { keyResultTitle: s.keyResultTitle } : {}),
    };
  });
  for (const v of results.visits) if (v.warm.hashedAssetsOnWire.length) results.failures.push(`${v.label}: the second visit asked for ${v.warm.hashedAssetsOnWire.length} hashed assets`);
  for (const [kind, k] of Object.entries(results.cacheControl)) if (!k.ok) results.failures.push(`Cache-Control of ${kind}: ${Object.keys(k.values).join(' | ')} (want ${k.expected})`);
  results.loadAverage.atEnd = os.loadavg()[0];
  results.totalSeconds = (performance.now() - started) / 1000;

  report(results);
  fs.writeFileSync(path.join(RESULTS, 'web-latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote ${path.relative(process.cwd(), path.join(RESULTS, 'web-latest.json'))} and the median runs' reports in ${path.relative(process.cwd(), path.join(RESULTS, 'web'))}/ (${Math.round(results.totalSeconds)} s in all)`);
  return results;
}

async function cleanup() {
  for (const fn of cleanups.reverse()) { try { await fn(); } catch (err) { log(`cleanup: ${err.message}`); } }
  cleanups.length = 0;
}
process.on('SIGINT', () => { void cleanup().finally(() => process.exit(130)); });
process.on('SIGTERM', () => { void cleanup().finally(() => process.exit(143)); });

main().then(async (results) => {
  await cleanup();
  if (CONFIG.strict && results.failures.length) process.exit(1);
}, async (err) => { log(err.stack ?? String(err)); await cleanup(); process.exit(1); });
