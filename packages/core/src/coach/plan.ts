// What the coach reads: a unit's plan for a cycle (its drafts, or its active OKRs), in plain data,
// and what it says: hints, each about an objective, a key result or the unit itself.
import type { KeyResultType } from '../keyResultProgress.js';

export interface CoachKeyResult {
  id: string; title: string; type: KeyResultType; start: number; target: number; measure: string; ownerId: string | null;
}
export interface CoachObjective {
  id: string; title: string; ownerIds: readonly string[];
  /** How many objectives or key results above it pays into. */
  alignmentCount: number;
  keyResults: readonly CoachKeyResult[];
}
export interface CoachPlan {
  unit: {
    id: string; kind: string;
    /** The organisation itself: its objectives are the top of the tree, with nothing above to pay into. */
    isRoot: boolean;
    members: ReadonlyArray<{ personId: string; name: string }>;
  };
  objectives: readonly CoachObjective[];
  /** The unit's initiatives in the cycle. */
  initiatives: ReadonlyArray<{ ownerId: string | null }>;
}

export const HINT_CODES = [
  'no-number', 'task-like', 'too-many-objectives', 'too-many-key-results', 'no-alignment', 'no-owner',
  'target-equals-start', 'late-progress-only', 'member-without-initiative',
] as const;
export type HintCode = (typeof HINT_CODES)[number];

/** `warning`: the OKR will not work as it stands; `advice`: worth a look before publishing. */
export type HintSeverity = 'warning' | 'advice';

export interface Hint {
  code: HintCode;
  severity: HintSeverity;
  subject: { kind: 'objective' | 'keyResult' | 'unit'; id: string };
  /** What the hint's sentence names: the verb found, the count and the limit, the person. */
  params: Record<string, string | number>;
}

export interface CoachOptions {
  /** More objectives than this for a team is more than it can focus on (article 001: start small). */
  maxObjectivesPerTeam?: number;
  maxKeyResultsPerObjective?: number;
}

export type CoachRule = (plan: CoachPlan, options: Required<CoachOptions>) => Hint[];

export const keyResultHint = (code: HintCode, severity: HintSeverity, id: string, params: Hint['params'] = {}): Hint =>
  ({ code, severity, subject: { kind: 'keyResult', id }, params });
export const objectiveHint = (code: HintCode, severity: HintSeverity, id: string, params: Hint['params'] = {}): Hint =>
  ({ code, severity, subject: { kind: 'objective', id }, params });
export const unitHint = (code: HintCode, severity: HintSeverity, id: string, params: Hint['params'] = {}): Hint =>
  ({ code, severity, subject: { kind: 'unit', id }, params });

export const keyResultsOf = (plan: CoachPlan) => plan.objectives.flatMap((o) => o.keyResults);

/** The codes whose hints each name a person, so that a dismissal must say which. */
export const HINT_CODES_ABOUT_A_PERSON: readonly HintCode[] = ['member-without-initiative'];
/** Which of a subject's hints of one code a dismissal is about: the person, for hints that name one
 *  (a unit has a member-without-initiative hint per member, each dismissed on its own); else ''. */
export const hintAbout = (hint: Pick<Hint, 'params'>): string =>
  typeof hint.params.personId === 'string' ? hint.params.personId : '';
