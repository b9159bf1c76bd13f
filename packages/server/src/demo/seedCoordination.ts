// The demo's coordination between units (issue 13) in the seed's transaction: its dependencies
// with their steps, its comment threads (mentions found among the demo's people and kept as ids,
// as app/comments.ts keeps them) and its contradiction flag, each with the event it would have had.
import { encodeMentions, findMentions, mentionedIds, mentionParts, mentionText, type DependencyState } from '@varde/core';
import type { Transaction } from 'kysely';
import type { Database } from '../store/schema.js';
import type { NewEvent } from '../store/events.js';
import { insertDependency, insertDependencyStep } from '../store/dependencies.js';
import { insertComment } from '../store/comments.js';
import { insertContradiction } from '../store/contradictions.js';
import { commentSubject, contradictionSubject, dependencySubject } from '../events/subjects.js';
import { newId } from '../store/ids.js';
import type { DemoOrganisation } from './demoOrganisation.js';

export async function seedCoordination(trx: Transaction<Database>, orgId: string, demo: DemoOrganisation,
  idOf: (kind: string, key: string) => string, events: NewEvent[]): Promise<void> {
  const objectiveOf = new Map(demo.objectives.map((o) => [o.key, o]));
  const keyResultOf = new Map(demo.objectives.flatMap((o) => o.keyResults.map((k) => [k.key, { kr: k, objective: o }] as const)));
  const event = (type: NewEvent['type'], subject: NewEvent['subject'], actorKey: string, at: string, changes: NewEvent['changes']): NewEvent =>
    ({ id: newId(), type, subject, actorId: idOf('person', actorKey), at, changes });

  for (const d of demo.coordination.dependencies) {
    const id = idOf('dependency', d.key);
    const kr = d.keyResultKey ? keyResultOf.get(d.keyResultKey) : undefined;
    const objectiveKey = d.objectiveKey ?? kr?.objective.key;
    const fields = {
      fromUnitId: idOf('unit', d.fromUnitKey), toUnitId: idOf('unit', d.toUnitKey),
      objectiveId: objectiveKey ? idOf('objective', objectiveKey) : null, keyResultId: d.keyResultKey ? idOf('keyResult', d.keyResultKey) : null,
      description: d.description, neededBy: d.neededBy,
    };
    await insertDependency(trx, { id, orgId, ...fields, raisedBy: idOf('person', d.raisedByKey), now: d.raisedAt });
    const subject = dependencySubject({ id, description: d.description, fromUnit: { id: fields.fromUnitId }, objectiveId: fields.objectiveId, keyResultId: fields.keyResultId });
    events.push(event('dependency.requested', subject, d.raisedByKey, d.raisedAt,
      Object.entries({ ...fields, state: 'requested', reply: null }).map(([field, after]) => ({ field, before: null, after }))));
    let state: DependencyState = 'requested';
    let reply: string | null = null;
    for (const [i, step] of d.steps.entries()) {
      await insertDependencyStep(trx, { orgId, dependencyId: id, seq: i + 1, state: step.state, personId: idOf('person', step.byKey), at: step.at, note: step.note });
      const nextReply: string | null = step.state === 'resolved' ? reply : step.note;
      events.push(event(`dependency.${step.state}`, subject, step.byKey, step.at, [
        { field: 'state', before: state, after: step.state }, ...(nextReply !== reply ? [{ field: 'reply', before: reply, after: nextReply }] : []),
      ]));
      [state, reply] = [step.state, nextReply];
    }
    if (d.steps.length) {
      await trx.updateTable('dependencies').set({ state, reply, version: 1 + d.steps.length, updated_at: d.steps.at(-1)!.at }).where('id', '=', id).execute();
    }
  }

  const people = demo.people.map((p) => ({ id: idOf('person', p.key), name: p.name }));
  const names = new Map(people.map((p) => [p.id, p.name]));
  for (const c of demo.coordination.comments) {
    const id = idOf('comment', c.key);
    const objective = objectiveOf.get(c.objectiveKey)!;
    const kr = c.keyResultKey ? keyResultOf.get(c.keyResultKey)!.kr : undefined;
    const stored = encodeMentions(c.body, findMentions(c.body, people));
    const mentionIds = mentionedIds(stored);
    await insertComment(trx, {
      id, orgId, objectiveId: idOf('objective', objective.key), keyResultId: kr ? idOf('keyResult', kr.key) : null, authorId: idOf('person', c.authorKey), body: stored, now: c.at,
    }, mentionIds);
    const on = { title: kr?.title ?? objective.title, unitId: idOf('unit', objective.unitKey), objectiveId: idOf('objective', objective.key), keyResultId: kr ? idOf('keyResult', kr.key) : null };
    events.push(event('comment.created', commentSubject({ id }, on), c.authorKey, c.at, [
      { field: 'body', before: null, after: mentionText(mentionParts(stored, names)) }, { field: 'mentionIds', before: null, after: mentionIds },
    ]));
  }

  for (const f of demo.coordination.contradictions) {
    const id = idOf('contradiction', f.key);
    const [a, b] = f.keyResultKeys.map((k) => idOf('keyResult', k)) as [string, string];
    await insertContradiction(trx, { id, orgId, a, b, note: f.note, by: idOf('person', f.flaggedByKey), now: f.at });
    const first = keyResultOf.get(f.keyResultKeys[0])!;
    events.push(event('contradiction.flagged', contradictionSubject({ id, note: f.note }, { id: a, objectiveId: idOf('objective', first.objective.key), unitId: idOf('unit', first.objective.unitKey) }),
      f.flaggedByKey, f.at, [{ field: 'keyResultIds', before: null, after: [a, b] }, { field: 'note', before: null, after: f.note }]));
  }
}
