// Which recorded values are ids of other things: an owner, a period, a parent unit, what an
// objective pays into, a unit's members. The trail keeps the ids (an id says exactly who or what,
// even after a rename); whoever shows a change puts the names in, and must know where to look.

import type { FieldChange } from './fieldChanges.js';

/** Fields whose value is an id or a list of ids. */
const ID_FIELDS: ReadonlySet<string> = new Set(['ownerId', 'ownerIds', 'authorId', 'periodId', 'parentId', 'unitId', 'objectiveId', 'keyResultId', 'keyResultIds', 'personId']);
/** Fields whose value is a list of objects holding ids: alignments ({ objectiveId } or
 *  { keyResultId }) and members ({ personId, role }). */
const NESTED_ID_FIELDS: ReadonlySet<string> = new Set(['alignments', 'members']);

export const isReferenceField = (field: string): boolean => ID_FIELDS.has(field) || NESTED_ID_FIELDS.has(field);

function idsIn(field: string, value: unknown, into: Set<string>): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) { for (const v of value) idsIn(field, v, into); return; }
  if (typeof value === 'string') { if (ID_FIELDS.has(field)) into.add(value); return; }
  if (typeof value === 'object' && NESTED_ID_FIELDS.has(field)) {
    for (const [key, inner] of Object.entries(value as Record<string, unknown>)) if (ID_FIELDS.has(key) && typeof inner === 'string') into.add(inner);
  }
}

/** Every id the changes refer to, before and after. */
export function referencedIds(changes: readonly FieldChange[]): Set<string> {
  const ids = new Set<string>();
  for (const c of changes) {
    if (!isReferenceField(c.field)) continue;
    idsIn(c.field, c.before, ids);
    idsIn(c.field, c.after, ids);
  }
  return ids;
}
