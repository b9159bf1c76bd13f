// What a browser is told about each kind of answer: the web app, an API answer, the docs page and
// a hashed asset, read from the built web app as production serves it. The policy must forbid
// inline script and style, so the built app must not need any.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { seedDemoIfEmpty } from '../demo/seedDemo.js';
import { defaultWebRoot } from './webApp.js';
import { BOOT_SCRIPT_HASH } from './firstView.js';

const webRoot = defaultWebRoot();

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: unknown): Record<string, string[]> {
  expect(typeof header, 'a Content-Security-Policy header').toBe('string');
  return Object.fromEntries(String(header).split(';').map((d) => d.trim()).filter(Boolean)
    .map((d) => { const [name, ...values] = d.split(/\s+/); return [name!, values]; }));
}

function expectStrictPolicy(headers: Record<string, unknown>, label: string): void {
  const csp = directives(headers['content-security-policy']);
  // Our files, and the one inline script a first view starts the app with, by its hash (firstView.ts).
  expect(csp['script-src'], label).toEqual(["'self'", BOOT_SCRIPT_HASH]);
  // Our own stylesheets, and the two fixed <style> texts React Aria adds, by hash.
  expect(csp['style-src']?.[0], label).toBe("'self'");
  expect(csp['style-src']?.slice(1), label).toEqual([expect.stringMatching(/^'sha256-[\w+/]+=*'$/), expect.stringMatching(/^'sha256-[\w+/]+=*'$/)]);
  expect(csp['frame-ancestors'], label).toEqual(["'none'"]);
  expect(csp['object-src'], label).toEqual(["'none'"]);
  expect(csp['base-uri'], label).toEqual(["'none'"]);
  expect(csp['default-src'], label).toEqual(["'self'"]);
  for (const values of Object.values(csp)) {
    expect(values, label).not.toContain("'unsafe-inline'");
    expect(values, label).not.toContain("'unsafe-eval'");
  }
  expect(headers['x-content-type-options'], label).toBe('nosniff');
  expect(headers['referrer-policy'], label).toBe('same-origin');
  expect(headers['x-frame-options'], label).toBe('DENY');
  expect(headers['strict-transport-security'], `${label}: no HSTS over plain HTTP`).toBeUndefined();
}

describe('the built web app', () => {
  it('has been built (npm run build), so these tests read what production serves', () => {
    expect(fs.existsSync(path.join(webRoot, 'index.html')), `${webRoot}/index.html`).toBe(true);
  });

  it('needs no inline script, style or event handler, in the source page or the built one', () => {
    for (const file of [path.join(webRoot, '..', 'index.html'), path.join(webRoot, 'index.html')]) {
      const html = fs.readFileSync(file, 'utf8');
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length, file).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(attributes, `${file}: every script is a file`).toMatch(/\bsrc=/);
        expect(body!.trim(), file).toBe('');
      }
      expect(html, file).not.toMatch(/<style\b/i);
      expect(html, file).not.toMatch(/\sstyle=/i);
      expect(html, file).not.toMatch(/\son[a-z]+=/i);
      expect(html, file).not.toMatch(/javascript:/i);
    }
  });
});

describe.each(storeKinds())('security headers on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let asset: string;

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z', { trustProxy: ['127.0.0.1'] });
    await seedDemoIfEmpty(t.deps);
    admin = await t.signIn('admin@demo.varde.no', 'varde-demo');
    asset = fs.readdirSync(path.join(webRoot, 'assets')).find((f) => /^index-[\w-]+\.js$/.test(f))!;
    expect(asset).toBeDefined();
  });
  afterAll(async () => { await t?.close(); });

  it('serves the web app with the strict policy, and index.html is revalidated every time', async () => {
    for (const url of ['/', '/units/some-unit', '/index.html']) {
      const res = await t.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expectStrictPolicy(res.headers, url);
      expect(res.headers['cache-control'], url).toBe('no-cache');
    }
  });

  it('serves hashed assets for a year, unhashed files revalidated', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/assets/${asset}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const favicon = await t.app.inject({ method: 'GET', url: '/favicon.svg' });
    expect(favicon.statusCode).toBe(200);
    expect(favicon.headers['cache-control']).toBe('no-cache');
  });

  it('lets no cache keep an API answer, successful or not, signed in or not', async () => {
    const answers = [
      await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: admin.cookie } }),
      await t.app.inject({ method: 'GET', url: '/api/v1/me' }),
      await t.app.inject({ method: 'GET', url: '/api/v1/units/not-an-id', headers: { cookie: admin.cookie } }),
      await t.app.inject({ method: 'GET', url: '/api/v1/no-such-thing', headers: { cookie: admin.cookie } }),
      await t.app.inject({ method: 'GET', url: '/api/v1/objectives/%zz' }),
      await t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email: 'admin@demo.varde.no', password: 'wrong password' } }),
      await t.app.inject({ method: 'GET', url: '/api/v1/openapi.json' }),
      await t.app.inject({ method: 'GET', url: '/api/v1/health' }),
    ];
    expect(answers.map((a) => a.statusCode)).toEqual([200, 401, 404, 404, 400, 401, 200, 200]);
    for (const res of answers) {
      expect(res.headers['cache-control'], `${res.statusCode} ${res.body.slice(0, 80)}`).toBe('no-store');
      expectStrictPolicy(res.headers, `${res.statusCode} ${res.body.slice(0, 80)}`);
    }
  });

  it('serves the docs page under the same policy', async () => {
    for (const url of ['/api/v1/docs', '/api/v1/docs/']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type'], url).toMatch(/^text\/html/);
      expectStrictPolicy(res.headers, url);
      expect(res.headers['cache-control'], url).toBe('no-store');
      // The page itself carries no inline script or style either.
      expect(res.body, url).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
      expect(res.body, url).not.toMatch(/<style\b|\sstyle=/i);
    }
    const bundle = await t.app.inject({ method: 'GET', url: '/api/v1/docs/static/swagger-ui-bundle.js' });
    expect(bundle.statusCode).toBe(200);
    expect(bundle.headers['cache-control'], 'library code may be kept and revalidated').toBe('no-cache');
  });

  it('sends HSTS once the request came over HTTPS (told by a trusted proxy), and only then', async () => {
    // Over HTTPS the session cookie goes by its __Host- name (http/sessionCookie.ts).
    const secureCookie = admin.cookie.replace(/^varde_session=/, '__Host-varde_session=');
    const https = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: secureCookie, 'x-forwarded-proto': 'https' } });
    expect(https.statusCode).toBe(200);
    expect(https.headers['strict-transport-security']).toBe('max-age=31536000');
    const page = await t.app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html', 'x-forwarded-proto': 'https' } });
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000');
    const http = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { cookie: admin.cookie } });
    expect(http.headers['strict-transport-security']).toBeUndefined();
  });
});
