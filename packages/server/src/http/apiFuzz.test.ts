// Ten thousand generated requests over every operation the OpenAPI document lists, against the
// populated demo organisation, as the admin, as a team member and without a session. Whatever is
// sent, nothing may answer 5xx (a 5xx is a bug), and every refusal must be a problem document.
// The requests come from a fixed seed (FUZZ_SEED overrides it), and a failure prints the request,
// so it can be sent again by hand. On PostgreSQL, where each request is a few network round trips,
// a smaller number keeps the file within about a minute on a shared two-core machine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { seedDemoIfEmpty } from '../demo/seedDemo.js';
import { operationsOf, RequestArbitraries, type FuzzRequest, type IdPools, type OpenApiDocument } from '../testing/fuzzRequests.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261125);
const COUNT = { sqlite: 10_000, postgres: 5_000 } as const;

async function textOf(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** What is wrong with an answer, if anything. */
function fault(status: number, headers: Record<string, unknown>, body: string): string | undefined {
  if (status >= 500) return `answered ${status}`;
  if (status < 400) return undefined;
  if (!String(headers['content-type']).startsWith('application/problem+json')) return `a ${status} as ${String(headers['content-type'])}`;
  let problem: any;
  try { problem = JSON.parse(body); } catch { return `a ${status} whose body is not JSON`; }
  if (problem?.status !== status || typeof problem.title !== 'string' || typeof problem.type !== 'string') return `a ${status} that is not a problem document`;
  if (problem.detail !== undefined && typeof problem.detail !== 'string') return 'a problem whose detail is not text';
  if (problem.errors !== undefined) {
    if (!Array.isArray(problem.errors)) return 'a problem whose errors are not a list';
    for (const e of problem.errors) {
      if (typeof e?.field !== 'string' || typeof e.message !== 'string' || typeof e.code !== 'string') return `a problem with a malformed error ${JSON.stringify(e)}`;
    }
  }
  return undefined;
}

describe.each(storeKinds())('fuzzing the API on %s', (kind) => {
  let t: TestApp;
  let sessions: Record<'admin' | 'member', Client>;
  let doc: OpenApiDocument;
  let pools: IdPools;

  const signIn = async (who: 'admin' | 'member') => t.signIn(who === 'admin' ? 'admin@demo.varde.no' : 'marte@demo.varde.no', 'varde-demo');

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z');
    await seedDemoIfEmpty(t.deps);
    sessions = { admin: await signIn('admin'), member: await signIn('member') };
    const admin = sessions.admin;
    doc = (await t.anonymous.get('/api/v1/openapi.json')).body;
    const ids = async (url: string) => ((await admin.get(url)).body.items as Array<{ id: string }>).map((i) => i.id);
    const adminId = (await admin.get('/api/v1/me')).body.person.id;
    const memberId = (await sessions.member.get('/api/v1/me')).body.person.id;
    const objectives = await ids('/api/v1/objectives?limit=500');
    const keyResults: string[] = [];
    for (const id of objectives.slice(0, 15)) keyResults.push(...(await admin.get(`/api/v1/objectives/${id}`)).body.keyResults.map((k: { id: string }) => k.id));
    pools = {
      units: await ids('/api/v1/units?limit=500'), periods: await ids('/api/v1/periods?limit=500'), objectives, keyResults,
      initiatives: await ids('/api/v1/initiatives?limit=500'),
      // Never the admin or the member the run signs in as: a generated deactivation or one-time
      // password for them would lock the fuzz out.
      people: (await ids('/api/v1/people?limit=500')).filter((id) => id !== adminId && id !== memberId),
    };
    for (const [name, list] of Object.entries(pools)) expect(list.length, name).toBeGreaterThan(0);
  });
  afterAll(async () => { await t?.close(); });

  it(`answers ${COUNT[kind]} generated requests without a 5xx, every refusal a problem document`, async () => {
    const operations = operationsOf(doc);
    expect(operations.length).toBeGreaterThan(30);
    const arbitraries = new RequestArbitraries(doc, pools);
    // Operations that hash a password (sign-in, set-up, a new person) cost tens of milliseconds
    // each when they get that far; they are drawn a tenth as often as the rest.
    const weighted = operations.map((op) => ({ arbitrary: arbitraries.request(op), weight: JSON.stringify(op.body ?? {}).includes('password') ? 1 : 10 }));
    const requests = fc.sample(fc.oneof(...weighted), { seed: SEED, numRuns: COUNT[kind] });

    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let streamsOpened = 0;
    const started = Date.now();
    for (const [i, req] of requests.entries()) {
      let who: FuzzRequest['who'] = req.who;
      // Signing out would end the session the rest of the run uses, and ending the demo would
      // remove the organisation it runs in: those are sent without a session, or as the member.
      if (req.operation === 'POST /api/v1/auth/logout' || req.operation === 'POST /api/v1/auth/logout-everywhere') who = 'anonymous';
      if (req.operation === 'DELETE /api/v1/demo' && who === 'admin') who = 'member';
      const headers: Record<string, string> = {};
      if (who !== 'anonymous') headers.cookie = sessions[who].cookie;
      if (req.contentType) headers['content-type'] = req.contentType;
      // The live stream's answer never ends: it is taken as it starts, and an open stream is closed at once.
      const streaming = req.operation === 'GET /api/v1/live';
      const res = await t.app.inject({
        method: req.method as 'GET', url: req.url, headers, ...(req.payload === undefined ? {} : { payload: req.payload }),
        ...(who === 'anonymous' ? { remoteAddress: req.remoteAddress } : {}), ...(streaming ? { payloadAsStream: true } : {}),
      });
      let body: string;
      if (!streaming) body = res.body;
      else if (res.statusCode === 200) { streamsOpened++; res.raw.res.destroy(); body = ''; }
      else body = await textOf(res.stream());
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      const wrong = fault(res.statusCode, res.headers, body);
      if (wrong && failures.length < 20) {
        failures.push(`#${i} (seed ${SEED}) ${who} ${req.method} ${req.url}${req.contentType ? ` [${req.contentType}]` : ''} ${req.payload?.slice(0, 400) ?? ''}\n  → ${wrong}: ${body.slice(0, 300)}`);
      }
      // A session may still end on the way (a generated change to the member, say): sign in again.
      if (who !== 'anonymous' && res.statusCode === 401) sessions[who] = await signIn(who).catch(() => sessions[who]);
    }
    const histogram = Object.fromEntries([...statuses.entries()].sort(([a], [b]) => a - b));
    console.log(`API fuzz on ${kind}: ${requests.length} requests over ${operations.length} operations in ${((Date.now() - started) / 1000).toFixed(1)} s (seed ${SEED}); statuses ${JSON.stringify(histogram)}`);
    expect(failures, failures.join('\n')).toEqual([]);
    // Every live stream the run opened was closed with its request.
    expect(streamsOpened).toBeGreaterThan(0);
    await expect.poll(() => t.deps.live.size).toBe(0);
    // The run reached the use cases, not only the validation in front of them.
    expect([200, 201].reduce((n, s) => n + (statuses.get(s) ?? 0), 0)).toBeGreaterThan(requests.length / 10);
  }, 180_000);
});
