// Varde's benchmark (`npm run bench`): generates a large organisation (BENCH_UNITS, 2,000 units
// by default) on SQLite and, when DATABASE_URL is set, on a fresh PostgreSQL database, then
// measures through real HTTP the progress pages, check-in throughput and cold start, each beside a
// baseline measured in the same run and the project's targets. Prints a table and writes
// bench/results/latest.json. BENCH_ONLY=live measures only the live stream's fan-out (after
// generating the organisation). BENCH_GROWTH=1 instead measures how the organisation page's answers
// grow with the organisation (2,000, 5,000 and 20,000 units on SQLite) and writes
// bench/results/growth.json.
import { fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { openStore } from '../packages/server/dist/store/database.js';
import { generate, shapeFor, ADMIN } from './lib/generate.mjs';
import { unitAveragesInSql } from './lib/baseline.mjs';
import { Client, sequential, concurrent } from './lib/http.mjs';
import { summarise, sleep, round, postgresCpuMs } from './lib/util.mjs';
import { fanOut } from './lib/live.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..');
const MAIN = path.join(ROOT, 'packages/server/dist/main.js');
const SERVER = path.join(HERE, 'lib/server.mjs');

const CONFIG = {
  units: Number(process.env.BENCH_UNITS ?? 2000),
  areas: process.env.BENCH_AREAS ? Number(process.env.BENCH_AREAS) : undefined,
  // Sizes as units[:areas]; the last keeps the root's first level as wide as at 2,000 units.
  growthSizes: (process.env.BENCH_GROWTH_UNITS ?? '2000,5000,20000,20000:20').split(',').map((x) => {
    const [units, areas] = x.split(':').map(Number);
    return { units, areas };
  }),
  latencySamples: Number(process.env.BENCH_SAMPLES ?? 200),
  latencyWarmup: 20,
  rootMaxMs: Number(process.env.BENCH_ROOT_MAX_MS ?? 25_000),
  concurrency: Number(process.env.BENCH_CONCURRENCY ?? 16),
  throughputMs: Number(process.env.BENCH_THROUGHPUT_MS ?? 5000),
  coldStarts: Number(process.env.BENCH_COLD_STARTS ?? 5),
  teamsRotated: 20,
  growthSamples: Number(process.env.BENCH_GROWTH_SAMPLES ?? 100),
  growthWholeSamples: 20,
  growthSqlSamples: 20,
  growthMaxMs: Number(process.env.BENCH_GROWTH_MAX_MS ?? 15_000),
  only: process.env.BENCH_ONLY,
  liveStreams: Number(process.env.BENCH_LIVE_STREAMS ?? 500),
  liveCheckIns: Number(process.env.BENCH_LIVE_CHECKINS ?? 40),
};
// Deeper than any generated tree (root → area → department → team): the whole subtree in one answer.
const WHOLE_TREE = 99;
const TARGETS = {
  generateMs: { max: 60_000, text: '< 60 s' },
  teamP95: { max: 10, text: 'p95 < 10 ms' },
  rootP95: { max: 150, text: 'p95 < 150 ms' },
  rootBytes: { max: 64 * 1024 + 1, text: '<= 64 KiB' },
  checkInsPerSecond: { min: 2000, text: '>= 2,000/s' },
  coldStartMs: { max: 1000, text: '< 1 s' },
  // At most: verdict() asks for less than max.
  liveP95: { max: 500 + 1e-9, text: 'p95 <= 500 ms' },
  liveTwoInstancesP95: { max: 1000 + 1e-9, text: 'p95 <= 1 s' },
};

const cleanups = [];
const log = (...a) => process.stderr.write(`${a.join(' ')}\n`);

// ---------------------------------------------------------------- processes

async function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

/** Forks bench/lib/server.mjs in the given mode and resolves once it listens. */
async function startServer(mode, env) {
  const child = fork(SERVER, [mode], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const port = await new Promise((resolve, reject) => {
    child.once('message', (m) => resolve(m.port));
    child.once('exit', (code) => reject(new Error(`${mode} server exited with ${code} before listening`)));
  });
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.send('close');
    await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
  };
  cleanups.push(stop);
  const stats = () => new Promise((resolve) => { child.once('message', (m) => resolve(m.stats)); child.send('stats'); });
  /** Runs fn, adding the server's CPU per request (and, with BENCH_PHASES=1, its phases) to the result. */
  const measured = async (route, fn) => {
    await stats();
    const result = await fn();
    const s = await stats();
    result.serverCpuMsPerRequest = s.cpuMs / Math.max(1, s.requests);
    const p = route && s.phases[route];
    if (p) result.phases = Object.fromEntries(Object.entries(p).map(([k, v]) => [k, k === 'n' ? v : v / p.n]));
    return result;
  };
  return { url: `http://127.0.0.1:${port}`, stop, measured };
}

/** One GET without keep-alive; resolves the status, or 0 while nothing listens. */
function probe(port, pathName) {
  return new Promise((resolve) => {
    const req = http.get({ host: '127.0.0.1', port, path: pathName, agent: false }, (res) => { res.resume(); res.on('end', () => resolve(res.statusCode)); });
    req.on('error', () => resolve(0));
    req.setTimeout(5000, () => { req.destroy(); resolve(0); });
  });
}

/** Spawns a command and times from spawn until GET pathName answers 200; then stops it. */
async function coldStart(args, env, pathName, port) {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  let exited = false;
  child.once('exit', () => { exited = true; });
  try {
    for (;;) {
      if (exited) throw new Error(`cold start: process exited before answering: ${stderr.slice(0, 500)}`);
      if (performance.now() - started > 30_000) throw new Error('cold start: no answer within 30 s');
      if (await probe(port, pathName) === 200) return performance.now() - started;
      await sleep(2);
    }
  } finally {
    if (!exited) {
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await Promise.race([gone, sleep(10_000).then(() => child.kill('SIGKILL'))]);
    }
  }
}

const BARE_FASTIFY = `const F = require('fastify'); const app = F(); app.get('/health', async () => ({ status: 'ok' }));
app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });`;

async function signIn(c) {
  const login = await c.json('POST', '/api/v1/auth/login', { email: ADMIN.email, password: ADMIN.password });
  if (login.status !== 200) throw new Error(`login failed: ${login.status} ${login.body}`);
  c.cookie = String(login.headers['set-cookie']).split(';')[0];
}

// ---------------------------------------------------------------- databases

async function sqliteTarget() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'varde-bench-'));
  const drop = async () => fs.rmSync(dataDir, { recursive: true, force: true });
  cleanups.push(drop);
  // DATABASE_URL emptied: main.js would otherwise start on the PostgreSQL the bench was given (and
  // migrate its database) instead of on this SQLite file.
  return { kind: 'sqlite', config: { dataDir }, serverEnv: { BENCH_DATA_DIR: dataDir }, mainEnv: { VARDE_DATA_DIR: dataDir, DATABASE_URL: '' }, drop, describe: 'SQLite (better-sqlite3, WAL, synchronous=FULL)' };
}

async function postgresTarget(baseUrl) {
  const name = `varde_bench_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  try { await admin.query(`create database ${name}`); } finally { await admin.end(); }
  const u = new URL(baseUrl);
  u.pathname = `/${name}`;
  const url = u.toString();
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    const c = new pg.Client({ connectionString: baseUrl });
    await c.connect();
    try { await c.query(`drop database if exists ${name} with (force)`); } finally { await c.end(); }
  };
  cleanups.push(drop);
  const version = await (async () => {
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    try { return (await c.query('show server_version')).rows[0].server_version; } finally { await c.end(); }
  })();
  return { kind: 'postgres', name, config: { databaseUrl: url }, serverEnv: { BENCH_DATABASE_URL: url }, mainEnv: { DATABASE_URL: url }, drop, describe: `PostgreSQL ${version} (database ${name}, pool ${process.env.VARDE_PG_POOL ?? 10})` };
}

// ---------------------------------------------------------------- the live stream

/**
 * The live fan-out on a fresh server: CONFIG.liveStreams streams on one instance, and beside it one
 * stream alone (the floor: a notification, one read, one write); on PostgreSQL also two instances
 * on the same database with half the streams each, the check-ins through the first.
 */
async function benchLive(target, gen) {
  let pick = 0;
  const next = () => {
    const kr = gen.keyResults[(pick++ * 7907) % gen.keyResults.length];
    const value = kr.type === 'milestone' ? pick % 2 : Math.round((kr.start + (kr.target - kr.start) * ((pick * 7919) % 100) / 100) * 10) / 10;
    return [`/api/v1/key-results/${kr.id}/check-ins`, { value, confidence: 1 + (pick % 10), comment: null }];
  };
  const out = {};
  const runOn = async (instances, counts) => {
    const servers = [];
    for (let i = 0; i < instances; i++) servers.push(await startServer('varde', target.serverEnv));
    const writer = new Client(servers[0].url, { connections: 2 });
    try {
      await signIn(writer);
      return await fanOut({ writer, next, checkIns: CONFIG.liveCheckIns, streamsAt: servers.map((s, i) => ({ url: s.url, count: counts[i] })) });
    } finally {
      writer.close();
      for (const s of servers) await s.stop();
    }
  };
  const describe = (r) => `201 → every stream p50 ${round(r.everywhere.p50, 1)} ms, p95 ${round(r.everywhere.p95, 1)} ms; each stream p50 ${round(r.perStream.p50, 1)} ms, p95 ${round(r.perStream.p95, 1)} ms (${r.checkIns} check-ins, ${r.missed} arrivals missed)`;
  out.oneInstance = await runOn(1, [CONFIG.liveStreams]);
  log(`live fan-out, ${out.oneInstance.streams} streams on one instance: ${describe(out.oneInstance)}`);
  out.oneStream = await runOn(1, [1]);
  log(`live, one stream alone: ${describe(out.oneStream)}`);
  if (target.kind === 'postgres') {
    const half = Math.round(CONFIG.liveStreams / 2);
    out.twoInstances = await runOn(2, [half, half]);
    log(`live fan-out, 2 instances × ${half} streams, check-ins through the first: ${describe(out.twoInstances)}; on the other instance p95 ${round(out.twoInstances.perInstance[1].p95, 1)} ms`);
    out.otherInstanceOneStream = await runOn(2, [0, 1]);
    log(`live, one stream alone on the other instance: ${describe(out.otherInstanceOneStream)}`);
  }
  return out;
}

// ---------------------------------------------------------------- one database

async function benchDatabase(target, shape) {
  const out = { database: target.kind, describe: target.describe, loadAverage: { atStart: os.loadavg() } };
  log(`\n== ${target.describe}`);

  // 1. Generate.
  const store = await openStore(target.config);
  const gen = await generate(store, { shape });
  out.generate = { ms: gen.ms, buildMs: gen.buildMs, steps: gen.steps, counts: gen.counts };
  log(`generated ${Object.entries(gen.counts).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')} in ${round(gen.ms / 1000, 1)} s`);
  const tables = { units: 'units', people: 'people', memberships: 'memberships', objectives: 'objectives', keyResults: 'key_results', checkIns: 'check_ins', alignments: 'alignments' };
  for (const [key, table] of Object.entries(tables)) {
    const n = Number((await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    if (n !== gen.counts[key]) throw new Error(`generated ${gen.counts[key]} ${table} but the database holds ${n}`);
  }
  const teams = gen.teamIds.slice(0, CONFIG.teamsRotated);
  const teamOf = (i) => teams[i % teams.length];
  if (CONFIG.only === 'live') {
    await store.close();
    out.live = await benchLive(target, gen);
    out.loadAverage.atEnd = os.loadavg();
    await target.drop();
    return out;
  }

  // 2. The SQL baselines, with the store's client on the same database.
  const timeSql = async (unitOf) => {
    const times = [];
    for (let i = 0; i < CONFIG.latencyWarmup + CONFIG.latencySamples; i++) {
      const t = performance.now();
      await unitAveragesInSql(store.db, gen.orgId, gen.cycleId, unitOf(i));
      if (i >= CONFIG.latencyWarmup) times.push(performance.now() - t);
    }
    return summarise(times);
  };
  out.sqlTeam = await timeSql(teamOf);
  out.sqlRoot = await timeSql(() => undefined);
  const sqlAverages = new Map((await unitAveragesInSql(store.db, gen.orgId, gen.cycleId, undefined)).map((r) => [r.unitId, r]));
  log(`SQL baseline: team p50 ${round(out.sqlTeam.p50, 2)} ms, root (all units) p50 ${round(out.sqlRoot.p50, 1)} ms`);
  await store.close();

  // 3. Varde's API in its own process.
  const varde = await startServer('varde', { ...target.serverEnv, BENCH_PHASES: process.env.BENCH_PHASES ?? '0' });
  const client = new Client(varde.url, { connections: CONFIG.concurrency });
  await signIn(client);

  // The API and the SQL baseline agree: a team's progress is the mean of its own objectives.
  const check = await client.json('GET', `/api/v1/units/${teams[0]}/progress?period=${gen.cycleId}`);
  const rootCheck = await client.json('GET', `/api/v1/units/${gen.rootId}/progress?period=${gen.cycleId}&depth=${WHOLE_TREE}`);
  let leaves = 0; let disagree = 0;
  const walk = (node) => {
    if (node.childCount === 0 && node.objectiveCount > 0) {
      leaves++;
      if (Math.abs(node.progress - (sqlAverages.get(node.unit.id)?.progress ?? -1)) > 1e-9) disagree++;
    }
    node.children.forEach(walk);
  };
  rootCheck.json.children.forEach(walk);
  out.agreement = {
    team: { api: check.json.progress, sql: sqlAverages.get(teams[0]).progress, objectives: check.json.objectiveCount },
    root: { progress: rootCheck.json.progress, subtreeObjectives: rootCheck.json.subtreeObjectiveCount, leavesCompared: leaves, leavesDisagreeing: disagree },
  };
  if (disagree > 0 || Math.abs(out.agreement.team.api - out.agreement.team.sql) > 1e-9) log('WARNING: the API and the SQL baseline disagree');
  log(`agreement: team API ${round(check.json.progress, 4)} vs SQL ${round(out.agreement.team.sql, 4)}; ${leaves - disagree}/${leaves} leaf units agree; root progress ${round(rootCheck.json.progress, 4)} over ${rootCheck.json.subtreeObjectiveCount} objectives`);

  const PROGRESS = 'GET /api/v1/units/:id/progress';
  const CHECK_IN = 'POST /api/v1/key-results/:id/check-ins';
  const seq = (next, opts = {}) => sequential(client, next, { warmup: CONFIG.latencyWarmup, samples: CONFIG.latencySamples, ...opts });
  out.vardeFloor = await varde.measured(null, () => seq(() => ['GET', '/healthz']));
  out.team = await varde.measured(PROGRESS, () => seq((i) => ['GET', `/api/v1/units/${teamOf(i)}/progress?period=${gen.cycleId}`]));
  log(`team page: p50 ${round(out.team.p50, 2)} ms, p95 ${round(out.team.p95, 2)} ms (${out.team.bytes} bytes, server CPU ${round(out.team.serverCpuMsPerRequest, 2)} ms/request)`);
  let pick = 0;
  const checkInBody = (kr) => ({
    value: kr.type === 'milestone' ? pick % 2 : Math.round((kr.start + (kr.target - kr.start) * ((pick * 7919) % 100) / 100) * 10) / 10,
    confidence: 1 + (pick % 10), comment: pick % 3 === 0 ? 'bench' : null,
  });
  const krs = gen.keyResults;
  // The organisation page's answer: the root rolled up with its children listed (the default depth).
  out.root = await varde.measured(PROGRESS, () => seq(() => ['GET', `/api/v1/units/${gen.rootId}/progress?period=${gen.cycleId}`], { warmup: 5, maxMs: CONFIG.rootMaxMs }));
  log(`root roll-up: p50 ${round(out.root.p50, 1)} ms, p95 ${round(out.root.p95, 1)} ms (${out.root.n} samples, ${out.root.bytes} bytes, server CPU ${round(out.root.serverCpuMsPerRequest, 1)} ms/request)`);
  // The same right after a check-in somewhere in the organisation, which the root's figures must follow.
  out.rootAfterCheckIn = await varde.measured(PROGRESS, () => seq(() => ['GET', `/api/v1/units/${gen.rootId}/progress?period=${gen.cycleId}`],
    { warmup: 5, maxMs: CONFIG.rootMaxMs / 2, before: () => { const kr = krs[(pick++ * 7907) % krs.length]; return ['POST', `/api/v1/key-results/${kr.id}/check-ins`, checkInBody(kr)]; } }));
  log(`root roll-up after a check-in: p50 ${round(out.rootAfterCheckIn.p50, 1)} ms, p95 ${round(out.rootAfterCheckIn.p95, 1)} ms (${out.rootAfterCheckIn.n} samples, server CPU with the check-in ${round(out.rootAfterCheckIn.serverCpuMsPerRequest, 1)} ms/request)`);
  // For comparison, what listing every unit would cost: the same roll-up, the whole tree in the answer.
  out.rootWhole = await varde.measured(PROGRESS, () => seq(() => ['GET', `/api/v1/units/${gen.rootId}/progress?period=${gen.cycleId}&depth=${WHOLE_TREE}`], { warmup: 2, samples: 50, maxMs: CONFIG.rootMaxMs / 2 }));
  log(`root with the whole tree (?depth=${WHOLE_TREE}): p50 ${round(out.rootWhole.p50, 1)} ms, p95 ${round(out.rootWhole.p95, 1)} ms (${out.rootWhole.n} samples, ${out.rootWhole.bytes} bytes, server CPU ${round(out.rootWhole.serverCpuMsPerRequest, 1)} ms/request)`);

  const checkInLoad = (c, prefix) => concurrent(c, () => {
    const kr = krs[(pick++ * 7907) % krs.length];
    return ['POST', `${prefix}${kr.id}/check-ins`, checkInBody(kr)];
  }, { concurrency: CONFIG.concurrency, durationMs: CONFIG.throughputMs, expect: 201 });
  // On PostgreSQL, what the database server spent per check-in as well (when it runs on this machine).
  const withPostgresCpu = async (run) => {
    const before = target.kind === 'postgres' ? postgresCpuMs() : undefined;
    const result = await run();
    const after = before === undefined ? undefined : postgresCpuMs();
    if (after !== undefined) result.postgresCpuMsPerRequest = (after - before) / Math.max(1, result.ok + result.failed);
    return result;
  };
  const describeLoad = (r) => `${round(r.perSecond, 0)}/s with ${r.concurrency} clients (p50 ${round(r.latency.p50, 1)} ms, p95 ${round(r.latency.p95, 1)} ms, server CPU ${round(r.serverCpuMsPerRequest, 2)} ms/request, client CPU ${round(r.clientCpuMsPerRequest, 2)} ms/request, ${r.failed} failed${r.firstFailure ? `: ${r.firstFailure}` : ''})`;
  out.checkIns = await varde.measured(CHECK_IN, () => withPostgresCpu(() => checkInLoad(client, '/api/v1/key-results/')));
  log(`check-ins: ${describeLoad(out.checkIns)}`);
  client.close();
  await varde.stop();

  // 4. The bare Fastify baseline in its own process, same client, same database.
  const bare = await startServer('bare', { ...target.serverEnv, BENCH_ORG_ID: gen.orgId, BENCH_AUTHOR_ID: gen.adminId });
  const bareClient = new Client(bare.url, { connections: CONFIG.concurrency });
  out.bareHello = await bare.measured(null, () => sequential(bareClient, () => ['GET', '/hello'], { warmup: CONFIG.latencyWarmup, samples: CONFIG.latencySamples }));
  out.bareCheckIns = await bare.measured(null, () => withPostgresCpu(() => checkInLoad(bareClient, '/bare/key-results/')));
  log(`bare Fastify: hello p50 ${round(out.bareHello.p50, 2)} ms; single-row insert ${describeLoad(out.bareCheckIns)}`);
  bareClient.close();
  await bare.stop();

  // 4a. The same check-ins with their events switched off (a bench-only setting): what recording
  // each check-in's event in its transaction costs.
  {
    const noEvents = await startServer('varde', { ...target.serverEnv, BENCH_EVENTS: 'off' });
    const noEventsClient = new Client(noEvents.url, { connections: CONFIG.concurrency });
    await signIn(noEventsClient);
    out.checkInsWithoutEvents = await noEvents.measured(CHECK_IN, () => withPostgresCpu(() => checkInLoad(noEventsClient, '/api/v1/key-results/')));
    log(`check-ins without events (bench-only): ${describeLoad(out.checkInsWithoutEvents)}`);
    noEventsClient.close();
    await noEvents.stop();
  }

  // 4b. SQLite only, an experiment that isolates the fsync: Varde's check-ins with synchronous=NORMAL.
  if (target.kind === 'sqlite') {
    const normal = await startServer('varde', { ...target.serverEnv, BENCH_SQLITE_SYNCHRONOUS: 'NORMAL' });
    const normalClient = new Client(normal.url, { connections: CONFIG.concurrency });
    await signIn(normalClient);
    out.checkInsSynchronousNormal = await normal.measured(CHECK_IN, () => checkInLoad(normalClient, '/api/v1/key-results/'));
    log(`experiment, Varde check-ins with synchronous=NORMAL: ${describeLoad(out.checkInsSynchronousNormal)}`);
    normalClient.close();
    await normal.stop();
  }

  // 4c. The live stream's fan-out.
  out.live = await benchLive(target, gen);

  // 5. Cold start: main.js on the generated data, and a bare `node -e` Fastify.
  const starts = [];
  const bareStarts = [];
  for (let i = 0; i < CONFIG.coldStarts; i++) {
    const port = await freePort();
    starts.push(await coldStart([MAIN], { ...target.mainEnv, VARDE_DEMO: '0', PORT: String(port), HOST: '127.0.0.1' }, '/api/v1/health', port));
    const barePort = await freePort();
    bareStarts.push(await coldStart(['-e', BARE_FASTIFY], { PORT: String(barePort) }, '/health', barePort));
  }
  out.coldStart = { ...summarise(starts), samples: starts };
  out.bareColdStart = { ...summarise(bareStarts), samples: bareStarts };
  log(`cold start: main.js median ${round(out.coldStart.p50, 0)} ms (${starts.map((s) => round(s, 0)).join(', ')}); bare node -e Fastify median ${round(out.bareColdStart.p50, 0)} ms`);

  out.loadAverage.atEnd = os.loadavg();
  await target.drop();
  return out;
}

// ---------------------------------------------------------------- growth (BENCH_GROWTH=1)

/**
 * One size of organisation on SQLite: what the organisation page asks for (the root with its
 * children, then a first-level unit when it is opened) beside the whole tree in one answer and the
 * roll-up's SQL floor, all for the same roll-up.
 */
async function growthAt({ units, areas }) {
  const shape = shapeFor(units, areas === undefined ? {} : { areas });
  const target = await sqliteTarget();
  const out = { units, shape, loadAverage: { atStart: os.loadavg() } };
  log(`\n== ${units.toLocaleString('en')} units, ${shape.areas} areas, on ${target.describe}`);
  const store = await openStore(target.config);
  const gen = await generate(store, { shape });
  out.generate = { ms: gen.ms, counts: gen.counts };
  log(`generated ${Object.entries(gen.counts).map(([k, v]) => `${v.toLocaleString('en')} ${k}`).join(', ')} in ${round(gen.ms / 1000, 1)} s`);
  const sqlTimes = [];
  for (let i = 0; i < 2 + CONFIG.growthSqlSamples; i++) {
    const t = performance.now();
    await unitAveragesInSql(store.db, gen.orgId, gen.cycleId, undefined);
    if (i >= 2) sqlTimes.push(performance.now() - t);
  }
  out.sqlRoot = summarise(sqlTimes);
  await store.close();

  const varde = await startServer('varde', target.serverEnv);
  const client = new Client(varde.url);
  await signIn(client);
  const PROGRESS = 'GET /api/v1/units/:id/progress';
  const progress = (id, extra = '') => ['GET', `/api/v1/units/${id}/progress?period=${gen.cycleId}${extra}`];
  const run = (next, samples) => varde.measured(PROGRESS, () => sequential(client, next, { warmup: 3, samples, maxMs: CONFIG.growthMaxMs }));
  out.root = await run(() => progress(gen.rootId), CONFIG.growthSamples);
  let pick = 0;
  const checkIn = () => {
    const kr = gen.keyResults[(pick++ * 7907) % gen.keyResults.length];
    return ['POST', `/api/v1/key-results/${kr.id}/check-ins`, { value: kr.type === 'milestone' ? pick % 2 : kr.target, confidence: 5 }];
  };
  out.rootAfterCheckIn = await varde.measured(PROGRESS, () => sequential(client, () => progress(gen.rootId), { warmup: 3, samples: CONFIG.growthSamples, maxMs: CONFIG.growthMaxMs, before: checkIn }));
  out.firstLevel = await run((i) => progress(gen.areaIds[i % gen.areaIds.length]), CONFIG.growthSamples);
  out.whole = await run(() => progress(gen.rootId, `&depth=${WHOLE_TREE}`), CONFIG.growthWholeSamples);
  log(`root ${kib(out.root.bytes)} p95 ${ms(out.root.p95)} (after a check-in ${ms(out.rootAfterCheckIn.p95)}); first level ${kib(out.firstLevel.maxBytes)} p95 ${ms(out.firstLevel.p95)}; whole tree ${kib(out.whole.bytes)} p95 ${ms(out.whole.p95)}; SQL roll-up p95 ${ms(out.sqlRoot.p95)}`);
  client.close();
  await varde.stop();
  out.loadAverage.atEnd = os.loadavg();
  await target.drop();
  return out;
}

function printGrowth(results) {
  const rows = results.sizes.map((r) => ({
    units: r.units.toLocaleString('en'),
    areas: String(r.shape.areas),
    generate: `${round(r.generate.ms / 1000, 1)} s`,
    rootAnswer: kib(r.root.bytes),
    rootP95: ms(r.root.p95),
    rootAfterP95: ms(r.rootAfterCheckIn.p95),
    firstAnswer: kib(r.firstLevel.maxBytes),
    firstP95: ms(r.firstLevel.p95),
    sqlP95: ms(r.sqlRoot.p95),
    wholeAnswer: kib(r.whole.bytes),
    wholeP95: ms(r.whole.p95),
    status: `${verdict(r.root.bytes, TARGETS.rootBytes)} answer, ${verdict(Math.max(r.root.p95, r.rootAfterCheckIn.p95), TARGETS.rootP95)} p95`,
  }));
  const head = {
    units: 'units', areas: 'areas', generate: 'generate', rootAnswer: 'root answer', rootP95: 'root p95', rootAfterP95: 'after a check-in', firstAnswer: '1st level answer', firstP95: '1st level p95',
    sqlP95: 'SQL roll-up p95', wholeAnswer: 'whole tree answer', wholeP95: 'whole tree p95', status: `target ${TARGETS.rootBytes.text}, ${TARGETS.rootP95.text}`,
  };
  const cols = Object.keys(head);
  const width = Object.fromEntries(cols.map((k) => [k, Math.max(...[head, ...rows].map((x) => String(x[k]).length))]));
  const fmt = (x) => cols.map((k) => (k === 'status' ? String(x[k]).padEnd(width[k]) : String(x[k]).padStart(width[k]))).join('  ').trimEnd();
  const busiest = Math.max(...results.sizes.flatMap((r) => [r.loadAverage.atStart[0], r.loadAverage.atEnd[0]]));
  const lines = [
    '', `Varde growth — ${results.startedAt} — node ${results.machine.node}, ${results.machine.cpus} × ${results.machine.cpuModel}`,
    'SQLite (better-sqlite3, WAL, synchronous=FULL); GET /api/v1/units/:id/progress?period=<the cycle>', '',
    fmt(head), cols.map((k) => '-'.repeat(width[k])).join('  '), ...rows.map(fmt), '',
    'units and areas: the organisation\'s size and the root\'s children (1 per 100 units unless given as units:areas in BENCH_GROWTH_UNITS);',
    'root: the organisation page\'s answer (the root rolled up, its children listed), alone and right after a check-in somewhere in',
    'the organisation (not timed) that its figures must follow; 1st level: a child of the root, as opening it',
    `in the tree asks (largest answer); whole tree: ?depth=${WHOLE_TREE}, every unit listed; SQL roll-up: one SQL aggregation over all units,`,
    `the same client and database. One sequential keep-alive client, 3 warm-up calls, up to ${CONFIG.growthSamples} samples (${CONFIG.growthWholeSamples} for the whole tree)`,
    `or ${CONFIG.growthMaxMs / 1000} s each.`,
  ];
  if (busiest > os.cpus().length) lines.push('WARNING: other work shared the CPUs (load average above the CPU count), timings are inflated.');
  process.stdout.write(`${lines.join('\n')}\n`);
}

async function growth() {
  const results = {
    startedAt: new Date().toISOString(),
    machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model?.trim() ?? 'unknown', memoryGb: round(os.totalmem() / 2 ** 30, 1) },
    config: CONFIG, targets: TARGETS, sizes: [],
  };
  const started = performance.now();
  for (const size of CONFIG.growthSizes) results.sizes.push(await growthAt(size));
  results.totalSeconds = (performance.now() - started) / 1000;
  printGrowth(results);
  const dir = path.join(HERE, 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'growth.json'), `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote ${path.relative(process.cwd(), path.join(dir, 'growth.json'))} (${round(results.totalSeconds, 0)} s in all)`);
}

// ---------------------------------------------------------------- report

const ms = (x, d = 1) => (Number.isFinite(x) ? `${round(x, x < 10 ? 2 : d).toLocaleString('en')} ms` : '—');
const kib = (bytes) => `${round(bytes / 1024, bytes < 10 * 1024 ? 1 : 0).toLocaleString('en')} KiB`;
const verdict = (value, t) => (t.max !== undefined ? value < t.max : value >= t.min) ? 'PASS' : 'MISS';

function rowsOf(r) {
  const rows = [];
  const add = (metric, value, baseline, baselineIs, target, status) => rows.push({ metric, value, baseline, baselineIs, target: target ?? '', status: status ?? '' });
  const c = r.generate.counts;
  add(`generate (${c.units} units, ${c.objectives.toLocaleString('en')} obj, ${c.keyResults.toLocaleString('en')} KRs, ${c.checkIns.toLocaleString('en')} check-ins)`,
    `${round(r.generate.ms / 1000, 1)} s`, '', 'multi-row INSERTs (bulk.ts) in transactions', TARGETS.generateMs.text, verdict(r.generate.ms, TARGETS.generateMs));
  add('team page  GET /units/:team/progress  p50', ms(r.team.p50), ms(r.sqlTeam.p50, 2), 'one SQL aggregation (same client, same DB)');
  add('team page  GET /units/:team/progress  p95', ms(r.team.p95), ms(r.sqlTeam.p95, 2), 'one SQL aggregation (same client, same DB)', TARGETS.teamP95.text, verdict(r.team.p95, TARGETS.teamP95));
  const all = `one SQL aggregation, all ${c.units.toLocaleString('en')} units`;
  add('root roll-up GET /units/:root/progress p50', ms(r.root.p50), ms(r.sqlRoot.p50), all);
  add('root roll-up GET /units/:root/progress p95', ms(r.root.p95), ms(r.sqlRoot.p95), all, TARGETS.rootP95.text, verdict(r.root.p95, TARGETS.rootP95));
  add('root roll-up right after a check-in, p95', ms(r.rootAfterCheckIn.p95), ms(r.sqlRoot.p95), all, TARGETS.rootP95.text, verdict(r.rootAfterCheckIn.p95, TARGETS.rootP95));
  add('root answer (its children listed, the default)', kib(r.root.bytes), kib(r.rootWhole.bytes), `the whole tree, ?depth=${WHOLE_TREE} (p95 ${ms(r.rootWhole.p95)})`, TARGETS.rootBytes.text, verdict(r.root.bytes, TARGETS.rootBytes));
  add(`check-ins/s  POST /key-results/:id/check-ins (${r.checkIns.concurrency} clients)`, `${Math.round(r.checkIns.perSecond).toLocaleString('en')}/s`,
    `${Math.round(r.bareCheckIns.perSecond).toLocaleString('en')}/s`, 'bare Fastify route, one insertCheckIn row', TARGETS.checkInsPerSecond.text, verdict(r.checkIns.perSecond, TARGETS.checkInsPerSecond));
  add('check-ins/s with events vs without (bench-only setting)', `${Math.round(r.checkIns.perSecond).toLocaleString('en')}/s`,
    `${Math.round(r.checkInsWithoutEvents.perSecond).toLocaleString('en')}/s`, 'the same check-ins, no events recorded', '>= 90 % of without',
    verdict(r.checkIns.perSecond / r.checkInsWithoutEvents.perSecond, { min: 0.9 }));
  add('check-in latency under load p50 / p95', `${ms(r.checkIns.latency.p50)} / ${ms(r.checkIns.latency.p95)}`,
    `${ms(r.bareCheckIns.latency.p50)} / ${ms(r.bareCheckIns.latency.p95)}`, 'bare Fastify route, one insertCheckIn row');
  add('HTTP floor p50 / p95 (1 client)', `${ms(r.vardeFloor.p50, 2)} / ${ms(r.vardeFloor.p95, 2)}`, `${ms(r.bareHello.p50, 2)} / ${ms(r.bareHello.p95, 2)}`,
    'Varde GET /healthz vs bare Fastify GET /hello');
  add(`cold start to first 200 (median of ${r.coldStart.n})`, ms(r.coldStart.p50, 0), ms(r.bareColdStart.p50, 0), 'node -e bare Fastify answering', TARGETS.coldStartMs.text, verdict(r.coldStart.p50, TARGETS.coldStartMs));
  return rows;
}

function liveRowsOf(r) {
  if (!r.live) return [];
  const row = (metric, x, alone, aloneIs, t) => ({
    metric, value: `${ms(x.everywhere.p50)} / ${ms(x.everywhere.p95)}`, baseline: `${ms(alone.everywhere.p50)} / ${ms(alone.everywhere.p95)}`,
    baselineIs: aloneIs, target: t.text, status: verdict(x.everywhere.p95, t),
  });
  const rows = [row(`live fan-out, ${r.live.oneInstance.streams} streams on 1 instance: 201 → on every stream p50 / p95`, r.live.oneInstance, r.live.oneStream, 'one stream alone', TARGETS.liveP95)];
  if (r.live.twoInstances) {
    rows.push(row(`live fan-out, 2 instances × ${r.live.twoInstances.streams / 2} streams, check-ins via one: p50 / p95`, r.live.twoInstances, r.live.otherInstanceOneStream, 'one stream alone on the other instance', TARGETS.liveTwoInstancesP95));
  }
  return rows;
}

function liveDiagnosticsOf(r) {
  if (!r.live) return [];
  const each = (x) => `each stream p50 ${ms(x.perStream.p50)}, p95 ${ms(x.perStream.p95)}, max ${ms(x.perStream.max)}${x.missed ? `, ${x.missed} arrivals missed` : ''}`;
  const lines = [`  live, ${r.live.oneInstance.streams} streams on 1 instance: ${each(r.live.oneInstance)} (${r.live.oneInstance.checkIns} check-ins one at a time, 100 ms apart; every stream read by this one process)`];
  if (r.live.twoInstances) {
    const [a, b] = r.live.twoInstances.perInstance;
    lines.push(`  live, 2 instances: ${each(r.live.twoInstances)}; streams on the writing instance p95 ${ms(a.p95)}, on the other p95 ${ms(b.p95)}`);
  }
  return lines;
}

/** Diagnostics under each table: server CPU per request (robust on a busy machine) and experiments. */
function diagnosticsOf(r) {
  const cpu = (x) => (Number.isFinite(x?.serverCpuMsPerRequest) ? `${round(x.serverCpuMsPerRequest, 2)} ms` : '—');
  const lines = [
    `  server CPU per request: team page ${cpu(r.team)}, root roll-up ${cpu(r.root)} (whole tree ${cpu(r.rootWhole)}), check-in ${cpu(r.checkIns)} (bare insert route ${cpu(r.bareCheckIns)}), /healthz ${cpu(r.vardeFloor)} (bare hello ${cpu(r.bareHello)})`,
    `  client CPU per check-in request: ${round(r.checkIns.clientCpuMsPerRequest, 2)} ms; root samples: ${r.root.n} (capped at ${CONFIG.rootMaxMs / 1000} s); root answer ${Math.round(r.root.bytes / 1024)} KiB, team answer ${Math.round(r.team.bytes / 1024)} KiB`,
  ];
  if (Number.isFinite(r.checkIns.postgresCpuMsPerRequest)) {
    lines.push(`  PostgreSQL CPU per check-in (every postgres process on this machine): ${round(r.checkIns.postgresCpuMsPerRequest, 2)} ms (bare insert route ${round(r.bareCheckIns.postgresCpuMsPerRequest, 2)} ms)`);
  }
  if (r.checkInsSynchronousNormal) {
    const x = r.checkInsSynchronousNormal;
    lines.push(`  experiment (not Varde's setting): check-ins with SQLite synchronous=NORMAL ${Math.round(x.perSecond).toLocaleString('en')}/s, p50 ${ms(x.latency.p50)}, p95 ${ms(x.latency.p95)}, server CPU ${cpu(x)}`);
  }
  for (const [name, x] of [['team page', r.team], ['root roll-up', r.root], ['check-in', r.checkIns]]) {
    if (x.phases) lines.push(`  phases of ${name} (mean): auth + validation ${ms(x.phases.authAndValidation)}, handler ${ms(x.phases.handler)}, serialisation ${ms(x.phases.serialise)}, total ${ms(x.phases.total)}`);
  }
  const busiest = Math.max(r.loadAverage.atStart[0], r.loadAverage.atEnd[0]);
  lines.push(`  load average (1 min) at start ${round(r.loadAverage.atStart[0], 1)}, at end ${round(r.loadAverage.atEnd[0], 1)} on ${os.cpus().length} CPUs`
    + (busiest > os.cpus().length ? ' — WARNING: other work shared the CPUs, timings are inflated; compare with the baselines, measured under the same load' : ''));
  return lines;
}

function printTable(results) {
  const lines = [];
  lines.push('', `Varde benchmark — ${results.startedAt} — node ${results.machine.node}, ${results.machine.cpus} × ${results.machine.cpuModel}`);
  for (const r of results.databases) {
    lines.push('', `${r.describe}`);
    const rows = [...(r.team ? rowsOf(r) : []), ...liveRowsOf(r)];
    const head = { metric: 'metric', value: 'Varde', baseline: 'baseline', baselineIs: 'baseline is', target: 'target', status: '' };
    const cols = ['metric', 'value', 'baseline', 'baselineIs', 'target', 'status'];
    const width = Object.fromEntries(cols.map((k) => [k, Math.max(...[head, ...rows].map((x) => String(x[k]).length))]));
    const fmt = (x) => cols.map((k) => (k === 'value' || k === 'baseline' ? String(x[k]).padStart(width[k]) : String(x[k]).padEnd(width[k]))).join('  ').trimEnd();
    lines.push(fmt(head), cols.map((k) => '-'.repeat(width[k])).join('  '), ...rows.map(fmt), ...(r.team ? diagnosticsOf(r) : []), ...liveDiagnosticsOf(r));
    r.table = rows;
  }
  lines.push('', 'Latencies: one sequential keep-alive client, 20 warm-up calls then up to 200 samples (team pages rotate over 20 teams',
    'with 5 objectives each). Throughput: 16 keep-alive clients for 5 s after 1 s warm-up. Servers run in their own process.', '');
  process.stdout.write(`${lines.join('\n')}\n`);
}

// ---------------------------------------------------------------- main

async function main() {
  const results = {
    startedAt: new Date().toISOString(),
    machine: { node: process.version, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model?.trim() ?? 'unknown', memoryGb: round(os.totalmem() / 2 ** 30, 1) },
    config: CONFIG, targets: TARGETS, databases: [],
  };
  const started = performance.now();
  const shape = shapeFor(CONFIG.units, CONFIG.areas === undefined ? {} : { areas: CONFIG.areas });
  results.shape = shape;
  results.databases.push(await benchDatabase(await sqliteTarget(), shape));
  if (process.env.DATABASE_URL) results.databases.push(await benchDatabase(await postgresTarget(process.env.DATABASE_URL), shape));
  results.totalSeconds = (performance.now() - started) / 1000;
  printTable(results);
  const dir = path.join(HERE, 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  log(`wrote ${path.relative(process.cwd(), path.join(dir, 'latest.json'))} (${round(results.totalSeconds, 0)} s in all)`);
}

async function cleanup() {
  for (const fn of cleanups.reverse()) { try { await fn(); } catch (err) { log(`cleanup: ${err.message}`); } }
  cleanups.length = 0;
}
process.on('SIGINT', () => { void cleanup().finally(() => process.exit(130)); });
process.on('SIGTERM', () => { void cleanup().finally(() => process.exit(143)); });

(process.env.BENCH_GROWTH === '1' ? growth() : main()).then(cleanup, async (err) => { log(err.stack ?? String(err)); await cleanup(); process.exit(1); });
