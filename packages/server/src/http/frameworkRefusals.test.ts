// The refusals Fastify makes itself — a path it cannot decode, a path parameter over the router's
// limit, no such route, a method the path does not take, a body in another format or too large —
// are problem documents like every refusal of ours, with the status HTTP names for each.
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem, send } from '../testing/apiChecks.js';
import { seedDemoIfEmpty } from '../demo/seedDemo.js';
import { buildApp } from './buildApp.js';
import type { Api } from '../routes/types.js';

const longId = 'a'.repeat(101);

/** Sends raw bytes to a listening server and reads all it answers until it closes. */
function rawExchange(port: number, bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1', () => socket.write(bytes));
    let answer = '';
    socket.on('data', (d) => { answer += String(d); });
    socket.on('close', () => resolve(answer));
    socket.on('error', (e) => (answer ? resolve(answer) : reject(e)));
  });
}

describe.each(storeKinds())('Fastify refusals on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let objectiveId: string;
  /** The same service without the web app: the router itself then finds the long parameter. */
  let apiOnly: Api;

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z');
    await seedDemoIfEmpty(t.deps);
    admin = await t.signIn('admin@demo.varde.no', 'varde-demo');
    objectiveId = (await admin.get('/api/v1/objectives?limit=1')).body.items[0].id;
    apiOnly = await buildApp(t.deps, { webRoot: null });
    await apiOnly.ready();
  });
  afterAll(async () => {
    await apiOnly?.close();
    await t?.close();
  });

  it('answers a path with broken percent-encoding 400, signed in or not', async () => {
    for (const url of ['/api/v1/objectives/%zz', '/api/v1/objectives/%E0%A4%A', '/api/v1/units/%', '/%zz']) {
      for (const cookie of [admin.cookie, '']) {
        const errors = expectProblem(await send(t.app, { method: 'GET', url, cookie }), 400, `GET ${url}`, { fields: ['path'], only: true });
        expect(errors[0]!.code).toBe('bad_url');
      }
      expectProblem(await send(apiOnly, { method: 'GET', url, cookie: admin.cookie }), 400, `GET ${url} without the web app`, { fields: ['path'] });
    }
  });

  it('answers a path parameter longer than any id 414, with or without the web app', async () => {
    for (const url of [`/api/v1/objectives/${longId}`, `/api/v1/key-results/${longId}/check-ins`, `/api/v1/units/${longId}/progress?period=x`]) {
      expectProblem(await send(t.app, { method: 'GET', url, cookie: admin.cookie }), 414, `GET ${url}`);
      expectProblem(await send(apiOnly, { method: 'GET', url, cookie: admin.cookie }), 414, `GET ${url} without the web app`);
    }
    expectProblem(await send(t.app, { method: 'PATCH', url: `/api/v1/objectives/${longId}`, json: { version: 1 }, cookie: admin.cookie }), 414, 'PATCH');
    // One character less reaches the route, whose schema says what is wrong with it.
    expectProblem(await send(t.app, { method: 'GET', url: `/api/v1/objectives/${'a'.repeat(100)}`, cookie: admin.cookie }), 400, '100 characters', { fields: ['id'], only: true });
  });

  it('answers an unknown route 404', async () => {
    for (const [method, url] of [['GET', '/api/v1/nothing-here'], ['POST', '/api/v1/nothing-here'], ['GET', '/api/v2/units'], ['GET', '/no-such-file.js']] as const) {
      expectProblem(await send(t.app, { method, url, cookie: admin.cookie, ...(method === 'POST' ? { json: {} } : {}) }), 404, `${method} ${url}`);
    }
    // A browser navigating to a client-side route still gets the web app.
    const page = await t.app.inject({ method: 'GET', url: '/units/anything', headers: { accept: 'text/html' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
  });

  it('answers a method the path does not take 405, naming the ones it does in Allow', async () => {
    const cases: Array<[method: 'PUT' | 'DELETE' | 'PATCH' | 'POST', url: string, allow: string]> = [
      ['PUT', '/api/v1/objectives', 'GET, HEAD, POST'],
      ['DELETE', '/api/v1/units', 'GET, HEAD, POST'],
      ['PUT', `/api/v1/objectives/${objectiveId}`, 'GET, HEAD, PATCH, DELETE'],
      ['POST', `/api/v1/objectives/${objectiveId}`, 'GET, HEAD, PATCH, DELETE'],
      ['DELETE', '/api/v1/organisation', 'GET, HEAD, PATCH'],
      ['PATCH', '/api/v1/me', 'GET, HEAD'],
      ['DELETE', `/api/v1/units/${objectiveId}/progress`, 'GET, HEAD'],
    ];
    for (const [method, url, allow] of cases) {
      const res = await send(t.app, { method, url, cookie: admin.cookie, ...(method === 'DELETE' ? {} : { json: {} }) });
      expectProblem(res, 405, `${method} ${url}`);
      expect(res.body.title).toBe('Method Not Allowed');
      expect(res.headers.allow, `${method} ${url}`).toBe(allow);
    }
  });

  it('answers a body in another format 415 and one too large 413', async () => {
    const url = '/api/v1/objectives';
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/xml']) {
      expectProblem(await send(t.app, { method: 'POST', url, raw: 'title=x', contentType, cookie: admin.cookie }), 415, contentType, { fields: ['body'] });
    }
    const big = JSON.stringify({ title: 'x'.repeat(300 * 1024) });
    expectProblem(await send(t.app, { method: 'POST', url, raw: big, cookie: admin.cookie }), 413, 'a 300 KiB body', { fields: ['body'] });
  });

  it('answers a request that is not valid HTTP, or whose headers are too large, with a problem document', async () => {
    await apiOnly.listen({ port: 0, host: '127.0.0.1' });
    const port = (apiOnly.server.address() as net.AddressInfo).port;
    const cases: Array<[bytes: string, status: number]> = [
      ['GET /api/v1/health HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n', 400],
      ['NOT HTTP AT ALL\r\n\r\n', 400],
      [`GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
    ];
    for (const [bytes, status] of cases) {
      const answer = await rawExchange(port, bytes);
      const [head, body] = answer.split('\r\n\r\n');
      expect(head, bytes.slice(0, 40)).toMatch(new RegExp(`^HTTP/1.1 ${status} `));
      expect(head).toMatch(/\r\nContent-Type: application\/problem\+json/i);
      expect(head).toMatch(/\r\nCache-Control: no-store/i);
      expect(JSON.parse(body!)).toMatchObject({ status, type: `https://varde.no/problems/${status}`, title: expect.any(String), detail: expect.any(String) });
    }
  });
});
