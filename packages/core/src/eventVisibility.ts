// Who may read an event as it happens (the live stream). OKR work and the organisation's shape
// (units, periods, the organisation itself) are transparent to everyone signed in, as the OKRs
// themselves are. People and sessions are the administration's: an account's e-mail, role and
// sign-ins are for admins, and for the person an account event is about.
import type { SubjectKind } from './events.js';

export interface EventViewer { personId: string; isAdmin: boolean }

const ADMINISTRATION: ReadonlySet<SubjectKind> = new Set(['person', 'session']);

export function mayReadEvent(viewer: EventViewer, event: { subject: { kind: SubjectKind; id: string } }): boolean {
  if (viewer.isAdmin || !ADMINISTRATION.has(event.subject.kind)) return true;
  return event.subject.kind === 'person' && event.subject.id === viewer.personId;
}
