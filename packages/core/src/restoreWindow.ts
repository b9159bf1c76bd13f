// How long a deletion can be undone. The trash keeps a snapshot of what was removed; after the
// window it may be swept, and a restore answers as for a trash row that does not exist.
export const RESTORE_WINDOW_DAYS = 30;

export function restorableUntil(deletedAt: Date): Date {
  return new Date(deletedAt.getTime() + RESTORE_WINDOW_DAYS * 86_400_000);
}

export function isRestorable(deletedAt: Date, now: Date): boolean {
  return now.getTime() < restorableUntil(deletedAt).getTime();
}
