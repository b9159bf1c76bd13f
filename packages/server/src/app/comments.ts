// Comment threads on objectives and key results. A comment's @Name mentions are found among the
// organisation's active people and kept as their ids (core's mentions), so a thread names people
// rightly after a change of name, and can tell later whom it mentioned.
import {
  commentCan, createdChanges, deletedChanges, encodeMentions, fieldChanges, findMentions, mayComment, mentionedIds, mentionParts,
  mentionText, mentionWords, type Comment, type CommentCreate, type CommentPatch, type Page,
} from '@varde/core';
import { unitOfWork } from '../events/unitOfWork.js';
import { commentSubject, fieldsOf } from '../events/subjects.js';
import { deleteComment, getCommentRow, insertComment, listCommentRows, updateCommentBody, type CommentThreadRef } from '../store/comments.js';
import type { CommentTable } from '../store/schema.js';
import { getObjective } from '../store/objectives.js';
import { keyResultContext } from '../store/keyResults.js';
import { unitWriteFacts } from '../store/units.js';
import { mentionCandidates, peopleNames } from '../store/people.js';
import { newId } from '../store/ids.js';
import type { Db } from '../store/executor.js';
import { authorise } from '../auth/policies.js';
import type { Actor, Deps } from './context.js';
import { AppError, notFound, staleVersion, unitArchived } from './errors.js';
import { cursorOf, pageOf } from './paging.js';

/** What a thread is on, asked for by the path: an objective or a key result. */
export type ThreadSubject = { objectiveId: string } | { keyResultId: string };

/** A thread as a comment's rights and events need it: where it sits and what it is called. */
interface Thread extends CommentThreadRef { unitId: string; title: string; unitArchivedAt: string | null }

async function threadOf(db: Db, actor: Actor, on: ThreadSubject): Promise<Thread> {
  if ('objectiveId' in on) {
    const o = await getObjective(db, actor.orgId, on.objectiveId);
    if (!o) throw notFound('The objective');
    const unit = await unitWriteFacts(db, o.unitId, actor.personId);
    return { objectiveId: o.id, keyResultId: null, unitId: o.unitId, title: o.title, unitArchivedAt: unit?.archivedAt ?? null };
  }
  const k = await keyResultContext(db, actor.orgId, on.keyResultId, actor.personId);
  if (!k) throw notFound('The key result');
  return { objectiveId: k.kr.objectiveId, keyResultId: k.kr.id, unitId: k.unitId, title: k.kr.title, unitArchivedAt: k.unitArchivedAt };
}

/** The thread a stored comment is in; a comment whose objective or key result is in the trash is not found. */
async function threadOfComment(db: Db, actor: Actor, row: CommentTable): Promise<Thread> {
  try {
    return await threadOf(db, actor, row.key_result_id ? { keyResultId: row.key_result_id } : { objectiveId: row.objective_id });
  } catch (error) {
    if (error instanceof AppError && error.status === 404) throw notFound('The comment');
    throw error;
  }
}

async function present(db: Db, actor: Actor, thread: Thread, rows: readonly CommentTable[]): Promise<Comment[]> {
  const names = await peopleNames(db, actor.orgId, rows.flatMap((r) => [...(r.author_id ? [r.author_id] : []), ...mentionedIds(r.body)]));
  return rows.map((r) => {
    const parts = mentionParts(r.body, names);
    const mentions = [...new Map(parts.flatMap((p) => ('personId' in p ? [[p.personId, names.get(p.personId) ?? '']] as const : []))).entries()]
      .map(([personId, name]) => ({ personId, name }));
    return {
      id: r.id, objectiveId: r.objective_id, keyResultId: r.key_result_id, body: mentionText(parts), parts, mentions,
      author: r.author_id ? { id: r.author_id, name: names.get(r.author_id) ?? '' } : null,
      createdAt: r.created_at, editedAt: r.edited_at,
      can: commentCan(actor, { authorId: r.author_id }, { archivedAt: thread.unitArchivedAt }), version: r.version,
    };
  });
}

/** What a comment's events tell: its text as shown then, and whom it mentions. */
const eventView = (c: Comment) => ({ body: c.body, mentionIds: c.mentions.map((m) => m.personId) });
const EVENT_FIELDS = fieldsOf<ReturnType<typeof eventView>>('comment');

/** The comment as kept: each @Name of an active person replaced by their id. */
async function encoded(db: Db, orgId: string, body: string): Promise<{ stored: string; mentionIds: string[] }> {
  const candidates = await mentionCandidates(db, orgId, mentionWords(body));
  const stored = encodeMentions(body, findMentions(body, candidates));
  return { stored, mentionIds: mentionedIds(stored) };
}

export async function readComments(deps: Deps, actor: Actor, on: ThreadSubject, limit: number, cursor: string | undefined): Promise<Page<Comment>> {
  const db = deps.store.db;
  const thread = await threadOf(db, actor, on);
  const page = pageOf(await listCommentRows(db, actor.orgId, thread, limit + 1, cursorOf(cursor)), limit);
  return { items: await present(db, actor, thread, page.items), nextCursor: page.nextCursor };
}

export async function addComment(deps: Deps, actor: Actor, on: ThreadSubject, input: CommentCreate): Promise<Comment> {
  const id = newId();
  return unitOfWork(deps, actor, async ({ trx, record, now }) => {
    const thread = await threadOf(trx, actor, on);
    if (!mayComment({ archivedAt: thread.unitArchivedAt })) throw unitArchived('id');
    const { stored, mentionIds } = await encoded(trx, actor.orgId, input.body);
    await insertComment(trx, { id, orgId: actor.orgId, objectiveId: thread.objectiveId, keyResultId: thread.keyResultId, authorId: actor.personId, body: stored, now }, mentionIds);
    const [created] = await present(trx, actor, thread, [(await getCommentRow(trx, actor.orgId, id))!]);
    record('comment.created', commentSubject(created!, thread), createdChanges(eventView(created!), EVENT_FIELDS));
    return created!;
  });
}

export async function changeComment(deps: Deps, actor: Actor, id: string, patch: CommentPatch): Promise<Comment> {
  return unitOfWork(deps, actor, async ({ trx, record, now }) => {
    const row = await getCommentRow(trx, actor.orgId, id);
    if (!row) throw notFound('The comment');
    const thread = await threadOfComment(trx, actor, row);
    if (!mayComment({ archivedAt: thread.unitArchivedAt })) throw unitArchived('id');
    const [before] = await present(trx, actor, thread, [row]);
    await authorise(before!.can.edit, "change another person's comment");
    const { stored, mentionIds } = await encoded(trx, actor.orgId, patch.body);
    const outcome = await updateCommentBody(trx, actor.orgId, id, patch.version, stored, mentionIds, now);
    if (outcome !== 'updated') throw outcome === 'stale' ? staleVersion('The comment') : notFound('The comment');
    const [after] = await present(trx, actor, thread, [(await getCommentRow(trx, actor.orgId, id))!]);
    record('comment.changed', commentSubject(after!, thread), fieldChanges(eventView(before!), eventView(after!), EVENT_FIELDS));
    return after!;
  });
}

export async function removeComment(deps: Deps, actor: Actor, id: string): Promise<void> {
  await unitOfWork(deps, actor, async ({ trx, record }) => {
    const row = await getCommentRow(trx, actor.orgId, id);
    if (!row) throw notFound('The comment');
    const thread = await threadOfComment(trx, actor, row);
    if (!mayComment({ archivedAt: thread.unitArchivedAt })) throw unitArchived('id');
    const [current] = await present(trx, actor, thread, [row]);
    await authorise(current!.can.delete, "delete another person's comment");
    await deleteComment(trx, actor.orgId, id);
    record('comment.deleted', commentSubject(current!, thread), deletedChanges(eventView(current!), EVENT_FIELDS));
  });
}
