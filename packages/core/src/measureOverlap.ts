// Key results of different units that measure the same thing, suggested as overlaps at the
// alignment between units (article 004: the teams of an area "identify overlaps and interfaces").
// Two key results overlap when they count in the same measure ("givere", "medlemmar") and their
// titles, the measure's words aside, share at least half the words of the shorter one: "Nye faste
// givere" and "Nye faste givere via digitale kanaler". Words are compared lower-cased, without the
// little words of bokmål, Swedish and English and without their common endings, so "medlemmer",
// "medlemmar" and "medlem" are one word. It only suggests: the units decide.

const STOP_WORDS = new Set([
  // bokmål
  'og', 'i', 'på', 'til', 'for', 'av', 'med', 'som', 'har', 'en', 'et', 'ei', 'den', 'det', 'de', 'fra', 'om', 'per', 'minst', 'hver',
  'alle', 'vår', 'våre', 'vi', 'via', 'antall', 'andel', 'innen', 'etter', 'ved', 'der', 'eller', 'å', 'er', 'blir',
  // Swedish
  'och', 'till', 'för', 'ett', 'från', 'antal', 'andel', 'alla', 'våra', 'inom', 'efter', 'vid', 'där', 'eller', 'att', 'är', 'blir',
  // English
  'the', 'a', 'an', 'of', 'in', 'on', 'to', 'by', 'with', 'and', 'or', 'number', 'share', 'at', 'least', 'our', 'we', 'within', 'after', 'per', 'is',
]);

// Longest first: the first that leaves a stem of two letters is cut.
const ENDINGS = ['erne', 'arna', 'erna', 'orna', 'ene', 'ane', 'ers', 'ar', 'er', 'or', 'en', 'et', 'na', 'ne', 'e', 'a', 's'];

/** A word without its ending; a doubled last letter left behind is one ("medlemm" → "medlem"). */
export function stem(word: string): string {
  for (const ending of ENDINGS) {
    if (word.endsWith(ending) && word.length - ending.length >= 2) {
      const cut = word.slice(0, -ending.length);
      return cut.length > 3 && cut.at(-1) === cut.at(-2) ? cut.slice(0, -1) : cut;
    }
  }
  return word;
}

/** The words of a text that say something, stemmed, each once. */
export function meaningfulWords(text: string): string[] {
  const words = text.toLocaleLowerCase().normalize('NFC').split(/[^\p{L}\p{N}]+/u).filter((w) => w && !STOP_WORDS.has(w));
  return [...new Set(words.map(stem))];
}

export interface OverlapKeyResult { id: string; unitId: string; title: string; measure: string }
export interface SuggestedOverlap {
  keyResultIds: [string, string];
  /** The measure both count in, as the first one writes it. */
  measure: string;
  /** The words the titles share (stemmed), the measure's aside. */
  sharedWords: string[];
  /** Shared words over the words of the shorter title, 0–1. */
  similarity: number;
}

const MIN_SIMILARITY = 0.5;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((w) => b.includes(w));
}

/** Whether two key results measure the same thing, and how alike their titles are; null when not. */
export function keyResultOverlap(a: OverlapKeyResult, b: OverlapKeyResult): SuggestedOverlap | null {
  if (a.unitId === b.unitId || a.id === b.id) return null;
  const measure = meaningfulWords(a.measure);
  if (measure.length === 0 || !sameSet(measure, meaningfulWords(b.measure))) return null;
  const ta = meaningfulWords(a.title).filter((w) => !measure.includes(w));
  const tb = meaningfulWords(b.title).filter((w) => !measure.includes(w));
  const shared = ta.filter((w) => tb.includes(w));
  // Titles that say nothing but the measure ("Medlemmer", "Nye medlemmer" has "ny") count the same thing.
  const similarity = ta.length === 0 && tb.length === 0 ? 1 : Math.min(ta.length, tb.length) === 0 ? 0 : shared.length / Math.min(ta.length, tb.length);
  if (similarity < MIN_SIMILARITY) return null;
  return { keyResultIds: [a.id, b.id], measure: a.measure.trim(), sharedWords: shared, similarity };
}

/** Every pair of key results of different units that overlap, the most alike first. */
export function suggestedOverlaps(keyResults: readonly OverlapKeyResult[]): SuggestedOverlap[] {
  const out: SuggestedOverlap[] = [];
  for (let i = 0; i < keyResults.length; i++) {
    for (let j = i + 1; j < keyResults.length; j++) {
      const overlap = keyResultOverlap(keyResults[i]!, keyResults[j]!);
      if (overlap) out.push(overlap);
    }
  }
  return out.sort((x, y) => y.similarity - x.similarity || y.sharedWords.length - x.sharedWords.length);
}
