// What the built server does at start about where it listens: on loopback by default; demo data
// beyond loopback only with VARDE_DEMO=1 (and a warning), otherwise a refusal that says how to
// fix it; and an exposed installation that still needs set-up prints a one-time set-up token
// that set-up then asks for. Real processes (dist/main.js) on a fresh SQLite data directory each.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const LISTENING = /Server listening at (http:\/\/\S+?)"/;

interface Started { child: ChildProcess; output(): string; exited: Promise<number | null> }
const children: ChildProcess[] = [];
const dirs: string[] = [];

function dataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-start-'));
  dirs.push(dir);
  return dir;
}

/** Starts the server with `env` (HOST unset unless given) and PORT=0, printing at info level. */
function start(env: Record<string, string>): Started {
  const { HOST: _host, VARDE_DEMO: _demo, ...inherited } = process.env;
  const child = spawn(process.execPath, [MAIN], {
    env: { ...inherited, DATABASE_URL: '', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (d) => { output += String(d); });
  child.stderr!.on('data', (d) => { output += String(d); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Waits until the output matches, or the process exits, or 20 s pass. */
async function until(s: Started, pattern: RegExp): Promise<string> {
  for (let waited = 0; waited < 20_000; waited += 25) {
    if (pattern.test(s.output())) return s.output();
    if (s.child.exitCode !== null) throw new Error(`exited with ${s.child.exitCode} before printing ${pattern}:\n${s.output()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`did not print ${pattern} within 20 s:\n${s.output()}`);
}

async function stop(s: Started): Promise<void> {
  if (s.child.exitCode === null) s.child.kill('SIGTERM');
  await s.exited;
}

/** Where the server says it listens, and one base URL to reach it on this machine. */
function listening(output: string): { addresses: string[]; base: string } {
  const addresses = [...output.matchAll(new RegExp(LISTENING.source, 'g'))].map((m) => m[1]!);
  const port = new URL(addresses[0]!).port;
  return { addresses, base: `http://127.0.0.1:${port}` };
}

function organisationsIn(dir: string): number {
  const db = new Database(path.join(dir, 'varde.db'), { readonly: true });
  try { return (db.prepare('select count(*) as n from organisations').get() as { n: number }).n; } finally { db.close(); }
}

afterAll(async () => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe('starting Varde', () => {
  it('listens on 127.0.0.1 only by default', async () => {
    const s = start({ VARDE_DATA_DIR: dataDir() });
    const output = await until(s, LISTENING);
    const { addresses, base } = listening(output);
    expect(addresses).toEqual([`http://127.0.0.1:${new URL(base).port}`]);
    expect((await fetch(`${base}/api/v1/health`)).status).toBe(200);
    expect(output).not.toMatch(/"level":40,[^\n]*password is public/);
    await stop(s);
  });

  it('refuses to seed and serve the demo beyond loopback without VARDE_DEMO=1, and says how to fix it', async () => {
    const dir = dataDir();
    const s = start({ VARDE_DATA_DIR: dir, HOST: '0.0.0.0' });
    expect(await s.exited).toBe(1);
    const output = s.output();
    expect(output).toContain('HOST=0.0.0.0');
    expect(output).toContain('set HOST=127.0.0.1');
    expect(output).toContain('set VARDE_DEMO=1');
    expect(output).toContain('set VARDE_DEMO=0');
    expect(output).not.toMatch(LISTENING);
    // Refused before seeding: nothing of the demo is left behind.
    expect(organisationsIn(dir)).toBe(0);
  });

  it('serves the demo beyond loopback with VARDE_DEMO=1, warning that its password is public', async () => {
    const s = start({ VARDE_DATA_DIR: dataDir(), HOST: '0.0.0.0', VARDE_DEMO: '1' });
    const output = await until(s, /password is public[\s\S]*Server listening|Server listening[\s\S]*password is public/);
    expect(output).toMatch(/"level":40,[^\n]*VARDE_DEMO=1[^\n]*password is public/);
    const { base } = listening(output);
    expect((await (await fetch(`${base}/api/v1/setup`)).json())).toMatchObject({ needsSetup: false, demo: true, setupTokenRequired: false });
    expect(output).not.toMatch(/set-up token/);
    await stop(s);
  });

  it('refuses a demo already in the database beyond loopback, even with VARDE_DEMO=0', async () => {
    const dir = dataDir();
    const first = start({ VARDE_DATA_DIR: dir });
    await until(first, LISTENING);
    await stop(first);
    expect(organisationsIn(dir)).toBe(1);
    const again = start({ VARDE_DATA_DIR: dir, HOST: '0.0.0.0', VARDE_DEMO: '0' });
    expect(await again.exited).toBe(1);
    expect(again.output()).toContain('HOST=0.0.0.0');
    expect(again.output()).toContain('end the demo');
    expect(again.output()).toContain('set VARDE_DEMO=1');
  });

  it('prints a set-up token beyond loopback that set-up then needs, and only once', async () => {
    const s = start({ VARDE_DATA_DIR: dataDir(), HOST: '0.0.0.0', VARDE_DEMO: '0' });
    const output = await until(s, /set-up token on the set-up page:\s+(\S+)/);
    const token = /set-up token on the set-up page:\s+(\S+)/.exec(output)![1]!;
    // The log line and the printed block are two writes to stdout; wait for the log line too.
    expect(await until(s, new RegExp(`asks for the set-up token ${token}"`))).toContain(`asks for the set-up token ${token}"`);
    const { base } = listening(await until(s, LISTENING));
    expect(await (await fetch(`${base}/api/v1/setup`)).json()).toMatchObject({ needsSetup: true, setupTokenRequired: true });
    const body = (setupToken?: string) => JSON.stringify({ organisationName: 'Nett', admin: { name: 'Ada', email: 'ada@example.no', password: 'a long enough password' }, ...(setupToken ? { setupToken } : {}) });
    const post = (b: string) => fetch(`${base}/api/v1/setup`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: b });
    expect((await post(body())).status).toBe(403);
    expect((await post(body(`${token}x`))).status).toBe(403);
    expect((await post(body(token))).status).toBe(201);
    expect((await post(body(token))).status).toBe(409);
    await stop(s);
  });
});
