// `npm start` on a tree built already starts the server without building again: the second of
// the README's two commands answers at once on a restart (issue 11), and builds only when the
// sources changed (scripts/build-if-changed.mjs). The e2e run has just built the tree.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { freePort } from '../packages/server/src/testing/freePort.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUTPUTS = ['packages/server/dist/main.js', 'packages/web/dist/index.html'].map((f) => path.join(ROOT, f));
const mtimes = () => OUTPUTS.map((f) => fs.statSync(f).mtimeMs);

describe('npm start on a built tree', () => {
  it('finds nothing to build when the sources are as built', () => {
    const before = mtimes();
    const run = spawnSync(process.execPath, ['scripts/build-if-changed.mjs'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout + run.stderr).toBe('');
    expect(mtimes()).toEqual(before);
  });

  it('starts the built server without building, and answers', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-start-'));
    const port = await freePort();
    const before = mtimes();
    // Its own process group, so npm and the server it starts stop together.
    const child = spawn('npm', ['start'], {
      cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, DATABASE_URL: '', VARDE_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    });
    let output = '';
    child.stdout!.on('data', (d) => { output += String(d); });
    child.stderr!.on('data', (d) => { output += String(d); });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      let status = 0;
      for (let i = 0; i < 300 && status !== 200 && child.exitCode === null; i++) {
        try { status = (await fetch(`http://127.0.0.1:${port}/api/v1/health`)).status; } catch { await new Promise((r) => setTimeout(r, 50)); }
      }
      expect(status, output).toBe(200);
      expect(output).not.toMatch(/vite|precompressed|built in/);
      expect(mtimes()).toEqual(before);
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
