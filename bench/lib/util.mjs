// Small helpers shared by the bench: a seeded random source, time-ordered ids, percentiles.
import fs from 'node:fs';
import { randomFillSync } from 'node:crypto';

/** mulberry32: a fast seeded PRNG, so every run generates the same organisation shape. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
    between: (lo, hi) => lo + next() * (hi - lo),
  };
}

const pool = Buffer.alloc(16 * 4096);
let poolAt = pool.length;
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** A UUIDv7 for the given instant (ms), like the store's ids but dated when the row says it was made. */
export function uuidv7(ms) {
  if (poolAt + 10 > pool.length) { randomFillSync(pool); poolAt = 0; }
  const b = new Array(16);
  let t = ms;
  for (let i = 5; i >= 0; i--) { b[i] = t % 256; t = Math.floor(t / 256); }
  for (let i = 6; i < 16; i++) b[i] = pool[poolAt++];
  b[6] = 0x70 | (b[6] & 0x0f);
  b[8] = 0x80 | (b[8] & 0x3f);
  const h = b.map((x) => HEX[x]);
  return `${h[0]}${h[1]}${h[2]}${h[3]}-${h[4]}${h[5]}-${h[6]}${h[7]}-${h[8]}${h[9]}-${h[10]}${h[11]}${h[12]}${h[13]}${h[14]}${h[15]}`;
}

export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarise(samples) {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((x, y) => x + y, 0) / (s.length || 1);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), min: s[0], max: s[s.length - 1], mean };
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
export const round = (x, digits = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** digits) / 10 ** digits : x);

/**
 * CPU time used so far by every process named postgres on this machine, in ms (Linux /proc), or
 * undefined where that cannot be read. Differences tell what PostgreSQL spent on a load when it
 * runs here, background work (WAL writer, autovacuum) included.
 */
export function postgresCpuMs() {
  let dirs;
  try { dirs = fs.readdirSync('/proc'); } catch { return undefined; }
  const tick = 1000 / 100; // USER_HZ is 100 on Linux
  let ms = 0;
  let found = false;
  for (const pid of dirs) {
    if (!/^\d+$/.test(pid)) continue;
    let stat;
    try { stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8'); } catch { continue; }
    if (!stat.includes(' (postgres) ')) continue;
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    ms += (Number(fields[11]) + Number(fields[12])) * tick;
    found = true;
  }
  return found ? ms : undefined;
}
