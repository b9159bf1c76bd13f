// Starts the built Varde server as a child process on a fresh data directory (or a fresh
// PostgreSQL database) and a free port, and launches Debian's Chromium through playwright-core
// with the flags this sandbox needs.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { freePort } from '../packages/server/src/testing/freePort.js';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { chromium, type APIRequestContext, type Browser, type BrowserContext, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { expect } from 'vitest';

const MAIN = fileURLToPath(new URL('../packages/server/dist/main.js', import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface Server { base: string; stop(): Promise<void> }

export async function startServer(env: Record<string, string> = {}): Promise<Server> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-e2e-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [MAIN], {
    env: { ...process.env, DATABASE_URL: '', VARDE_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (d) => { stderr += String(d); });
  const base = `http://127.0.0.1:${port}`;
  // A server seeding the demo on PostgreSQL on a busy machine can take well over ten seconds; a
  // test must not start before it answers, nor wait for ever on one that never will.
  const deadline = Date.now() + 60_000;
  for (;;) {
    try { if ((await fetch(`${base}/api/v1/health`)).ok) break; } catch { /* starting */ }
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    if (Date.now() > deadline) { child.kill('SIGKILL'); throw new Error(`server did not answer within 60 s: ${stderr}`); }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    base,
    stop: async () => {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The server on a fresh PostgreSQL database made on `serverUrl`'s server, dropped again at stop. */
export async function startServerOnPostgres(serverUrl: string, env: Record<string, string> = {}): Promise<Server> {
  const name = `varde_e2e_${randomBytes(5).toString('hex')}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: serverUrl });
    await client.connect();
    try { await client.query(statement); } finally { await client.end(); }
  };
  await admin(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    const server = await startServer({ DATABASE_URL: url.toString(), ...env });
    return { base: server.base, stop: async () => { await server.stop(); await admin(`drop database if exists ${name} with (force)`); } };
  } catch (error) {
    await admin(`drop database if exists ${name} with (force)`);
    throw error;
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh context on the server with an English browser and its page, in `language` (English
 *  unless said) at a desktop width unless said, with its page errors collected. */
export async function openPage(browser: Browser, server: Server, { width = 1280, height = 900, language = 'en' } = {}):
  Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ baseURL: server.base, viewport: { width, height }, locale: 'en-GB' });
  await context.addInitScript((lang) => { if (!localStorage.getItem('varde.language')) localStorage.setItem('varde.language', lang); }, language);
  const page = await context.newPage();
  return { context, page, errors: watchErrors(page) };
}

/** Signs in on the sign-in page (the demo's password unless said) and waits for the home page. */
export async function signIn(page: Page, email: string, password = 'varde-demo'): Promise<void> {
  await page.goto('/sign-in');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /Hello/ }).waitFor();
}

/** Signs in through the API, so the context holds the session cookie and its cache nothing yet. */
export async function signInByApi(context: BrowserContext, email: string, password = 'varde-demo'): Promise<void> {
  const res = await context.request.post('/api/v1/auth/login', { data: { email, password } });
  if (res.status() !== 200) throw new Error(`sign-in as ${email}: ${res.status()} ${await res.text()}`);
}

export interface DemoIds { teamId: string; cycleId: string; objectiveId: string; keyResultId: string }
/** A demo team that is not archived and has objectives in the active cycle, and its first objective
 *  and key result, read through the API as the signed-in person of `request`. */
export async function demoIds(request: APIRequestContext): Promise<DemoIds> {
  const get = async (url: string) => {
    const res = await request.get(url);
    if (!res.ok()) throw new Error(`GET ${url}: ${res.status()}`);
    return res.json();
  };
  const cycleId = (await get('/api/v1/periods?kind=cycle&state=active')).items[0].id as string;
  const units = (await get('/api/v1/units?limit=500')).items as Array<{ id: string; kind: string; archivedAt: string | null }>;
  for (const team of units.filter((u) => u.kind === 'team' && !u.archivedAt)) {
    const objectives = (await get(`/api/v1/objectives?unit=${team.id}&period=${cycleId}&limit=500`)).items as Array<{ id: string }>;
    for (const objective of objectives) {
      const keyResults = (await get(`/api/v1/objectives/${objective.id}`)).keyResults as Array<{ id: string }>;
      if (keyResults.length > 0) return { teamId: team.id, cycleId, objectiveId: objective.id, keyResultId: keyResults[0]!.id };
    }
  }
  throw new Error('no demo team with a key result in the active cycle');
}

export interface SeenRequest { method: string; url: string; status: number; cacheControl: string | undefined }
export interface CountingProxy extends Server { seen: SeenRequest[] }

/** A proxy on its own port in front of `server` that writes down every request it passes on and
 *  the answer's status and Cache-Control: what a browser took from its own cache never reaches it,
 *  so this is exactly what the server was asked. Host and Origin pass unchanged, so to the server
 *  the proxy's address is its own. */
export async function startCountingProxy(server: Server): Promise<CountingProxy> {
  const target = new URL(server.base);
  const seen: SeenRequest[] = [];
  const proxy = http.createServer((req, res) => {
    const upstream = http.request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers }, (answer) => {
      const cacheControl = answer.headers['cache-control'];
      seen.push({ method: req.method ?? '', url: req.url ?? '', status: answer.statusCode ?? 0, cacheControl: Array.isArray(cacheControl) ? cacheControl.join(', ') : cacheControl });
      res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
      answer.pipe(res);
    });
    upstream.on('error', () => { res.destroy(); });
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as { port: number };
  return {
    base: `http://127.0.0.1:${port}`,
    seen,
    stop: async () => {
      proxy.closeAllConnections();
      await new Promise((resolve) => proxy.close(resolve));
    },
  };
}

/** Fails on page errors: a screen that throws is not a screen that works. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' && !/status of 4\d\d/.test(m.text())) errors.push(m.text()); });
  return errors;
}

export interface AxeFinding { id: string; impact: string; help: string; nodes: string[] }
/** WCAG 2.1 A and AA rules; answers the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeFinding[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact ?? '', help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Waits for the page to settle, keeps a screenshot of it, and finds no serious axe violation. */
export async function expectAccessible(page: Page, name: string): Promise<void> {
  await page.waitForLoadState('networkidle');
  await screenshot(page, name);
  expect(await seriousViolations(page), `axe on ${name}`).toEqual([]);
}

/** One API call as the signed-in browser context makes it; a failure names the call and the answer. */
export async function apiCall<T = any>(request: APIRequestContext, method: 'get' | 'post' | 'patch' | 'delete', url: string, data?: unknown): Promise<T> {
  const res = await request[method](url, data === undefined ? undefined : { data });
  expect(res.ok(), `${method.toUpperCase()} ${url}: ${res.status()} ${await res.text()}`).toBe(true);
  return (res.status() === 204 ? undefined : await res.json()) as T;
}
