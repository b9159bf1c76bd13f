import { describe, it, expect } from 'vitest';
import { periodPlanProblem } from '@varde/core';
import {
  buildDemoOrganisation,
  DEMO_PASSWORD,
  type DemoKeyResult,
  type DemoObjective,
  type DemoOrganisation,
  type DemoPeriod,
  type DemoUnit,
} from './demoOrganisation.js';

const NOWS = ['2026-01-03T12:00:00.000Z', '2026-05-02T09:30:00.000Z', '2026-11-25T10:00:00.000Z', '2027-12-30T16:00:00.000Z'];

const DAY_MS = 86_400_000;

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

function lastDay(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The tertials expected around a date (the test dates are far from midnight in Oslo). */
function expectedCycles(iso: string): { year: string; current: [string, string, string]; previous: [string, string, string] } {
  const date = new Date(iso);
  const year = date.getUTCFullYear();
  const t = Math.floor(date.getUTCMonth() / 4) + 1;
  const cycle = (y: number, i: number): [string, string, string] => {
    const first = (i - 1) * 4 + 1;
    return [`${y} T${i}`, `${y}-${pad(first)}-01`, `${y}-${pad(first + 3)}-${pad(lastDay(y, first + 3))}`];
  };
  return {
    year: String(year),
    current: cycle(year, t),
    previous: t === 1 ? cycle(year - 1, 3) : cycle(year, t - 1),
  };
}

interface Index {
  units: Map<string, DemoUnit>;
  periods: Map<string, DemoPeriod>;
  objectives: Map<string, DemoObjective>;
  keyResults: Map<string, { kr: DemoKeyResult; objective: DemoObjective }>;
  members: (unitKey: string) => Set<string>;
  ancestors: (unitKey: string) => string[];
  year: DemoPeriod;
  current: DemoPeriod;
  previous: DemoPeriod;
  root: DemoUnit;
}

function index(org: DemoOrganisation): Index {
  const units = new Map(org.units.map((u) => [u.key, u]));
  const periods = new Map(org.periods.map((p) => [p.key, p]));
  const objectives = new Map(org.objectives.map((o) => [o.key, o]));
  const keyResults = new Map(org.objectives.flatMap((o) => o.keyResults.map((kr) => [kr.key, { kr, objective: o }] as const)));
  const find = (pred: (p: DemoPeriod) => boolean): DemoPeriod => {
    const found = org.periods.filter(pred);
    expect(found).toHaveLength(1);
    return found[0]!;
  };
  const roots = org.units.filter((u) => u.parentKey === null);
  expect(roots).toHaveLength(1);
  return {
    units,
    periods,
    objectives,
    keyResults,
    members: (unitKey) => new Set(units.get(unitKey)?.members.map((m) => m.personKey) ?? []),
    ancestors: (unitKey) => {
      const out: string[] = [];
      let parent = units.get(unitKey)?.parentKey ?? null;
      while (parent !== null) {
        out.push(parent);
        parent = units.get(parent)?.parentKey ?? null;
      }
      return out;
    },
    year: find((p) => p.kind === 'year'),
    current: find((p) => p.kind === 'cycle' && p.state === 'active'),
    previous: find((p) => p.kind === 'cycle' && p.state === 'closed'),
    root: roots[0]!,
  };
}

/** Progress of a continuous key result at its latest check-in (null when there is none). */
function progressOf(kr: DemoKeyResult): number | null {
  const last = kr.checkIns.at(-1);
  if (last === undefined || kr.target === kr.start) return null;
  return (last.value - kr.start) / (kr.target - kr.start);
}

describe('demo organisation', () => {
  it('exports the demo password', () => {
    expect(DEMO_PASSWORD).toBe('varde-demo');
  });

  it('uses neither Math.random nor Date.now', () => {
    const random = Math.random;
    const dateNow = Date.now;
    Math.random = () => {
      throw new Error('Math.random used');
    };
    Date.now = () => {
      throw new Error('Date.now used');
    };
    try {
      expect(() => buildDemoOrganisation(new Date('2026-11-25T10:00:00Z'))).not.toThrow();
    } finally {
      Math.random = random;
      Date.now = dateNow;
    }
  });

  it('rejects an invalid date', () => {
    expect(() => buildDemoOrganisation(new Date('not a date'))).toThrow(RangeError);
  });

  describe.each(NOWS)('now = %s', (iso) => {
    const now = new Date(iso);
    const nowMs = now.getTime();
    const org = buildDemoOrganisation(now);
    const ix = index(org);
    const allKrs = org.objectives.flatMap((o) => o.keyResults);
    const cycleObjectives = org.objectives.filter((o) => ix.periods.get(o.periodKey)?.kind === 'cycle');

    it('is deterministic', () => {
      expect(buildDemoOrganisation(new Date(iso))).toEqual(org);
    });

    it('describes a Norwegian tertial organisation with a strategy', () => {
      const o = org.organisation;
      expect(o.name.length).toBeGreaterThan(3);
      expect(o.language).toBe('nb');
      expect(o.timeZone).toBe('Europe/Oslo');
      expect(o.cycleCadence).toBe('tertial');
      expect(o.checkInCadenceDays).toBe(7);
      expect(o.mission.length).toBeGreaterThan(40);
      expect(o.vision.length).toBeGreaterThan(20);
      expect(o.values.length).toBeGreaterThanOrEqual(3);
      expect(o.values.length).toBeLessThanOrEqual(4);
      expect(o.themes.length).toBeGreaterThanOrEqual(3);
      expect(o.themes.length).toBeLessThanOrEqual(4);
      for (const theme of o.themes) {
        expect(theme.title).not.toBe('');
        expect(theme.description).not.toBe('');
      }
    });

    it('has unique keys within each kind', () => {
      const kinds: Array<[string, string[]]> = [
        ['people', org.people.map((p) => p.key)],
        ['emails', org.people.map((p) => p.email)],
        ['units', org.units.map((u) => u.key)],
        ['periods', org.periods.map((p) => p.key)],
        ['objectives', org.objectives.map((o) => o.key)],
        ['key results', allKrs.map((kr) => kr.key)],
        ['initiatives', org.initiatives.map((i) => i.key)],
      ];
      for (const [kind, keys] of kinds) expect(new Set(keys).size, kind).toBe(keys.length);
    });

    it('has the admin account and demo e-mails for everyone else', () => {
      const admin = org.people.find((p) => p.key === 'admin');
      expect(admin).toMatchObject({ email: 'admin@demo.varde.no', isAdmin: true });
      expect(org.people.filter((p) => p.isAdmin).map((p) => p.key)).toEqual(['admin']);
      expect(org.people.length).toBeGreaterThanOrEqual(15);
      expect(org.people.length).toBeLessThanOrEqual(20);
      for (const person of org.people.filter((p) => p.key !== 'admin')) {
        const first = (person.name.split(' ')[0] ?? '').toLowerCase().replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/å/g, 'a');
        expect(person.email).toBe(`${first}@demo.varde.no`);
        expect(person.email).toMatch(/^[a-z]+@demo\.varde\.no$/);
      }
    });

    it('has a unit tree of three levels: organisation → areas → teams', () => {
      expect(ix.root.kind).toBe('organisation');
      const areas = org.units.filter((u) => u.parentKey === ix.root.key && !u.archivedAt);
      expect(areas.length).toBeGreaterThanOrEqual(3);
      expect(areas.length).toBeLessThanOrEqual(4);
      for (const area of areas) {
        expect(area.kind).toBe('area');
        const teams = org.units.filter((u) => u.parentKey === area.key);
        expect(teams.length, area.key).toBeGreaterThanOrEqual(2);
        expect(teams.length, area.key).toBeLessThanOrEqual(3);
        for (const team of teams) {
          expect(team.kind).toBe('team');
          expect(org.units.some((u) => u.parentKey === team.key)).toBe(false);
        }
      }
      expect(org.units).toHaveLength(1 + areas.length + org.units.filter((u) => u.kind === 'team').length);
      expect(areas.map((a) => a.name)).toContain('Kompetansesenteret');
    });

    it('gives every unit one lead and every person a unit', () => {
      const people = new Set(org.people.map((p) => p.key));
      for (const unit of org.units) {
        expect(unit.members.filter((m) => m.role === 'lead'), unit.key).toHaveLength(1);
        const keys = unit.members.map((m) => m.personKey);
        expect(new Set(keys).size).toBe(keys.length);
        for (const key of keys) expect(people.has(key), `${unit.key}: ${key}`).toBe(true);
        if (unit.kind === 'team') {
          expect(keys.length, unit.key).toBeGreaterThanOrEqual(3);
          expect(keys.length, unit.key).toBeLessThanOrEqual(6);
        }
      }
      expect(ix.root.members).toContainEqual({ personKey: 'admin', role: 'lead' });
      const membered = new Set(org.units.flatMap((u) => u.members.map((m) => m.personKey)));
      for (const person of org.people) expect(membered.has(person.key), person.key).toBe(true);
    });

    it('has periods relative to now', () => {
      const expected = expectedCycles(iso);
      expect(ix.year).toMatchObject({ name: expected.year, startDate: `${expected.year}-01-01`, endDate: `${expected.year}-12-31`, state: 'active' });
      expect([ix.current.name, ix.current.startDate, ix.current.endDate]).toEqual(expected.current);
      expect([ix.previous.name, ix.previous.startDate, ix.previous.endDate]).toEqual(expected.previous);
      const day = iso.slice(0, 10);
      expect(ix.current.startDate <= day && day <= ix.current.endDate).toBe(true);
      const dayAfter = (d: string): string => new Date(Date.parse(`${d}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
      expect(dayAfter(ix.previous.endDate)).toBe(ix.current.startDate);
      const next = org.periods.filter((p) => p.state === 'planning');
      expect(next.length).toBeLessThanOrEqual(1);
      // The API's rules for periods (core's periodPlan): unique names, no overlapping cycles, one active cycle.
      const planned = org.periods.map((p) => ({ ...p, id: p.key }));
      for (const p of planned) expect(periodPlanProblem(p, planned), p.key).toBeUndefined();
      expect(org.periods.filter((p) => p.kind === 'cycle' && p.state === 'active')).toHaveLength(1);
      for (const p of next) {
        expect(p.kind).toBe('cycle');
        expect(p.startDate).toBe(dayAfter(ix.current.endDate));
      }
    });

    it('has 3–4 Moals on the root unit for the year', () => {
      const moals = org.objectives.filter((o) => o.unitKey === ix.root.key && o.periodKey === ix.year.key);
      expect(moals.length).toBeGreaterThanOrEqual(3);
      expect(moals.length).toBeLessThanOrEqual(4);
      for (const moal of moals) {
        expect(moal.status).toBe('active');
        expect(moal.keyResults.length).toBeGreaterThanOrEqual(2);
        expect(moal.keyResults.length).toBeLessThanOrEqual(3);
      }
      expect(org.objectives.filter((o) => o.periodKey === ix.year.key).every((o) => o.unitKey === ix.root.key)).toBe(true);
    });

    it('gives every area and team 1–3 objectives now and fewer in the previous cycle', () => {
      let currentTotal = 0;
      let previousTotal = 0;
      for (const unit of org.units.filter((u) => u.kind !== 'organisation' && !u.archivedAt)) {
        const current = org.objectives.filter((o) => o.unitKey === unit.key && o.periodKey === ix.current.key);
        const previous = org.objectives.filter((o) => o.unitKey === unit.key && o.periodKey === ix.previous.key);
        expect(current.length, unit.key).toBeGreaterThanOrEqual(1);
        expect(current.length, unit.key).toBeLessThanOrEqual(3);
        expect(previous.length, unit.key).toBeLessThan(current.length);
        currentTotal += current.length;
        previousTotal += previous.length;
      }
      expect(previousTotal).toBeGreaterThan(0);
      expect(previousTotal).toBeLessThan(currentTotal);
    });

    it('has 3–5 key results of sensible shape on every cycle objective', () => {
      for (const o of cycleObjectives) {
        expect(o.keyResults.length, o.key).toBeGreaterThanOrEqual(3);
        expect(o.keyResults.length, o.key).toBeLessThanOrEqual(5);
        expect(o.title).not.toBe('');
        expect(o.description).not.toBe('');
        const state = ix.periods.get(o.periodKey)?.state;
        const allowed = state === 'active' ? ['active'] : state === 'closed' ? ['done', 'cancelled'] : ['draft'];
        expect(allowed, o.key).toContain(o.status);
      }
      for (const kr of allKrs) {
        expect(kr.weight).toBeGreaterThan(0);
        if (kr.type === 'milestone') {
          expect([kr.start, kr.target, kr.measure]).toEqual([0, 1, '']);
        } else {
          expect(kr.measure, kr.key).not.toBe('');
        }
        if (kr.type === 'increase') expect(kr.target, kr.key).toBeGreaterThan(kr.start);
        if (kr.type === 'decrease') expect(kr.target, kr.key).toBeLessThan(kr.start);
      }
    });

    it('mixes key result types and measures in the current cycle', () => {
      const current = org.objectives.filter((o) => o.periodKey === ix.current.key).flatMap((o) => o.keyResults);
      expect(new Set(current.map((kr) => kr.type))).toEqual(new Set(['increase', 'decrease', 'above', 'below', 'milestone']));
      const measures = new Set(current.map((kr) => kr.measure));
      for (const m of ['%', 'NOK', 'medlemmer', 'deltakere', 'saker', 'dager']) expect(measures.has(m), m).toBe(true);
    });

    it('resolves every reference', () => {
      const people = new Set(org.people.map((p) => p.key));
      for (const unit of org.units) if (unit.parentKey !== null) expect(ix.units.has(unit.parentKey)).toBe(true);
      for (const o of org.objectives) {
        expect(ix.units.has(o.unitKey), o.key).toBe(true);
        expect(ix.periods.has(o.periodKey), o.key).toBe(true);
        const members = ix.members(o.unitKey);
        expect(o.ownerKeys.length, o.key).toBeGreaterThan(0);
        for (const owner of o.ownerKeys) expect(members.has(owner), `${o.key}: ${owner}`).toBe(true);
        for (const kr of o.keyResults) {
          expect(people.has(kr.ownerKey)).toBe(true);
          expect(members.has(kr.ownerKey), `${kr.key}: ${kr.ownerKey}`).toBe(true);
        }
        for (const link of o.alignsTo) {
          const target = 'objectiveKey' in link ? ix.objectives.get(link.objectiveKey) : ix.keyResults.get(link.keyResultKey)?.objective;
          expect(target, `${o.key} → ${JSON.stringify(link)}`).toBeDefined();
          if (target === undefined) continue;
          expect(target.key).not.toBe(o.key);
          // pays into the year's Moals or into something in the same cycle
          expect([ix.year.key, o.periodKey]).toContain(target.periodKey);
        }
      }
      for (const initiative of org.initiatives) {
        expect(ix.units.get(initiative.unitKey)?.kind).toBe('team');
        expect(initiative.periodKey).toBe(ix.current.key);
        expect(ix.members(initiative.unitKey).has(initiative.ownerKey), initiative.key).toBe(true);
        expect(initiative.keyResultKeys.length).toBeGreaterThanOrEqual(1);
        expect(initiative.keyResultKeys.length).toBeLessThanOrEqual(2);
        // The API's rule for initiatives (app/initiatives.ts): its unit's objectives, in its period.
        for (const krKey of initiative.keyResultKeys) {
          const owner = ix.keyResults.get(krKey)?.objective;
          expect(owner?.unitKey, `${initiative.key} → ${krKey}`).toBe(initiative.unitKey);
          expect(owner?.periodKey, `${initiative.key} → ${krKey}`).toBe(initiative.periodKey);
        }
      }
    });

    it('aligns team objectives upwards and sideways, with one pitfall left unaligned', () => {
      const teamObjectives = org.objectives.filter((o) => o.periodKey === ix.current.key && ix.units.get(o.unitKey)?.kind === 'team');
      const unaligned = teamObjectives.filter((o) => o.alignsTo.length === 0);
      expect(unaligned.length).toBeGreaterThanOrEqual(1);
      expect(unaligned.length).toBeLessThanOrEqual(2);
      let sideways = 0;
      for (const o of teamObjectives.filter((t) => t.alignsTo.length > 0)) {
        const targets = o.alignsTo.map((link) =>
          'objectiveKey' in link ? ix.objectives.get(link.objectiveKey) : ix.keyResults.get(link.keyResultKey)?.objective,
        );
        const ancestors = ix.ancestors(o.unitKey);
        for (const target of targets) {
          expect(target).toBeDefined();
          if (target !== undefined && !ancestors.includes(target.unitKey)) sideways++;
        }
        // every aligned team objective pays into a Moal or an objective/key result of some area
        expect(targets.some((t) => t !== undefined && ix.units.get(t.unitKey)?.kind !== 'team'), o.key).toBe(true);
      }
      expect(sideways).toBeGreaterThanOrEqual(2);
      expect(teamObjectives.filter((o) => o.alignsTo.length >= 2).length).toBeGreaterThanOrEqual(2);
    });

    it('has check-ins inside their period, before now, in order, by members of the unit', () => {
      for (const o of org.objectives) {
        const period = ix.periods.get(o.periodKey);
        expect(period).toBeDefined();
        if (period === undefined) continue;
        const members = ix.members(o.unitKey);
        for (const kr of o.keyResults) {
          let previous = Number.NEGATIVE_INFINITY;
          for (const c of kr.checkIns) {
            const at = Date.parse(c.at);
            expect(new Date(at).toISOString()).toBe(c.at);
            expect(at, `${kr.key} ${c.at}`).toBeLessThan(nowMs);
            expect(at, `${kr.key} ${c.at}`).toBeGreaterThan(previous);
            previous = at;
            // check-ins are made during the working day in Oslo, so the UTC date is the Oslo date
            const day = c.at.slice(0, 10);
            expect(day >= period.startDate && day <= period.endDate, `${kr.key} ${c.at} in ${period.name}`).toBe(true);
            expect(Number.isInteger(c.confidence)).toBe(true);
            expect(c.confidence).toBeGreaterThanOrEqual(1);
            expect(c.confidence).toBeLessThanOrEqual(10);
            expect(members.has(c.authorKey), `${kr.key}: ${c.authorKey}`).toBe(true);
            expect(Number.isFinite(c.value)).toBe(true);
            expect(c.value).toBeGreaterThanOrEqual(0);
            if (kr.measure === '%') expect(c.value).toBeLessThanOrEqual(100);
            if (kr.type === 'milestone') expect([0, 1]).toContain(c.value);
            if (c.comment !== null) expect(c.comment.trim()).not.toBe('');
            if (c.blockers !== null) expect(c.blockers.trim()).not.toBe('');
          }
        }
      }
    });

    it('keeps threshold values around their threshold', () => {
      for (const kr of allKrs.filter((k) => k.type === 'above' || k.type === 'below')) {
        const scale = Math.max(Math.abs(kr.start - kr.target), Math.abs(kr.target) * 0.05);
        for (const c of kr.checkIns) expect(Math.abs(c.value - kr.target), kr.key).toBeLessThanOrEqual(4 * scale);
      }
    });

    it('checks in weekly through the whole previous cycle and up to now in the current one', () => {
      const end = Date.parse(`${ix.previous.endDate}T23:59:59Z`);
      const start = Date.parse(`${ix.current.startDate}T00:00:00Z`);
      for (const o of org.objectives.filter((x) => x.periodKey === ix.previous.key && x.status === 'done')) {
        for (const kr of o.keyResults) {
          const last = kr.checkIns.at(-1);
          expect(last, kr.key).toBeDefined();
          expect(end - Date.parse(last?.at ?? ''), kr.key).toBeLessThan(7 * DAY_MS);
          expect(kr.checkIns.length, kr.key).toBeGreaterThanOrEqual(10);
        }
      }
      const currentKrs = org.objectives.filter((x) => x.periodKey === ix.current.key).flatMap((x) => x.keyResults);
      const weeks = Math.ceil((nowMs - start) / (7 * DAY_MS));
      for (const kr of currentKrs) expect(kr.checkIns.length, kr.key).toBeLessThanOrEqual(weeks);
      if (weeks >= 3) expect(currentKrs.filter((kr) => kr.checkIns.length > 0).length).toBe(currentKrs.length);
      for (const o of org.objectives.filter((x) => x.status === 'draft')) {
        for (const kr of o.keyResults) expect(kr.checkIns).toEqual([]);
      }
    });

    it('has one archived project team, archived after the previous cycle, with OKRs in that cycle only', () => {
      const archived = org.units.filter((u) => u.archivedAt);
      expect(archived.map((u) => u.kind)).toEqual(['team']);
      const unit = archived[0]!;
      expect(Date.parse(unit.archivedAt!)).toBeGreaterThan(Date.parse(`${ix.previous.endDate}T00:00:00Z`));
      expect(Date.parse(unit.archivedAt!)).toBeLessThanOrEqual(now.getTime());
      const periods = new Set(org.objectives.filter((o) => o.unitKey === unit.key).map((o) => o.periodKey));
      expect([...periods]).toEqual([ix.previous.key]);
      expect(org.initiatives.filter((i) => i.unitKey === unit.key)).toEqual([]);
    });

    it('has 1–2 initiatives per team in the current cycle', () => {
      for (const team of org.units.filter((u) => u.kind === 'team' && !u.archivedAt)) {
        const count = org.initiatives.filter((i) => i.unitKey === team.key).length;
        expect(count, team.key).toBeGreaterThanOrEqual(1);
        expect(count, team.key).toBeLessThanOrEqual(2);
      }
    });
  });

  describe('at 2026-11-25, late in the third tertial', () => {
    const now = new Date('2026-11-25T10:00:00Z');
    const org = buildDemoOrganisation(now);
    const ix = index(org);
    const current = org.objectives.filter((o) => o.periodKey === ix.current.key);
    const currentKrs = current.flatMap((o) => o.keyResults);
    const checkIns = org.objectives.flatMap((o) => o.keyResults.flatMap((kr) => kr.checkIns));

    it('has a sizeable history', () => {
      expect(checkIns.length).toBeGreaterThan(1000);
      expect(checkIns.filter((c) => c.comment !== null).length).toBeGreaterThan(100);
      expect(checkIns.filter((c) => c.blockers !== null).length).toBeGreaterThanOrEqual(5);
      expect(new Set(checkIns.filter((c) => c.blockers !== null).map((c) => c.blockers)).size).toBeGreaterThanOrEqual(3);
    });

    it('has key results that need a check-in', () => {
      const stale = currentKrs.filter((kr) => {
        const last = kr.checkIns.at(-1);
        return last !== undefined && now.getTime() - Date.parse(last.at) > 14 * DAY_MS;
      });
      expect(stale.length).toBeGreaterThanOrEqual(2);
    });

    it('has key results ahead of, behind and off track', () => {
      const elapsed = (now.getTime() - Date.parse(`${ix.current.startDate}T00:00:00Z`)) / (Date.parse(`${ix.current.endDate}T23:59:59Z`) - Date.parse(`${ix.current.startDate}T00:00:00Z`));
      const continuous = currentKrs.filter((kr) => kr.type === 'increase' || kr.type === 'decrease');
      const progress = continuous.map(progressOf).filter((p): p is number => p !== null);
      expect(progress.filter((p) => p > elapsed + 0.05).length).toBeGreaterThanOrEqual(3);
      expect(progress.filter((p) => p < elapsed - 0.1).length).toBeGreaterThanOrEqual(3);
      expect(progress.filter((p) => p < elapsed * 0.4).length).toBeGreaterThanOrEqual(1);
      const missedThreshold = currentKrs.filter((kr) => {
        const last = kr.checkIns.at(-1);
        if (last === undefined) return false;
        return kr.type === 'below' ? last.value > kr.target : kr.type === 'above' ? last.value < kr.target : false;
      });
      expect(missedThreshold.length).toBeGreaterThanOrEqual(1);
      const lowConfidence = currentKrs.filter((kr) => (kr.checkIns.at(-1)?.confidence ?? 10) <= 3);
      expect(lowConfidence.length).toBeGreaterThanOrEqual(1);
    });

    it('has a key result whose progress arrives only at the very end', () => {
      const lateTitle = 'Saker der innspillene våre er tatt inn i vedtak eller innstilling';
      const before = org.objectives.filter((o) => o.periodKey === ix.previous.key).flatMap((o) => o.keyResults).find((kr) => kr.title === lateTitle);
      const now_ = currentKrs.find((kr) => kr.title === lateTitle);
      expect(before).toBeDefined();
      expect(now_).toBeDefined();
      if (before === undefined || now_ === undefined) return;
      const values = before.checkIns.map((c) => c.value);
      expect(values.slice(0, -2).every((v) => v === before.start)).toBe(true);
      expect(values.at(-1)).toBeGreaterThan(before.start);
      expect(now_.checkIns.length).toBeGreaterThan(5);
      expect(now_.checkIns.every((c) => c.value === now_.start)).toBe(true);
    });

    it('shows the previous cycle as finished, with one objective cancelled', () => {
      const previous = org.objectives.filter((o) => o.periodKey === ix.previous.key);
      expect(previous.filter((o) => o.status === 'cancelled')).toHaveLength(1);
      const drafts = org.objectives.filter((o) => o.status === 'draft');
      expect(drafts.length).toBeGreaterThanOrEqual(1);
      expect(drafts.length).toBeLessThanOrEqual(2);
    });

    it('keeps history stable as now moves on', () => {
      const later = buildDemoOrganisation(new Date('2026-11-26T10:00:00Z'));
      const laterObjectives = new Map(later.objectives.map((o) => [o.key, o]));
      for (const o of org.objectives) {
        const other = laterObjectives.get(o.key);
        expect(other).toBeDefined();
        if (o.periodKey !== ix.current.key) {
          if (o.periodKey !== ix.year.key) expect(other).toEqual(o);
          continue;
        }
        for (const [k, kr] of o.keyResults.entries()) {
          const laterCheckIns = other?.keyResults[k]?.checkIns ?? [];
          for (const c of kr.checkIns) expect(laterCheckIns).toContainEqual(c);
        }
      }
    });
  });

  describe('early in a cycle', () => {
    it('has only a few check-ins in the first days of the year', () => {
      const org = buildDemoOrganisation(new Date('2026-01-03T12:00:00Z'));
      const current = org.periods.find((p) => p.kind === 'cycle' && p.state === 'active');
      const krs = org.objectives.filter((o) => o.periodKey === current?.key || o.periodKey === 'year-2026').flatMap((o) => o.keyResults);
      for (const kr of krs) expect(kr.checkIns.length).toBeLessThanOrEqual(1);
      // the previous cycle is last year's third tertial, complete
      const previous = org.periods.find((p) => p.state === 'closed');
      expect(previous?.name).toBe('2025 T3');
    });
  });
});
