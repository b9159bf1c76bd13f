// CPU profile of Varde's server under one of the bench's loads, summed by where the code lives
// (the app, the core rules, Kysely, the SQLite/PostgreSQL driver, Fastify, zod, Node's HTTP, GC),
// so "where does the time go" has an answer in milliseconds of CPU per request.
//   npm run build && node bench/profile-http.mjs [team|root|check-in|healthz] [seconds]
// Uses the organisation of bench/profile.mjs ($BENCH_PROFILE_DIR, default /tmp/varde-bench-profile;
// run that first) or BENCH_PROFILE_URL for PostgreSQL.
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openStore } from '../packages/server/dist/store/database.js';
import { ADMIN } from './lib/generate.mjs';
import { Client, concurrent, sequential } from './lib/http.mjs';
import { round } from './lib/util.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const scenario = process.argv[2] ?? 'team';
const seconds = Number(process.argv[3] ?? 5);
const url = process.env.BENCH_PROFILE_URL;
const dataDir = process.env.BENCH_PROFILE_DIR ?? '/tmp/varde-bench-profile';

const store = await openStore(url ? { databaseUrl: url } : { dataDir });
const { db } = store;
const rootId = (await db.selectFrom('units').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()).id;
const cycleId = (await db.selectFrom('periods').select('id').where('kind', '=', 'cycle').executeTakeFirstOrThrow()).id;
const teams = (await db.selectFrom('units').select('id').where('kind', '=', 'team').limit(20).execute()).map((t) => t.id);
const krs = await db.selectFrom('key_results').select(['id', 'type', 'start_value', 'target_value']).limit(5000).execute();
await store.close();

const child = fork(path.join(HERE, 'lib/server.mjs'), ['varde'], {
  env: { ...process.env, ...(url ? { BENCH_DATABASE_URL: url } : { BENCH_DATA_DIR: dataDir }) },
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const port = await new Promise((resolve) => child.once('message', (m) => resolve(m.port)));
const stats = () => new Promise((resolve) => { child.once('message', (m) => resolve(m.stats)); child.send('stats'); });
const client = new Client(`http://127.0.0.1:${port}`, { connections: 16 });
const login = await client.json('POST', '/api/v1/auth/login', { email: ADMIN.email, password: ADMIN.password });
client.cookie = String(login.headers['set-cookie']).split(';')[0];

let i = 0;
const next = {
  team: () => ['GET', `/api/v1/units/${teams[i++ % teams.length]}/progress?period=${cycleId}`],
  root: () => ['GET', `/api/v1/units/${rootId}/progress?period=${cycleId}`],
  healthz: () => ['GET', '/healthz'],
  'check-in': () => {
    const kr = krs[i++ % krs.length];
    return ['POST', `/api/v1/key-results/${kr.id}/check-ins`, { value: kr.type === 'milestone' ? 1 : kr.target_value, confidence: 7, comment: null }];
  },
}[scenario];
const ask = (message, key) => new Promise((resolve) => {
  const on = (m) => { if (m && key in m) { child.off('message', on); resolve(m[key]); } };
  child.on('message', on);
  child.send(message);
});
// Warm up (JIT, caches) before the profiled window.
if (scenario === 'check-in') await concurrent(client, next, { concurrency: 16, warmupMs: 200, durationMs: 1000, expect: 201 });
else await sequential(client, next, { warmup: 5, samples: 100_000, maxMs: 1500 });
await ask('stats', 'stats');
await ask('profile-start', 'profiling');
const result = scenario === 'check-in'
  ? await concurrent(client, next, { concurrency: 16, warmupMs: 0, durationMs: seconds * 1000, expect: 201 })
  : await sequential(client, next, { warmup: 0, samples: 100_000, maxMs: seconds * 1000 });
const profile = await ask('profile-stop', 'profile');
const s = await ask('stats', 'stats');
client.close();
await new Promise((resolve) => { child.once('exit', resolve); child.send('close'); });

// Sum self time by package / area.
const selfUs = new Map();
profile.samples.forEach((id, k) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[k] ?? 0)));
const areaOf = (frame) => {
  const u = frame.url;
  if (frame.functionName === '(garbage collector)') return 'GC';
  if (frame.functionName === '(idle)') return 'idle';
  if (frame.functionName === '(program)') return 'V8/native (program)';
  if (u.includes('dialect/sqlite/sqlite-driver.js') && frame.functionName === 'executeQuery') return 'kysely';
  if (u.includes('better-sqlite3/lib/methods/wrappers.js') && frame.functionName === 'prepare') return 'SQLite preparing statements (better-sqlite3)';
  if (u.includes('/packages/server/dist/store/')) return 'app: store (Kysely query building, row mapping)';
  if (u.includes('/packages/server/dist/')) return `app: ${u.split('/packages/server/dist/')[1].split('/')[0]}`;
  if (u.includes('/packages/core/dist/')) return '@varde/core rules';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(u);
  if (m) return m[1];
  if (!u && ['all', 'run', 'get', 'iterate', 'exec'].includes(frame.functionName)) return 'SQLite executing (better-sqlite3 native, incl. fsync)';
  if (!u && frame.functionName === 'Statement') return 'SQLite preparing statements (better-sqlite3)';
  if (!u && /^(writev|writeBuffer|writeUtf8String|writeLatin1String)$/.test(frame.functionName)) return 'socket writes (syscalls)';
  if (u.startsWith('node:') || !u) return 'node internals (HTTP parser, streams, timers, microtasks)';
  return 'other';
};
const byArea = new Map();
const byFunction = new Map();
for (const node of profile.nodes) {
  const us = selfUs.get(node.id) ?? 0;
  if (!us) continue;
  const area = areaOf(node.callFrame);
  byArea.set(area, (byArea.get(area) ?? 0) + us);
  const fn = `${node.callFrame.functionName || '(anonymous)'} ${node.callFrame.url.replace(/^.*\/(node_modules|packages)\//, '')}:${node.callFrame.lineNumber + 1}`;
  byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
}
const requests = s.requests;
const busy = [...byArea].filter(([a]) => a !== 'idle').reduce((x, [, v]) => x + v, 0);
process.stdout.write(`\n${scenario}: ${requests} requests in ${seconds} s; ${scenario === 'check-in' ? `${round(result.perSecond, 0)}/s` : `p50 ${round(result.p50, 2)} ms`}; server CPU ${round(s.cpuMs / requests, 3)} ms/request (process.cpuUsage), profiled ${round(busy / 1000 / requests, 3)} ms/request on the main thread\n`);
process.stdout.write('self time by area, ms per request:\n');
for (const [area, us] of [...byArea].filter(([a]) => a !== 'idle').sort((a, b) => b[1] - a[1]).slice(0, 16)) {
  process.stdout.write(`  ${area.padEnd(52)} ${String(round(us / 1000 / requests, 3)).padStart(8)}  (${round((100 * us) / busy, 1)}%)\n`);
}
process.stdout.write('top functions by self time, ms per request:\n');
for (const [fn, us] of [...byFunction].filter(([f]) => !f.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, 15)) {
  process.stdout.write(`  ${fn.slice(0, 90).padEnd(90)} ${String(round(us / 1000 / requests, 3)).padStart(8)}\n`);
}
