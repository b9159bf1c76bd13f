// Comment threads on objectives and key results, and whom each comment mentions.
import type { Db, VersionedUpdate } from './executor.js';
import { updatedRows } from './executor.js';
import type { CommentTable } from './schema.js';

/** The thread: an objective's own (keyResultId null) or one of its key results'. */
export interface CommentThreadRef { objectiveId: string; keyResultId: string | null }

export async function listCommentRows(db: Db, orgId: string, thread: CommentThreadRef, limit: number, cursor: string | undefined): Promise<CommentTable[]> {
  let q = db.selectFrom('comments').selectAll().where('org_id', '=', orgId).where('objective_id', '=', thread.objectiveId);
  q = thread.keyResultId === null ? q.where('key_result_id', 'is', null) : q.where('key_result_id', '=', thread.keyResultId);
  if (cursor) q = q.where('id', '>', cursor);
  return q.orderBy('id').limit(limit).execute();
}

export async function getCommentRow(db: Db, orgId: string, id: string): Promise<CommentTable | undefined> {
  return db.selectFrom('comments').selectAll().where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
}

export async function insertComment(db: Db, c: { id: string; orgId: string; objectiveId: string; keyResultId: string | null; authorId: string; body: string; now: string }, mentionIds: readonly string[]): Promise<void> {
  await db.insertInto('comments').values({
    id: c.id, org_id: c.orgId, objective_id: c.objectiveId, key_result_id: c.keyResultId, author_id: c.authorId, body: c.body,
    version: 1, created_at: c.now, edited_at: null,
  }).execute();
  await replaceMentions(db, c.orgId, c.id, mentionIds);
}

async function replaceMentions(db: Db, orgId: string, commentId: string, personIds: readonly string[]): Promise<void> {
  await db.deleteFrom('comment_mentions').where('comment_id', '=', commentId).execute();
  if (personIds.length) await db.insertInto('comment_mentions').values(personIds.map((p) => ({ org_id: orgId, comment_id: commentId, person_id: p }))).execute();
}

export async function updateCommentBody(db: Db, orgId: string, id: string, version: number, body: string, mentionIds: readonly string[], now: string): Promise<VersionedUpdate> {
  const result = await db.updateTable('comments').set({ body, version: version + 1, edited_at: now })
    .where('org_id', '=', orgId).where('id', '=', id).where('version', '=', version).executeTakeFirst();
  if (updatedRows(result) !== 1) return (await getCommentRow(db, orgId, id)) ? 'stale' : 'missing';
  await replaceMentions(db, orgId, id, mentionIds);
  return 'updated';
}

/** Deletes a comment; its mentions go with it (foreign key cascade). */
export async function deleteComment(db: Db, orgId: string, id: string): Promise<boolean> {
  const result = await db.deleteFrom('comments').where('org_id', '=', orgId).where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}
