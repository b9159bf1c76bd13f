// A check-in: the weekly moment a team records where a key result stands and how sure they are.
import { checkInChanges, type CheckIn, type CheckInInput, type Page } from '@varde/core';
import { listCheckIns } from '../store/checkIns.js';
import { newId } from '../store/ids.js';
import { isoNow, type Actor, type Deps } from './context.js';
import { keyResultInContext } from './keyResults.js';
import { cursorOf, pageOf } from './paging.js';
import { checkInFacts } from './checkInEdits.js';
import { presentCheckIn } from '../presenters/checkIns.js';

export async function checkIn(deps: Deps, actor: Actor, keyResultId: string, input: CheckInInput): Promise<CheckIn> {
  const written = { id: newId(), orgId: actor.orgId, keyResultId, ...input, authorId: actor.personId, createdAt: isoNow(deps) };
  await deps.checkIns.submit(actor, written);
  const { id, createdAt } = written;
  // Its author, on the day it was made, in a period that took it: core's checkInChanges allows
  // both in any time zone, so the answer needs no read of the organisation's.
  const can = checkInChanges({ actor, checkIn: { authorId: actor.personId, createdAt: new Date(createdAt) }, keyResultOwnerId: null, now: new Date(createdAt), timeZone: 'UTC', readOnly: false });
  return { id, keyResultId, value: input.value, confidence: input.confidence, comment: input.comment, blockers: input.blockers, authorId: actor.personId, createdAt, editedAt: null, version: 1, can };
}

export async function readCheckIns(deps: Deps, actor: Actor, keyResultId: string, limit: number, cursor: string | undefined): Promise<Page<CheckIn>> {
  const db = deps.store.db;
  const context = await keyResultInContext(db, actor, keyResultId);
  const [rows, facts] = await Promise.all([listCheckIns(db, actor.orgId, keyResultId, limit + 1, cursorOf(cursor)), checkInFacts(deps, db, actor, context)]);
  const page = pageOf(rows, limit);
  return { ...page, items: page.items.map((c) => presentCheckIn(c, facts)) };
}
