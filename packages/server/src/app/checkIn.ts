// A check-in: the weekly moment a team records where a key result stands and how sure they are.
import type { CheckIn, CheckInInput, Page } from '@varde/core';
import { listCheckIns, recordCheckIn } from '../store/checkIns.js';
import { newId } from '../store/ids.js';
import { write } from '../store/groupCommit.js';
import { isoNow, type Actor, type Deps } from './context.js';
import { checkInRefusal } from './checkInRefusal.js';
import { submitCheckIn } from './checkInBatches.js';
import { keyResultInContext } from './keyResults.js';
import { cursorOf, pageOf } from './paging.js';

export async function checkIn(deps: Deps, actor: Actor, keyResultId: string, input: CheckInInput): Promise<CheckIn> {
  const written = { id: newId(), orgId: actor.orgId, keyResultId, ...input, authorId: actor.personId, createdAt: isoNow(deps) };
  if (deps.store.dialect === 'postgres') {
    await submitCheckIn(deps.store, actor, written);
  } else {
    await write(deps.store, async (trx) => {
      const context = await keyResultInContext(trx, actor, keyResultId);
      const refusal = checkInRefusal(actor, context, input);
      if (refusal) throw refusal;
      await recordCheckIn(trx, written, context.kr.objectiveId);
    });
  }
  const { id, createdAt } = written;
  return { id, keyResultId, value: input.value, confidence: input.confidence, comment: input.comment, blockers: input.blockers, authorId: actor.personId, createdAt };
}

export async function readCheckIns(deps: Deps, actor: Actor, keyResultId: string, limit: number, cursor: string | undefined): Promise<Page<CheckIn>> {
  await keyResultInContext(deps.store.db, actor, keyResultId);
  return pageOf(await listCheckIns(deps.store.db, actor.orgId, keyResultId, limit + 1, cursorOf(cursor)), limit);
}
