// A check-in: the weekly moment a team records where a key result stands and how sure they are.
import type { CheckIn, CheckInInput, Page } from '@varde/core';
import { listCheckIns, recordCheckIn } from '../store/checkIns.js';
import { newId } from '../store/ids.js';
import { write } from '../store/groupCommit.js';
import { authorise, policies } from '../auth/policies.js';
import { isoNow, type Actor, type Deps } from './context.js';
import { invalid } from './errors.js';
import { keyResultInContext } from './keyResults.js';
import { cursorOf, pageOf } from './paging.js';

export async function checkIn(deps: Deps, actor: Actor, keyResultId: string, input: CheckInInput): Promise<CheckIn> {
  const id = newId();
  const createdAt = isoNow(deps);
  await write(deps.store, async (trx) => {
    const { kr, periodState, actorIsMember } = await keyResultInContext(trx, actor, keyResultId, { lockObjective: true });
    await authorise(policies.checkInOn(actor, { ownerId: kr.ownerId, actorIsMember }), 'check in on this key result');
    if (kr.type === 'milestone' && input.value !== 0 && input.value !== 1) {
      throw invalid('value', 'must be 0 (not done) or 1 (done) for a milestone', 'milestone');
    }
    if (periodState === 'closed') throw invalid('keyResultId', 'belongs to a closed period; reopen it to check in', 'closed');
    await recordCheckIn(trx, { id, orgId: actor.orgId, keyResultId, ...input, authorId: actor.personId, createdAt }, kr.objectiveId);
  });
  return { id, keyResultId, value: input.value, confidence: input.confidence, comment: input.comment, blockers: input.blockers, authorId: actor.personId, createdAt };
}

export async function readCheckIns(deps: Deps, actor: Actor, keyResultId: string, limit: number, cursor: string | undefined): Promise<Page<CheckIn>> {
  await keyResultInContext(deps.store.db, actor, keyResultId);
  return pageOf(await listCheckIns(deps.store.db, actor.orgId, keyResultId, limit + 1, cursorOf(cursor)), limit);
}
