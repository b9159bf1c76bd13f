// The demo's retrospectives (issue 15) of the previous tertial, which is closed: the campaign team
// and Digital kommunikasjon held theirs the day after it ended, wrote notes on the six questions,
// voted on the mood (enough for the distribution to show) and agreed actions, some done since and
// some still open on their owners' Mine. The votes are written as the store keeps them: who voted,
// and apart from that how many voted each mood; nothing here says who gave which.
import type { Transaction } from 'kysely';
import { RETROSPECTIVE_QUESTIONS, type RetrospectiveQuestion } from '@varde/core';
import type { Database } from '../store/schema.js';
import type { NewEvent } from '../store/events.js';
import { ensureRetrospective, insertVoteState, replaceActions, updateRetrospective } from '../store/retrospectives.js';
import { newId } from '../store/ids.js';
import type { DemoOrganisation } from './demoOrganisation.js';

const DAY_MS = 86_400_000;

export interface DemoRetrospective {
  unitKey: string;
  notes: Partial<Record<RetrospectiveQuestion, string>>;
  voterKeys: string[];
  /** How many voted 1, 2, 3, 4, 5. */
  moodCounts: [number, number, number, number, number];
  actions: Array<{ text: string; ownerKey: string; dueInDays: number; done: boolean }>;
}

export const DEMO_RETROSPECTIVES: readonly DemoRetrospective[] = [
  {
    unitKey: 'kampanje',
    notes: {
      mood: 'God stemning og mye latter, men travelt i slutten av perioden. Vi roser hverandre for lite i kanalen.',
      reachingGoals: 'Ukemøtene holdt oss på sporet; mye av framdriften kom likevel de siste tre ukene.',
      inclusion: 'Lokallagene kom for sent inn i planleggingen. Alle fikk ordet i møtene.',
      support: 'Vi trengte mer hjelp fra analyse tidlig i perioden.',
      method: 'Nøkkelresultatene gjorde prioriteringen lett. For mange nøkkelresultater på det andre målet.',
      stop: 'Å legge inn nye oppgaver midt i perioden uten å ta noe ut.',
    },
    voterKeys: ['jonas', 'sigrid', 'henrik', 'ahmed'],
    moodCounts: [0, 0, 1, 2, 1],
    actions: [
      { text: 'Invitere lokallagene til planleggingsverkstedet', ownerKey: 'sigrid', dueInDays: 14, done: true },
      { text: 'Fast avtale med analyse hver andre uke', ownerKey: 'jonas', dueInDays: 30, done: false },
      { text: 'Høyst tre nøkkelresultater per mål i neste plan', ownerKey: 'sigrid', dueInDays: 45, done: false },
    ],
  },
  {
    unitKey: 'digital',
    notes: {
      mood: 'Litt slitne etter nettsidelanseringen, men fornøyde.',
      reachingGoals: 'Vi nådde to av tre mål; annonseringen kom for sent i gang.',
      method: 'Innsjekkene ble glemt i ferien. Påminnelser på mandager hjalp.',
      stop: 'Å ha egne statusmøter ved siden av ukemøtet.',
    },
    voterKeys: ['henrik', 'ida', 'jonas'],
    moodCounts: [0, 1, 1, 1, 0],
    actions: [
      { text: 'Legge ned det ekstra statusmøtet', ownerKey: 'henrik', dueInDays: 7, done: true },
      { text: 'Plan for annonsering klar før perioden starter', ownerKey: 'ida', dueInDays: 21, done: false },
    ],
  },
];

export async function seedRetrospectives(trx: Transaction<Database>, orgId: string, demo: DemoOrganisation,
  idOf: (kind: string, key: string) => string, events: NewEvent[], now: Date): Promise<void> {
  const previous = demo.periods.find((p) => p.kind === 'cycle' && p.state === 'closed');
  if (!previous) return;
  const periodId = idOf('period', previous.key);
  // Held the day after the tertial ended, at ten.
  const heldMs = Date.parse(`${previous.endDate}T08:00:00Z`) + DAY_MS;
  for (const r of DEMO_RETROSPECTIVES) {
    const unit = demo.units.find((u) => u.key === r.unitKey);
    if (!unit) continue;
    const unitId = idOf('unit', r.unitKey);
    const subject = { kind: 'retrospective' as const, id: '', name: unit.name, unitId };
    const row = await ensureRetrospective(trx, { id: newId(), orgId, unitId, periodId });
    subject.id = row.id;
    const at = (minutes: number) => new Date(Math.min(heldMs + minutes * 60_000, now.getTime())).toISOString();
    const lead = idOf('person', unit.members.find((m) => m.role === 'lead')!.personKey);
    const notes = Object.fromEntries(RETROSPECTIVE_QUESTIONS.map((q) => [q, r.notes[q] ?? ''])) as Record<RetrospectiveQuestion, string>;
    await updateRetrospective(trx, orgId, row.id, 0, notes, at(100));
    const actions = r.actions.map((a) => ({
      id: newId(), text: a.text, ownerId: idOf('person', a.ownerKey), dueDate: new Date(heldMs + a.dueInDays * DAY_MS).toISOString().slice(0, 10), done: false,
    }));
    await replaceActions(trx, orgId, row.id, r.actions.map((a, i) => ({ ...actions[i]!, done: a.done })));
    await insertVoteState(trx, orgId, row.id, r.voterKeys.map((k) => idOf('person', k)), r.moodCounts);
    // The events it would have had: each vote naming its voter only, the notes and actions written, the actions done since.
    for (const [i, k] of r.voterKeys.entries()) events.push({ id: newId(), type: 'retrospective.voted', subject: { ...subject }, actorId: null, at: at(5 + i), changes: [] });
    events.push({ id: newId(), type: 'retrospective.changed', subject: { ...subject }, actorId: lead, at: at(100), changes: [
      { field: 'notes', before: Object.fromEntries(RETROSPECTIVE_QUESTIONS.map((q) => [q, ''])), after: notes },
      { field: 'actions', before: [], after: actions },
    ] });
    for (const [i, a] of r.actions.entries()) {
      if (!a.done) continue;
      const doneAt = new Date(Math.min(heldMs + Math.max(1, a.dueInDays - 2) * DAY_MS, now.getTime())).toISOString();
      events.push({ id: newId(), type: 'retrospective.actionDone', subject: { ...subject }, actorId: idOf('person', a.ownerKey), at: doneAt, changes: [
        { field: 'actionId', before: null, after: actions[i]!.id }, { field: 'text', before: null, after: a.text },
      ] });
    }
  }
}
