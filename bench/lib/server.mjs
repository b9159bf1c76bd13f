// A server in its own process for the HTTP measurements, so the load client and the server do not
// share an event loop. Forked by run.mjs; reports { port } over IPC once it listens, and closes on
// 'close' (or SIGTERM).
//   node bench/lib/server.mjs varde   Varde's API: buildApp on the store, as main.js serves it but without request logs
//   node bench/lib/server.mjs bare    the baseline: bare Fastify (no plugins, no schemas, no auth) with
//                                     GET /hello and POST /bare/key-results/:id/check-ins doing the store's single-row insertCheckIn
// The store comes from BENCH_DATABASE_URL (PostgreSQL) or BENCH_DATA_DIR (SQLite).
import { performance } from 'node:perf_hooks';
import Fastify from 'fastify';
import { openStore } from '../../packages/server/dist/store/database.js';
import { buildApp } from '../../packages/server/dist/http/buildApp.js';
import { defaultSecurity, systemClock } from '../../packages/server/dist/app/context.js';
import { composeDeps, startComponents } from '../../packages/server/dist/composition.js';
import { SetupToken } from '../../packages/server/dist/auth/setupToken.js';
import { insertCheckIn } from '../../packages/server/dist/store/checkIns.js';
import { newId } from '../../packages/server/dist/store/ids.js';

const mode = process.argv[2] ?? 'varde';
const store = await openStore({ databaseUrl: process.env.BENCH_DATABASE_URL || undefined, dataDir: process.env.BENCH_DATA_DIR });

// Experiment only (never what Varde runs with): BENCH_SQLITE_SYNCHRONOUS=NORMAL shows what the
// per-commit fsync of synchronous=FULL costs.
if (store.dialect === 'sqlite' && process.env.BENCH_SQLITE_SYNCHRONOUS) {
  const { sql } = await import('kysely');
  await sql.raw(`pragma synchronous = ${process.env.BENCH_SQLITE_SYNCHRONOUS === 'NORMAL' ? 'NORMAL' : 'FULL'}`).execute(store.db);
}

let app;
if (mode === 'varde') {
  // BENCH_EVENTS=off: check-ins without their events, the baseline of what recording them costs.
  const deps = composeDeps(store, systemClock, { ...defaultSecurity, setupToken: new SetupToken() }, { checkInEvents: process.env.BENCH_EVENTS !== 'off' });
  await startComponents(deps);
  app = await buildApp(deps);
} else {
  app = Fastify({ logger: false });
  const orgId = process.env.BENCH_ORG_ID;
  const authorId = process.env.BENCH_AUTHOR_ID;
  app.get('/hello', async () => ({ status: 'ok' }));
  app.post('/bare/key-results/:id/check-ins', async (request, reply) => {
    const { value, confidence, comment = null, blockers = null } = request.body;
    const c = { id: newId(), orgId, keyResultId: request.params.id, value, confidence, comment, blockers, authorId, createdAt: new Date().toISOString() };
    await insertCheckIn(store.db, c);
    return reply.code(201).send({ id: c.id, keyResultId: c.keyResultId, value, confidence, comment, blockers, authorId, createdAt: c.createdAt });
  });
}

// Optional self-profile of the API's phases (BENCH_PHASES=1): time from request to handler, in
// the handler, and serialisation, summed per route; sent to the parent on 'stats'.
const phases = new Map();
if (process.env.BENCH_PHASES === '1') {
  app.server.prependListener('request', (raw) => { raw.benchT0 = performance.now(); });
  app.addHook('onRequest', async (request) => { request.benchT0 = request.raw.benchT0 ?? performance.now(); });
  app.addHook('preHandler', async (request) => { request.benchT1 = performance.now(); });
  app.addHook('preSerialization', async (request, _reply, payload) => { request.benchT2 = performance.now(); return payload; });
  app.addHook('onSend', async (request, _reply, payload) => { request.benchT3 = performance.now(); return payload; });
  app.addHook('onResponse', async (request) => {
    const key = `${request.method} ${request.routeOptions.url}`;
    const p = phases.get(key) ?? { n: 0, authAndValidation: 0, handler: 0, serialise: 0, total: 0 };
    p.n++;
    p.authAndValidation += (request.benchT1 ?? 0) - request.benchT0;
    p.handler += (request.benchT2 ?? request.benchT1) - request.benchT1;
    p.serialise += (request.benchT3 ?? request.benchT2) - (request.benchT2 ?? request.benchT3);
    p.total += performance.now() - request.benchT0;
    phases.set(key, p);
  });
}

// Always: requests served and CPU used since the last 'stats' message, to read CPU per request.
let requests = 0;
app.server.on('request', () => { requests++; });
let cpuMark = process.cpuUsage();

await app.listen({ port: 0, host: '127.0.0.1' });
const port = app.server.address().port;

const close = async () => {
  await app.close();
  await store.close();
  process.exit(0);
};
// bench/profile-http.mjs: a CPU profile of the measured window only (not of start-up).
let inspector;
const post = (method, params) => new Promise((resolve, reject) => inspector.post(method, params, (err, r) => (err ? reject(err) : resolve(r))));
process.on('message', async (m) => {
  if (m === 'close') void close();
  if (m === 'profile-start') {
    const { Session } = await import('node:inspector');
    inspector = new Session();
    inspector.connect();
    await post('Profiler.enable');
    await post('Profiler.setSamplingInterval', { interval: 200 });
    await post('Profiler.start');
    process.send({ profiling: true });
  }
  if (m === 'profile-stop') {
    const { profile } = await post('Profiler.stop');
    inspector.disconnect();
    process.send({ profile });
  }
  if (m === 'stats') {
    const cpu = process.cpuUsage(cpuMark);
    process.send({ stats: { requests, cpuMs: (cpu.user + cpu.system) / 1000, phases: Object.fromEntries(phases) } });
    phases.clear(); requests = 0; cpuMark = process.cpuUsage();
  }
});
process.on('SIGTERM', () => void close());
process.send({ port });
