// The domain events Varde records: one per change, written in the change's own transaction. Their
// types are the vocabulary of the audit trail, the activity lists and the live stream.

export const SUBJECT_KINDS = ['organisation', 'unit', 'person', 'period', 'objective', 'keyResult', 'checkIn', 'initiative', 'session', 'dependency', 'comment', 'contradiction', 'plan', 'hint', 'proposal', 'meeting', 'kpi', 'retrospective', 'review'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const EVENT_TYPES = [
  'organisation.created', 'organisation.changed',
  'unit.created', 'unit.changed', 'unit.archived', 'unit.restored',
  'person.created', 'person.changed', 'person.passwordChanged', 'person.oneTimePasswordSet',
  'period.created', 'period.changed', 'period.deleted',
  'objective.created', 'objective.changed', 'objective.deleted', 'objective.restored', 'objective.carriedOver',
  'keyResult.created', 'keyResult.changed', 'keyResult.deleted', 'keyResult.restored', 'keyResult.checkedIn',
  'checkIn.changed', 'checkIn.deleted',
  'initiative.created', 'initiative.changed', 'initiative.deleted', 'initiative.restored',
  'session.signedIn', 'session.signedOut', 'session.endedEverywhere',
  'dependency.requested', 'dependency.acknowledged', 'dependency.declined', 'dependency.resolved',
  'comment.created', 'comment.changed', 'comment.deleted',
  'contradiction.flagged', 'contradiction.cleared',
  'plan.changed', 'plan.published',
  'hint.dismissed', 'hint.reinstated',
  'proposal.made', 'proposal.withdrawn', 'proposal.adopted',
  'meeting.started', 'meeting.changed', 'meeting.moved', 'meeting.blockerHandled', 'meeting.ended',
  'review.changed', 'review.closed',
  'kpi.created', 'kpi.changed', 'kpi.deleted', 'kpi.checkedIn', 'keyResult.promoted',
  'retrospective.changed', 'retrospective.voted', 'retrospective.actionDone',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** What an event is about, and where that sits: the unit it belongs to, and the objective and key
 *  result above it, so a unit's activity and an objective's history are one indexed read each. */
export interface EventSubject {
  kind: SubjectKind;
  id: string;
  /** Its title or name when the event happened: a deleted object is still named in the trail. */
  name: string;
  unitId?: string | null;
  objectiveId?: string | null;
  keyResultId?: string | null;
}

/** Events that tell about OKR work, for a unit's activity and Mine: not the administration. */
export const OKR_EVENT_KINDS: ReadonlySet<SubjectKind> = new Set(['objective', 'keyResult', 'checkIn', 'initiative', 'dependency', 'comment', 'contradiction', 'plan', 'hint', 'proposal', 'kpi', 'review']);

/** The fields an event of each kind tells about, as the API names them, in the order a history
 *  lists them. What is not here (versions, timestamps, password hashes) is never in an event. */
export const EVENT_FIELDS = {
  organisation: ['name', 'language', 'timeZone', 'fiscalYearStartMonth', 'cycleCadence', 'checkInCadenceDays', 'checkInWeekday', 'checkInCadence', 'strategy'],
  unit: ['name', 'kind', 'description', 'parentId', 'members', 'archivedAt', 'checkInWeekday', 'checkInCadence'],
  person: ['name', 'email', 'isAdmin', 'active'],
  period: ['name', 'kind', 'startDate', 'endDate', 'state', 'planningStartDate', 'planningEndDate', 'reviewDate', 'retrospectiveDate'],
  objective: ['title', 'description', 'kind', 'status', 'unitId', 'periodId', 'ownerIds', 'alignments', 'carriedFromId'],
  keyResult: ['title', 'type', 'start', 'target', 'measure', 'ownerId', 'weight', 'kpiId'],
  checkIn: ['value', 'confidence', 'comment', 'blockers', 'createdAt'],
  initiative: ['title', 'description', 'ownerId', 'status', 'periodId', 'keyResultIds'],
  session: [],
  dependency: ['fromUnitId', 'toUnitId', 'objectiveId', 'keyResultId', 'description', 'neededBy', 'state', 'reply'],
  comment: ['body', 'mentionIds'],
  contradiction: ['keyResultIds', 'note', 'clearedAt'],
  plan: ['checklist', 'publishedAt', 'objectiveIds'],
  hint: ['subjectKind', 'subjectId', 'code', 'reason'],
  proposal: ['objectiveId', 'fromUnitId', 'toUnitId', 'state', 'adoptedObjectiveId'],
  meeting: ['unitId', 'periodId', 'kind', 'facilitatorId', 'notes', 'attendeeIds', 'currentItem', 'items', 'checkInId', 'how', 'initiativeId', 'dependencyId', 'endedAt'],
  review: ['periodId', 'answers', 'scores', 'decisions', 'closedAt', 'carriedOver', 'parked', 'promoted'],
  kpi: ['unitId', 'title', 'measure', 'direction', 'low', 'high', 'cadence', 'ownerId', 'value', 'comment', 'at', 'promotedFromKeyResultId'],
  // A vote names neither its voter (it has no actor) nor its mood: retrospective.voted has no fields.
  retrospective: ['unitId', 'periodId', 'notes', 'actions', 'actionId', 'text'],
} as const satisfies Record<SubjectKind, readonly string[]>;
