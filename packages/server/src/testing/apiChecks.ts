// Assertions the API tests share: a refusal is a problem document naming the right fields, and
// a refused request leaves the stored state exactly as it was.
import { expect } from 'vitest';
import type { Api } from '../routes/types.js';
import type { Answer, Client } from './testApp.js';

export interface RawRequest {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
  url: string;
  /** Sent as JSON (application/json) unless `raw` is given. */
  json?: unknown;
  /** Sent as-is, with `contentType` (application/json unless told). */
  raw?: string | Buffer;
  contentType?: string | null;
  cookie?: string;
}

/** Any request, including bodies no well-behaved client would send. */
export async function send(app: Api, req: RawRequest): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (req.cookie) headers.cookie = req.cookie;
  let payload: string | Buffer | undefined;
  if (req.raw !== undefined) payload = req.raw;
  else if (req.json !== undefined) payload = JSON.stringify(req.json);
  if (payload !== undefined && req.contentType !== null) headers['content-type'] = req.contentType ?? 'application/json';
  const res = await app.inject({ method: req.method, url: req.url, headers, ...(payload === undefined ? {} : { payload }) });
  let body: unknown = res.body;
  try { body = res.body ? JSON.parse(res.body) : undefined; } catch { /* not JSON: keep the text */ }
  return { status: res.statusCode, body, headers: res.headers };
}

export interface ProblemExpectation {
  /** Each of these must be named in errors[].field. */
  fields?: readonly string[];
  /** Every named field must be one of `fields` (or below one of them). */
  only?: boolean;
}

/** The title each status goes by (RFC 9110 names; 413 under either of its names). */
const TITLES: Record<number, RegExp> = {
  400: /^Bad Request$/, 401: /^Unauthorized$/, 403: /^Forbidden$/, 404: /^Not Found$/, 409: /^Conflict$/,
  413: /^(Content|Payload) Too Large$/, 415: /^Unsupported Media Type$/, 422: /^Unprocessable (Content|Entity)$/,
};

/** The answer is an RFC 9457 problem document with this status that names these fields. */
export function expectProblem(res: Answer, status: number, label: string, expectation: ProblemExpectation = {}): { field: string; message: string; code: string }[] {
  const where = `${label}: ${JSON.stringify(res.body)}`;
  expect(res.status, where).toBe(status);
  expect(String(res.headers['content-type']), where).toMatch(/^application\/problem\+json/);
  expect(res.body, where).toMatchObject({ status, type: expect.any(String), title: expect.any(String) });
  expect(res.body.title, where).toMatch(TITLES[status] ?? /\S/);
  expect(res.body.type, where).toMatch(new RegExp(`${status}$`));
  const errors: { field: string; message: string; code: string }[] = res.body.errors ?? [];
  for (const e of errors) {
    expect(e, where).toMatchObject({ field: expect.any(String), message: expect.any(String), code: expect.any(String) });
    expect(e.message.length, where).toBeGreaterThan(0);
  }
  const named = errors.map((e) => e.field);
  for (const field of expectation.fields ?? []) expect(named, where).toContain(field);
  if (expectation.only && expectation.fields) {
    const allowed = expectation.fields;
    for (const field of named) expect(allowed.some((f) => field === f || field.startsWith(`${f}.`)), `${where}: unexpected field ${field}`).toBe(true);
  }
  return errors;
}

/** Named reads whose answers together describe the stored state a test cares about. */
export type Views = Record<string, string>;

/** Reads every view; a failed read is part of the state (a 404 that becomes 200 is a change). */
export async function readViews(client: Client, views: Views, names: readonly string[] = Object.keys(views)): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = {};
  await Promise.all(names.map(async (name) => {
    const url = views[name];
    if (url === undefined) throw new Error(`no view called ${name}`);
    const res = await client.get(url);
    out[name] = { status: res.status, body: res.body };
  }));
  return out;
}
