// What the anonymous mood vote of a retrospective shows: how many voted and, once at least three
// have, how the votes fall on 1–5 and their mean. Below three a distribution would let the team
// read one person's vote off it (two votes of 2 and 4 tell each voter the other's), so none is given.

export const MOOD_VALUES = [1, 2, 3, 4, 5] as const;
export type MoodValue = (typeof MOOD_VALUES)[number];
/** The fewest votes for which the distribution and mean are shown. */
export const MOOD_VOTES_SHOWN = 3;

export interface MoodSummary { votes: number; distribution: number[] | null; mean: number | null }

/** From the count of votes for each mood value (index 0 is mood 1). */
export function moodSummary(counts: readonly number[]): MoodSummary {
  const distribution = MOOD_VALUES.map((_, i) => Math.max(0, Math.trunc(counts[i] ?? 0)));
  const votes = distribution.reduce((a, b) => a + b, 0);
  if (votes < MOOD_VOTES_SHOWN) return { votes, distribution: null, mean: null };
  const sum = distribution.reduce((a, n, i) => a + n * (i + 1), 0);
  return { votes, distribution, mean: Math.round((sum / votes) * 10) / 10 };
}
