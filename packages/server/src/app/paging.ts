// Keyset pages: the store is asked for one row more than the page, which tells whether there is a next page.
import type { Page } from '@varde/core';

export function pageOf<T extends { id: string }>(rows: T[], limit: number): Page<T> {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items[items.length - 1]!.id : null };
}
