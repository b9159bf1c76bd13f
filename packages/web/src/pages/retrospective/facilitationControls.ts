// The facilitated retrospective's pure parts: the two hours of article 004 and each step's share,
// and which key does what on the shared screen (N/→ next, P/← previous, O the note, Esc leave).
import { RETROSPECTIVE_QUESTIONS, type RetrospectiveQuestion } from '@varde/core/rules';

export const RETROSPECTIVE_MS = 120 * 60_000;
/** The six questions, then the actions that come of them. */
export const STEPS: ReadonlyArray<RetrospectiveQuestion | 'actions'> = [...RETROSPECTIVE_QUESTIONS, 'actions'];
export const stepShareMs = RETROSPECTIVE_MS / STEPS.length;

export type FacilitationCommand = 'next' | 'previous' | 'note' | 'leave';

/** What a key pressed on the page asks for; null for anything else and for keys with a modifier. */
export function facilitationCommandOf(e: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey'>): FacilitationCommand | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  switch (e.key) {
    case 'ArrowRight': case 'n': case 'N': return 'next';
    case 'ArrowLeft': case 'p': case 'P': return 'previous';
    case 'o': case 'O': return 'note';
    case 'Escape': return 'leave';
    default: return null;
  }
}
