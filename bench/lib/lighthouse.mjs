// One Lighthouse run in Debian's Chromium, and the figures bench/web.mjs reports from it. Each run
// gets a Chromium of its own (a fresh profile, as the Lighthouse CLI does), and Lighthouse's own
// storage reset empties the HTTP cache before it loads the page, so every run is a cold visit. The
// session cookie travels as an extra header on every request the page makes (Lighthouse's
// extraHeaders), so the reset cannot sign the page out and no sign-in page is loaded first.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices'];

const KIB = 1024;
const scoreOf = (lhr, id) => (lhr.categories[id]?.score == null ? NaN : Math.round(lhr.categories[id].score * 100));
const numericOf = (lhr, id) => lhr.audits[id]?.numericValue ?? NaN;

/** The figures of one run: scores 0–100, times in ms, sizes in KiB as transferred (compressed). */
export function figuresOf(lhr) {
  const summary = new Map((lhr.audits['resource-summary']?.details?.items ?? []).map((i) => [i.resourceType, i]));
  return {
    performance: scoreOf(lhr, 'performance'),
    accessibility: scoreOf(lhr, 'accessibility'),
    bestPractices: scoreOf(lhr, 'best-practices'),
    fcpMs: numericOf(lhr, 'first-contentful-paint'),
    lcpMs: numericOf(lhr, 'largest-contentful-paint'),
    tbtMs: numericOf(lhr, 'total-blocking-time'),
    jsKiB: (summary.get('script')?.transferSize ?? 0) / KIB,
    jsFiles: summary.get('script')?.requestCount ?? 0,
    cssKiB: (summary.get('stylesheet')?.transferSize ?? 0) / KIB,
    requests: summary.get('total')?.requestCount ?? 0,
    totalKiB: (summary.get('total')?.transferSize ?? 0) / KIB,
  };
}

/** What fell short in a run's accessibility and best-practices categories, to say why a score is below 100. */
export function shortfallsOf(lhr) {
  const out = {};
  for (const id of ['accessibility', 'best-practices']) {
    const refs = lhr.categories[id]?.auditRefs ?? [];
    out[id] = refs.filter((r) => r.weight > 0 && lhr.audits[r.id]?.score !== null && lhr.audits[r.id]?.score < 1).map((r) => r.id);
  }
  return out;
}

/**
 * Runs Lighthouse (mobile preset, simulated throttling: its defaults) once on url with the given
 * Cookie header. Answers { lhr, figures, ms, retried }; a run Lighthouse itself reports as failed
 * (now and then NO_NAVSTART, a trace it could not record, which it says to run again) is run again
 * in a new Chromium, up to `attempts` times in all.
 */
export async function runLighthouse(url, { cookie, attempts = 3 } = {}) {
  const started = Date.now();
  const retried = [];
  for (;;) {
    const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: CHROMIUM_FLAGS, logLevel: 'silent' });
    let lhr;
    try {
      const result = await lighthouse(url, {
        port: chrome.port, logLevel: 'error', output: 'json', onlyCategories: CATEGORIES,
        ...(cookie ? { extraHeaders: { Cookie: cookie } } : {}),
      });
      lhr = result?.lhr;
    } finally {
      await chrome.kill();
    }
    if (!lhr) throw new Error(`Lighthouse gave no result for ${url}`);
    if (!lhr.runtimeError) return { lhr, figures: figuresOf(lhr), ms: Date.now() - started, retried };
    retried.push(lhr.runtimeError.code);
    if (retried.length >= attempts) throw new Error(`Lighthouse on ${url}: ${retried.join(', ')}; last: ${lhr.runtimeError.message}`);
  }
}
