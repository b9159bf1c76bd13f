// The database as Kysely sees it: one row type per table. Every row carries org_id so one
// deployment can host many organisations and PostgreSQL can later be sharded by it.
// Timestamps are ISO 8601 UTC text and dates YYYY-MM-DD text on both dialects, so they sort
// and compare the same on SQLite and PostgreSQL.
import type { Generated } from 'kysely';

export interface OrganisationTable {
  id: string; name: string; language: string; time_zone: string;
  fiscal_year_start_month: number; cycle_cadence: string; check_in_cadence_days: number;
  check_in_weekday: Generated<number>; check_in_cadence: Generated<string>;
  mission: string; vision: string; values_json: string; themes_json: string;
  is_demo: number;
  version: number; created_at: string; updated_at: string;
}
export interface PersonTable {
  id: string; org_id: string; name: string; email: string; password_hash: string | null;
  is_admin: number; version: number; created_at: string; updated_at: string;
  /** 0: deactivated, cannot sign in; their name stays on what they wrote. */
  active: Generated<number>;
  /** 1 after an admin set a one-time password: the person chooses their own at the next sign-in. */
  password_change_required: Generated<number>;
}
export interface SessionTable {
  id: string; org_id: string; person_id: string; created_at: string;
  /** The absolute end of the session. */
  expires_at: string;
  /** When the session was last used, for its idle limit; written at most once a minute. */
  last_seen_at: string | null;
}
export interface SignInFailureTable { id: string; email: string; address: string; at: string }
export interface UnitTable {
  id: string; org_id: string; parent_id: string | null; name: string; kind: string;
  description: string; version: number; created_at: string; updated_at: string;
  /** When an admin archived it: its OKRs are kept, read-only. */
  archived_at: Generated<string | null>;
  /** Its own check-in weekday (1–7) and cadence; null takes the organisation's. */
  check_in_weekday: Generated<number | null>; check_in_cadence: Generated<string | null>;
}
export interface MembershipTable { org_id: string; unit_id: string; person_id: string; role: string }
export interface PeriodTable {
  id: string; org_id: string; kind: string; name: string; start_date: string; end_date: string;
  state: string; version: number; created_at: string; updated_at: string;
  planning_start_date: Generated<string | null>; planning_end_date: Generated<string | null>;
  review_date: Generated<string | null>; retrospective_date: Generated<string | null>;
}
export interface ObjectiveTable {
  id: string; org_id: string; unit_id: string; period_id: string | null; title: string; description: string;
  kind: string; status: string; version: number; created_at: string; updated_at: string;
  /** The weighted mean of its key results' progress, kept current by every change to them. */
  progress: Generated<number>;
  /** The objective a review carried over or parked this one from. */
  carried_from_id: Generated<string | null>;
}
export interface ObjectiveOwnerTable { org_id: string; objective_id: string; person_id: string }
export interface AlignmentTable {
  org_id: string; objective_id: string; target_objective_id: string | null; target_key_result_id: string | null;
  /** Pays into a KPI (migration 013). */
  target_kpi_id: Generated<string | null>;
}
export interface KeyResultTable {
  id: string; org_id: string; objective_id: string; title: string; type: string;
  start_value: number; target_value: number; measure: string; owner_id: string | null; weight: number;
  current_value: number | null; current_at: string | null; confidence: number | null;
  version: number; created_at: string; updated_at: string;
  /** The KPI it was promoted to. */
  kpi_id: Generated<string | null>;
}
export interface CheckInTable {
  id: string; org_id: string; key_result_id: string; value: number; confidence: number;
  comment: string | null; blockers: string | null; author_id: string | null; created_at: string;
  version: Generated<number>; edited_at: Generated<string | null>;
}
export interface InitiativeTable {
  id: string; org_id: string; unit_id: string; period_id: string | null; title: string; description: string;
  owner_id: string | null; status: string; version: number; created_at: string; updated_at: string;
}
export interface InitiativeKeyResultTable { org_id: string; initiative_id: string; key_result_id: string }
/** What a deletion removed, as one JSON snapshot (store/trash.ts), until it is restored or swept. */
export interface TrashTable {
  id: string; org_id: string; kind: string; subject_id: string; snapshot: string; deleted_by: string | null; deleted_at: string;
}

/** One recorded change (store/events.ts); seq is a bigint, read back as a number or a string by the driver. */
export interface EventTable {
  org_id: string; seq: number | string | bigint; id: string; type: string;
  subject_kind: string; subject_id: string; subject_name: string;
  unit_id: string | null; objective_id: string | null; key_result_id: string | null;
  actor_id: string | null; at: string;
  /** JSON: [{ field, before, after }]. */
  changes: string;
}
export interface EventCounterTable { org_id: string; seq: number | string | bigint }
/** The newest seq a person had seen of their units' activity, and when (store/activitySeen.ts). */
export interface ActivitySeenTable { org_id: string; person_id: string; seq: number | string | bigint; seen_at: string }

/** What one unit needs from another (store/dependencies.ts); objective and key result without a
 *  foreign key, so the trash keeps the link across a deletion and its restore. */
export interface DependencyTable {
  id: string; org_id: string; from_unit_id: string; to_unit_id: string; objective_id: string | null; key_result_id: string | null;
  description: string; needed_by: string | null; state: string; reply: string | null;
  raised_by: string | null; raised_at: string; version: number; updated_at: string;
}
/** Each step of a dependency, the raising first (seq 0). */
export interface DependencyStepTable { org_id: string; dependency_id: string; seq: number; state: string; person_id: string | null; at: string; note: string | null }
/** A comment on an objective (key_result_id null) or on one of its key results; mentions kept as @[id]. */
export interface CommentTable {
  id: string; org_id: string; objective_id: string; key_result_id: string | null; author_id: string | null;
  body: string; version: number; created_at: string; edited_at: string | null;
}
export interface CommentMentionTable { org_id: string; comment_id: string; person_id: string }
export interface ContradictionTable {
  id: string; org_id: string; key_result_a: string; key_result_b: string; note: string;
  flagged_by: string | null; flagged_at: string; cleared_by: string | null; cleared_at: string | null;
}
/** A unit's weekly meeting (store/meetings.ts); attendee_ids, changes and agenda are JSON. */
export interface MeetingTable {
  id: string; org_id: string; unit_id: string; period_id: string; kind: string; facilitator_id: string | null;
  started_at: string; ended_at: string | null; notes: string; attendee_ids: string; current_item: number;
  previous_meeting_id: string | null;
  /** Set as it ends: what moved since the previous meeting, and the agenda as it stood then. */
  changes: string | null; agenda: string | null;
  version: number; updated_at: string;
}
/** The note and decisions (JSON) a meeting kept on one key result. */
export interface MeetingItemTable { org_id: string; meeting_id: string; key_result_id: string; note: string; decisions: string }
/** A blocker (a check-in's) a meeting handled: noted, or turned into an initiative or a dependency. */
export interface MeetingBlockerTable {
  org_id: string; meeting_id: string; check_in_id: string; how: string; initiative_id: string | null; dependency_id: string | null;
  by_id: string | null; at: string;
}

/** A unit's plan for a cycle (store/plans.ts), made on its first write. checklist_json: { [question]: { answer, note } }. */
export interface PlanTable {
  id: string; org_id: string; unit_id: string; period_id: string; checklist_json: string;
  published_at: string | null; published_by: string | null; version: number; created_at: string; updated_at: string;
}
/** A hint of the coach someone dismissed, with why; deleted when the dismissal is taken back. */
export interface HintDismissalTable {
  id: string; org_id: string; subject_kind: string; subject_id: string; code: string; about: string; reason: string; person_id: string | null; at: string;
}
/** A unit's draft offered to the unit above; adopted_objective_id is the draft made from it there. */
export interface ProposalTable {
  id: string; org_id: string; objective_id: string; from_unit_id: string; to_unit_id: string;
  proposed_by: string | null; proposed_at: string; state: string;
  adopted_objective_id: string | null; adopted_by: string | null; adopted_at: string | null; updated_at: string;
}

/** A unit's review of a cycle (store/reviews.ts); answers is JSON { achieved, stillOpen, lessons }. */
export interface ReviewTable {
  id: string; org_id: string; unit_id: string; period_id: string; answers: string;
  closed_at: string | null; closed_by: string | null; version: number; created_at: string; updated_at: string;
}
/** A key result's score in a review: proposed is frozen at closing; score null follows the proposal. */
export interface ReviewScoreTable { org_id: string; review_id: string; key_result_id: string; proposed: number | null; score: number | null; reason: string }
/** An objective's score frozen at closing, and the copies closing made of it. */
export interface ReviewObjectiveTable {
  org_id: string; review_id: string; objective_id: string; score: number | null; succeeded: number; carried_to_id: string | null; parked_as_id: string | null;
}
/** A review's decision on an objective or a key result; a promotion carries the KPI's range and cadence. */
export interface ReviewDecisionTable {
  org_id: string; review_id: string; subject_kind: string; subject_id: string; decision: string;
  kpi_direction: string | null; kpi_low: number | null; kpi_high: number | null; kpi_cadence: string | null; kpi_id: string | null;
}
/** A measurement a unit keeps over time (store/kpis.ts); current_* is its newest check-in. */
export interface KpiTable {
  id: string; org_id: string; unit_id: string; title: string; measure: string; direction: string;
  low: number | null; high: number | null; cadence: string; owner_id: string | null;
  current_value: number | null; current_at: string | null; promoted_from_key_result_id: string | null;
  version: number; created_at: string; updated_at: string;
}
/** A value of a KPI; from_key_result_id on those brought from the key result it was promoted from. */
export interface KpiCheckInTable {
  id: string; org_id: string; kpi_id: string; value: number; comment: string; at: string; author_id: string | null; from_key_result_id: string | null;
}
/** A unit's retrospective of a cycle: a note per question of article 004. */
export interface RetrospectiveTable {
  id: string; org_id: string; unit_id: string; period_id: string;
  note_mood: string; note_reaching_goals: string; note_inclusion: string; note_support: string; note_method: string; note_stop: string;
  version: number; updated_at: string | null;
}
export interface RetrospectiveActionTable {
  id: string; org_id: string; retrospective_id: string; position: number; text: string; owner_id: string | null; due_date: string | null; done: number;
}
/** Who has voted, and nothing else: no mood, no time. */
export interface RetrospectiveVoterTable { org_id: string; retrospective_id: string; person_id: string }
/** How many voted each mood (1–5), apart from who voted. */
export interface RetrospectiveMoodTable { org_id: string; retrospective_id: string; mood: number; votes: number }

export interface Database {
  organisations: OrganisationTable;
  people: PersonTable;
  sessions: SessionTable;
  units: UnitTable;
  memberships: MembershipTable;
  periods: PeriodTable;
  objectives: ObjectiveTable;
  objective_owners: ObjectiveOwnerTable;
  alignments: AlignmentTable;
  key_results: KeyResultTable;
  check_ins: CheckInTable;
  initiatives: InitiativeTable;
  initiative_key_results: InitiativeKeyResultTable;
  sign_in_failures: SignInFailureTable;
  trash: TrashTable;
  events: EventTable;
  event_counters: EventCounterTable;
  activity_seen: ActivitySeenTable;
  dependencies: DependencyTable;
  dependency_steps: DependencyStepTable;
  comments: CommentTable;
  comment_mentions: CommentMentionTable;
  contradictions: ContradictionTable;
  plans: PlanTable;
  hint_dismissals: HintDismissalTable;
  proposals: ProposalTable;
  meetings: MeetingTable;
  meeting_items: MeetingItemTable;
  meeting_blockers: MeetingBlockerTable;
  reviews: ReviewTable;
  review_scores: ReviewScoreTable;
  review_objectives: ReviewObjectiveTable;
  review_decisions: ReviewDecisionTable;
  kpis: KpiTable;
  kpi_check_ins: KpiCheckInTable;
  retrospectives: RetrospectiveTable;
  retrospective_actions: RetrospectiveActionTable;
  retrospective_voters: RetrospectiveVoterTable;
  retrospective_moods: RetrospectiveMoodTable;
}
