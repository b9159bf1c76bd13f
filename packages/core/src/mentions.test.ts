import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeMentions, findMentions, mentionedIds, mentionParts, mentionText, mentionWords } from './mentions.js';

const people = [
  { id: 'kari', name: 'Kari Nordmann' },
  { id: 'kari2', name: 'Kari' },
  { id: 'asne', name: 'Åsne Fjeld' },
  { id: 'bjorn', name: 'Björn Åberg' },
];

describe('mentions', () => {
  it('finds the first word after each @ to look people up by', () => {
    expect(mentionWords('@Kari Nordmann og @åsne, se her. kari@example.no @ @Björn')).toEqual(['kari', 'åsne', 'björn']);
  });

  it('finds whole names in any case, the longest first, ending a word', () => {
    const body = 'Hei @kari nordmann og @Kari! Kan @ÅSNE FJELD svare? @Karina er ingen.';
    expect(findMentions(body, people).map((m) => [m.personId, body.slice(m.start, m.end)])).toEqual([
      ['kari', '@kari nordmann'], ['kari2', '@Kari'], ['asne', '@ÅSNE FJELD'],
    ]);
  });

  it('leaves e-mail addresses and a bare @ alone', () => {
    expect(findMentions('skriv til kari@example.no eller @ noen', people)).toEqual([]);
  });

  it('keeps mentions as ids and shows them with the names people have now (Swedish)', () => {
    const body = 'Tack @Björn Åberg, kan @Åsne Fjeld ta nästa steg?';
    const stored = encodeMentions(body, findMentions(body, people));
    expect(stored).toBe('Tack @[bjorn], kan @[asne] ta nästa steg?');
    expect(mentionedIds(`${stored} @[bjorn]`)).toEqual(['bjorn', 'asne']);
    const renamed = new Map([['bjorn', 'Björn Åberg-Lind'], ['asne', 'Åsne Fjeld']]);
    expect(mentionParts(stored, renamed)).toEqual([
      { text: 'Tack ' }, { personId: 'bjorn', text: '@Björn Åberg-Lind' }, { text: ', kan ' },
      { personId: 'asne', text: '@Åsne Fjeld' }, { text: ' ta nästa steg?' },
    ]);
    expect(mentionParts('@[gone] hei', new Map())).toEqual([{ text: '@ hei' }]);
  });

  it('property: a comment without a known name is kept and shown as written', () => {
    fc.assert(fc.property(fc.string().filter((s) => !s.includes('@[')), (body) => {
      const stored = encodeMentions(body, findMentions(body, []));
      expect(stored).toBe(body);
      expect(mentionText(mentionParts(stored, new Map()))).toBe(body);
    }));
  });

  it('property: encoding and showing with the same names gives back the text as typed', () => {
    fc.assert(fc.property(fc.array(fc.constantFrom('Hei ', '@Kari Nordmann', '@Åsne Fjeld', ' og ', '@kari', '.', '@ingen'), { maxLength: 8 }), (pieces) => {
      const body = pieces.join('');
      const found = findMentions(body, people);
      const names = new Map(people.map((p) => [p.id, p.name]));
      const shown = mentionText(mentionParts(encodeMentions(body, found), names));
      expect(shown.toLocaleLowerCase()).toBe(body.toLocaleLowerCase());
    }));
  });
});
