import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { EventEntry } from '@varde/core';
import { AUDIT_CSV_COLUMNS, auditCsvHeader, auditCsvRows, csvCell } from './auditCsv.js';
import { parseCsv } from '../testing/csv.js';

const entry = (changes: EventEntry['changes']): EventEntry => ({
  id: 'e1', seq: 7, type: 'keyResult.changed', at: '2026-11-03T09:00:00.000Z', actor: { id: 'p1', name: 'Marte Haugen' },
  subject: { kind: 'keyResult', id: 'k1', name: 'Pasientopprop, «Tid er liv»', unitId: 'u1', objectiveId: 'o1', keyResultId: 'k1' }, changes,
});

describe('csvCell', () => {
  it('quotes what would break a row, doubling quotes', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('sa "hei"')).toBe('"sa ""hei"""');
    expect(csvCell('to\r\nlinjer')).toBe('"to\r\nlinjer"');
    expect(csvCell('en\nlinje')).toBe('"en\nlinje"');
  });
  it('guards texts a spreadsheet would run as formulas', () => {
    for (const text of ['=SUM(A1:A9)', '+47 22 00 00 00', '-1+1', '@cmd', '\tfane', '\rretur']) expect(csvCell(text).replace(/^"/, '')).toMatch(/^'/);
    expect(csvCell('=HYPERLINK("http://evil","klikk")')).toBe('"\'=HYPERLINK(""http://evil"",""klikk"")"');
    expect(csvCell('a=b')).toBe('a=b');
  });
  it('writes numbers and booleans as they are, null empty, lists and objects as JSON', () => {
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(56450.5)).toBe('56450.5');
    expect(csvCell(true)).toBe('true');
    expect(csvCell(null)).toBe('');
    expect(csvCell(['p1', 'p2'])).toBe('"[""p1"",""p2""]"');
    expect(csvCell({ objectiveId: 'o1' })).toBe('"{""objectiveId"":""o1""}"');
  });
  it('reads back as the text it was given, guard aside', () => {
    fc.assert(fc.property(fc.string(), (text) => {
      const [[cell]] = parseCsv(`${csvCell(text)}\r\n`) as [[string]];
      expect(cell).toBe(/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);
    }));
  });
});

describe('auditCsvRows', () => {
  it('writes one row per changed field, under a header after a byte order mark', () => {
    const text = auditCsvHeader() + auditCsvRows(entry([{ field: 'target', before: 40, after: 45 }, { field: 'title', before: '=1+1', after: 'Ny, bedre' }]));
    expect(text.startsWith('\uFEFFseq,at,')).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    const rows = parseCsv(text.slice(1));
    expect(rows[0]).toEqual([...AUDIT_CSV_COLUMNS]);
    expect(rows.slice(1)).toEqual([
      ['7', '2026-11-03T09:00:00.000Z', 'keyResult.changed', 'p1', 'Marte Haugen', 'keyResult', 'k1', 'Pasientopprop, «Tid er liv»', 'target', '40', '45'],
      ['7', '2026-11-03T09:00:00.000Z', 'keyResult.changed', 'p1', 'Marte Haugen', 'keyResult', 'k1', 'Pasientopprop, «Tid er liv»', 'title', "'=1+1", 'Ny, bedre'],
    ]);
  });
  it('writes an event that changed no field, by nobody, as one row', () => {
    const rows = parseCsv(auditCsvRows({ ...entry([]), type: 'session.signedOut', actor: null }));
    expect(rows).toEqual([['7', '2026-11-03T09:00:00.000Z', 'session.signedOut', '', '', 'keyResult', 'k1', 'Pasientopprop, «Tid er liv»', '', '', '']]);
  });
});
