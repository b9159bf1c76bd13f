// The history of an objective and of a key result: what was recorded about it, newest first. An
// objective's history is its whole story: its own changes, its key results' and their check-ins.
// Whoever may read the object may read its history (everyone signed in in its organisation).
import type { EventPage } from '@varde/core';
import { listEvents } from '../store/events.js';
import { getObjective } from '../store/objectives.js';
import { getKeyResult } from '../store/keyResults.js';
import type { Actor, Deps } from './context.js';
import { notFound } from './errors.js';
import { eventPage } from './eventPages.js';
import { seqCursorOf } from './paging.js';

export async function readObjectiveHistory(deps: Deps, actor: Actor, id: string, limit: number, cursor: string | undefined): Promise<EventPage> {
  const db = deps.store.db;
  const beforeSeq = seqCursorOf(cursor);
  if (!(await getObjective(db, actor.orgId, id))) throw notFound('The objective');
  return eventPage(db, actor.orgId, await listEvents(db, actor.orgId, { objectiveId: id, beforeSeq }, limit + 1), limit);
}

export async function readKeyResultHistory(deps: Deps, actor: Actor, id: string, limit: number, cursor: string | undefined): Promise<EventPage> {
  const db = deps.store.db;
  const beforeSeq = seqCursorOf(cursor);
  if (!(await getKeyResult(db, actor.orgId, id))) throw notFound('The key result');
  return eventPage(db, actor.orgId, await listEvents(db, actor.orgId, { keyResultId: id, beforeSeq }, limit + 1), limit);
}
