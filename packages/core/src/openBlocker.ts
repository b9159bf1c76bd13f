// A key result's open blocker: what its newest check-in names as blocking it. A later check-in
// with no blockers clears it; an older check-in's blockers never count.

export interface NewestCheckIn { blockers: string | null; createdAt: string; authorName: string | null }
export interface OpenBlocker { text: string; since: string; authorName: string | null }

/** The newest check-in's blockers (trimmed) when they say anything, else null. `since` is when
 *  that check-in was written. */
export function openBlocker(newest: NewestCheckIn | null | undefined): OpenBlocker | null {
  const text = newest?.blockers?.trim();
  if (!newest || !text) return null;
  return { text, since: newest.createdAt, authorName: newest.authorName };
}
