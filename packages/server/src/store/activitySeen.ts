// How far each person has seen their units' activity (migration 007): the seq they last marked
// seen and when, so Mine lists what came after their last visit.
import { sql } from 'kysely';
import type { Db } from './executor.js';

export interface SeenMark { seq: number; seenAt: string }

export async function activitySeen(db: Db, orgId: string, personId: string): Promise<SeenMark | undefined> {
  const row = await db.selectFrom('activity_seen').select(['seq', 'seen_at']).where('org_id', '=', orgId).where('person_id', '=', personId).executeTakeFirst();
  return row ? { seq: Number(row.seq), seenAt: row.seen_at } : undefined;
}

/** The mark only moves forward: a tab left open since yesterday that marks what it showed then
 *  does not bring back what another tab has marked seen since. The time moves on either way. */
export async function markActivitySeen(db: Db, orgId: string, personId: string, seq: number, at: string): Promise<void> {
  await db.insertInto('activity_seen').values({ org_id: orgId, person_id: personId, seq, seen_at: at })
    .onConflict((oc) => oc.columns(['org_id', 'person_id']).doUpdateSet({
      seq: sql<number>`case when excluded.seq > activity_seen.seq then excluded.seq else activity_seen.seq end`,
      seen_at: sql<string>`excluded.seen_at`,
    }))
    .execute();
}
