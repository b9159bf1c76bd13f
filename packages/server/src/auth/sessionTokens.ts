// Session tokens: random, handed to the browser once; only their hash is stored, so a leaked
// database does not leak sessions.
import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'varde_session';
export const SESSION_DAYS = 30;
export const newSessionToken = (): string => randomBytes(32).toString('base64url');
export const sessionId = (token: string): string => createHash('sha256').update(token).digest('base64url');
