// Decides the order of a weekly meeting's status round (article 004: fifteen minutes, so what needs
// talk comes first): off track, then falling confidence, then no check-in since the last meeting,
// then new blockers, then at risk; the rest keep the order they came in (their objective's order).
import { confidenceFell } from './confidenceFell.js';
import type { TrackStatus } from './trackStatus.js';

export const AGENDA_REASONS = ['off-track', 'confidence-fell', 'not-checked-in', 'new-blocker', 'at-risk'] as const;
export type AgendaReasonName = (typeof AGENDA_REASONS)[number];

export interface AgendaFacts {
  trackStatus: TrackStatus;
  /** At the previous meeting (null without one), and now. */
  confidenceBefore: number | null;
  confidenceNow: number | null;
  checkedInSinceLastMeeting: boolean;
  /** Blockers written in check-ins since the previous meeting and not yet handled. */
  newBlockers: number;
}

/** Every reason that calls for talk about an item, in the order the agenda weighs them. */
export function agendaReasons(f: AgendaFacts): AgendaReasonName[] {
  const out: AgendaReasonName[] = [];
  if (f.trackStatus === 'off-track') out.push('off-track');
  if (confidenceFell(f.confidenceNow, f.confidenceBefore)) out.push('confidence-fell');
  if (!f.checkedInSinceLastMeeting) out.push('not-checked-in');
  if (f.newBlockers > 0) out.push('new-blocker');
  if (f.trackStatus === 'at-risk') out.push('at-risk');
  return out;
}

/** The items with their reasons, ordered by their weightiest reason; ties and items without a
 *  reason keep their order (a stable sort). */
export function meetingAgenda<T extends AgendaFacts>(items: readonly T[]): Array<T & { reasons: AgendaReasonName[] }> {
  const rank = (reasons: readonly AgendaReasonName[]) => (reasons.length ? AGENDA_REASONS.indexOf(reasons[0]!) : AGENDA_REASONS.length);
  return items.map((item, index) => ({ item: { ...item, reasons: agendaReasons(item) }, index }))
    .sort((a, b) => rank(a.item.reasons) - rank(b.item.reasons) || a.index - b.index)
    .map((x) => x.item);
}
