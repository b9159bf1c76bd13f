// Where the time of the benchmarked endpoints goes, without HTTP: each phase of the progress use
// case (the store's queries, the per-key-result tracking, the roll-up, the zod response
// encoding), the session lookup, the check-in transaction and its queries, and the phases of a
// cold start, each timed in-process in wall-clock and CPU time (CPU time is what to read on a
// busy machine). Not part of `npm run bench`; run it when a target is missed:
//   npm run build && node bench/profile.mjs
//     SQLite in $BENCH_PROFILE_DIR (default /tmp/varde-bench-profile), generated once and kept
//   BENCH_PROFILE_URL=postgres://…/some_db node bench/profile.mjs
//     an existing PostgreSQL database, generated when empty
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { safeEncode } from 'zod/v4/core';
import { rollUp, UnitProgress } from '@varde/core';
import { openStore } from '../packages/server/dist/store/database.js';
import { ownKeyResults, ownObjectivesWithOwners, rolledObjectiveRows } from '../packages/server/dist/store/progress.js';
import { subtreeNodes } from '../packages/server/dist/store/units.js';
import { getPeriodInTimeZone } from '../packages/server/dist/store/periods.js';
import { findSession } from '../packages/server/dist/store/people.js';
import { keyResultContext } from '../packages/server/dist/store/keyResults.js';
import { insertCheckIn } from '../packages/server/dist/store/checkIns.js';
import { newId } from '../packages/server/dist/store/ids.js';
import { readUnitProgress } from '../packages/server/dist/app/unitProgress.js';
import { checkIn } from '../packages/server/dist/app/checkIn.js';
import { defaultSecurity, systemClock } from '../packages/server/dist/app/context.js';
import { composeDeps, startComponents } from '../packages/server/dist/composition.js';
import { SetupToken } from '../packages/server/dist/auth/setupToken.js';
import { keyResultTrack, timingOf } from '../packages/server/dist/presenters/okr.js';
import { generate } from './lib/generate.mjs';
import { round } from './lib/util.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const url = process.env.BENCH_PROFILE_URL;
const dataDir = process.env.BENCH_PROFILE_DIR ?? '/tmp/varde-bench-profile';
const store = await openStore(url ? { databaseUrl: url } : { dataDir });
const { db } = store;
if (!(await db.selectFrom('organisations').select('id').executeTakeFirst())) {
  const g = await generate(store);
  process.stderr.write(`generated in ${round(g.ms / 1000, 1)} s\n`);
}
const orgId = (await db.selectFrom('organisations').select('id').executeTakeFirstOrThrow()).id;
const rootId = (await db.selectFrom('units').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()).id;
const cycleId = (await db.selectFrom('periods').select('id').where('kind', '=', 'cycle').executeTakeFirstOrThrow()).id;
const admin = await db.selectFrom('people').select(['id', 'name']).where('is_admin', '=', 1).executeTakeFirstOrThrow();
const teamId = (await db.selectFrom('units').select('id').where('kind', '=', 'team').limit(1).executeTakeFirstOrThrow()).id;
const actor = { personId: admin.id, orgId, isAdmin: true, name: admin.name };
const deps = composeDeps(store, systemClock, { ...defaultSecurity, setupToken: new SetupToken() });
await startComponents(deps);

const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const median = (a) => [...a].sort((x, y) => x - y)[Math.floor(a.length / 2)];
const out = (label, wall, cpu) => process.stdout.write(`  ${label.padEnd(56)} wall ${String(round(wall, 2)).padStart(8)} ms   cpu ${String(round(cpu, 2)).padStart(8)} ms\n`);

/** Runs `iteration(phase)` n times; phase(name, fn) times one step; prints the median of each. */
async function phases(title, n, iteration) {
  const acc = new Map();
  const phase = async (name, fn) => {
    const w = performance.now(); const c = cpuMs();
    const r = await fn();
    const e = acc.get(name) ?? { wall: [], cpu: [] };
    e.wall.push(performance.now() - w); e.cpu.push(cpuMs() - c);
    acc.set(name, e);
    return r;
  };
  await iteration(async (_n, fn) => fn()); // warm-up
  for (let i = 0; i < n; i++) await iteration(phase);
  process.stdout.write(`${title} (median of ${n})\n`);
  for (const [name, e] of acc) out(name, median(e.wall), median(e.cpu));
}

process.stdout.write(`\n${store.dialect}: ${store.location}; load average ${process.platform === 'linux' ? (await import('node:os')).loadavg().map((x) => round(x, 1)).join(' ') : '?'}\n\n`);

/** The steps of readUnitProgress (packages/server/src/app/unitProgress.ts), one by one. */
const progressSteps = (unitId, n) => phases(`GET /units/${unitId === rootId ? ':root' : ':team'}/progress, step by step`, n, async (phase) => {
  const [units, inPeriod, , ownKrs] = await phase('subtreeNodes + getPeriodInTimeZone + ownObjectivesWithOwners + ownKeyResults (parallel)', () => Promise.all([
    subtreeNodes(db, orgId, unitId), getPeriodInTimeZone(db, orgId, cycleId), ownObjectivesWithOwners(db, orgId, cycleId, unitId), ownKeyResults(db, orgId, cycleId, unitId),
  ]));
  const below = units.length === 1 ? [] : await phase('rolledObjectiveRows (units below)', () =>
    rolledObjectiveRows(db, orgId, cycleId, unitId === rootId ? undefined : { unitIds: units.filter((u) => u.id !== unitId).map((u) => u.id) }));
  const timing = timingOf(inPeriod.period, new Date(), inPeriod.timeZone);
  await phase('rollUp over the subtree', () => rollUp(units, below.map((o) => ({ unitId: o.unitId, progress: o.progress, expected: timing.expected }))));
  await phase('track own key results', () => ownKrs.map((k) => keyResultTrack(k, timing)));
  const answer = await phase('= readUnitProgress as a whole', () => readUnitProgress(deps, actor, unitId, cycleId));
  await phase('zod encode of the answer (not done: the route writes plain JSON)', () => safeEncode(UnitProgress, answer));
  await phase('JSON.stringify of the answer', () => JSON.stringify(answer));
});
await phases('session lookup on every request', 200, async (phase) => {
  await phase('findSession (join sessions × people)', () => findSession(db, 'no-such-session-id', new Date().toISOString()));
});
await progressSteps(teamId, 100);
await progressSteps(rootId, 10);
await phases('the root\'s SQL, query by query', 10, async (phase) => {
  await phase('objectives of the period (9,906 rows, 5 columns)', () => db.selectFrom('objectives').select(['id', 'unit_id', 'title', 'kind', 'status'])
    .where('org_id', '=', orgId).where('period_id', '=', cycleId).where('status', '!=', 'cancelled').orderBy('id').execute());
  await phase('key results join (29,718 rows, 12 columns, order by id)', () => db.selectFrom('key_results').innerJoin('objectives', 'objectives.id', 'key_results.objective_id')
    .select(['key_results.id', 'key_results.objective_id', 'key_results.title', 'key_results.type', 'key_results.start_value',
      'key_results.target_value', 'key_results.measure', 'key_results.owner_id', 'key_results.weight',
      'key_results.current_value', 'key_results.current_at', 'key_results.confidence'])
    .where('objectives.org_id', '=', orgId).where('objectives.period_id', '=', cycleId).where('objectives.status', '!=', 'cancelled')
    .orderBy('key_results.id').execute());
  await phase('same join, only the 6 columns progress needs, unordered', () => db.selectFrom('key_results').innerJoin('objectives', 'objectives.id', 'key_results.objective_id')
    .select(['key_results.objective_id', 'key_results.type', 'key_results.start_value', 'key_results.target_value', 'key_results.weight', 'key_results.current_value'])
    .where('objectives.org_id', '=', orgId).where('objectives.period_id', '=', cycleId).where('objectives.status', '!=', 'cancelled').execute());
  await phase('count(*) of the same join (the database alone)', () => db.selectFrom('key_results').innerJoin('objectives', 'objectives.id', 'key_results.objective_id')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('objectives.org_id', '=', orgId).where('objectives.period_id', '=', cycleId).where('objectives.status', '!=', 'cancelled').execute());
});

// The check-in: the use case, then its statements one by one in a transaction of our own.
const krs = await db.selectFrom('key_results').select(['id']).where('org_id', '=', orgId).where('type', '!=', 'milestone').limit(500).execute();
let k = 0;
const nextKr = () => krs[k++ % krs.length].id;
const input = { value: 5, confidence: 7, comment: null, blockers: null };
await phases('POST /key-results/:id/check-ins, the use case', 200, async (phase) => {
  await phase('checkIn (one transaction, commit = fsync)', () => checkIn(deps, actor, nextKr(), input));
  await phase('insertCheckIn alone, autocommit (the bare route\'s work)', () => insertCheckIn(db, { id: newId(), orgId, keyResultId: nextKr(), ...input, authorId: admin.id, createdAt: new Date().toISOString() }));
});
await phases('the check-in transaction, statement by statement', 100, async (phase) => {
  await db.transaction().execute(async (trx) => {
    const id = nextKr();
    await phase('keyResultContext (key result + unit + period + membership; locks the objective on PostgreSQL)', () => keyResultContext(trx, orgId, id, admin.id, { lockObjective: true }));
  });
  await phase('empty transaction (begin + commit)', () => db.transaction().execute(async () => undefined));
});
if (store.dialect === 'sqlite') {
  await sql`pragma synchronous = NORMAL`.execute(db);
  await phases('experiment: the same with synchronous=NORMAL (WAL: durable across a crash, not a power cut)', 200, async (phase) => {
    await phase('checkIn (one transaction)', () => checkIn(deps, actor, nextKr(), input));
    await phase('empty transaction (begin + commit)', () => db.transaction().execute(async () => undefined));
  });
  await sql`pragma synchronous = FULL`.execute(db);
}
await store.close();

// Cold start, phase by phase, each in a fresh process.
const env = url ? { DATABASE_URL: url } : { VARDE_DATA_DIR: dataDir };
const startup = `
const t0 = performance.now(); const lap = (l) => console.log(JSON.stringify([l, performance.now() - t0, process.uptime() * 1000]));
lap('node started (process.uptime is since exec)');
await import('fastify'); lap('import fastify');
await import('kysely'); await import('better-sqlite3'); await import('pg'); lap('import kysely, better-sqlite3, pg');
await import('zod'); await import('@varde/core'); lap('import zod + @varde/core');
await import('@fastify/swagger'); await import('@fastify/swagger-ui'); await import('fastify-type-provider-zod'); lap('import swagger, swagger-ui, type provider');
const { buildApp } = await import('./packages/server/dist/http/buildApp.js'); lap('import buildApp (rest of the app modules)');
const { openStore } = await import('./packages/server/dist/store/database.js');
const store = await openStore({ databaseUrl: process.env.DATABASE_URL, dataDir: process.env.VARDE_DATA_DIR }); lap('openStore + migrations check');
const { defaultSecurity } = await import('./packages/server/dist/app/context.js');
const { composeDeps } = await import('./packages/server/dist/composition.js');
const { SetupToken } = await import('./packages/server/dist/auth/setupToken.js');
const app = await buildApp(composeDeps(store, { now: () => new Date() }, { ...defaultSecurity, setupToken: new SetupToken() }), { logger: { level: 'info' } }); lap('buildApp');
await app.ready(); lap('app.ready (plugins, route schemas compiled)');
await app.listen({ port: 0, host: '127.0.0.1' }); lap('listen');
await app.close(); await store.close();`;
const times = [];
for (let i = 0; i < 3; i++) {
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', startup], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  const laps = r.stdout.split('\n').filter((l) => l.startsWith('[')).map((l) => JSON.parse(l));
  times.push(laps);
}
process.stdout.write(`cold start, phase by phase (median of ${times.length} fresh processes; cumulative ms since exec)\n`);
for (let j = 0; j < times[0].length; j++) {
  const label = times[0][j][0];
  const cumulative = median(times.map((t) => t[j][2]));
  const previous = j === 0 ? 0 : median(times.map((t) => t[j - 1][2]));
  process.stdout.write(`  ${label.padEnd(56)} +${String(round(cumulative - previous, 0)).padStart(5)} ms   at ${String(round(cumulative, 0)).padStart(5)} ms\n`);
}
