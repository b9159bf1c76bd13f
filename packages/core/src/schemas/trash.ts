// The trash: what a deletion answers (the id that undoes it) and what a restore answers.
import { z } from 'zod';
import { Id, Timestamp } from './common.js';

export const TrashKind = z.enum(['objective', 'keyResult', 'initiative']);
export type TrashKind = z.infer<typeof TrashKind>;

export const Deletion = z.object({
  undoId: Id.describe('Send it to POST /api/v1/trash/{undoId}/restore to put everything back'),
  kind: TrashKind,
  subjectId: Id,
  restorableUntil: Timestamp,
});
export type Deletion = z.infer<typeof Deletion>;

export const Restoration = z.object({ kind: TrashKind, subjectId: Id });
export type Restoration = z.infer<typeof Restoration>;

/** What deleting an objective or a key result would take with it, for the confirmation. */
export const DeletionImpact = z.object({
  keyResults: z.number().int(),
  checkIns: z.number().int(),
  initiatives: z.number().int().describe('Initiatives that move what would be deleted; they stay, without the link'),
  alignedObjectives: z.number().int().describe('Other objectives that pay into what would be deleted; they stay, without the link'),
});
export type DeletionImpact = z.infer<typeof DeletionImpact>;

export const UndoParams = z.object({ undoId: Id });
