import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { keyResultOverlap, meaningfulWords, stem, suggestedOverlaps, type OverlapKeyResult } from './measureOverlap.js';

const kr = (id: string, unitId: string, title: string, measure: string): OverlapKeyResult => ({ id, unitId, title, measure });

describe('the words compared', () => {
  it('drops little words and endings in bokmål, Swedish and English', () => {
    expect(meaningfulWords('Nye faste givere via digitale kanaler')).toEqual(['ny', 'fast', 'giver', 'digital', 'kanal']);
    expect(meaningfulWords('Antal nya medlemmar i lokalföreningarna')).toEqual(['ny', 'medlem', 'lokalförening']);
    expect(meaningfulWords('Number of new members')).toEqual(['new', 'memb']);
    expect([stem('medlemmer'), stem('medlemmar'), stem('medlem')]).toEqual(['medlem', 'medlem', 'medlem']);
    expect(stem('members')).toBe(stem('member'));
  });
});

describe('suggested overlaps', () => {
  it('pairs key results of two units that count the same measure with alike titles (bokmål)', () => {
    // The demo's communication area and its fundraising team both count new regular donors.
    const found = keyResultOverlap(kr('a', 'kommunikasjon', 'Nye faste givere', 'givere'), kr('b', 'innsamling', 'Nye faste givere via digitale kanaler', 'givere'));
    expect(found).toEqual({ keyResultIds: ['a', 'b'], measure: 'givere', sharedWords: ['ny', 'fast'], similarity: 1 });
  });

  it('pairs them in Swedish, and across singular and plural of the measure', () => {
    const found = keyResultOverlap(kr('a', 'medlem', 'Antal nya medlemmar', 'medlemmar'), kr('b', 'lokal', 'Nya medlemmar i lokalföreningarna', 'medlem'));
    expect(found).toMatchObject({ sharedWords: ['ny'], similarity: 1 });
  });

  it('does not pair the same measure with titles about different things', () => {
    expect(keyResultOverlap(kr('a', 'medlem', 'Nye medlemmer', 'medlemmer'), kr('b', 'kurs', 'Medlemmer som har tatt minst ett digitalt kurs', 'medlemmer'))).toBeNull();
    expect(keyResultOverlap(kr('a', 'kurs', 'Deltagare på kurser', 'deltagare'), kr('b', 'lokal', 'Deltagare i medlemsmöten', 'deltagare'))).toBeNull();
  });

  it('does not pair alike titles in different measures, a key result without a measure, or one unit with itself', () => {
    expect(keyResultOverlap(kr('a', 'x', 'Nye medlemmer', 'medlemmer'), kr('b', 'y', 'Nye medlemmer', '%'))).toBeNull();
    expect(keyResultOverlap(kr('a', 'x', 'Ny nettside lansert', ''), kr('b', 'y', 'Ny nettside lansert', ''))).toBeNull();
    expect(keyResultOverlap(kr('a', 'x', 'Nye medlemmer', 'medlemmer'), kr('b', 'x', 'Nye medlemmer', 'medlemmer'))).toBeNull();
  });

  it('lists every overlapping pair once, the most alike first (English)', () => {
    const list = suggestedOverlaps([
      kr('a', 'sales', 'New members from events', 'members'),
      kr('b', 'events', 'New members signed up at events', 'members'),
      kr('c', 'web', 'New members online', 'members'),
      kr('d', 'web', 'Visits to the site', 'visits'),
    ]);
    expect(list.map((o) => o.keyResultIds)).toEqual([['a', 'b'], ['a', 'c'], ['b', 'c']]);
    expect(list[0]!.sharedWords).toEqual(['new', 'event']);
  });

  it('property: symmetric in its two key results', () => {
    const text = fc.array(fc.constantFrom('nye', 'faste', 'givere', 'medlemmer', 'via', 'kurs', 'digitale', 'i'), { maxLength: 5 }).map((w) => w.join(' '));
    fc.assert(fc.property(text, text, fc.constantFrom('givere', 'medlemmer', ''), (t1, t2, measure) => {
      const a = keyResultOverlap(kr('a', 'x', t1, measure), kr('b', 'y', t2, measure));
      const b = keyResultOverlap(kr('b', 'y', t2, measure), kr('a', 'x', t1, measure));
      expect(a === null).toBe(b === null);
      if (a && b) expect(a.similarity).toBe(b.similarity);
    }));
  });
});
