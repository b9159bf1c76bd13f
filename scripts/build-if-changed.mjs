// `npm start` builds only when the sources changed since the last build, so a restart answers in
// well under a second instead of rebuilding the server and the web app each time; a fresh clone
// (or a deleted dist) still builds first. "Changed" is by content, not by file times, which a
// checkout or a copy rewrites: the hash of every input file's path and bytes, kept beside
// node_modules after a build that succeeded.
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const INPUTS = [
  'package.json', 'package-lock.json', 'tsconfig.base.json',
  'packages/core/package.json', 'packages/core/tsconfig.json', 'packages/core/src',
  'packages/server/package.json', 'packages/server/tsconfig.json', 'packages/server/build.mjs', 'packages/server/src',
  'packages/web/package.json', 'packages/web/tsconfig.json', 'packages/web/vite.config.ts', 'packages/web/index.html',
  'packages/web/public', 'packages/web/scripts', 'packages/web/src',
];
const OUTPUTS = ['packages/core/dist/index.js', 'packages/server/dist/main.js', 'packages/web/dist/index.html'];
const STAMP = path.join(ROOT, 'node_modules', '.cache', 'varde', 'build-hash');

function filesOf(relative) {
  const full = path.join(ROOT, relative);
  if (!fs.existsSync(full)) return [];
  if (!fs.statSync(full).isDirectory()) return [relative];
  return fs.readdirSync(full, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => filesOf(path.join(relative, entry.name)));
}

const hash = createHash('sha256');
// The Node version too: a new major may need the native modules and the output built again.
hash.update(process.version);
for (const file of INPUTS.flatMap(filesOf)) hash.update(`\0${file}\0`).update(fs.readFileSync(path.join(ROOT, file)));
const current = hash.digest('hex');

const record = () => { fs.mkdirSync(path.dirname(STAMP), { recursive: true }); fs.writeFileSync(STAMP, `${current}\n`); };
// `npm run build` ends with --record: what it built is what these sources make.
if (process.argv.includes('--record')) { record(); process.exit(0); }

const built = OUTPUTS.every((o) => fs.existsSync(path.join(ROOT, o)));
const previous = fs.existsSync(STAMP) ? fs.readFileSync(STAMP, 'utf8').trim() : '';
if (built && previous === current) process.exit(0);

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'inherit' });
if (result.status !== 0) process.exit(result.status ?? 1);
