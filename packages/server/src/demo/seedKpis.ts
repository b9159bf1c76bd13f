// The demo's KPIs (issue 15) in the seed's transaction: measurements several units keep over time,
// each with a history of values at its cadence up to a few days ago; some healthy, some outside
// their range, and one whose last value is older than its cadence (stale). Medlemsservice's
// objective on answering members pays into its KPI on response time. The KPI a key result is
// promoted to at review is seeded with the reviews, not here.
import { createdChanges, type KpiCadence, type KpiDirection } from '@varde/core';
import type { Transaction } from 'kysely';
import type { Database } from '../store/schema.js';
import type { NewEvent } from '../store/events.js';
import { insertKpi, insertKpiCheckIns, refreshKpiCurrent, getKpi } from '../store/kpis.js';
import { getObjective, replaceAlignments } from '../store/objectives.js';
import { fieldsOf, kpiSubject } from '../events/subjects.js';
import { newId } from '../store/ids.js';
import type { DemoOrganisation } from './demoOrganisation.js';

const DAY_MS = 86_400_000;

export interface DemoKpi {
  key: string; unitKey: string; ownerKey: string; title: string; measure: string; direction: KpiDirection; low: number | null; high: number | null;
  cadence: KpiCadence;
  /** Oldest first, one per cadence step; the last was taken `lastDaysAgo` days before now. */
  values: number[]; lastDaysAgo: number;
}

const wave = (n: number, from: number, to: number, wiggle: number): number[] =>
  Array.from({ length: n }, (_, i) => Math.round((from + ((to - from) * i) / (n - 1) + Math.sin(i * 1.7) * wiggle) * 10) / 10);

export const DEMO_KPIS: readonly DemoKpi[] = [
  { key: 'svartid', unitKey: 'medlemsservice', ownerKey: 'ahmed', title: 'Svartid på henvendelser fra medlemmer', measure: 'timer', direction: 'below', low: null, high: 48,
    cadence: 'weekly', values: wave(20, 90, 36, 6), lastDaysAgo: 2 },
  { key: 'medlemmer', unitKey: 'medlem', ownerKey: 'solveig', title: 'Betalende medlemmer', measure: 'medlemmer', direction: 'above', low: 12_000, high: null,
    cadence: 'monthly', values: wave(12, 11_650, 12_480, 40).map(Math.round), lastDaysAgo: 9 },
  { key: 'apning', unitKey: 'kampanje', ownerKey: 'henrik', title: 'Åpningsrate for nyhetsbrevet', measure: '%', direction: 'between', low: 35, high: 55,
    cadence: 'weekly', values: wave(16, 41, 29, 2.5), lastDaysAgo: 3 },
  { key: 'besok', unitKey: 'digital', ownerKey: 'ida', title: 'Besøk på nettsiden', measure: 'besøk', direction: 'above', low: 20_000, high: null,
    cadence: 'monthly', values: wave(8, 18_500, 23_400, 600).map(Math.round), lastDaysAgo: 75 },
  { key: 'givere', unitKey: 'innsamling', ownerKey: 'even', title: 'Faste givere', measure: 'givere', direction: 'above', low: 3_000, high: null,
    cadence: 'quarterly', values: [2_640, 2_810, 2_950, 3_080, 3_190], lastDaysAgo: 20 },
  { key: 'lokallag', unitKey: 'lokallag', ownerKey: 'knut', title: 'Aktive lokallag', measure: 'lokallag', direction: 'above', low: 40, high: null,
    cadence: 'quarterly', values: [41, 40, 38, 37], lastDaysAgo: 30 },
];

/** The objective that pays into a KPI, and which. */
export const DEMO_KPI_ALIGNMENT = { objectiveKey: 'ms-svar', kpiKey: 'svartid' } as const;

const STEP_DAYS: Record<KpiCadence, number> = { weekly: 7, monthly: 30, quarterly: 91 };
const COMMENTS = ['Etter ryddeaksjonen i køen.', 'Ferietid, færre på jobb.', 'Ny rutine fra denne uka.', ''];

export async function seedKpis(trx: Transaction<Database>, orgId: string, demo: DemoOrganisation,
  idOf: (kind: string, key: string) => string, events: NewEvent[], now: Date): Promise<void> {
  const units = new Set(demo.units.map((u) => u.key));
  for (const k of DEMO_KPIS) {
    if (!units.has(k.unitKey)) continue;
    const id = idOf('kpi', k.key);
    const owner = idOf('person', k.ownerKey);
    const firstAt = now.getTime() - (k.lastDaysAgo + STEP_DAYS[k.cadence] * (k.values.length - 1)) * DAY_MS;
    const createdAt = new Date(firstAt - DAY_MS).toISOString();
    await insertKpi(trx, {
      id, orgId, unitId: idOf('unit', k.unitKey), title: k.title, measure: k.measure, direction: k.direction, low: k.low, high: k.high,
      cadence: k.cadence, ownerId: owner, promotedFromKeyResultId: null, now: createdAt,
    });
    const checkIns = k.values.map((value, i) => ({
      id: newId(), kpiId: id, value, comment: i === k.values.length - 1 ? COMMENTS[k.values.length % COMMENTS.length]! : '',
      at: new Date(firstAt + i * STEP_DAYS[k.cadence] * DAY_MS + 8 * 3_600_000).toISOString(), authorId: owner, fromKeyResultId: null,
    }));
    await insertKpiCheckIns(trx, orgId, checkIns);
    await refreshKpiCurrent(trx, orgId, id);
    const kpi = (await getKpi(trx, orgId, id))!;
    const fields = { unitId: kpi.unitId, title: kpi.title, measure: kpi.measure, direction: kpi.direction, low: kpi.low, high: kpi.high, cadence: kpi.cadence, ownerId: kpi.ownerId, promotedFromKeyResultId: null };
    events.push({ id: newId(), type: 'kpi.created', subject: kpiSubject(kpi), actorId: owner, at: createdAt, changes: createdChanges(fields, fieldsOf<typeof fields>('kpi')) });
    for (const [i, c] of checkIns.entries()) {
      if (i < checkIns.length - 3) continue;
      events.push({ id: newId(), type: 'kpi.checkedIn', subject: kpiSubject(kpi), actorId: owner, at: c.at, changes: [
        { field: 'value', before: checkIns[i - 1]?.value ?? null, after: c.value }, ...(c.comment ? [{ field: 'comment', before: null, after: c.comment }] : []), { field: 'at', before: null, after: c.at },
      ] });
    }
  }
  const objectiveId = idOf('objective', DEMO_KPI_ALIGNMENT.objectiveKey);
  const objective = await getObjective(trx, orgId, objectiveId);
  if (objective) await replaceAlignments(trx, orgId, objectiveId, [...objective.alignments, { kpiId: idOf('kpi', DEMO_KPI_ALIGNMENT.kpiKey) }]);
}
