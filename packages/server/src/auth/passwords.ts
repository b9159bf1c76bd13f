// Password hashing with argon2id at OWASP's first recommended setting (19 MiB, 2 passes, one
// lane), computed off the main thread by @node-rs/argon2. Hashes made by earlier versions of
// Varde (scrypt, N=16384) still verify, and say they need rehashing so sign-in can upgrade them.
//
// Every hash and verification waits its turn in one small queue: each costs 19 MiB and tens of
// milliseconds of a core, so a flood of sign-ins would otherwise exhaust memory and starve every
// other request. When the waiting line is full the caller is told to come back (503, Retry-After)
// rather than queued without end.
import { scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';
import { AppError } from '../app/errors.js';

/** Argon2id (the enum is a const enum the compiler cannot inline across packages). */
const ARGON2ID = 2;
const ARGON2 = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;
const CURRENT_PREFIX = `$argon2id$v=19$m=${ARGON2.memoryCost},t=${ARGON2.timeCost},p=${ARGON2.parallelism}$`;

/** Runs at most `concurrency` tasks at once; the others wait in arrival order, at most `maxWaiting` of them. */
export class WorkQueue {
  private active = 0;
  private readonly line: Array<() => void> = [];

  constructor(readonly concurrency: number, readonly maxWaiting: number, private readonly retryAfterSeconds = 1) {}

  get running(): number { return this.active; }
  get waiting(): number { return this.line.length; }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active >= this.concurrency) {
      if (this.line.length >= this.maxWaiting) {
        throw new AppError(503, 'Service Unavailable', 'Too many sign-ins and password changes at once; try again in a moment',
          undefined, { 'retry-after': String(this.retryAfterSeconds) });
      }
      // The finishing task hands its place straight to the first in line, so `active` never
      // dips and a newcomer cannot overtake those already waiting.
      await new Promise<void>((resolve) => this.line.push(resolve));
    } else {
      this.active++;
    }
    try {
      return await task();
    } finally {
      const next = this.line.shift();
      if (next) next();
      else this.active--;
    }
  }
}

/** The queue every password operation of this process goes through. */
export const passwordWork = new WorkQueue(2, 64);

const normalised = (password: string) => password.normalize('NFKC');

export function hashPassword(password: string): Promise<string> {
  return passwordWork.run(() => hash(normalised(password), ARGON2));
}

function deriveScrypt(password: string, salt: Buffer, n: number, r: number, p: number, keylen: number): Promise<Buffer> {
  const options: ScryptOptions = { N: n, r, p, maxmem: 64 * 1024 * 1024 };
  return new Promise((resolve, reject) => scrypt(normalised(password), salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key))));
}

/** The format of Varde before argon2id: scrypt$N$r$p$salt$key, base64. */
async function verifyScrypt(password: string, stored: string): Promise<boolean> {
  const [, n, r, p, salt, key] = stored.split('$');
  if (!n || !r || !p || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await deriveScrypt(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p), expected.length);
  return timingSafeEqual(actual, expected);
}

export function verifyPassword(password: string, stored: string): Promise<boolean> {
  return passwordWork.run(async () => {
    if (stored.startsWith('$argon2')) return verify(stored, normalised(password)).catch(() => false);
    if (stored.startsWith('scrypt$')) return verifyScrypt(password, stored);
    return false;
  });
}

/** Whether a stored hash is weaker than (or different from) what hashPassword makes today. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(CURRENT_PREFIX);
}

/** Verifying against a fixed hash when the account is unknown keeps the answer time the same.
 *  It is the hash of a random value nobody kept, made with today's parameters. */
export const DUMMY_HASH = '$argon2id$v=19$m=19456,t=2,p=1$8WfE6F3zC9hN1n1TpWXX2Q$UKR+Wum3y2cc5lHx92UMGPsqtXrsgFOt+Ed3XLfkQDc';
