// A plain HTTP/1.1 client over node:http with keep-alive (no dependency), and the two load
// shapes the bench uses: one sequential client for latencies, N concurrent clients for throughput.
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { summarise } from './util.mjs';

export class Client {
  constructor(baseUrl, { connections = 1 } = {}) {
    const u = new URL(baseUrl);
    this.host = u.hostname;
    this.port = Number(u.port);
    this.agent = new http.Agent({ keepAlive: true, maxSockets: connections, maxFreeSockets: connections });
    this.cookie = '';
  }

  /** Resolves { status, body (string), headers, ms }. */
  request(method, path, body) {
    const payload = body === undefined ? undefined : Buffer.from(JSON.stringify(body));
    const headers = { accept: 'application/json' };
    if (payload) { headers['content-type'] = 'application/json'; headers['content-length'] = payload.length; }
    if (this.cookie) headers.cookie = this.cookie;
    return new Promise((resolve, reject) => {
      const started = performance.now();
      const req = http.request({ host: this.host, port: this.port, method, path, headers, agent: this.agent }, (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers, ms: performance.now() - started }));
        res.on('error', reject);
      });
      req.on('error', reject);
      if (payload) req.write(payload);
      req.end();
    });
  }

  async json(method, path, body) {
    const res = await this.request(method, path, body);
    let parsed;
    try { parsed = res.body ? JSON.parse(res.body) : undefined; } catch { parsed = res.body; }
    return { ...res, json: parsed };
  }

  close() { this.agent.destroy(); }
}

/**
 * One client, one request at a time: `warmup` unmeasured calls, then `samples` measured ones
 * (stopping early after maxMs). next(i) returns [method, path, body?]; every answer must be `expect`.
 * Resolves the latency summary with the last answer's size (bytes) and the largest (maxBytes).
 */
export async function sequential(client, next, { warmup = 20, samples = 200, maxMs = 60_000, expect = 200, before } = {}) {
  // `before(i)`: a request sent ahead of each one, not timed (a change the measured read must follow).
  const prepare = async (i) => {
    if (!before) return;
    const [m, p, b, want = 201] = before(i);
    const res = await client.request(m, p, b);
    if (res.status !== want) throw new Error(`${m} ${p} answered ${res.status}: ${res.body.slice(0, 300)}`);
  };
  for (let i = 0; i < warmup; i++) {
    await prepare(i);
    const [m, p, b] = next(i);
    const res = await client.request(m, p, b);
    if (res.status !== expect) throw new Error(`${m} ${p} answered ${res.status}: ${res.body.slice(0, 300)}`);
  }
  const times = [];
  let bytes = 0;
  let maxBytes = 0;
  const deadline = performance.now() + maxMs;
  for (let i = 0; i < samples && performance.now() < deadline; i++) {
    await prepare(warmup + i);
    const [m, p, b] = next(warmup + i);
    const res = await client.request(m, p, b);
    if (res.status !== expect) throw new Error(`${m} ${p} answered ${res.status}: ${res.body.slice(0, 300)}`);
    times.push(res.ms);
    bytes = Buffer.byteLength(res.body);
    maxBytes = Math.max(maxBytes, bytes);
  }
  return { ...summarise(times), bytes, maxBytes };
}

/**
 * `concurrency` clients on keep-alive connections, each sending its next request as soon as the
 * last one answered, for warmupMs (not counted) then durationMs. Returns answers per second and
 * latencies of the measured window.
 */
export async function concurrent(client, next, { concurrency = 16, warmupMs = 1000, durationMs = 5000, expect = 201 } = {}) {
  let phase = 'warmup';
  let ok = 0;
  let failed = 0;
  let firstFailure;
  let seq = 0;
  const times = [];
  const worker = async () => {
    while (phase !== 'done') {
      const [m, p, b] = next(seq++);
      const res = await client.request(m, p, b);
      if (phase !== 'measure') continue;
      if (res.status === expect) { ok++; times.push(res.ms); } else { failed++; firstFailure ??= `${res.status} ${res.body.slice(0, 300)}`; }
    }
  };
  const workers = Array.from({ length: concurrency }, worker);
  await new Promise((r) => setTimeout(r, warmupMs));
  phase = 'measure';
  const started = performance.now();
  const cpu = process.cpuUsage();
  await new Promise((r) => setTimeout(r, durationMs));
  phase = 'done';
  const elapsed = performance.now() - started;
  const used = process.cpuUsage(cpu);
  await Promise.all(workers);
  return {
    perSecond: ok / (elapsed / 1000), ok, failed, firstFailure, seconds: elapsed / 1000, latency: summarise(times), concurrency,
    clientCpuMsPerRequest: (used.user + used.system) / 1000 / Math.max(1, ok + failed),
  };
}
