// A running Varde on a real store for API tests, with an injectable clock and a signed-in
// client per person. Requests go through Fastify's inject: the full routing, validation,
// hooks and serialisation, without a socket.
import type { Dialect } from '../store/database.js';
import { buildApp, type AppOptions } from '../http/buildApp.js';
import { defaultSecurity, type Clock, type Deps, type SecuritySettings } from '../app/context.js';
import type { Api } from '../routes/types.js';
import { openTestStore, type TestStore } from './testStores.js';
import { SetupToken } from '../auth/setupToken.js';
import { composeDeps, startComponents, stopComponents, type ComponentSettings } from '../composition.js';

export class TestClock implements Clock {
  constructor(private at: Date) {}
  now(): Date { return new Date(this.at); }
  set(at: Date | string): void { this.at = new Date(at); }
  advance(ms: number): void { this.at = new Date(this.at.getTime() + ms); }
}

export interface Answer<T = any> { status: number; body: T; headers: Record<string, unknown> }
export interface Client {
  cookie: string;
  get<T = any>(url: string): Promise<Answer<T>>;
  post<T = any>(url: string, body?: unknown): Promise<Answer<T>>;
  patch<T = any>(url: string, body?: unknown): Promise<Answer<T>>;
  del<T = any>(url: string): Promise<Answer<T>>;
}

export interface TestApp { app: Api; deps: Deps; clock: TestClock; testStore: TestStore; anonymous: Client; signIn(email: string, password: string): Promise<Client>; close(): Promise<void> }

export function clientOf(app: Api, cookie: string): Client {
  const call = async (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<Answer> => {
    const res = await app.inject({ method, url, ...(body === undefined ? {} : { payload: body as object }), headers: cookie ? { cookie } : {} });
    const text = res.body;
    let parsed: unknown = text;
    try { parsed = text ? JSON.parse(text) : undefined; } catch { /* not JSON: keep the text */ }
    return { status: res.statusCode, body: parsed, headers: res.headers };
  };
  return {
    cookie,
    get: (url) => call('GET', url),
    post: (url, body) => call('POST', url, body ?? {}),
    patch: (url, body) => call('PATCH', url, body ?? {}),
    del: (url) => call('DELETE', url),
  };
}

export async function startTestApp(kind: Dialect, at = '2026-11-25T10:00:00Z', security: Partial<SecuritySettings> = {}, options: AppOptions & ComponentSettings = {}): Promise<TestApp> {
  const testStore = await openTestStore(kind);
  const clock = new TestClock(new Date(at));
  const deps: Deps = composeDeps(testStore.store, clock, { ...defaultSecurity, setupToken: new SetupToken(), ...security }, options);
  await startComponents(deps);
  const app = await buildApp(deps, options);
  await app.ready();
  const anonymous = clientOf(app, '');
  return {
    app, deps, clock, testStore, anonymous,
    async signIn(email, password) {
      const res = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { email, password } });
      if (res.statusCode !== 200) throw new Error(`sign-in as ${email} failed: ${res.statusCode} ${res.body}`);
      const setCookie = String(res.headers['set-cookie']).split(';')[0]!;
      return clientOf(app, setCookie);
    },
    async close() {
      await app.close();
      await stopComponents(deps);
      await testStore.store.close();
      await testStore.drop();
    },
  };
}

export interface Instance { app: Api; deps: Deps; close(): Promise<void> }

/** Another Varde on the database of `t`, with its own pool, event feed and live streams: what a
 *  second instance behind a load balancer is. */
export async function startSecondInstance(t: TestApp, options: AppOptions & ComponentSettings = {}): Promise<Instance> {
  const store = await t.testStore.reopen();
  const deps = composeDeps(store, t.clock, t.deps.security, options);
  await startComponents(deps);
  const app = await buildApp(deps, options);
  await app.ready();
  return {
    app, deps,
    async close() {
      await app.close();
      await stopComponents(deps);
      await store.close();
    },
  };
}
