// Generates a large, realistic organisation straight into the store with multi-row inserts
// (packages/server/src/store/bulk.ts): root → 20 areas → 100 departments → teams, 2,000 units in
// all by default; ~6,000 people with memberships; 5 objectives per unit on average in the cycle
// containing today; 3 key results of mixed types per objective; 20 check-ins per key result spread
// over the cycle so far, the latest one denormalised onto the key result as the API expects.
// Another size (shapeFor) keeps every count in the same proportion to the units.
import { performance } from 'node:perf_hooks';
import { checkInWrite, cycleContaining, objectiveProgressOf, yearPeriod } from '@varde/core';
import { bulkLoad, analyseAfterLoad } from '../../packages/server/dist/store/bulk.js';
import { hashPassword } from '../../packages/server/dist/auth/passwords.js';
import { rng, uuidv7 } from './util.mjs';

/**
 * An organisation of `units` units: 1 area (the root's children) per 100 units unless `areas` says
 * how many, 1 department per 20 units, 3 people and 5 objectives per unit.
 */
export function shapeFor(units, { areas = Math.round(units / 100) } = {}) {
  if (!Number.isInteger(units) || units < 100) throw new Error(`an organisation of ${units} units: give a whole number of at least 100`);
  if (!Number.isInteger(areas) || areas < 1 || areas > units / 20) throw new Error(`${areas} areas in ${units} units: give a whole number from 1 to ${Math.floor(units / 20)}`);
  return Object.freeze({
    units, areas, departments: Math.max(areas, Math.round(units / 20)), people: units * 3,
    objectives: units * 5, keyResultsPerObjective: 3, checkInsPerKeyResult: 20,
  });
}
export const SHAPE = shapeFor(2000);
export const ADMIN = Object.freeze({ email: 'admin@bench.varde.test', password: 'bench bench bench', name: 'Bench Admin' });

const FIRST = ['Kari', 'Ola', 'Ingrid', 'Lars', 'Sofie', 'Anders', 'Nora', 'Henrik', 'Emma', 'Jonas', 'Maja', 'Erik', 'Sara', 'Magnus', 'Ida', 'Sindre', 'Astrid', 'Tobias', 'Live', 'Håkon'];
const LAST = ['Nordmann', 'Hansen', 'Johansen', 'Olsen', 'Larsen', 'Andersen', 'Pedersen', 'Nilsen', 'Kristiansen', 'Jensen', 'Karlsen', 'Berg', 'Haugen', 'Hagen', 'Eriksen', 'Bakken', 'Lie', 'Dahl', 'Lund', 'Strand'];
const AREA_NAMES = ['Product', 'Engineering', 'Sales', 'Marketing', 'Customer Success', 'Operations', 'Finance', 'People', 'Legal', 'Data',
  'Security', 'Platform', 'Design', 'Research', 'Partnerships', 'Communications', 'Facilities', 'Procurement', 'Strategy', 'Quality'];
const VERBS = ['Delight', 'Grow', 'Simplify', 'Speed up', 'Strengthen', 'Modernise', 'Secure', 'Scale', 'Streamline', 'Win'];
const THINGS = ['onboarding', 'the checkout flow', 'our partner network', 'release cadence', 'customer trust', 'the data platform',
  'support quality', 'hiring', 'margins', 'the mobile app', 'internal tooling', 'reliability'];
const MEASURES = { increase: ['customers', 'NPS points', 'deploys/week', 'MNOK', 'signups', '% adoption'], decrease: ['ms p95', 'open incidents', 'days lead time', '% churn', 'tickets/week'],
  above: ['% uptime', '% CSAT', 'NPS'], below: ['% error rate', 'hours to resolve', 'MNOK cost'], milestone: [''] };

function typeOf(r) {
  const x = r.next();
  return x < 0.45 ? 'increase' : x < 0.6 ? 'decrease' : x < 0.7 ? 'above' : x < 0.8 ? 'below' : 'milestone';
}

/** Values a key result of this type starts from and aims at, with a measure. */
function definition(r, type) {
  switch (type) {
    case 'increase': { const start = r.int(0, 100); return { start, target: start + r.int(50, 1000), measure: r.pick(MEASURES.increase) }; }
    case 'decrease': { const start = r.int(100, 1000); return { start, target: Math.round(start * r.between(0.2, 0.8)), measure: r.pick(MEASURES.decrease) }; }
    case 'above': { const target = r.int(80, 99); return { start: target - r.int(1, 10), target, measure: r.pick(MEASURES.above) }; }
    case 'below': { const target = r.int(1, 20); return { start: target + r.int(1, 10), target, measure: r.pick(MEASURES.below) }; }
    default: return { start: 0, target: 1, measure: '' };
  }
}

/** The value a check-in at fraction f (0–1) of the elapsed cycle records, for this key result's pace. */
function valueAt(r, kr, f) {
  switch (kr.type) {
    case 'increase':
    case 'decrease': {
      const progress = kr.pace * f + r.between(-0.05, 0.05);
      const v = kr.start_value + (kr.target_value - kr.start_value) * progress;
      return Math.round(v * 10) / 10;
    }
    case 'above': return Math.round((kr.target_value + r.between(-3, 2) + kr.pace) * 10) / 10;
    case 'below': return Math.round((kr.target_value + r.between(-2, 3) - kr.pace) * 10) / 10;
    default: return f >= kr.doneAt ? 1 : 0;
  }
}

/**
 * Builds the organisation in memory (units, people, objectives, key results) and streams the
 * check-ins, loading every table with bulkLoad. Returns what the bench needs to drive the API.
 * `shape` (default SHAPE, 2,000 units) sets the size; fewer `checkInsPerKeyResult` make a quick
 * organisation for a test, with the same progress answers but a shorter history.
 */
export async function generate(store, { now = new Date(), seed = 20261125, shape = SHAPE, checkInsPerKeyResult = shape.checkInsPerKeyResult } = {}) {
  const { db, dialect } = store;
  const started = performance.now();
  const steps = {};
  const step = async (name, fn) => { const t = performance.now(); const n = await fn(); steps[name] = { rows: n, ms: performance.now() - t }; return n; };
  const r = rng(seed);
  const stamp = now.toISOString();
  const nowMs = now.getTime();
  const today = stamp.slice(0, 10);
  const cycleDates = cycleContaining(today, 'quarter', 1);
  const yearDates = yearPeriod(now.getUTCFullYear(), 1);
  const cycleStartMs = Date.parse(`${cycleDates.startDate}T00:00:00Z`);
  const setupMs = cycleStartMs - 14 * 86_400_000;
  const setupStamp = new Date(setupMs).toISOString();
  const idAt = (ms) => uuidv7(ms);

  // The organisation and its periods.
  const orgId = idAt(setupMs);
  const year = { id: idAt(setupMs), org_id: orgId, kind: 'year', name: yearDates.name, start_date: yearDates.startDate, end_date: yearDates.endDate, state: 'active', version: 1, created_at: setupStamp, updated_at: setupStamp };
  const cycle = { id: idAt(setupMs), org_id: orgId, kind: 'cycle', name: cycleDates.name, start_date: cycleDates.startDate, end_date: cycleDates.endDate, state: 'active', version: 1, created_at: setupStamp, updated_at: setupStamp };

  // Units: root → areas → departments (kind 'area': the API knows organisation, area, team) → teams.
  const units = [];
  const addUnit = (parent, name, kind, level) => {
    const u = { id: idAt(setupMs), org_id: orgId, parent_id: parent?.id ?? null, name, kind, description: '', version: 1, created_at: setupStamp, updated_at: setupStamp };
    units.push(u);
    return Object.assign(u, { level, members: [] });
  };
  const root = addUnit(null, 'Bench Group', 'organisation', 0);
  // Past the 20 names, areas are numbered: Product, …, Quality, Product 2, ….
  const areaName = (i) => `${AREA_NAMES[i % AREA_NAMES.length]}${i < AREA_NAMES.length ? '' : ` ${Math.floor(i / AREA_NAMES.length) + 1}`}`;
  const areas = Array.from({ length: shape.areas }, (_, i) => addUnit(root, areaName(i), 'area', 1));
  const departments = [];
  for (let d = 0; d < shape.departments; d++) {
    const area = areas[d % areas.length];
    departments.push(addUnit(area, `${area.name} ${Math.floor(d / areas.length) + 1}`, 'area', 2));
  }
  const teamCount = shape.units - 1 - areas.length - departments.length;
  const teams = [];
  for (let t = 0; t < teamCount; t++) {
    const dept = departments[r.int(0, departments.length - 1)];
    teams.push(addUnit(dept, `${dept.name} team ${t + 1}`, 'team', 3));
  }

  // People and memberships: area and department leads with a few members, ~3 people per team,
  // one in ten also in a second team; the admin leads the root.
  const adminId = idAt(setupMs);
  const passwordHash = await hashPassword(ADMIN.password);
  const people = [{ id: adminId, org_id: orgId, name: ADMIN.name, email: ADMIN.email, password_hash: passwordHash, is_admin: 1, version: 1, created_at: setupStamp, updated_at: setupStamp }];
  for (let p = 0; p < shape.people; p++) {
    const name = `${r.pick(FIRST)} ${r.pick(LAST)}`;
    people.push({ id: idAt(setupMs), org_id: orgId, name, email: `person${p + 1}@bench.varde.test`, password_hash: null, is_admin: 0, version: 1, created_at: setupStamp, updated_at: setupStamp });
  }
  const memberships = [];
  const member = (unit, person, role) => { memberships.push({ org_id: orgId, unit_id: unit.id, person_id: person.id, role }); unit.members.push(person.id); };
  member(root, people[0], 'lead');
  let next = 1;
  for (const u of [...areas, ...departments]) for (let k = 0; k < (u.level === 1 ? 3 : 4); k++) member(u, people[next++], k === 0 ? 'lead' : 'member');
  const rest = people.slice(next);
  rest.forEach((person, i) => member(teams[i % teams.length], person, i < teams.length ? 'lead' : 'member'));
  for (const person of rest) {
    if (!r.chance(0.1)) continue;
    const team = r.pick(teams);
    if (!team.members.includes(person.id)) member(team, person, 'member');
  }

  // Objectives: 3–7 per unit (5 on average, exactly shape.objectives in all) in the cycle.
  const perUnit = units.map(() => r.int(3, 7));
  let diff = shape.objectives - perUnit.reduce((a, b) => a + b, 0);
  while (diff !== 0) {
    const i = r.int(0, perUnit.length - 1);
    if (diff > 0 && perUnit[i] < 7) { perUnit[i]++; diff--; } else if (diff < 0 && perUnit[i] > 3) { perUnit[i]--; diff++; }
  }
  const objectives = [];
  const owners = [];
  const alignments = [];
  const keyResults = [];
  const objectivesOf = new Map();
  const planMs = cycleStartMs - 7 * 86_400_000;
  units.forEach((u, ui) => {
    const list = [];
    for (let k = 0; k < perUnit[ui]; k++) {
      const at = planMs + r.int(0, 6 * 86_400_000);
      const created = new Date(at).toISOString();
      const x = r.next();
      const status = x < 0.94 ? 'active' : x < 0.97 ? 'draft' : x < 0.99 ? 'done' : 'cancelled';
      const o = { id: idAt(at), org_id: orgId, unit_id: u.id, period_id: cycle.id, title: `${r.pick(VERBS)} ${r.pick(THINGS)}`, description: '', kind: r.chance(0.7) ? 'committed' : 'aspirational', status, version: 1, created_at: created, updated_at: created };
      objectives.push(o);
      list.push(o);
      const ownerA = r.pick(u.members);
      owners.push({ org_id: orgId, objective_id: o.id, person_id: ownerA });
      if (u.members.length > 1 && r.chance(0.2)) {
        const ownerB = r.pick(u.members);
        if (ownerB !== ownerA) owners.push({ org_id: orgId, objective_id: o.id, person_id: ownerB });
      }
      for (let j = 0; j < shape.keyResultsPerObjective; j++) {
        const type = typeOf(r);
        const def = definition(r, type);
        const w = r.next();
        keyResults.push({
          id: idAt(at + j), org_id: orgId, objective_id: o.id, title: `${r.pick(VERBS)} ${r.pick(THINGS)} (${def.measure || 'done'})`, type,
          start_value: def.start, target_value: def.target, measure: def.measure, owner_id: r.pick(u.members),
          weight: w < 0.8 ? 1 : w < 0.95 ? 2 : 0.5, current_value: null, current_at: null, confidence: null,
          version: 1, created_at: created, updated_at: created,
          // generation only (stripped before loading):
          pace: r.between(0.3, 1.3), doneAt: r.chance(0.6) ? r.next() : 2,
        });
      }
    }
    objectivesOf.set(u.id, list);
  });
  // Alignment: about half of each unit's objectives point at one of its parent unit's objectives.
  const byId = new Map(units.map((u) => [u.id, u]));
  for (const o of objectives) {
    const parent = byId.get(o.unit_id).parent_id;
    if (!parent || !r.chance(0.5)) continue;
    alignments.push({ org_id: orgId, objective_id: o.id, target_objective_id: r.pick(objectivesOf.get(parent)).id, target_key_result_id: null });
  }

  // Check-ins: 20 per key result, evenly over the cycle so far with jitter, oldest first; the last
  // one's value, time and confidence go onto the key result.
  const elapsedMs = Math.max(60_000, nowMs - cycleStartMs - 60_000);
  const n = checkInsPerKeyResult;
  const checkInRng = rng(seed + 1);
  for (const kr of keyResults) {
    let confidence = checkInRng.int(5, 9);
    const series = [];
    for (let i = 0; i < n; i++) {
      const f = (i + 0.5 + checkInRng.between(-0.4, 0.4)) / n;
      const at = cycleStartMs + Math.floor(f * elapsedMs);
      confidence = Math.min(10, Math.max(1, confidence + checkInRng.int(-1, 1)));
      series.push({ at, value: valueAt(checkInRng, kr, f * (elapsedMs / (Date.parse(`${cycleDates.endDate}T23:59:59Z`) - cycleStartMs))), confidence });
    }
    // The key result's current value by the rule every check-in is written by.
    const written = series.map((c, i) => ({ id: String(i).padStart(6, '0'), keyResultId: kr.id, value: c.value, confidence: c.confidence, createdAt: new Date(c.at).toISOString() }));
    const standing = { id: kr.id, objectiveId: kr.objective_id, type: kr.type, start: kr.start_value, target: kr.target_value, weight: kr.weight, current: null, confidence: null, currentAt: null };
    const [move] = checkInWrite(written, new Map([[kr.id, standing]])).moves;
    kr.current_value = move.value;
    kr.current_at = move.at;
    kr.confidence = move.confidence;
    kr.series = series;
  }
  // In key-result id order, so the (key_result_id, created_at) index grows at its end.
  const byKeyResultId = [...keyResults].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  function* checkIns() {
    for (const kr of byKeyResultId) {
      for (let i = 0; i < kr.series.length; i++) {
        const c = kr.series[i];
        yield {
          id: idAt(c.at), org_id: orgId, key_result_id: kr.id, value: c.value, confidence: c.confidence,
          comment: i % 4 === 3 ? 'Steady progress this week; see the board for details.' : null,
          blockers: i % 13 === 12 ? 'Waiting on another team.' : null,
          author_id: kr.owner_id, created_at: new Date(c.at).toISOString(),
        };
      }
    }
  }
  const krRows = keyResults.map(({ pace: _p, doneAt: _d, series: _s, ...row }) => row);
  const strip = (list) => list.map(({ level: _l, members: _m, ...row }) => row);
  const built = performance.now() - started;

  // Each objective carries its progress on its row, as the API keeps it (store/objectiveProgress.ts).
  const krsOf = new Map();
  for (const k of krRows) {
    const list = krsOf.get(k.objective_id) ?? [];
    list.push({ type: k.type, start: k.start_value, target: k.target_value, current: k.current_value, weight: k.weight });
    krsOf.set(k.objective_id, list);
  }
  for (const o of objectives) o.progress = objectiveProgressOf(krsOf.get(o.id) ?? []);

  // Load, parents before children.
  await step('organisations', () => bulkLoad(db, dialect, 'organisations', [{
    id: orgId, name: 'Bench Group', language: 'en', time_zone: 'Europe/Oslo', fiscal_year_start_month: 1, cycle_cadence: 'quarter',
    check_in_cadence_days: 7, mission: 'Make goals visible', vision: '', values_json: '[]', themes_json: '[]', is_demo: 0, version: 1,
    created_at: setupStamp, updated_at: setupStamp,
  }]));
  await step('periods', () => bulkLoad(db, dialect, 'periods', [year, cycle]));
  await step('people', () => bulkLoad(db, dialect, 'people', people));
  await step('units', () => bulkLoad(db, dialect, 'units', strip(units)));
  await step('memberships', () => bulkLoad(db, dialect, 'memberships', memberships));
  await step('objectives', () => bulkLoad(db, dialect, 'objectives', objectives));
  await step('objective_owners', () => bulkLoad(db, dialect, 'objective_owners', owners));
  await step('alignments', () => bulkLoad(db, dialect, 'alignments', alignments));
  await step('key_results', () => bulkLoad(db, dialect, 'key_results', krRows));
  await step('check_ins', () => bulkLoad(db, dialect, 'check_ins', checkIns(), { rowsPerTransaction: 200_000 }));
  const analyseStart = performance.now();
  await analyseAfterLoad(db, dialect);
  steps.analyse = { rows: 0, ms: performance.now() - analyseStart };

  const objectiveCount = new Map();
  // Drafts and cancelled objectives are left out of roll-ups; the team page's five are live ones.
  for (const o of objectives) if (o.status !== 'cancelled' && o.status !== 'draft') objectiveCount.set(o.unit_id, (objectiveCount.get(o.unit_id) ?? 0) + 1);
  return {
    ms: performance.now() - started, buildMs: built, steps,
    shape, orgId, adminId, rootId: root.id, cycleId: cycle.id, yearId: year.id, cycleName: cycle.name,
    // The root's children: what the organisation page opens first.
    areaIds: areas.map((a) => a.id),
    // Teams with the average five live objectives: the "team page" the bench asks for.
    teamIds: teams.filter((t) => objectiveCount.get(t.id) === 5).map((t) => t.id),
    keyResults: krRows.map((k) => ({ id: k.id, type: k.type, start: k.start_value, target: k.target_value })),
    counts: {
      units: units.length, people: people.length, memberships: memberships.length, objectives: objectives.length,
      keyResults: krRows.length, checkIns: keyResults.length * n, alignments: alignments.length,
    },
  };
}
