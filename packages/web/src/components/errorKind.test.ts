import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { errorKind } from './errorKind';

describe('errorKind', () => {
  it('names each HTTP status for what it means, from an ApiError or a bare status', () => {
    expect(errorKind(new ApiError(403, undefined))).toBe('forbidden');
    expect(errorKind({ status: 403 })).toBe('forbidden');
    expect(errorKind(new ApiError(404, undefined))).toBe('notFound');
    expect(errorKind({ status: 404 })).toBe('notFound');
    expect(errorKind(new ApiError(409, undefined))).toBe('conflict');
    expect(errorKind(new ApiError(401, undefined))).toBe('signedOut');
    expect(errorKind(new ApiError(500, undefined))).toBe('server');
    expect(errorKind(new ApiError(503, undefined))).toBe('server');
    expect(errorKind(new ApiError(422, undefined))).toBe('refused');
  });

  it('calls a fetch that never reached Varde offline, and anything else unknown rather than a network fault', () => {
    expect(errorKind(new TypeError('Failed to fetch'))).toBe('offline');
    expect(errorKind(new Error('boom'), false)).toBe('offline');
    expect(errorKind(new Error('boom'))).toBe('unknown');
    expect(errorKind(undefined)).toBe('unknown');
  });
});
