// Session tokens: random, handed to the browser once; only their hash is stored, so a leaked
// database does not leak sessions.
import { createHash, randomBytes } from 'node:crypto';

/** The cookie over plain HTTP (a laptop, a test); over HTTPS the __Host- name below. */
export const SESSION_COOKIE = 'varde_session';
/** The __Host- prefix makes browsers insist on Secure, Path=/ and no Domain: no subdomain and no
 *  plain-HTTP page can set or overwrite it. */
export const SECURE_SESSION_COOKIE = '__Host-varde_session';
export const newSessionToken = (): string => randomBytes(32).toString('base64url');
export const sessionId = (token: string): string => createHash('sha256').update(token).digest('base64url');
