// What each kind of event is about, and where that sits, from the records the use cases hold;
// and the fields (core's EVENT_FIELDS) its changes are read from.
import { EVENT_FIELDS, type EventSubject, type SubjectKind } from '@varde/core';

export const objectiveSubject = (o: { id: string; title: string; unitId: string }): EventSubject =>
  ({ kind: 'objective', id: o.id, name: o.title, unitId: o.unitId, objectiveId: o.id });
export const keyResultSubject = (kr: { id: string; title: string; objectiveId: string }, unitId: string): EventSubject =>
  ({ kind: 'keyResult', id: kr.id, name: kr.title, unitId, objectiveId: kr.objectiveId, keyResultId: kr.id });
/** A check-in is named by its key result's title. */
export const checkInSubject = (c: { id: string }, kr: { id: string; title: string; objectiveId: string }, unitId: string): EventSubject =>
  ({ kind: 'checkIn', id: c.id, name: kr.title, unitId, objectiveId: kr.objectiveId, keyResultId: kr.id });
export const initiativeSubject = (i: { id: string; title: string; unitId: string }): EventSubject =>
  ({ kind: 'initiative', id: i.id, name: i.title, unitId: i.unitId });
export const unitSubject = (u: { id: string; name: string }): EventSubject => ({ kind: 'unit', id: u.id, name: u.name, unitId: u.id });
export const periodSubject = (p: { id: string; name: string }): EventSubject => ({ kind: 'period', id: p.id, name: p.name });
export const personSubject = (p: { id: string; name: string }): EventSubject => ({ kind: 'person', id: p.id, name: p.name });
export const organisationSubject = (o: { id: string; name: string }): EventSubject => ({ kind: 'organisation', id: o.id, name: o.name });
export const sessionSubject = (person: { id: string; name: string }): EventSubject => ({ kind: 'session', id: person.id, name: person.name });

/** The fields of a kind, typed for core's fieldChanges over an object of that kind. */
export const fieldsOf = <T extends object>(kind: SubjectKind) => EVENT_FIELDS[kind] as unknown as ReadonlyArray<keyof T & string>;
/** A dependency belongs to the unit that raised it, and to what it was raised for. */
export const dependencySubject = (d: { id: string; description: string; fromUnit: { id: string }; objectiveId: string | null; keyResultId: string | null }): EventSubject =>
  ({ kind: 'dependency', id: d.id, name: d.description.slice(0, 200), unitId: d.fromUnit.id, objectiveId: d.objectiveId, keyResultId: d.keyResultId });
/** A comment is named by what its thread is on. */
export const commentSubject = (c: { id: string }, on: { title: string; unitId: string; objectiveId: string; keyResultId: string | null }): EventSubject =>
  ({ kind: 'comment', id: c.id, name: on.title, unitId: on.unitId, objectiveId: on.objectiveId, keyResultId: on.keyResultId });
/** A contradiction flag sits on the first of its two key results; its changes name both. */
export const contradictionSubject = (c: { id: string; note: string }, first: { id: string; objectiveId: string; unitId: string }): EventSubject =>
  ({ kind: 'contradiction', id: c.id, name: c.note.slice(0, 200), unitId: first.unitId, objectiveId: first.objectiveId, keyResultId: first.id });
export const kpiSubject = (k: { id: string; title: string; unitId: string }): EventSubject => ({ kind: 'kpi', id: k.id, name: k.title, unitId: k.unitId });
