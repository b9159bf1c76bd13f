// API answers are compressed for a client that accepts it, over a real socket: brotli first, gzip
// otherwise, a small answer and a client that accepts neither as they are, and the web app's
// precompressed files not compressed twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { httpGet as get } from '../testing/httpGet.js';
import { seedDemoIfEmpty } from '../demo/seedDemo.js';

describe.each(storeKinds())('compressed answers on %s', (kind) => {
  let t: TestApp;
  let base: string;
  let cookie: string;

  beforeAll(async () => {
    t = await startTestApp(kind);
    await seedDemoIfEmpty(t.deps);
    cookie = (await t.signIn('admin@demo.varde.no', 'varde-demo')).cookie;
    base = await t.app.listen({ host: '127.0.0.1', port: 0 });
  });
  afterAll(async () => { await t?.close(); });

  it('sends a large answer in brotli when accepted, else gzip, else as it is, the same JSON each time', async () => {
    const plain = await get(base, '/api/v1/people?limit=500', { cookie });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.raw.length).toBeGreaterThan(1024);
    const br = await get(base, '/api/v1/people?limit=500', { cookie, 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.raw.length).toBeLessThan(plain.raw.length / 2);
    expect(JSON.parse(br.text)).toEqual(JSON.parse(plain.text));
    const gzip = await get(base, '/api/v1/people?limit=500', { cookie, 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gzip.text)).toEqual(JSON.parse(plain.text));
    // The security headers stay on a compressed answer.
    expect(br.headers['x-content-type-options']).toBe('nosniff');
  });

  it('sends a small answer as it is: compressing it would save less than it costs', async () => {
    const health = await get(base, '/api/v1/health', { 'accept-encoding': 'br, gzip' });
    expect(health.status).toBe(200);
    expect(health.raw.length).toBeLessThan(1024);
    expect(health.headers['content-encoding']).toBeUndefined();
  });
});
