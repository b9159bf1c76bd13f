// Who may write in the thread of an objective or a key result. Everyone in the organisation may
// comment, as everyone may read every unit's OKRs: the threads are where other units ask and
// answer. A comment is its author's words, so only they change it; an admin may remove one too
// (a comment that should not stand). An archived unit's threads are history, like its OKRs.
import { okrsReadOnly } from './unitArchive.js';

export interface CommentActor { personId: string; isAdmin: boolean }
export interface CommentCan { edit: boolean; delete: boolean }

export function mayComment(unit: { archivedAt: string | null }): boolean {
  return !okrsReadOnly(unit);
}

export function commentCan(actor: CommentActor, comment: { authorId: string | null }, unit: { archivedAt: string | null }): CommentCan {
  if (okrsReadOnly(unit)) return { edit: false, delete: false };
  const author = comment.authorId !== null && comment.authorId === actor.personId;
  return { edit: author, delete: author || actor.isAdmin };
}
