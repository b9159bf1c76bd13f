// Starts the built Varde server as a child process on a fresh data directory (or a fresh
// PostgreSQL database) and a free port, and launches Debian's Chromium through playwright-core
// with the flags this sandbox needs.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { freePort } from '../packages/server/src/testing/freePort.js';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';

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
  for (let i = 0; i < 200; i++) {
    try { if ((await fetch(`${base}/api/v1/health`)).ok) break; } catch { /* starting */ }
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
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
