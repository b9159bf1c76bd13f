// The live fan-out: many open GET /api/v1/live streams (one signed-in person's, as many browser
// tabs), check-ins made one at a time through one instance, and for each the time from its 201 to
// its event's arrival on every stream. Streams read with the same client the API tests use
// (packages/server/src/testing/liveClient.ts, from dist/), all in this process, so the last
// stream's time includes this process reading the 499 before it. Bounded: `checkIns` check-ins,
// each given at most `timeoutMs` to arrive everywhere.
import { performance } from 'node:perf_hooks';
import { LiveClient } from '../../packages/server/dist/testing/liveClient.js';
import { summarise, sleep } from './util.mjs';

/**
 * `writer`: the Client (lib/http.mjs, signed in) the check-ins go through; `streamsAt`: for each
 * instance its base URL and how many streams to open on it; `next(i)`: the i-th check-in as
 * [path, body]. Resolves the per-check-in times until every stream had it (p50/p95 over check-ins)
 * and the per-stream times (over every check-in × stream), from the 201 as this process saw it.
 */
export async function fanOut({ writer, streamsAt, next, checkIns = 40, warmup = 3, gapMs = 100, timeoutMs = 5000 }) {
  const streams = [];
  try {
    for (const { url, count } of streamsAt) {
      // Opened a few at a time: 500 at once is a burst no page load makes.
      for (let i = 0; i < count; i += 50) {
        const batch = await Promise.all(Array.from({ length: Math.min(50, count - i) }, () => LiveClient.open(url, { cookie: writer.cookie })));
        for (const s of batch) if (s.status !== 200) throw new Error(`GET /api/v1/live on ${url} answered ${s.status}: ${await s.text()}`);
        streams.push(...batch.map((s) => ({ s, url })));
      }
    }
    await Promise.all(streams.map(({ s }) => s.until(() => s.ids.length > 0, timeoutMs, 'the stream\'s first id')));

    const everywhere = [];
    const perStream = [];
    const byInstance = new Map(streamsAt.map(({ url }) => [url, []]));
    let missed = 0;
    for (let i = 0; i < warmup + checkIns; i++) {
      const [path, body] = next(i);
      const res = await writer.json('POST', path, body);
      const answered = performance.now();
      if (res.status !== 201) throw new Error(`POST ${path} answered ${res.status}: ${res.body.slice(0, 300)}`);
      const needle = `"id":"${res.json.id}"`;
      const arrivals = await Promise.all(streams.map(({ s }) => s.until(() => s.messages.find((m) => m.data.includes(needle)), timeoutMs, 'the check-in').then((m) => m.at, () => undefined)));
      for (const { s } of streams) s.messages.length = 0;
      if (i < warmup) continue;
      const times = arrivals.map((at) => (at === undefined ? undefined : Math.max(0, at - answered)));
      missed += times.filter((t) => t === undefined).length;
      const arrived = times.filter((t) => t !== undefined);
      everywhere.push(Math.max(...arrived));
      perStream.push(...arrived);
      times.forEach((t, k) => { if (t !== undefined) byInstance.get(streams[k].url).push(t); });
      await sleep(gapMs);
    }
    return {
      streams: streams.length, checkIns, missed,
      everywhere: summarise(everywhere),
      perStream: summarise(perStream),
      perInstance: [...byInstance].map(([url, t]) => ({ url, ...summarise(t) })),
    };
  } finally {
    for (const { s } of streams) s.close();
  }
}
