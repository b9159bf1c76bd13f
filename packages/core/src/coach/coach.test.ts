// The coach's rules, each with the articles' own examples (../shared/seeds): what it says, about
// what, and what it leaves alone.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { coachHints, hintsAbout, HINT_CODES, taskVerbOf } from './index.js';
import { noNumber } from './noNumber.js';
import { taskLike } from './taskLike.js';
import { tooManyObjectives } from './tooManyObjectives.js';
import { tooManyKeyResults } from './tooManyKeyResults.js';
import { noAlignment } from './noAlignment.js';
import { noOwner } from './noOwner.js';
import { targetEqualsStart } from './targetEqualsStart.js';
import { lateProgressOnly } from './lateProgressOnly.js';
import { memberWithoutInitiative } from './memberWithoutInitiative.js';
import type { CoachKeyResult, CoachObjective, CoachPlan } from './plan.js';

// A team of the NITO competence centre (article 001) at its workshop.
const kr = (id: string, title: string, over: Partial<CoachKeyResult> = {}): CoachKeyResult =>
  ({ id, title, type: 'increase', start: 0, target: 10, measure: 'kurs', ownerId: 'frida', ...over });
const objective = (id: string, keyResults: CoachKeyResult[], over: Partial<CoachObjective> = {}): CoachObjective =>
  ({ id, title: 'Medlemmene lykkes i arbeidslivet', ownerIds: ['frida'], alignmentCount: 1, keyResults, ...over });
const plan = (objectives: CoachObjective[], over: Partial<CoachPlan> = {}): CoachPlan => ({
  unit: { id: 'kompetanse', kind: 'team', isRoot: false, members: [{ personId: 'frida', name: 'Frida Basma' }] },
  objectives, initiatives: [{ ownerId: 'frida' }], ...over,
});

const DEFAULTS = { maxObjectivesPerTeam: 3, maxKeyResultsPerObjective: 5 };
const codes = (hints: Array<{ code: string; subject: { id: string } }>) => hints.map((h) => `${h.code}:${h.subject.id}`);

describe('no-number', () => {
  it('flags a key result without a measure, or without a start and a target', () => {
    const p = plan([objective('o', [kr('a', 'Smartere innhenting av medlemsinnsikt', { measure: '' }), kr('b', 'Kursdeltakere', { start: 0, target: 0 }), kr('c', 'Kursdeltakere', { start: 40, target: 120, measure: 'deltakere' })])]);
    expect(codes(noNumber(p, DEFAULTS))).toEqual(['no-number:a', 'no-number:b']);
  });
  it('leaves milestones alone: done or not is their number', () => {
    expect(noNumber(plan([objective('o', [kr('m', 'Kursportal lansert', { type: 'milestone', start: 0, target: 1, measure: '' })])]), DEFAULTS)).toEqual([]);
  });
});

describe('task-like', () => {
  it('finds the task verb a key result starts with, in bokmål, Swedish and English, as written', () => {
    expect(taskVerbOf('Arrangere fire kurs basert på medlemmenes behov')).toBe('Arrangere');
    expect(taskVerbOf('Å levere kurs basert på medlemmenes behov')).toBe('levere');
    expect(taskVerbOf('Genomföra tre medlemsmöten')).toBe('Genomföra');
    expect(taskVerbOf('Ta fram en ny kursplan')).toBe('Ta fram');
    expect(taskVerbOf('Launch the course portal')).toBe('Launch');
  });
  it('does not take a word that only begins like a verb, nor a measure of effect', () => {
    expect(taskVerbOf('Laget når 500 medlemmer')).toBeUndefined();
    expect(taskVerbOf('Lagerbeholdning under 10 %')).toBeUndefined();
    expect(taskVerbOf('Andel medlemmer som lykkes i arbeidslivet')).toBeUndefined();
    expect(taskVerbOf('Starttid for kurs under 2 uker')).toBeUndefined();
  });
  it('says which verb it found', () => {
    const hints = taskLike(plan([objective('o', [kr('a', 'Sende ut medlemsundersøkelse'), kr('b', 'Svarprosent i undersøkelsen')])]), DEFAULTS);
    expect(hints).toEqual([{ code: 'task-like', severity: 'warning', subject: { kind: 'keyResult', id: 'a' }, params: { verb: 'Sende' } }]);
  });
});

describe('too many', () => {
  it('flags a team with more than three objectives, by default, and counts them', () => {
    const four = ['a', 'b', 'c', 'd'].map((id) => objective(id, []));
    expect(tooManyObjectives(plan(four), DEFAULTS)).toEqual([{ code: 'too-many-objectives', severity: 'warning', subject: { kind: 'unit', id: 'kompetanse' }, params: { count: 4, limit: 3 } }]);
    expect(tooManyObjectives(plan(four.slice(0, 3)), DEFAULTS)).toEqual([]);
    expect(tooManyObjectives(plan(four), { ...DEFAULTS, maxObjectivesPerTeam: 4 })).toEqual([]);
    expect(tooManyObjectives(plan(four, { unit: { id: 'omr', kind: 'area', isRoot: false, members: [] } }), DEFAULTS)).toEqual([]);
  });
  it('flags an objective with more than five key results', () => {
    const six = Array.from({ length: 6 }, (_, i) => kr(`k${i}`, `Nøkkelresultat ${i}`));
    expect(codes(tooManyKeyResults(plan([objective('o', six), objective('p', six.slice(0, 5))]), DEFAULTS))).toEqual(['too-many-key-results:o']);
  });
});

describe('no-alignment and no-owner', () => {
  it('flags an objective that pays into nothing, except the organisation\'s own', () => {
    const p = plan([objective('o', [], { alignmentCount: 0 }), objective('p', [])]);
    expect(codes(noAlignment(p, DEFAULTS))).toEqual(['no-alignment:o']);
    expect(noAlignment({ ...p, unit: { ...p.unit, isRoot: true } }, DEFAULTS)).toEqual([]);
  });
  it('flags an objective and a key result nobody owns', () => {
    const p = plan([objective('o', [kr('a', 'Kursdeltakere', { ownerId: null }), kr('b', 'Fagnettverk')], { ownerIds: [] })]);
    expect(codes(noOwner(p, DEFAULTS))).toEqual(['no-owner:o', 'no-owner:a']);
  });
});

describe('target-equals-start and late-progress-only', () => {
  it('flags a key result whose target is where it starts', () => {
    expect(targetEqualsStart(plan([objective('o', [kr('a', 'Medlemmer', { start: 112_000, target: 112_000, measure: 'medlemmer' })])]), DEFAULTS))
      .toEqual([{ code: 'target-equals-start', severity: 'warning', subject: { kind: 'keyResult', id: 'a' }, params: { value: 112_000 } }]);
  });
  it('flags an objective of milestones only: all its progress comes at the end', () => {
    const milestone = (id: string) => kr(id, 'Kursportal lansert', { type: 'milestone', start: 0, target: 1, measure: '' });
    expect(codes(lateProgressOnly(plan([objective('o', [milestone('a')]), objective('p', [milestone('b'), kr('c', 'Kursdeltakere')]), objective('q', [])]), DEFAULTS)))
      .toEqual(['late-progress-only:o']);
  });
});

describe('member-without-initiative', () => {
  it('names each member who owns no initiative in the cycle', () => {
    const p = plan([], { unit: { id: 'kompetanse', kind: 'team', isRoot: false, members: [{ personId: 'frida', name: 'Frida Basma' }, { personId: 'andreas', name: 'Andreas Moser' }] } });
    expect(memberWithoutInitiative(p, DEFAULTS)).toEqual([{ code: 'member-without-initiative', severity: 'advice', subject: { kind: 'unit', id: 'kompetanse' }, params: { personId: 'andreas', name: 'Andreas Moser' } }]);
  });
});

describe('the coach', () => {
  it('says nothing about a plan that follows the practice', () => {
    const good = plan([objective('o', [kr('a', 'Kursdeltakere som oppgir at kurset traff behovet', { start: 40, target: 75, measure: '%' }), kr('b', 'Fagnettverk med faste møter', { start: 2, target: 6, measure: 'nettverk' })])]);
    expect(coachHints(good)).toEqual([]);
  });
  it('gives each object its own hints', () => {
    const p = plan([objective('o', [kr('a', 'Arrangere fire kurs', { measure: '' })], { alignmentCount: 0 })]);
    expect(hintsAbout(coachHints(p), 'keyResult', 'a').map((h) => h.code)).toEqual(['no-number', 'task-like']);
    expect(hintsAbout(coachHints(p), 'objective', 'o').map((h) => h.code)).toEqual(['no-alignment']);
  });
  it('only ever says what it knows, about objects of the plan', () => {
    const title = fc.string({ maxLength: 40 });
    fc.assert(fc.property(fc.array(fc.record({ title, measure: fc.constantFrom('', 'kurs'), type: fc.constantFrom('increase', 'milestone') as fc.Arbitrary<'increase' | 'milestone'>, owned: fc.boolean() }), { maxLength: 8 }), (list) => {
      const p = plan([objective('o', list.map((k, i) => kr(`k${i}`, k.title, { measure: k.measure, type: k.type, ownerId: k.owned ? 'frida' : null })))]);
      const ids = new Set(['o', 'kompetanse', ...list.map((_, i) => `k${i}`)]);
      for (const h of coachHints(p)) {
        expect(HINT_CODES).toContain(h.code);
        expect(ids.has(h.subject.id)).toBe(true);
      }
    }));
  });
});
