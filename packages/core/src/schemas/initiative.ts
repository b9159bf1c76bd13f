// Initiatives (tiltak): the work that moves key results, each with one owner.
import { z } from 'zod';
import { Id, ListQuery, LongText, Timestamp, Title, Version } from './common.js';

export const InitiativeStatus = z.enum(['planned', 'in-progress', 'blocked', 'done', 'cancelled']);
const KeyResultIds = z.array(Id).max(20, 'at most 20 key results')
  .refine((ids) => new Set(ids).size === ids.length, { message: 'lists a key result twice', params: { code: 'duplicate' } });

export const Initiative = z.object({
  id: Id,
  unitId: Id,
  periodId: Id.nullable(),
  title: z.string(),
  description: z.string(),
  ownerId: Id.nullable(),
  status: InitiativeStatus,
  keyResultIds: z.array(Id),
  version: z.number().int(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Initiative = z.infer<typeof Initiative>;

export const InitiativeCreate = z.object({
  unitId: Id,
  periodId: Id.nullable().default(null),
  title: Title,
  description: LongText.default(''),
  ownerId: Id.nullable().default(null),
  status: InitiativeStatus.default('planned'),
  keyResultIds: KeyResultIds.default([]),
}).strict();
export type InitiativeCreate = z.infer<typeof InitiativeCreate>;

export const InitiativePatch = z.object({
  version: Version,
  title: Title.optional(),
  description: LongText.optional(),
  ownerId: Id.nullable().optional(),
  status: InitiativeStatus.optional(),
  periodId: Id.nullable().optional(),
  keyResultIds: KeyResultIds.optional(),
}).strict();
export type InitiativePatch = z.infer<typeof InitiativePatch>;

export const InitiativeQuery = ListQuery.extend({ unit: Id.optional(), period: Id.optional(), keyResult: Id.optional(), owner: Id.optional() });
