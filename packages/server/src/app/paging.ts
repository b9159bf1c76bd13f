// Keyset pages: the store is asked for one row more than the page, which tells whether there is a next page.
import type { Page } from '@varde/core';
import { AppError } from './errors.js';

export function pageOf<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}

// A cursor is the id of the last item of a page this API handed out: a lowercase UUID.
const CURSOR = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The cursor to continue from; anything this API did not hand out answers 400 rather than a silently wrong page. */
export function cursorOf(cursor: string | undefined): string | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  if (!CURSOR.test(cursor)) throw invalidCursor();
  return cursor;
}

export const invalidCursor = () => new AppError(400, 'Bad Request', 'cursor is not one this API handed out; start again without a cursor',
  [{ field: 'cursor', message: 'is not a cursor from a previous page', code: 'invalid_cursor' }]);

// A cursor into a list of events is the seq of the last entry of a page: a whole number, as
// written by this API.
const SEQ_CURSOR = /^[1-9][0-9]{0,15}$/;

/** The seq to continue below; anything else answers 400, as for any list. */
export function seqCursorOf(cursor: string | undefined): number | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  if (!SEQ_CURSOR.test(cursor) || !Number.isSafeInteger(Number(cursor))) throw invalidCursor();
  return Number(cursor);
}
