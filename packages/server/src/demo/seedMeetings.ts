// The demo's weekly meetings (issue 14) in the seed's transaction: the campaign team has met every
// Monday of the current tertial at nine, Digital kommunikasjon too but skipped the last two. Each
// record is what ending the meeting would have kept: the agenda as it stood (core's meetingAgenda
// over the key results as they were that morning), what moved since the week before (core's
// meetingChanges), attendees, notes and decisions; the blockers written since were handled (one
// turned into an initiative, the rest noted), and a dependency Helsepolitikk raised on the campaign
// team was acknowledged in one meeting and resolved in the next. Each with the events it would have had.
import {
  checkInDue, createdChanges, expectedProgress, firstCheckInDay, forecast, forecastStatus, latestCheckInDay, localDate, meetingAgenda,
  meetingChanges, startOfDate, type AgendaItem, type DependencyState, type Meeting, type TrackStatus,
} from '@varde/core';
import type { Transaction } from 'kysely';
import type { Database } from '../store/schema.js';
import type { NewEvent } from '../store/events.js';
import { blockerCheckIns, insertHandledBlocker, insertMeetingRecord, saveMeetingItem } from '../store/meetings.js';
import { insertInitiative } from '../store/initiatives.js';
import { insertDependency, insertDependencyStep } from '../store/dependencies.js';
import { keyResultTrack } from '../presenters/okr.js';
import { dependencySubject, fieldsOf, initiativeSubject } from '../events/subjects.js';
import { newId } from '../store/ids.js';
import type { DemoOrganisation } from './demoOrganisation.js';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** The teams that meet, and how many of their latest Mondays they skipped. */
export const DEMO_MEETINGS: ReadonlyArray<{ unitKey: string; skippedLast: number }> = [
  { unitKey: 'kampanje', skippedLast: 0 },
  { unitKey: 'digital', skippedLast: 2 },
];

const NOTES = [
  'Kort runde. Vi holder fokus på det som står i rødt.',
  'God uke. Alle sjekket inn før møtet.',
  'Vi brukte mest tid på hindringene; resten går som planlagt.',
  'Mindre framdrift enn ventet. Vi følger opp neste uke.',
];
const DECISIONS = [
  'Vi tar det opp med ledergruppen torsdag.',
  'Ansvarlig sender en kort status til teamet fredag.',
  'Vi prioriterer dette foran nye oppgaver denne uka.',
  'Vi ber om hjelp fra et annet team.',
];

type Frozen = { agenda: AgendaItem[]; notCheckedIn: Meeting['notCheckedIn']; dependencies: [] };

export async function seedMeetings(trx: Transaction<Database>, orgId: string, demo: DemoOrganisation,
  idOf: (kind: string, key: string) => string, events: NewEvent[], now: Date): Promise<void> {
  const cycle = demo.periods.find((p) => p.kind === 'cycle' && p.state === 'active');
  if (!cycle) return;
  const tz = demo.organisation.timeZone;
  const cycleId = idOf('period', cycle.key);
  // The demo teams keep the organisation's rhythm: Mondays, weekly.
  const schedule = { weekday: 1, cadence: 'weekly' as const, from: cycle.startDate };
  const latest = latestCheckInDay(schedule, localDate(now, tz) < cycle.endDate ? localDate(now, tz) : cycle.endDate);
  const mondays: string[] = [];
  if (latest) for (let d = firstCheckInDay(schedule); d <= latest; d = new Date(Date.parse(`${d}T00:00:00Z`) + 7 * DAY_MS).toISOString().slice(0, 10)) mondays.push(d);
  const startOf = (day: string) => new Date(startOfDate(day, tz).getTime() + 9 * 60 * MINUTE_MS);
  // Only meetings that have ended by now.
  const days = mondays.filter((d) => startOf(d).getTime() + 15 * MINUTE_MS <= now.getTime());
  const personName = new Map(demo.people.map((p) => [p.key, p.name]));
  const person = (key: string) => ({ id: idOf('person', key), name: personName.get(key) ?? '' });
  const event = (type: NewEvent['type'], subject: NewEvent['subject'], actorKey: string, at: string, changes: NewEvent['changes']): NewEvent =>
    ({ id: newId(), type, subject, actorId: idOf('person', actorKey), at, changes });

  for (const spec of DEMO_MEETINGS) {
    const unit = demo.units.find((u) => u.key === spec.unitKey);
    if (!unit) continue;
    const unitId = idOf('unit', unit.key);
    const lead = unit.members.find((m) => m.role === 'lead')?.personKey ?? unit.members[0]!.personKey;
    const held = days.slice(0, Math.max(0, days.length - spec.skippedLast));
    const objectives = demo.objectives.filter((o) => o.unitKey === unit.key && o.periodKey === cycle.key && o.status === 'active');
    const krs = objectives.flatMap((o) => o.keyResults.map((kr) => ({ kr, objective: o })));
    // Made in a meeting from a blocker, it moves its key result from then on.
    const madeInitiatives: Array<{ id: string; title: string; ownerKey: string; keyResultKey: string; at: string }> = [];
    // Raised by Helsepolitikk on the campaign team, acknowledged in one meeting and resolved in the next.
    const raised = spec.unitKey === 'kampanje' && held.length >= 3 ? {
      id: idOf('dependency', 'dep-pasienthistorier'), fromUnitKey: 'helsepolitikk', raisedByKey: 'sigrid',
      description: 'Tre pasienthistorier vi kan bruke i høringsuttalelsen om ventetider.',
      raisedAt: new Date(startOf(held.at(-3)!).getTime() - 3 * DAY_MS).toISOString(),
      acknowledgedAt: new Date(startOf(held.at(-3)!).getTime() + 6 * MINUTE_MS).toISOString(),
      resolvedAt: new Date(startOf(held.at(-2)!).getTime() + 8 * MINUTE_MS).toISOString(),
    } : null;
    if (raised) {
      const fields = { fromUnitId: idOf('unit', raised.fromUnitKey), toUnitId: unitId, objectiveId: null, keyResultId: null, description: raised.description, neededBy: null };
      await insertDependency(trx, { id: raised.id, orgId, ...fields, raisedBy: idOf('person', raised.raisedByKey), now: raised.raisedAt });
      await insertDependencyStep(trx, { orgId, dependencyId: raised.id, seq: 1, state: 'acknowledged', personId: idOf('person', lead), at: raised.acknowledgedAt, note: 'Vi finner dem i oppropet.' });
      await insertDependencyStep(trx, { orgId, dependencyId: raised.id, seq: 2, state: 'resolved', personId: idOf('person', lead), at: raised.resolvedAt, note: 'Sendt til Sigrid.' });
      await trx.updateTable('dependencies').set({ state: 'resolved', reply: 'Vi finner dem i oppropet.', version: 3, updated_at: raised.resolvedAt }).where('id', '=', raised.id).execute();
      const subject = dependencySubject({ id: raised.id, description: raised.description, fromUnit: { id: fields.fromUnitId }, objectiveId: null, keyResultId: null });
      events.push(event('dependency.requested', subject, raised.raisedByKey, raised.raisedAt,
        Object.entries({ ...fields, state: 'requested', reply: null }).map(([field, after]) => ({ field, before: null, after }))));
      events.push(event('dependency.acknowledged', subject, lead, raised.acknowledgedAt, [{ field: 'state', before: 'requested', after: 'acknowledged' }, { field: 'reply', before: null, after: 'Vi finner dem i oppropet.' }]));
      events.push(event('dependency.resolved', subject, lead, raised.resolvedAt, [{ field: 'state', before: 'acknowledged', after: 'resolved' }]));
    }
    // The unit's dependencies both ways, each step as it happened, for what moved between meetings.
    const histories = [
      ...demo.coordination.dependencies.filter((d) => d.fromUnitKey === unit.key || d.toUnitKey === unit.key).map((d) => ({
        id: idOf('dependency', d.key), description: d.description,
        steps: [{ state: 'requested' as DependencyState, at: d.raisedAt }, ...d.steps.map((s) => ({ state: s.state as DependencyState, at: s.at }))],
      })),
      ...(raised ? [{ id: raised.id, description: raised.description, steps: [
        { state: 'requested' as DependencyState, at: raised.raisedAt }, { state: 'acknowledged' as DependencyState, at: raised.acknowledgedAt }, { state: 'resolved' as DependencyState, at: raised.resolvedAt },
      ] }] : []),
    ];

    let previous: { id: string; endedAt: string; frozen: Frozen } | null = null;
    for (const [index, day] of held.entries()) {
      const id = idOf('meeting', `${unit.key}-${day}`);
      const started = startOf(day);
      const startedAt = started.toISOString();
      const endedAt = new Date(started.getTime() + (13 + (index % 3)) * MINUTE_MS).toISOString();
      const since = previous?.endedAt ?? null;
      const blockers = (await blockerCheckIns(trx, orgId, unitId, cycleId, since)).filter((b) => b.at <= startedAt);
      // The first blocker the campaign team met became an initiative; the others were noted.
      const handling = blockers.map((b, i) => ({
        blocker: b, how: spec.unitKey === 'kampanje' && madeInitiatives.length === 0 && i === 0 ? 'initiative' as const : 'noted' as const,
        at: new Date(started.getTime() + (3 + i) * MINUTE_MS).toISOString(),
      }));
      // Written once the meeting's row is.
      const pending: Array<Parameters<typeof insertHandledBlocker>[1]> = [];
      for (const h of handling) {
        let initiativeId: string | null = null;
        if (h.how === 'initiative') {
          const kr = krs.find((k) => idOf('keyResult', k.kr.key) === h.blocker.keyResultId)!;
          const made = { id: idOf('initiative', `meeting-${unit.key}-${day}`), title: 'Løse hindringen vi tok opp i ukemøtet', ownerKey: kr.kr.ownerKey, keyResultKey: kr.kr.key, at: h.at };
          madeInitiatives.push(made);
          const initiative = { unitId, periodId: cycleId, title: made.title, description: h.blocker.text, ownerId: idOf('person', made.ownerKey), status: 'planned' as const, keyResultIds: [h.blocker.keyResultId] };
          await insertInitiative(trx, { id: made.id, orgId, ...initiative, now: h.at });
          events.push(event('initiative.created', initiativeSubject({ id: made.id, title: made.title, unitId }), lead, h.at, createdChanges(initiative, fieldsOf<typeof initiative>('initiative'))));
          initiativeId = made.id;
        }
        pending.push({ orgId, meetingId: id, checkInId: h.blocker.checkInId, how: h.how, initiativeId, dependencyId: null, byId: idOf('person', lead), at: h.at });
        events.push(event('meeting.blockerHandled', { kind: 'meeting', id, name: unit.name, unitId, keyResultId: h.blocker.keyResultId }, lead, h.at, [
          { field: 'checkInId', before: null, after: h.blocker.checkInId }, { field: 'how', before: null, after: h.how },
          ...(initiativeId ? [{ field: 'initiativeId', before: null, after: initiativeId }] : []),
        ]));
      }
      const handledOf = new Map(handling.map((h) => [h.blocker.checkInId, h]));

      const facts = krs.map(({ kr, objective }) => {
        const points = kr.checkIns.filter((c) => c.at <= startedAt);
        const current = points.at(-1);
        const before = since === null ? undefined : points.filter((c) => c.at <= since).at(-1);
        const t = keyResultTrack({ type: kr.type, start: kr.start, target: kr.target, current: current?.value ?? null, confidence: current?.confidence ?? null }, { expected: expectedProgress(cycle, started, tz) });
        const f = forecast(kr, points.map((c) => ({ at: new Date(c.at), value: c.value })), cycle, started, tz);
        const krId = idOf('keyResult', kr.key);
        const own = blockers.filter((b) => b.keyResultId === krId).map((b) => {
          const h = handledOf.get(b.checkInId)!;
          return { checkInId: b.checkInId, keyResultId: krId, text: b.text, by: b.by, at: b.at,
            handled: { how: h.how, initiativeId: h.how === 'initiative' ? madeInitiatives.at(-1)!.id : null, dependencyId: null, by: person(lead), at: h.at } };
        });
        const initiatives = [
          ...demo.initiatives.filter((i) => i.keyResultKeys.includes(kr.key)).map((i) => ({ id: idOf('initiative', i.key), title: i.title, status: i.status, owner: person(i.ownerKey) })),
          ...madeInitiatives.filter((m) => m.keyResultKey === kr.key).map((m) => ({ id: m.id, title: m.title, status: 'planned', owner: person(m.ownerKey) })),
        ];
        return {
          keyResultId: krId, title: kr.title, objectiveId: idOf('objective', objective.key), objectiveTitle: objective.title, owner: person(kr.ownerKey),
          measure: kr.measure, start: kr.start, target: kr.target, progress: t.progress, expectedProgress: t.expectedProgress, trackStatus: t.trackStatus as TrackStatus,
          forecast: f ? { value: f.value, progress: f.progress, status: forecastStatus(t.trackStatus, kr.type === 'increase' || kr.type === 'decrease' ? f.progress : null) } : null,
          checkedInSinceLastMeeting: points.some((c) => c.at > (since ?? startOfDate(cycle.startDate, tz).toISOString())),
          valueBefore: before?.value ?? null, valueNow: current?.value ?? null, confidenceBefore: before?.confidence ?? null, confidenceNow: current?.confidence ?? null,
          initiatives, blockers: own, newBlockers: 0, note: '', decisions: [] as string[],
          due: checkInDue(current ? new Date(current.at) : null, started, schedule, tz),
        };
      });
      // Blockers were handled as the meeting went, so the order is the one the meeting opened with: with them new.
      const ordered = meetingAgenda(facts.map((f) => ({ ...f, newBlockers: f.blockers.length })));
      const agenda: AgendaItem[] = ordered.map(({ newBlockers: _n, due: _d, ...item }, i) =>
        (i === 0 ? { ...item, note: NOTES[(index + 2) % NOTES.length]!, decisions: [DECISIONS[index % DECISIONS.length]!] } : item));
      const frozen: Frozen = { agenda, notCheckedIn: facts.filter((f) => f.due).map((f) => ({ keyResultId: f.keyResultId, title: f.title, owner: f.owner })), dependencies: [] };
      const changes = meetingChanges({
        before: (previous?.frozen.agenda ?? []).map((a) => ({ keyResultId: a.keyResultId, value: a.valueNow, confidence: a.confidenceNow, trackStatus: a.trackStatus })),
        now: agenda.map((a) => ({ keyResultId: a.keyResultId, title: a.title, value: a.valueNow, confidence: a.confidenceNow, trackStatus: a.trackStatus })),
        since, newBlockers: blockers.length, handledBlockers: handling.length,
        dependencies: histories.map((h) => ({ ...h, steps: h.steps.filter((s) => s.at <= endedAt) })).filter((h) => h.steps.length > 0),
      });
      // Everyone came but one, a different one each week.
      const absent = unit.members[index % unit.members.length]!.personKey;
      const attendeeIds = unit.members.filter((m) => m.personKey !== absent || m.personKey === lead).map((m) => idOf('person', m.personKey));
      await insertMeetingRecord(trx, {
        id, orgId, unitId, periodId: cycleId, kind: 'weekly', facilitatorId: idOf('person', lead), now: startedAt, endedAt,
        notes: NOTES[index % NOTES.length]!, attendeeIds, currentItem: Math.max(0, agenda.length - 1), previousMeetingId: previous?.id ?? null, changes, agenda: frozen,
      });
      for (const h of pending) await insertHandledBlocker(trx, h);
      if (agenda[0]) await saveMeetingItem(trx, orgId, id, { keyResultId: agenda[0].keyResultId, note: agenda[0].note, decisions: agenda[0].decisions });
      const subject = { kind: 'meeting' as const, id, name: unit.name, unitId };
      events.push(event('meeting.started', subject, lead, startedAt, [
        { field: 'unitId', before: null, after: unitId }, { field: 'periodId', before: null, after: cycleId }, { field: 'kind', before: null, after: 'weekly' },
        { field: 'facilitatorId', before: null, after: idOf('person', lead) },
      ]));
      events.push(event('meeting.ended', subject, lead, endedAt, [{ field: 'endedAt', before: null, after: endedAt }]));
      previous = { id, endedAt, frozen };
    }
  }
}
