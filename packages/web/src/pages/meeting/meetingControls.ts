// The meeting's pure parts: the fifteen minutes and each item's share, and which key does what on
// the facilitator's screen (N/→ next, P/← previous, C check in, O note, D decision, S the shared-screen view).

export const MEETING_MINUTES = 15;
export const MEETING_MS = MEETING_MINUTES * 60_000;

/** mm:ss; below zero is 00:00. */
export const clock = (ms: number): string => {
  const s = Math.max(0, Math.floor(ms / 1000));
  return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};

/** Each agenda item's share of the fifteen minutes. */
export const itemShareMs = (items: number): number => MEETING_MS / Math.max(1, items);

export type MeetingCommand = 'next' | 'previous' | 'checkIn' | 'note' | 'decision' | 'screen';

/** What a key pressed on the page asks for; null for anything else, and for keys with a modifier
 *  (the browser's and the screen reader's own shortcuts). */
export function commandOf(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): MeetingCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case 'ArrowRight': case 'n': case 'N': return 'next';
    case 'ArrowLeft': case 'p': case 'P': return 'previous';
    case 'c': case 'C': return 'checkIn';
    case 'o': case 'O': return 'note';
    case 'd': case 'D': return 'decision';
    case 's': case 'S': return 'screen';
    default: return null;
  }
}
