// Password hashing: argon2id at the agreed cost, old scrypt hashes still verifying, and the queue
// that keeps a flood of hashes from running all at once (with real hashing, not stand-ins).
import { randomBytes, scryptSync } from 'node:crypto';
import { hash } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { AppError } from '../app/errors.js';
import { DUMMY_HASH, hashPassword, needsRehash, passwordWork, verifyPassword, WorkQueue } from './passwords.js';

const realHash = () => hash(randomBytes(12).toString('hex'), { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 });

describe('password hashes', () => {
  it('are argon2id with 19 MiB, two passes and one lane, and verify only the right password', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(needsRehash(stored)).toBe(false);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse battery!', stored)).toBe(false);
  });

  it('still verify the scrypt format of earlier versions, which needs rehashing', async () => {
    const salt = randomBytes(16);
    const key = scryptSync('gammelt passord her', salt, 32, { N: 16384, r: 8, p: 1, maxmem: 64 * 1024 * 1024 });
    const legacy = `scrypt$16384$8$1$${salt.toString('base64')}$${key.toString('base64')}`;
    expect(await verifyPassword('gammelt passord her', legacy)).toBe(true);
    expect(await verifyPassword('gammelt passord', legacy)).toBe(false);
    expect(needsRehash(legacy)).toBe(true);
    expect(needsRehash('$argon2id$v=19$m=4096,t=3,p=1$c2FsdHNhbHQ$aGFzaA')).toBe(true);
  });

  it('have a dummy that is a real argon2id hash at today\'s cost, so unknown accounts take as long', async () => {
    expect(needsRehash(DUMMY_HASH)).toBe(false);
    expect(await verifyPassword('anything at all', DUMMY_HASH)).toBe(false);
  });

  it('go through the shared queue, two at a time', async () => {
    const work = Array.from({ length: 5 }, (_, i) => hashPassword(`passord nummer ${i}`));
    expect(passwordWork.running).toBe(2);
    expect(passwordWork.waiting).toBe(3);
    await Promise.all(work);
    expect(passwordWork.running).toBe(0);
    expect(passwordWork.waiting).toBe(0);
  });
});

describe('the work queue', () => {
  it('never runs more than its bound at once, and starts tasks in arrival order', async () => {
    const queue = new WorkQueue(2, 100);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const finished: number[] = [];
    await Promise.all(Array.from({ length: 8 }, (_, i) => queue.run(async () => {
      started.push(i);
      running++;
      most = Math.max(most, running);
      await realHash();
      running--;
      finished.push(i);
    })));
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(finished.sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('refuses with 503 and Retry-After when the waiting line is full, and keeps working after', async () => {
    const queue = new WorkQueue(1, 2, 3);
    const accepted = [queue.run(realHash), queue.run(realHash), queue.run(realHash)];
    const refusal = await queue.run(realHash).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ status: 503, headers: { 'retry-after': '3' } });
    expect(await Promise.all(accepted)).toHaveLength(3);
    await expect(queue.run(realHash)).resolves.toMatch(/^\$argon2id\$/);
  });

  it('gives the place of a failed task to the next in line', async () => {
    const queue = new WorkQueue(1, 5);
    const failing = queue.run(async () => { await realHash(); throw new Error('broken'); });
    const next = queue.run(realHash);
    await expect(failing).rejects.toThrow('broken');
    await expect(next).resolves.toMatch(/^\$argon2id\$/);
    expect(queue.running).toBe(0);
  });
});
