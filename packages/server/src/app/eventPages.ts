// A page of recorded events as the histories, the audit trail and the activity lists answer it:
// the store is asked for one more than the page (is there a next one?), the cursor is the last
// entry's seq, and the names of what the changes refer to by id come along, so a reader shows
// "Marte Haugen" and "Q4 2026" rather than ids.
import { referencedIds, type EventEntry, type EventPage } from '@varde/core';
import type { Db } from '../store/executor.js';
import { namesOf } from '../store/names.js';

export async function eventPage(db: Db, orgId: string, rows: readonly EventEntry[], limit: number): Promise<EventPage> {
  const items = rows.slice(0, limit);
  const ids = new Set(items.flatMap((e) => [...referencedIds(e.changes)]));
  return {
    items,
    nextCursor: rows.length > limit ? String(items[items.length - 1]!.seq) : null,
    names: ids.size ? await namesOf(db, orgId, ids) : {},
  };
}
