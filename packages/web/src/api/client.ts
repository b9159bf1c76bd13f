// The typed HTTP client: JSON in and out, problem documents turned into ApiError so forms can
// show each field's message where it belongs.
import type { FieldError, Problem } from '@varde/core';
import { forgetFirstAnswers, takeFirstAnswer } from './firstAnswers';

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem | undefined) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }
  get errors(): FieldError[] { return this.problem?.errors ?? []; }
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  if (method === 'GET') {
    const first = takeFirstAnswer(url);
    if (first !== undefined) return first as T;
  } else {
    forgetFirstAnswers();
  }
  const res = await fetch(`/api/v1${url}`, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  const data = text ? JSON.parse(text) : undefined;
  if (!res.ok) throw new ApiError(res.status, data as Problem | undefined);
  return data as T;
}

export const api = {
  get: <T>(url: string) => request<T>('GET', url),
  post: <T>(url: string, body: unknown = {}) => request<T>('POST', url, body),
  patch: <T>(url: string, body: unknown) => request<T>('PATCH', url, body),
  del: <T = void>(url: string) => request<T>('DELETE', url),
};

export function query(params: Record<string, string | number | undefined | null>): string {
  const entries = Object.entries(params).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== null && e[1] !== '');
  return entries.length ? `?${new URLSearchParams(entries.map(([k, v]) => [k, String(v)])).toString()}` : '';
}
