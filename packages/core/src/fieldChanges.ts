// What an event says changed: for each field that changed, its value before and after. A created
// object is all "after", a deleted one all "before", so the audit trail holds the object whole at
// both ends of its life.

export interface FieldChange { field: string; before: unknown; after: unknown }

const same = (a: unknown, b: unknown): boolean =>
  a === b || (typeof a === 'object' && a !== null && typeof b === 'object' && b !== null && JSON.stringify(a) === JSON.stringify(b));

/** The fields (of `fields`, in that order) whose values differ; a field absent from `after` did not change. */
export function fieldChanges<T extends object>(before: T, after: Partial<T>, fields: ReadonlyArray<keyof T & string>): FieldChange[] {
  const changes: FieldChange[] = [];
  for (const field of fields) {
    if (!(field in after) || after[field] === undefined) continue;
    if (!same(before[field], after[field])) changes.push({ field, before: before[field] ?? null, after: after[field] ?? null });
  }
  return changes;
}

export function createdChanges<T extends object>(created: T, fields: ReadonlyArray<keyof T & string>): FieldChange[] {
  return fields.filter((f) => created[f] !== undefined).map((field) => ({ field, before: null, after: created[field] ?? null }));
}

export function deletedChanges<T extends object>(deleted: T, fields: ReadonlyArray<keyof T & string>): FieldChange[] {
  return fields.filter((f) => deleted[f] !== undefined).map((field) => ({ field, before: deleted[field] ?? null, after: null }));
}
