// The demo's rituals and backlogs (issue 13) in the seed's transaction: the current and the next
// tertial carry the dates of their planning window, review and retrospective; Medlemsinnsikt
// checks in every other week and Lokallagsutvikling on Thursdays (the others keep the
// organisation's Monday, weekly); the campaign team and Digital kommunikasjon each keep a backlog
// of objectives, with their key results, parked for a later cycle, each with the events that made it.
import { createdChanges, type CheckInCadence } from '@varde/core';
import type { Transaction } from 'kysely';
import type { Database } from '../store/schema.js';
import type { NewEvent } from '../store/events.js';
import { setRitualDates } from '../store/periods.js';
import { setCheckInRhythm } from '../store/units.js';
import { insertObjective } from '../store/objectives.js';
import { insertKeyResult } from '../store/keyResults.js';
import { keyResultSubject, objectiveSubject, fieldsOf } from '../events/subjects.js';
import { newId } from '../store/ids.js';
import type { DemoOrganisation } from './demoOrganisation.js';

const DAY_MS = 86_400_000;
const shift = (isoDate: string, days: number) => new Date(Date.parse(`${isoDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

/** The units with a rhythm of their own. */
export const DEMO_RHYTHMS: ReadonlyArray<{ unitKey: string; checkInWeekday: number | null; checkInCadence: CheckInCadence | null }> = [
  { unitKey: 'innsikt', checkInWeekday: null, checkInCadence: 'biweekly' },
  { unitKey: 'lokallag', checkInWeekday: 4, checkInCadence: null },
];

interface ParkedSpec {
  key: string; unitKey: string; title: string; description: string; kind: 'committed' | 'aspirational'; ownerKey: string;
  keyResults: Array<{ title: string; type: 'increase' | 'decrease' | 'milestone'; start: number; target: number; measure: string; ownerKey: string }>;
}

/** Objectives parked for later: good ideas that did not fit this cycle's capacity (article 004). */
export const DEMO_BACKLOG: readonly ParkedSpec[] = [
  {
    key: 'bl-kamp-fylker', unitKey: 'kampanje', title: 'Oppropet i alle fylker', kind: 'aspirational', ownerKey: 'jonas',
    description: 'Lokale underskriftsaksjoner i hvert fylke. Parkert til lokallagene har kapasitet etter landsmøtet.',
    keyResults: [
      { title: 'Fylker med egen underskriftsaksjon', type: 'increase', start: 0, target: 11, measure: 'fylker', ownerKey: 'kristin' },
      { title: 'Lokale underskrifter', type: 'increase', start: 0, target: 5000, measure: 'underskrifter', ownerKey: 'sigrid' },
    ],
  },
  {
    key: 'bl-kamp-film', unitKey: 'kampanje', title: 'Pasienthistorier som dokumentarfilm', kind: 'aspirational', ownerKey: 'henrik',
    description: 'En kort dokumentar om ventetid. Parkert: krever midler vi ikke har søkt om ennå.',
    keyResults: [
      { title: 'Filmen ferdig klippet', type: 'milestone', start: 0, target: 1, measure: '', ownerKey: 'henrik' },
    ],
  },
  {
    key: 'bl-digital-app', unitKey: 'digital', title: 'Medlemsapp med varsler om nye behandlinger', kind: 'committed', ownerKey: 'ida',
    description: 'Medlemmene ba om det i undersøkelsen. Parkert til den nye nettsiden er på plass.',
    keyResults: [
      { title: 'Medlemmer som har lastet ned appen', type: 'increase', start: 0, target: 1500, measure: 'medlemmer', ownerKey: 'ida' },
      { title: 'Appen lansert i butikkene', type: 'milestone', start: 0, target: 1, measure: '', ownerKey: 'henrik' },
    ],
  },
];

export async function seedRituals(trx: Transaction<Database>, orgId: string, demo: DemoOrganisation,
  idOf: (kind: string, key: string) => string, events: NewEvent[], now: Date): Promise<void> {
  const current = demo.periods.find((p) => p.kind === 'cycle' && p.state === 'active');
  const next = demo.periods.find((p) => p.kind === 'cycle' && p.state === 'planning');
  // The current tertial was planned in the three weeks before it began; the next one is planned
  // in the current one's last three weeks. Reviews two days before the end, retrospectives the day after.
  if (current) {
    await setRitualDates(trx, orgId, idOf('period', current.key), {
      planningStartDate: shift(current.startDate, -21), planningEndDate: shift(current.startDate, -1),
      reviewDate: shift(current.endDate, -2), retrospectiveDate: shift(current.endDate, -1),
    });
  }
  if (next && current) {
    await setRitualDates(trx, orgId, idOf('period', next.key), {
      planningStartDate: shift(current.endDate, -20), planningEndDate: current.endDate,
      reviewDate: shift(next.endDate, -2), retrospectiveDate: shift(next.endDate, -1),
    });
  }
  for (const r of DEMO_RHYTHMS) await setCheckInRhythm(trx, orgId, idOf('unit', r.unitKey), r);

  // Parked a week ago by their owners.
  const at = new Date(now.getTime() - 7 * DAY_MS).toISOString();
  for (const o of DEMO_BACKLOG) {
    const id = idOf('objective', o.key);
    const unitId = idOf('unit', o.unitKey);
    const objective = { title: o.title, description: o.description, kind: o.kind, status: 'backlog' as const, unitId, periodId: null, ownerIds: [idOf('person', o.ownerKey)], alignments: [] };
    await insertObjective(trx, { id, orgId, ...objective, now: at });
    const actorId = idOf('person', o.ownerKey);
    events.push({ id: newId(), type: 'objective.created', subject: objectiveSubject({ id, title: o.title, unitId }), actorId, at, changes: createdChanges(objective, fieldsOf<typeof objective>('objective')) });
    for (const [i, k] of o.keyResults.entries()) {
      const krId = idOf('keyResult', `${o.key}-${i + 1}`);
      const kr = { title: k.title, type: k.type, start: k.start, target: k.target, measure: k.measure, ownerId: idOf('person', k.ownerKey), weight: 1 };
      await insertKeyResult(trx, { id: krId, orgId, objectiveId: id, ...kr, now: at });
      events.push({ id: newId(), type: 'keyResult.created', subject: keyResultSubject({ id: krId, title: k.title, objectiveId: id }, unitId), actorId, at, changes: createdChanges(kr, fieldsOf<typeof kr>('keyResult')) });
    }
  }
}
