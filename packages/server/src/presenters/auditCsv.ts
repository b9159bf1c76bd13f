// The audit trail as CSV for an auditor's spreadsheet: one row per changed field (an event that
// changed no field, a sign-in, is one row with the field empty), RFC 4180 quoting, CRLF line ends.
// A text cell that starts with = + - @ (or a tab or carriage return) is one a spreadsheet would run
// as a formula, so anyone who can type a title could make the auditor's spreadsheet compute: such a
// cell gets a leading apostrophe, which spreadsheets show as text. Numbers are written as numbers.
import type { EventEntry } from '@varde/core';

export const AUDIT_CSV_COLUMNS = ['seq', 'at', 'type', 'actor_id', 'actor_name', 'subject_kind', 'subject_id', 'subject_name', 'field', 'before', 'after'] as const;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: null empty, numbers and booleans as written, lists and objects as JSON, texts guarded. */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  const guarded = FORMULA_START.test(text) ? `'${text}` : text;
  return NEEDS_QUOTES.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

const line = (cells: readonly unknown[]): string => `${cells.map(csvCell).join(',')}\r\n`;

/** The header, after the byte order mark by which spreadsheets (Excel above all) know the file is
 *  UTF-8 and show the Nordic letters as they are. */
export const auditCsvHeader = (): string => `\uFEFF${line(AUDIT_CSV_COLUMNS)}`;

export function auditCsvRows(e: EventEntry): string {
  const lead = [e.seq, e.at, e.type, e.actor?.id ?? null, e.actor?.name ?? null, e.subject.kind, e.subject.id, e.subject.name];
  if (e.changes.length === 0) return line([...lead, null, null, null]);
  return e.changes.map((c) => line([...lead, c.field, c.before, c.after])).join('');
}
