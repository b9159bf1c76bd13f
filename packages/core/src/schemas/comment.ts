// Comments: a thread on each objective and each key result, with mentions of people (mentions.ts).
import { z } from 'zod';
import { Id, ListQuery, Timestamp, Version } from './common.js';

const Body = z.string().trim().min(1, 'must not be empty').max(4000, 'must be at most 4000 characters');

export const CommentPart = z.union([
  z.object({ text: z.string() }).strict(),
  z.object({ personId: Id, text: z.string() }).strict(),
]);

export const Comment = z.object({
  id: Id,
  objectiveId: Id.describe('The objective the thread is on, or the key result\'s objective'),
  keyResultId: Id.nullable().describe('The key result the thread is on; null for the objective\'s own thread'),
  body: z.string().describe('The comment as text, each mention as @ and the name the person has now'),
  parts: z.array(CommentPart).describe('The same text in parts: plain text, and mentions with the person\'s id'),
  mentions: z.array(z.object({ personId: Id, name: z.string() })),
  author: z.object({ id: Id, name: z.string() }).nullable(),
  createdAt: Timestamp,
  editedAt: Timestamp.nullable(),
  can: z.object({ edit: z.boolean(), delete: z.boolean() }).describe('Its author edits it; its author or an admin deletes it'),
  version: z.number().int(),
});
export type Comment = z.infer<typeof Comment>;

export const CommentCreate = z.object({
  body: Body.describe('The text; @ and a person\'s whole name mentions them'),
}).strict();
export type CommentCreate = z.infer<typeof CommentCreate>;

export const CommentPatch = z.object({ version: Version, body: Body }).strict();
export type CommentPatch = z.infer<typeof CommentPatch>;

export const CommentQuery = ListQuery;
