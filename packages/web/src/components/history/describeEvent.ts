// How a recorded event reads: "Marte Haugen changed the target from 40 to 45", "Jonas Bakke checked
// in on «Pasientopprop»: 45 000 → 56 450, confidence 8". The sentence is the history namespace's for
// the event's type; on the page of the object it is about, the object goes without saying. Values
// read as the rest of the app writes them: numbers with Intl, ids as the names the page came with,
// a choice (a status, a type) in words, dates in the organisation's time zone.
import type { TFunction } from 'i18next';
import type { EventEntry, FieldChange } from '@varde/core';
import { isReferenceField } from '@varde/core/rules';
import { date, dateTime, list, number } from '../../i18n/format';

export interface EventContext {
  /** The history namespace's t. */
  t: TFunction;
  lang: string;
  timeZone?: string | undefined;
  /** Names by id, as the page of events gave them. */
  names: Readonly<Record<string, string>>;
  /** The object whose page this is (an objective, a key result): what it says goes without naming. */
  ownId?: string | undefined;
}
export interface EventText { sentence: string; quotes: Array<{ label: string; text: string }> }

/** Types with a sentence for the object's own page (the history namespace's `own`). */
const OWN_TYPES: ReadonlySet<string> = new Set([
  'objective.created', 'objective.changed', 'objective.deleted', 'objective.restored',
  'keyResult.created', 'keyResult.changed', 'keyResult.deleted', 'keyResult.restored', 'keyResult.checkedIn',
  'checkIn.changed', 'checkIn.deleted',
]);

/** Fields whose values are choices, named in the app's texts: by subject kind and field. */
const CHOICES: Readonly<Record<string, string>> = {
  'objective.status': 'objective.statuses', 'objective.kind': 'objective.kinds', 'keyResult.type': 'keyResult.types',
  'initiative.status': 'initiative.status', 'unit.kind': 'unitKind', 'period.state': 'periodState', 'period.kind': 'periodKind',
  'organisation.cycleCadence': 'cadence', 'organisation.language': 'languages',
  'organisation.checkInCadence': 'rituals.cadences', 'unit.checkInCadence': 'rituals.cadences', 'meeting.how': 'meeting.handled',
};

const LONGEST = 80;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const quoted = (text: string) => `«${text.length > LONGEST ? `${text.slice(0, LONGEST - 1).trimEnd()}…` : text}»`;

function referenced(field: string, value: unknown, ctx: EventContext): string {
  const { t, lang } = ctx;
  const name = (id: unknown) => (typeof id === 'string' && ctx.names[id]) || t('value.deleted');
  const one = (v: unknown): string => {
    if (field === 'members' && v && typeof v === 'object') {
      const m = v as { personId?: unknown; role?: unknown };
      return t('value.role', { name: name(m.personId), role: t(`value.roles.${String(m.role)}`, { defaultValue: String(m.role) }) });
    }
    if (field === 'alignments' && v && typeof v === 'object') {
      const a = v as { objectiveId?: unknown; keyResultId?: unknown };
      return quoted(name(a.objectiveId ?? a.keyResultId));
    }
    return name(v);
  };
  if (Array.isArray(value)) return value.length ? list(lang, value.map(one)) : t('value.none');
  return one(value);
}

/** A value in words, or null when it is not one to put in a sentence (a whole strategy). */
function shown(kind: string, field: string, value: unknown, ctx: EventContext): string | null {
  const { t, lang } = ctx;
  if (value === null || value === undefined || value === '') return t('value.none');
  if (isReferenceField(field)) return referenced(field, value, ctx);
  if (typeof value === 'number') return number(lang, value);
  if (typeof value === 'boolean') return t(value ? 'value.yes' : 'value.no');
  if (typeof value === 'string') {
    const choice = CHOICES[`${kind}.${field}`];
    if (choice) return t(`${choice}.${value}`, { ns: 'translation', defaultValue: value });
    if (DATE.test(value)) return date(lang, `${value}T12:00:00Z`, 'UTC');
    if (INSTANT.test(value) && !Number.isNaN(Date.parse(value))) return dateTime(lang, value, ctx.timeZone);
    return quoted(value);
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.length ? list(lang, value.map(quoted)) : t('value.none');
  return null;
}

function changeList(e: EventEntry, ctx: EventContext): string {
  const { t } = ctx;
  const clauses = e.changes.map((c) => {
    const field = t(`field.${c.field}`, { defaultValue: c.field });
    const before = shown(e.subject.kind, c.field, c.before, ctx);
    const after = shown(e.subject.kind, c.field, c.after, ctx);
    return before === null || after === null ? t('change.only', { field }) : t('change.fromTo', { field, before, after });
  });
  return clauses.length ? list(ctx.lang, clauses) : t('change.something');
}

const changeOf = (e: EventEntry, field: string): FieldChange | undefined => e.changes.find((c) => c.field === field);

/** "45 000 → 56 450, confidence 8" for a check-in; the values it had for one removed. */
function checkInDetails(e: EventEntry, ctx: EventContext): string {
  const { t, lang } = ctx;
  const value = changeOf(e, 'value');
  const confidence = changeOf(e, 'confidence');
  const fmt = (v: unknown) => (typeof v === 'number' ? number(lang, v) : '–');
  if (e.type === 'checkIn.deleted') return t('change.checkIn', { value: fmt(value?.before), confidence: fmt(confidence?.before) });
  const moved = value?.before === null || value?.before === undefined ? fmt(value?.after) : t('change.moved', { before: fmt(value.before), after: fmt(value.after) });
  return t('change.checkIn', { value: moved, confidence: fmt(confidence?.after) });
}

export function describeEvent(e: EventEntry, ctx: EventContext): EventText {
  const { t } = ctx;
  const own = ctx.ownId !== undefined && (e.subject.id === ctx.ownId || (e.subject.kind === 'checkIn' && e.subject.keyResultId === ctx.ownId));
  const key = own && OWN_TYPES.has(e.type) ? `own.${e.type}` : `event.${e.type}`;
  const checkIn = e.type === 'keyResult.checkedIn' || e.type === 'checkIn.deleted';
  const sentence = t(key, {
    actor: e.actor?.name ?? t('varde'), subject: e.subject.name,
    changes: e.type.endsWith('.changed') ? changeList(e, ctx) : '', details: checkIn ? checkInDetails(e, ctx) : '',
  });
  const quotes: EventText['quotes'] = [];
  if (e.type === 'keyResult.checkedIn') {
    for (const field of ['comment', 'blockers'] as const) {
      const text = changeOf(e, field)?.after;
      if (typeof text === 'string' && text) quotes.push({ label: t(`quote.${field}`), text });
    }
  }
  return { sentence, quotes };
}

/** Every field of the event, before and after, in words: the audit trail's detail. */
export function fieldRows(e: EventEntry, ctx: EventContext): Array<{ field: string; before: string; after: string }> {
  const capital = (s: string) => s.charAt(0).toLocaleUpperCase(ctx.lang) + s.slice(1);
  return e.changes.map((c) => ({
    field: capital(ctx.t(`field.${c.field}`, { defaultValue: c.field })),
    before: shown(e.subject.kind, c.field, c.before, ctx) ?? JSON.stringify(c.before),
    after: shown(e.subject.kind, c.field, c.after, ctx) ?? JSON.stringify(c.after),
  }));
}
