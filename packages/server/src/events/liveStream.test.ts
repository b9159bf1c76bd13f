// The meeting of a stream's backlog and the live events, made to happen for certain: the client
// here is slow at first (its writes leave bytes waiting), so the stream stops after each page of
// its backlog until the test lets it go on, and meanwhile new events are written and handed to it.
// It must send every event after its Last-Event-ID once, in order. The routes' tests
// (routes/live.test.ts) do the same over real sockets, where the timing is the machine's.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { listEvents } from '../store/events.js';
import { unitOfWork } from './unitOfWork.js';
import type { LiveConnection } from './liveStream.js';

const PASSWORD = 'correct horse battery';

describe.each(storeKinds())('a stream catching up while events keep coming, on %s', (kind) => {
  let t: TestApp;
  let orgId: string;
  let personId: string;
  let sessionId: string;

  const record = (n: number, from: number) => unitOfWork(t.deps, { orgId, personId }, async (uow) => {
    for (let i = 0; i < n; i++) uow.record('objective.changed', { kind: 'objective', id: `o-${from + i}`, name: `Mål ${from + i}` }, [{ field: 'title', before: 'a', after: 'b' }]);
  });

  beforeAll(async () => {
    t = await startTestApp(kind);
    await t.anonymous.post('/api/v1/setup', { organisationName: 'Lag', language: 'nb', timeZone: 'Europe/Oslo', admin: { name: 'Kari Nordmann', email: 'kari@example.no', password: PASSWORD } });
    const admin = await t.signIn('kari@example.no', PASSWORD);
    const me = (await admin.get('/api/v1/me')).body;
    orgId = me.organisation.id;
    personId = me.person.id;
    sessionId = (await t.deps.store.db.selectFrom('sessions').select('id').where('person_id', '=', personId).executeTakeFirstOrThrow()).id;
  });
  afterAll(async () => { await t?.close(); });

  it('sends the backlog and what came meanwhile, each once and in order', async () => {
    const start = (await listEvents(t.deps.store.db, orgId, {}, 1))[0]?.seq ?? 0;
    await record(1200, 0);
    const frames: string[] = [];
    let release: (() => void) | undefined;
    let slowNow = true;
    const pauses: number[] = [];
    const slow: LiveConnection = {
      write: (text) => { frames.push(text); return slowNow ? 600_000 : 0; },
      drained: () => new Promise((resolve) => { pauses.push(frames.length); release = resolve; }),
      end: () => {},
    };
    const gone = t.deps.live.add({ orgId, personId, isAdmin: true, sessionId }, start, slow);
    try {
      // Paused after the first page of its backlog: new events come and the channel holds them for it.
      await expect.poll(() => pauses.length, { timeout: 2000 }).toBe(1);
      let channelReads = t.deps.live.reads.channels;
      await record(5, 1200);
      await expect.poll(() => t.deps.live.reads.channels, { timeout: 2000 }).toBeGreaterThan(channelReads);
      release!();
      await expect.poll(() => pauses.length, { timeout: 2000 }).toBe(2);
      release!();
      // Paused after the last page (the 200 left and the 5 that came): more come, which no page read.
      await expect.poll(() => pauses.length, { timeout: 2000 }).toBe(3);
      channelReads = t.deps.live.reads.channels;
      await record(3, 1205);
      await expect.poll(() => t.deps.live.reads.channels, { timeout: 2000 }).toBeGreaterThan(channelReads);
      slowNow = false;
      release!();
      await record(2, 1208);
      const expected = (await listEvents(t.deps.store.db, orgId, { afterSeq: start }, 10_000)).map((e) => e.seq);
      expect(expected).toHaveLength(1210);
      const sent = () => frames.map((f) => /^id: (\d+)\nevent:/.exec(f)?.[1]).filter((id): id is string => id !== undefined).map(Number);
      await expect.poll(() => sent().length, { timeout: 2000 }).toBe(expected.length);
      expect(sent()).toEqual(expected);
    } finally {
      gone();
    }
  });
});
