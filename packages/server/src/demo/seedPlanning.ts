// The demo's planning workshop (issue 13) in the seed's transaction: the campaign team is halfway
// through its workshop for the next tertial (already in planning, with drafts). A second draft
// the coach has something to say about (a key result that reads as a task, one without a number,
// one nobody owns yet, whose hint is dismissed with a reason), two of the four questions answered
// with notes, a comment thread on the task-like key result, and the team's other draft proposed to
// its area. Each with the event it would have had.
import { createdChanges, encodeMentions, findMentions, mentionedIds, mentionParts, mentionText, type ChecklistQuestion } from '@varde/core';
import type { Transaction } from 'kysely';
import type { Database } from '../store/schema.js';
import type { NewEvent } from '../store/events.js';
import { insertObjective } from '../store/objectives.js';
import { insertKeyResult } from '../store/keyResults.js';
import { insertComment } from '../store/comments.js';
import { insertDismissal, insertProposal, writePlan, UNWRITTEN_PLAN_VERSION, type StoredChecklist } from '../store/plans.js';
import { commentSubject, keyResultSubject, objectiveSubject } from '../events/subjects.js';
import { newId } from '../store/ids.js';
import { checklistOf } from '../app/plans.js';
import type { DemoOrganisation } from './demoOrganisation.js';

const HOUR = 3_600_000;
const UNIT = 'kampanje';
const AREA = 'politikk';
/** The team's draft from the demo organisation that it proposes to its area. */
const PROPOSED = 'n-kamp-lofter';

const DRAFT = {
  key: 'n-kamp-stemmer',
  title: 'Flere stemmer bak oppropet «Tid er liv»',
  description: 'Oppropet må høres utenfor Oslo. Teamet vil ha folk i hele landet med seg før statsbudsjettet.',
  owner: 'jonas',
  keyResults: [
    { key: 'n-kamp-stemmer-mote', title: 'Arrangere seks folkemøter i fylkene', type: 'increase' as const, start: 0, target: 6, measure: 'møter', owner: 'sigrid' },
    { key: 'n-kamp-stemmer-kjent', title: 'Flere kjenner oppropet', type: 'increase' as const, start: 20, target: 35, measure: '', owner: 'henrik' },
    { key: 'n-kamp-stemmer-signert', title: 'Underskrifter på oppropet', type: 'increase' as const, start: 12_000, target: 20_000, measure: 'underskrifter', owner: null },
  ],
};

const ANSWERS: Array<{ question: ChecklistQuestion; answer: 'yes' | 'partly'; note: string; by: string; hoursAgo: number }> = [
  { question: 'paysIntoMoals', answer: 'yes', note: 'Begge utkastene betaler inn til Moalen om raskere tilgang til ny behandling.', by: 'jonas', hoursAgo: 26 },
  { question: 'ambitiousYetRealistic', answer: 'partly', note: 'Seks folkemøter ved siden av løftesporeren er mye. Vi ser på kapasiteten før vi publiserer.', by: 'sigrid', hoursAgo: 25 },
];

const THREAD = [
  { author: 'henrik', hoursAgo: 24, body: 'Coachen sier at «Arrangere seks folkemøter» er en oppgave. @Sigrid Aas, hva vil vi at møtene skal endre?' },
  { author: 'sigrid', hoursAgo: 23, body: 'At flere lokalpolitikere står bak oppropet. Kanskje det er nøkkelresultatet, og møtene tiltaket?' },
  { author: 'jonas', hoursAgo: 22, body: 'Enig. Vi tar det på neste workshop-økt på torsdag, @Henrik Lund tar med tallene fra i fjor.' },
];

export async function seedPlanning(trx: Transaction<Database>, orgId: string, demo: DemoOrganisation,
  idOf: (kind: string, key: string) => string, events: NewEvent[], now: Date): Promise<void> {
  const next = demo.periods.find((p) => p.kind === 'cycle' && p.state === 'planning');
  const proposed = demo.objectives.find((o) => o.key === PROPOSED);
  if (!next || !proposed) return;
  const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * HOUR).toISOString();
  const person = (key: string) => idOf('person', key);
  const unitId = idOf('unit', UNIT);
  const periodId = idOf('period', next.key);
  const event = (type: NewEvent['type'], subject: NewEvent['subject'], by: string, when: string, changes: NewEvent['changes']): NewEvent =>
    ({ id: newId(), type, subject, actorId: person(by), at: when, changes });

  // The draft, paying into the team's other draft's Moal as that one does.
  const objectiveId = idOf('objective', DRAFT.key);
  const made = at(30);
  const alignments = proposed.alignsTo.flatMap((a) => ('objectiveKey' in a ? [{ objectiveId: idOf('objective', a.objectiveKey) }] : []));
  await insertObjective(trx, {
    id: objectiveId, orgId, unitId, periodId, title: DRAFT.title, description: DRAFT.description, kind: 'committed', status: 'draft',
    ownerIds: [person(DRAFT.owner)], alignments, now: made,
  });
  const objective = { id: objectiveId, title: DRAFT.title, unitId };
  events.push(event('objective.created', objectiveSubject(objective), DRAFT.owner, made, createdChanges({
    title: DRAFT.title, description: DRAFT.description, kind: 'committed', status: 'draft', unitId, periodId, ownerIds: [person(DRAFT.owner)], alignments,
  }, ['title', 'description', 'kind', 'status', 'unitId', 'periodId', 'ownerIds', 'alignments'])));
  for (const kr of DRAFT.keyResults) {
    const id = idOf('keyResult', kr.key);
    const fields = { title: kr.title, type: kr.type, start: kr.start, target: kr.target, measure: kr.measure, ownerId: kr.owner ? person(kr.owner) : null, weight: 1 };
    await insertKeyResult(trx, { id, orgId, objectiveId, ...fields, now: made });
    events.push(event('keyResult.created', keyResultSubject({ id, title: kr.title, objectiveId }, unitId), DRAFT.owner, made,
      createdChanges(fields, ['title', 'type', 'start', 'target', 'measure', 'ownerId', 'weight'])));
  }

  // Two of the four questions answered, one write each.
  const planId = idOf('plan', `${UNIT}:${next.key}`);
  const checklist: StoredChecklist = {};
  let version = UNWRITTEN_PLAN_VERSION;
  for (const a of ANSWERS) {
    const before = structuredClone(checklist);
    checklist[a.question] = { answer: a.answer, note: a.note };
    await writePlan(trx, { id: planId, orgId, unitId, periodId, version, checklist, create: version === UNWRITTEN_PLAN_VERSION, now: at(a.hoursAgo) });
    version += 1;
    events.push(event('plan.changed', { kind: 'plan', id: planId, name: `${unitName(demo, UNIT)} · ${next.name}`, unitId }, a.by, at(a.hoursAgo),
      [{ field: 'checklist', before: checklistOf(before), after: checklistOf(checklist) }]));
  }

  // A thread on the task-like key result.
  const task = DRAFT.keyResults[0]!;
  const people = demo.people.map((p) => ({ id: person(p.key), name: p.name }));
  const names = new Map(people.map((p) => [p.id, p.name]));
  for (const [i, c] of THREAD.entries()) {
    const id = idOf('comment', `${task.key}:${i}`);
    const stored = encodeMentions(c.body, findMentions(c.body, people));
    const mentionIds = mentionedIds(stored);
    await insertComment(trx, { id, orgId, objectiveId, keyResultId: idOf('keyResult', task.key), authorId: person(c.author), body: stored, now: at(c.hoursAgo) }, mentionIds);
    events.push(event('comment.created', commentSubject({ id }, { title: task.title, unitId, objectiveId, keyResultId: idOf('keyResult', task.key) }), c.author, at(c.hoursAgo), [
      { field: 'body', before: null, after: mentionText(mentionParts(stored, names)) }, { field: 'mentionIds', before: null, after: mentionIds },
    ]));
  }

  // The hint about the key result nobody owns yet, dismissed with why.
  const unowned = DRAFT.keyResults[2]!;
  const dismissal = { id: idOf('hintDismissal', unowned.key), subjectKind: 'keyResult', subjectId: idOf('keyResult', unowned.key), code: 'no-owner', about: '', reason: 'Eieren velges når vi vet hvem som leder folkemøtene.' };
  await insertDismissal(trx, { ...dismissal, orgId, personId: person('jonas'), at: at(21) });
  events.push(event('hint.dismissed', { kind: 'hint', id: dismissal.id, name: unowned.title, unitId, objectiveId, keyResultId: dismissal.subjectId }, 'jonas', at(21),
    createdChanges({ subjectKind: dismissal.subjectKind, subjectId: dismissal.subjectId, code: dismissal.code, reason: dismissal.reason }, ['subjectKind', 'subjectId', 'code', 'reason'])));

  // The team's other draft proposed to the area.
  const proposal = { id: idOf('proposal', PROPOSED), objectiveId: idOf('objective', PROPOSED), fromUnitId: unitId, toUnitId: idOf('unit', AREA) };
  await insertProposal(trx, { ...proposal, orgId, proposedBy: person('jonas'), now: at(20) });
  events.push(event('proposal.made', { kind: 'proposal', id: proposal.id, name: proposed.title, unitId, objectiveId: proposal.objectiveId }, 'jonas', at(20), createdChanges({
    objectiveId: proposal.objectiveId, fromUnitId: unitId, toUnitId: proposal.toUnitId, state: 'open', adoptedObjectiveId: null,
  }, ['objectiveId', 'fromUnitId', 'toUnitId', 'state', 'adoptedObjectiveId'])));
}

const unitName = (demo: DemoOrganisation, key: string) => demo.units.find((u) => u.key === key)?.name ?? key;
