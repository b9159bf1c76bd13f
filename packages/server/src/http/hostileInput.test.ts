// Malformed and hostile input, on every route that takes a body, a query or ids in its path, on
// every store, against the populated demo organisation. Each refusal must be a 4xx problem
// document (application/problem+json) that names the bad field, and — the point of it all — must
// change NOTHING: the reads a request could have touched are compared with a baseline after every
// single hostile request, and the whole organisation is compared again after each group.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../testing/testApp.js';
import { storeKinds } from '../testing/testStores.js';
import { expectProblem, readViews, send, type RawRequest } from '../testing/apiChecks.js';
import { seedDemoIfEmpty } from '../demo/seedDemo.js';

interface Fixture {
  rootId: string; areaId: string; childId: string; teamId: string; otherUnitId: string;
  yearId: string; currentId: string; closedId: string; nextId: string;
  moalId: string; objectiveId: string; otherObjectiveId: string;
  krId: string; milestoneKrId: string; closedKrId: string; otherKrId: string;
  initiativeId: string; personId: string; personEmail: string;
  versions: { organisation: number; team: number; area: number; root: number; next: number; closed: number; current: number; objective: number; kr: number; milestoneKr: number; initiative: number };
  krStart: number; krTarget: number;
}

/** An id that is well-formed and names nothing. */
const nothing = randomUUID();
const SQL = ["' OR '1'='1", "1; DROP TABLE objectives; --", "x' UNION SELECT password_hash FROM people --"];
const enc = encodeURIComponent;

// ---------------------------------------------------------------------------------------------
// Every route with a body: what a valid body looks like, which fields are required, and which
// reads would show a change if the route let one through.
// ---------------------------------------------------------------------------------------------

type Expectation = { fields?: string[]; only?: boolean };
interface Hostile { label: string; req: Omit<RawRequest, 'cookie'>; status: number; expectation: Expectation; views: string[]; cookie: string }

interface BodyRoute {
  route: string;
  url: (f: Fixture) => string;
  valid: (f: Fixture) => Record<string, unknown>;
  required: string[];
  /** A free-text field, for NUL and broken-Unicode strings. */
  text: string;
  views: string[];
  isPublic?: boolean;
}

const bodyRoutes: BodyRoute[] = [
  {
    route: 'POST /api/v1/auth/login', isPublic: true, url: () => '/api/v1/auth/login',
    valid: (f) => ({ email: f.personEmail, password: 'varde-demo' }), required: ['email', 'password'], text: 'password', views: ['people'],
  },
  {
    route: 'POST /api/v1/setup', isPublic: true, url: () => '/api/v1/setup',
    valid: () => ({ organisationName: 'Ny organisasjon', language: 'nb', timeZone: 'Europe/Oslo', admin: { name: 'Ada', email: 'ada@example.no', password: 'a long enough password' } }),
    required: ['organisationName', 'admin'], text: 'organisationName', views: ['setup', 'organisation'],
  },
  {
    route: 'PATCH /api/v1/organisation', url: () => '/api/v1/organisation',
    valid: (f) => ({
      version: f.versions.organisation, name: 'Nytt navn', language: 'en', timeZone: 'Europe/Stockholm', fiscalYearStartMonth: 2,
      cycleCadence: 'quarter', checkInCadenceDays: 14, strategy: { mission: 'm', vision: 'v', values: ['Modig'], themes: [{ title: 'Tema', description: 'd' }] },
    }),
    required: ['version'], text: 'name', views: ['organisation'],
  },
  {
    route: 'POST /api/v1/people', url: () => '/api/v1/people',
    valid: () => ({ name: 'Ny Person', email: 'ny.person@demo.varde.no', password: 'a long enough password', isAdmin: false }),
    required: ['name', 'email', 'password'], text: 'name', views: ['people'],
  },
  {
    route: 'POST /api/v1/units', url: () => '/api/v1/units',
    valid: (f) => ({ parentId: f.rootId, name: 'Ny enhet', kind: 'team', description: 'd', members: [{ personId: f.personId, role: 'member' }] }),
    required: ['parentId', 'name'], text: 'name', views: ['units'],
  },
  {
    route: 'PATCH /api/v1/units/:id', url: (f) => `/api/v1/units/${f.teamId}`,
    valid: (f) => ({ version: f.versions.team, parentId: f.rootId, name: 'Nytt navn', kind: 'team', description: 'd', members: [{ personId: f.personId, role: 'lead' }] }),
    required: ['version'], text: 'description', views: ['units'],
  },
  {
    route: 'POST /api/v1/periods', url: () => '/api/v1/periods',
    valid: () => ({ kind: 'cycle', name: '2027 T2', startDate: '2027-05-01', endDate: '2027-08-31', state: 'planning' }),
    required: ['kind', 'name', 'startDate', 'endDate'], text: 'name', views: ['periods'],
  },
  {
    route: 'PATCH /api/v1/periods/:id', url: (f) => `/api/v1/periods/${f.nextId}`,
    valid: (f) => ({ version: f.versions.next, name: '2027 T1*', startDate: '2027-01-01', endDate: '2027-04-30', state: 'active' }),
    required: ['version'], text: 'name', views: ['periods'],
  },
  {
    route: 'POST /api/v1/objectives', url: () => '/api/v1/objectives',
    valid: (f) => ({
      unitId: f.teamId, periodId: f.currentId, title: 'Nytt mål', description: 'Hvorfor', kind: 'committed', status: 'active',
      ownerIds: [f.personId], alignments: [{ objectiveId: f.moalId }],
    }),
    required: ['unitId', 'periodId', 'title'], text: 'title', views: ['teamObjectives'],
  },
  {
    route: 'PATCH /api/v1/objectives/:id', url: (f) => `/api/v1/objectives/${f.objectiveId}`,
    valid: (f) => ({
      version: f.versions.objective, title: 'Nytt navn', description: 'd', kind: 'aspirational', status: 'draft',
      ownerIds: [f.personId], alignments: [{ objectiveId: f.moalId }], periodId: f.currentId,
    }),
    required: ['version'], text: 'description', views: ['objective'],
  },
  {
    route: 'POST /api/v1/key-results', url: () => '/api/v1/key-results',
    valid: (f) => ({ objectiveId: f.objectiveId, title: 'Nytt nøkkelresultat', type: 'increase', start: 0, target: 100, measure: 'stk', ownerId: f.personId, weight: 1 }),
    required: ['objectiveId', 'title', 'type'], text: 'measure', views: ['objective'],
  },
  {
    route: 'PATCH /api/v1/key-results/:id', url: (f) => `/api/v1/key-results/${f.krId}`,
    valid: (f) => ({ version: f.versions.kr, title: 'Nytt navn', type: 'increase', start: 0, target: 100, measure: 'stk', ownerId: f.personId, weight: 2 }),
    required: ['version'], text: 'title', views: ['keyResult'],
  },
  {
    route: 'POST /api/v1/key-results/:id/check-ins', url: (f) => `/api/v1/key-results/${f.krId}/check-ins`,
    valid: () => ({ value: 42, confidence: 7, comment: 'Godt driv', blockers: null }),
    required: ['value', 'confidence'], text: 'comment', views: ['checkIns'],
  },
  {
    route: 'POST /api/v1/initiatives', url: () => '/api/v1/initiatives',
    valid: (f) => ({ unitId: f.teamId, periodId: f.currentId, title: 'Nytt tiltak', description: 'd', ownerId: f.personId, status: 'planned', keyResultIds: [f.krId] }),
    required: ['unitId', 'title'], text: 'description', views: ['teamInitiatives'],
  },
  {
    route: 'PATCH /api/v1/initiatives/:id', url: (f) => `/api/v1/initiatives/${f.initiativeId}`,
    valid: (f) => ({ version: f.versions.initiative, title: 'Nytt navn', description: 'd', ownerId: f.personId, status: 'blocked', periodId: f.currentId, keyResultIds: [f.krId] }),
    required: ['version'], text: 'title', views: ['teamInitiatives'],
  },
];

function wrongTypeOf(value: unknown): unknown {
  if (typeof value === 'string') return 12345;
  if (typeof value === 'number') return 'seven';
  if (typeof value === 'boolean') return 'yes';
  if (value === null) return 42;
  if (Array.isArray(value)) return { not: 'a list' };
  return 'not an object';
}

/** A JSON text with `key` (a raw JSON member) first, then the valid body's members. */
const withRawMember = (member: string, body: Record<string, unknown>) => `{${member},${JSON.stringify(body).slice(1)}`;

// ---------------------------------------------------------------------------------------------
// Hand-written cases: ranges, limits, references, dates, directions, states.
// ---------------------------------------------------------------------------------------------

interface Case {
  name: string;
  req: (f: Fixture) => Omit<RawRequest, 'cookie'>;
  status: number;
  fields?: string[];
  only?: boolean;
  views: string[];
}

const post = (url: string, json: unknown) => ({ method: 'POST' as const, url, json });
const patch = (url: string, json: unknown) => ({ method: 'PATCH' as const, url, json });
const checkIn = (f: Fixture, body: Record<string, unknown>, kr = f.krId) => post(`/api/v1/key-results/${kr}/check-ins`, { value: 1, confidence: 5, ...body });
const objective = (f: Fixture, body: Record<string, unknown>) => post('/api/v1/objectives', { status: 'active', unitId: f.teamId, periodId: f.currentId, title: 'Mål', ...body });
const keyResult = (f: Fixture, body: Record<string, unknown>) => post('/api/v1/key-results', { objectiveId: f.objectiveId, title: 'KR', type: 'increase', start: 0, target: 10, ...body });
const initiative = (f: Fixture, body: Record<string, unknown>) => post('/api/v1/initiatives', { unitId: f.teamId, title: 'Tiltak', ...body });
const period = (body: Record<string, unknown>) => post('/api/v1/periods', { kind: 'cycle', name: 'P', startDate: '2027-05-01', endDate: '2027-08-31', ...body });
const unit = (f: Fixture, body: Record<string, unknown>) => post('/api/v1/units', { parentId: f.rootId, name: 'Enhet', ...body });
const org = (f: Fixture, body: Record<string, unknown>) => patch('/api/v1/organisation', { version: f.versions.organisation, ...body });
const long = (n: number) => 'x'.repeat(n);

const ranges: Case[] = [
  ...[0, 11, 7.5, -1, 1e6].map((confidence): Case => ({ name: `confidence ${confidence}`, req: (f) => checkIn(f, { confidence }), status: 400, fields: ['confidence'], only: true, views: ['checkIns', 'keyResult'] })),
  { name: 'confidence as a string', req: (f) => checkIn(f, { confidence: '7' }), status: 400, fields: ['confidence'], only: true, views: ['checkIns'] },
  { name: 'confidence 1e309 (Infinity after parsing)', req: (f) => ({ method: 'POST', url: `/api/v1/key-results/${f.krId}/check-ins`, raw: '{"value":1,"confidence":1e309}' }), status: 400, fields: ['confidence'], only: true, views: ['checkIns'] },
  { name: 'value 1e309 (Infinity after parsing)', req: (f) => ({ method: 'POST', url: `/api/v1/key-results/${f.krId}/check-ins`, raw: '{"value":1e309,"confidence":5}' }), status: 400, fields: ['value'], only: true, views: ['checkIns'] },
  { name: 'value -1e309', req: (f) => ({ method: 'POST', url: `/api/v1/key-results/${f.krId}/check-ins`, raw: '{"value":-1e309,"confidence":5}' }), status: 400, fields: ['value'], only: true, views: ['checkIns'] },
  { name: 'value NaN (not JSON)', req: (f) => ({ method: 'POST', url: `/api/v1/key-results/${f.krId}/check-ins`, raw: '{"value":NaN,"confidence":5}' }), status: 400, fields: ['body'], views: ['checkIns'] },
  { name: 'value beyond 1e15', req: (f) => checkIn(f, { value: 1e16 }), status: 400, fields: ['value'], only: true, views: ['checkIns'] },
  { name: 'key result target 1e309', req: (f) => ({ method: 'POST', url: '/api/v1/key-results', raw: `{"objectiveId":"${f.objectiveId}","title":"KR","type":"increase","start":0,"target":1e309}` }), status: 400, fields: ['target'], views: ['objective'] },
  { name: 'key result weight -1', req: (f) => keyResult(f, { weight: -1 }), status: 400, fields: ['weight'], only: true, views: ['objective'] },
  { name: 'key result weight 101', req: (f) => keyResult(f, { weight: 101 }), status: 400, fields: ['weight'], only: true, views: ['objective'] },
  { name: 'fiscal year starting in month 13', req: (f) => org(f, { fiscalYearStartMonth: 13 }), status: 400, fields: ['fiscalYearStartMonth'], only: true, views: ['organisation'] },
  { name: 'fiscal year starting in month 1.5', req: (f) => org(f, { fiscalYearStartMonth: 1.5 }), status: 400, fields: ['fiscalYearStartMonth'], only: true, views: ['organisation'] },
  { name: 'check-in cadence of 0 days', req: (f) => org(f, { checkInCadenceDays: 0 }), status: 400, fields: ['checkInCadenceDays'], only: true, views: ['organisation'] },
  { name: 'check-in cadence of 91 days', req: (f) => org(f, { checkInCadenceDays: 91 }), status: 400, fields: ['checkInCadenceDays'], only: true, views: ['organisation'] },
  { name: 'an unknown language', req: (f) => org(f, { language: 'de' }), status: 400, fields: ['language'], only: true, views: ['organisation'] },
  { name: 'a time zone that does not exist', req: (f) => org(f, { timeZone: 'Mars/Olympus' }), status: 400, fields: ['timeZone'], only: true, views: ['organisation'] },
  ...[0, -1, 1.5, 2_147_483_648, 1e20].map((version): Case => ({ name: `version ${version}`, req: (f) => patch(`/api/v1/units/${f.teamId}`, { version, name: 'x' }), status: 400, fields: ['version'], only: true, views: ['units'] })),
  { name: 'version as a string', req: (f) => patch(`/api/v1/objectives/${f.objectiveId}`, { version: String(f.versions.objective), title: 'x' }), status: 400, fields: ['version'], only: true, views: ['objective'] },
];

const limits: Case[] = [
  { name: 'a title of 201 characters', req: (f) => objective(f, { title: long(201) }), status: 400, fields: ['title'], only: true, views: ['teamObjectives'] },
  { name: 'a title of only spaces', req: (f) => objective(f, { title: '    ' }), status: 400, fields: ['title'], only: true, views: ['teamObjectives'] },
  { name: 'a description of 4001 characters', req: (f) => objective(f, { description: long(4001) }), status: 400, fields: ['description'], only: true, views: ['teamObjectives'] },
  { name: 'a check-in comment of 2001 characters', req: (f) => checkIn(f, { comment: long(2001) }), status: 400, fields: ['comment'], only: true, views: ['checkIns'] },
  { name: 'check-in blockers of 2001 characters', req: (f) => checkIn(f, { blockers: long(2001) }), status: 400, fields: ['blockers'], only: true, views: ['checkIns'] },
  { name: 'a measure of 41 characters', req: (f) => keyResult(f, { measure: long(41) }), status: 400, fields: ['measure'], only: true, views: ['objective'] },
  { name: 'a unit name of 201 characters', req: (f) => unit(f, { name: long(201) }), status: 400, fields: ['name'], only: true, views: ['units'] },
  { name: 'an e-mail address of 255 characters', req: () => post('/api/v1/people', { name: 'N', email: `${long(250)}@demo.no`, password: 'a long enough password' }), status: 400, fields: ['email'], only: true, views: ['people'] },
  { name: 'something that is not an e-mail address', req: () => post('/api/v1/people', { name: 'N', email: 'not-an-address', password: 'a long enough password' }), status: 400, fields: ['email'], only: true, views: ['people'] },
  { name: 'a password of 201 characters', req: () => post('/api/v1/people', { name: 'N', email: 'n@demo.no', password: long(201) }), status: 400, fields: ['password'], only: true, views: ['people'] },
  { name: 'a password of 9 characters', req: () => post('/api/v1/people', { name: 'N', email: 'n@demo.no', password: long(9) }), status: 400, fields: ['password'], only: true, views: ['people'] },
  { name: 'a mission of 4001 characters', req: (f) => org(f, { strategy: { mission: long(4001) } }), status: 400, fields: ['strategy.mission'], only: true, views: ['organisation'] },
  { name: 'a value of 201 characters', req: (f) => org(f, { strategy: { values: ['ok', long(201)] } }), status: 400, fields: ['strategy.values.1'], only: true, views: ['organisation'] },
  { name: 'a theme title of 201 characters', req: (f) => org(f, { strategy: { themes: [{ title: long(201) }] } }), status: 400, fields: ['strategy.themes.0.title'], only: true, views: ['organisation'] },
  { name: '21 values', req: (f) => org(f, { strategy: { values: Array.from({ length: 21 }, (_, i) => `v${i}`) } }), status: 400, fields: ['strategy.values'], only: true, views: ['organisation'] },
  { name: 'an id of 65 characters in the body', req: (f) => objective(f, { unitId: long(65) }), status: 400, fields: ['unitId'], only: true, views: ['teamObjectives'] },
  { name: '21 owners', req: (f) => objective(f, { ownerIds: Array.from({ length: 21 }, () => randomUUID()) }), status: 400, fields: ['ownerIds'], only: true, views: ['teamObjectives'] },
  { name: 'an owner listed twice', req: (f) => objective(f, { ownerIds: [f.personId, f.personId] }), status: 400, fields: ['ownerIds'], only: true, views: ['teamObjectives'] },
  { name: '21 alignments', req: (f) => objective(f, { alignments: Array.from({ length: 21 }, () => ({ objectiveId: f.moalId })) }), status: 400, fields: ['alignments'], only: true, views: ['teamObjectives'] },
  { name: 'an alignment naming both an objective and a key result', req: (f) => objective(f, { alignments: [{ objectiveId: f.moalId, keyResultId: f.otherKrId }] }), status: 400, fields: ['alignments.0'], only: true, views: ['teamObjectives'] },
  { name: 'a key result listed twice on an initiative', req: (f) => initiative(f, { keyResultIds: [f.krId, f.krId] }), status: 400, fields: ['keyResultIds'], only: true, views: ['teamInitiatives'] },
  { name: 'a member listed twice', req: (f) => unit(f, { members: [{ personId: f.personId, role: 'lead' }, { personId: f.personId, role: 'member' }] }), status: 400, fields: ['members'], only: true, views: ['units'] },
  { name: 'an unknown member role', req: (f) => unit(f, { members: [{ personId: f.personId, role: 'owner' }] }), status: 400, fields: ['members.0.role'], only: true, views: ['units'] },
  { name: 'an unknown initiative status', req: (f) => initiative(f, { status: 'maybe' }), status: 400, fields: ['status'], only: true, views: ['teamInitiatives'] },
  { name: 'an unknown key result type', req: (f) => keyResult(f, { type: 'exponential' }), status: 400, fields: ['type'], only: true, views: ['objective'] },
];

const unknownFields: Case[] = [
  { name: 'an unknown field in the strategy', req: (f) => org(f, { strategy: { mission: 'm', evil: true } }), status: 400, fields: ['strategy.evil'], only: true, views: ['organisation'] },
  { name: 'an unknown field in a theme', req: (f) => org(f, { strategy: { themes: [{ title: 't', evil: true }] } }), status: 400, fields: ['strategy.themes.0.evil'], only: true, views: ['organisation'] },
  { name: 'an unknown field in a member', req: (f) => unit(f, { members: [{ personId: f.personId, role: 'lead', isAdmin: true }] }), status: 400, fields: ['members.0.isAdmin'], only: true, views: ['units'] },
  { name: "an unknown field in the set-up's admin", req: () => post('/api/v1/setup', { organisationName: 'X', admin: { name: 'A', email: 'a@b.no', password: 'a long enough password', isAdmin: false } }), status: 400, fields: ['admin.isAdmin'], only: true, views: ['setup'] },
  { name: 'an unknown field in an alignment', req: (f) => objective(f, { alignments: [{ objectiveId: f.moalId, weight: 2 }] }), status: 400, fields: ['alignments.0.weight'], only: true, views: ['teamObjectives'] },
  { name: 'isAdmin on a check-in', req: (f) => checkIn(f, { isAdmin: true }), status: 400, fields: ['isAdmin'], only: true, views: ['checkIns'] },
  { name: 'an id in a create body', req: (f) => objective(f, { id: randomUUID() }), status: 400, fields: ['id'], only: true, views: ['teamObjectives'] },
  { name: 'an orgId in a patch body', req: (f) => patch(`/api/v1/key-results/${f.krId}`, { version: f.versions.kr, orgId: randomUUID() }), status: 400, fields: ['orgId'], only: true, views: ['keyResult'] },
  { name: '__proto__ inside the strategy', req: (f) => ({ method: 'PATCH', url: '/api/v1/organisation', raw: `{"version":${f.versions.organisation},"strategy":{"__proto__":{"polluted":true},"mission":"m"}}` }), status: 400, fields: ['strategy.__proto__'], only: true, views: ['organisation'] },
  { name: '__proto__ inside a list', req: (f) => ({ method: 'POST', url: '/api/v1/units', raw: `{"parentId":"${f.rootId}","name":"x","members":[{"__proto__":{"polluted":true}}]}` }), status: 400, fields: ['members.0.__proto__'], only: true, views: ['units'] },
  { name: 'constructor.prototype inside a theme', req: (f) => ({ method: 'PATCH', url: '/api/v1/organisation', raw: `{"version":${f.versions.organisation},"strategy":{"themes":[{"title":"t","constructor":{"prototype":{"polluted":true}}}]}}` }), status: 400, fields: ['strategy.themes.0.constructor'], only: true, views: ['organisation'] },
  { name: 'a NUL in a field name', req: (f) => ({ method: 'POST', url: '/api/v1/units', raw: `{"parentId":"${f.rootId}","name":"x","ev\\u0000il":1}` }), status: 400, fields: ['ev\u0000il'], only: true, views: ['units'] },
  { name: 'bytes that are not UTF-8', req: (f) => ({ method: 'POST', url: '/api/v1/units', raw: Buffer.concat([Buffer.from(`{"parentId":"${f.rootId}","name":"`), Buffer.from([0xff, 0xfe]), Buffer.from('"}')]) }), status: 400, fields: ['body'], only: true, views: ['units'] },
  { name: 'JSON with single quotes', req: () => ({ method: 'POST', url: '/api/v1/objectives', raw: "{'title': 'x'}" }), status: 400, fields: ['body'], only: true, views: ['teamObjectives'] },
  { name: 'NaN in JSON', req: (f) => ({ method: 'POST', url: `/api/v1/key-results/${f.krId}/check-ins`, raw: '{"value":NaN,"confidence":5}' }), status: 400, fields: ['body'], only: true, views: ['checkIns'] },
  { name: 'an empty body', req: (f) => ({ method: 'PATCH', url: `/api/v1/objectives/${f.objectiveId}`, raw: '' }), status: 400, fields: ['body'], only: true, views: ['objective'] },
  { name: 'a number as the body', req: () => ({ method: 'POST', url: '/api/v1/initiatives', raw: '42' }), status: 400, fields: ['body'], only: true, views: ['teamInitiatives'] },
  { name: 'a body without a content type', req: (f) => ({ method: 'POST', url: `/api/v1/key-results/${f.krId}/check-ins`, raw: '{"value":1,"confidence":5}', contentType: null }), status: 415, fields: ['body'], only: true, views: ['checkIns'] },
  { name: 'only whitespace', req: () => ({ method: 'POST', url: '/api/v1/periods', raw: '  \n ' }), status: 400, fields: ['body'], only: true, views: ['periods'] },
  { name: 'a trailing comma', req: () => ({ method: 'POST', url: '/api/v1/periods', raw: '{"kind":"cycle",}' }), status: 400, fields: ['body'], only: true, views: ['periods'] },
  { name: 'two JSON documents', req: () => ({ method: 'POST', url: '/api/v1/periods', raw: '{} {}' }), status: 400, fields: ['body'], only: true, views: ['periods'] },
  { name: 'an empty list as the body', req: () => ({ method: 'POST', url: '/api/v1/periods', raw: '[]' }), status: 400, fields: ['body'], only: true, views: ['periods'] },
  { name: 'a JSON merge patch', req: (f) => ({ method: 'PATCH', url: `/api/v1/periods/${f.nextId}`, raw: `{"version":${f.versions.next},"name":"x"}`, contentType: 'application/merge-patch+json' }), status: 415, fields: ['body'], only: true, views: ['periods'] },
  { name: 'multipart form data', req: () => ({ method: 'POST', url: '/api/v1/periods', raw: '--x\r\n\r\n--x--', contentType: 'multipart/form-data; boundary=x' }), status: 415, fields: ['body'], only: true, views: ['periods'] },
  { name: 'a NUL character in a nested value', req: (f) => org(f, { strategy: { values: ['ok', 'a\u0000b'] } }), status: 400, fields: ['strategy.values.1'], only: true, views: ['organisation'] },
];

const references: Case[] = [
  // Ids in the body that name nothing: 422 naming the field.
  { name: 'an objective for a unit that does not exist', req: (f) => objective(f, { unitId: nothing }), status: 422, fields: ['unitId'], only: true, views: ['teamObjectives'] },
  { name: 'an objective for a period that does not exist', req: (f) => objective(f, { periodId: nothing }), status: 422, fields: ['periodId'], only: true, views: ['teamObjectives'] },
  { name: 'an objective owned by nobody known', req: (f) => objective(f, { ownerIds: [f.personId, nothing] }), status: 422, fields: ['ownerIds.1'], only: true, views: ['teamObjectives'] },
  { name: 'an alignment to an objective that does not exist', req: (f) => objective(f, { alignments: [{ objectiveId: f.moalId }, { objectiveId: nothing }] }), status: 422, fields: ['alignments.1.objectiveId'], only: true, views: ['teamObjectives'] },
  { name: 'an alignment to a key result that does not exist', req: (f) => objective(f, { alignments: [{ keyResultId: nothing }] }), status: 422, fields: ['alignments.0.keyResultId'], only: true, views: ['teamObjectives'] },
  { name: 'the same alignment twice', req: (f) => objective(f, { alignments: [{ objectiveId: f.moalId }, { objectiveId: f.moalId }] }), status: 422, fields: ['alignments.1'], only: true, views: ['teamObjectives'] },
  { name: 'a key result for an objective that does not exist', req: (f) => keyResult(f, { objectiveId: nothing }), status: 422, fields: ['objectiveId'], only: true, views: ['objective'] },
  { name: 'a key result owned by nobody known', req: (f) => keyResult(f, { ownerId: nothing }), status: 422, fields: ['ownerId'], only: true, views: ['objective'] },
  { name: 'an initiative for a unit that does not exist', req: (f) => initiative(f, { unitId: nothing }), status: 422, fields: ['unitId'], only: true, views: ['teamInitiatives'] },
  { name: 'an initiative in a period that does not exist', req: (f) => initiative(f, { periodId: nothing }), status: 422, fields: ['periodId'], only: true, views: ['teamInitiatives'] },
  { name: 'an initiative owned by nobody known', req: (f) => initiative(f, { ownerId: nothing }), status: 422, fields: ['ownerId'], only: true, views: ['teamInitiatives'] },
  { name: 'an initiative moving a key result that does not exist', req: (f) => initiative(f, { keyResultIds: [f.krId, nothing] }), status: 422, fields: ['keyResultIds.1'], only: true, views: ['teamInitiatives'] },
  { name: 'a unit under a parent that does not exist', req: (f) => unit(f, { parentId: nothing }), status: 422, fields: ['parentId'], only: true, views: ['units'] },
  { name: 'a unit with a member who does not exist', req: (f) => unit(f, { members: [{ personId: f.personId, role: 'lead' }, { personId: nothing, role: 'member' }] }), status: 422, fields: ['members.1.personId'], only: true, views: ['units'] },
  { name: 'moving a unit under one that does not exist', req: (f) => patch(`/api/v1/units/${f.teamId}`, { version: f.versions.team, parentId: nothing }), status: 422, fields: ['parentId'], only: true, views: ['units'] },
  { name: 'moving an objective to a period that does not exist', req: (f) => patch(`/api/v1/objectives/${f.objectiveId}`, { version: f.versions.objective, periodId: nothing }), status: 422, fields: ['periodId'], only: true, views: ['objective'] },
  { name: 'giving a key result to nobody known', req: (f) => patch(`/api/v1/key-results/${f.krId}`, { version: f.versions.kr, ownerId: nothing }), status: 422, fields: ['ownerId'], only: true, views: ['keyResult'] },
  { name: 'linking an initiative to a key result that does not exist', req: (f) => patch(`/api/v1/initiatives/${f.initiativeId}`, { version: f.versions.initiative, keyResultIds: [nothing] }), status: 422, fields: ['keyResultIds.0'], only: true, views: ['teamInitiatives'] },
  { name: 'progress for a period that does not exist', req: (f) => ({ method: 'GET', url: `/api/v1/units/${f.rootId}/progress?period=${nothing}` }), status: 422, fields: ['period'], only: true, views: [] },
  // Ids of the wrong kind.
  { name: 'a key result id where an objective id belongs', req: (f) => keyResult(f, { objectiveId: f.krId }), status: 422, fields: ['objectiveId'], only: true, views: ['objective'] },
  { name: 'a person id where a unit id belongs', req: (f) => objective(f, { unitId: f.personId }), status: 422, fields: ['unitId'], only: true, views: ['teamObjectives'] },
  { name: 'a unit id where a period id belongs', req: (f) => objective(f, { periodId: f.teamId }), status: 422, fields: ['periodId'], only: true, views: ['teamObjectives'] },
  { name: 'a unit id where an owner belongs', req: (f) => objective(f, { ownerIds: [f.teamId] }), status: 422, fields: ['ownerIds.0'], only: true, views: ['teamObjectives'] },
  { name: 'a key result id aligned to as an objective', req: (f) => objective(f, { alignments: [{ objectiveId: f.otherKrId }] }), status: 422, fields: ['alignments.0.objectiveId'], only: true, views: ['teamObjectives'] },
  { name: 'an objective id aligned to as a key result', req: (f) => objective(f, { alignments: [{ keyResultId: f.otherObjectiveId }] }), status: 422, fields: ['alignments.0.keyResultId'], only: true, views: ['teamObjectives'] },
  { name: 'an objective id where a key result belongs', req: (f) => initiative(f, { keyResultIds: [f.objectiveId] }), status: 422, fields: ['keyResultIds.0'], only: true, views: ['teamInitiatives'] },
  { name: 'a person id where a parent unit belongs', req: (f) => unit(f, { parentId: f.personId }), status: 422, fields: ['parentId'], only: true, views: ['units'] },
  { name: 'a unit id where a member belongs', req: (f) => unit(f, { members: [{ personId: f.teamId, role: 'lead' }] }), status: 422, fields: ['members.0.personId'], only: true, views: ['units'] },
  { name: 'a unit id as the period of progress', req: (f) => ({ method: 'GET', url: `/api/v1/units/${f.rootId}/progress?period=${f.teamId}` }), status: 422, fields: ['period'], only: true, views: [] },
  // SQL in ids: refused as ids, never run.
  ...SQL.map((s): Case => ({ name: `SQL as a unit id in the body: ${s}`, req: (f) => objective(f, { unitId: s }), status: 400, fields: ['unitId'], only: true, views: ['teamObjectives'] })),
  ...SQL.map((s): Case => ({ name: `SQL as a key result id in a list: ${s}`, req: (f) => initiative(f, { keyResultIds: [f.krId, s] }), status: 400, fields: ['keyResultIds.1'], only: true, views: ['teamInitiatives'] })),
  { name: 'an id that looks like SQL but is a valid id shape', req: (f) => objective(f, { unitId: '1--' }), status: 422, fields: ['unitId'], only: true, views: ['teamObjectives'] },
];

const semantics: Case[] = [
  // Dates.
  ...['2026-02-30', '2026-02-29', '2026-13-01', '2026-00-10', '2026-1-1', '26-01-01', '2026-01-01T00:00:00Z', ''].map((startDate): Case => ({
    name: `start date ${JSON.stringify(startDate)}`, req: () => period({ startDate }), status: 400, fields: ['startDate'], only: true, views: ['periods'],
  })),
  { name: 'end date 2027-04-31', req: () => period({ startDate: '2027-01-01', endDate: '2027-04-31' }), status: 400, fields: ['endDate'], only: true, views: ['periods'] },
  { name: 'a period that ends before it starts', req: () => period({ startDate: '2027-05-01', endDate: '2027-04-30' }), status: 400, fields: ['endDate'], only: true, views: ['periods'] },
  { name: 'moving both dates the wrong way round', req: (f) => patch(`/api/v1/periods/${f.nextId}`, { version: f.versions.next, startDate: '2027-04-30', endDate: '2027-01-01' }), status: 400, fields: ['endDate'], only: true, views: ['periods'] },
  { name: 'moving the end before the stored start', req: (f) => patch(`/api/v1/periods/${f.nextId}`, { version: f.versions.next, endDate: '2026-12-31' }), status: 422, fields: ['endDate'], only: true, views: ['periods'] },
  { name: 'an unknown period kind', req: () => period({ kind: 'month' }), status: 400, fields: ['kind'], only: true, views: ['periods'] },
  // Period states: one step at a time.
  { name: 'planning → closed', req: (f) => patch(`/api/v1/periods/${f.nextId}`, { version: f.versions.next, state: 'closed' }), status: 422, fields: ['state'], only: true, views: ['periods'] },
  { name: 'closed → active', req: (f) => patch(`/api/v1/periods/${f.closedId}`, { version: f.versions.closed, state: 'active' }), status: 422, fields: ['state'], only: true, views: ['periods'] },
  { name: 'an unknown period state', req: (f) => patch(`/api/v1/periods/${f.nextId}`, { version: f.versions.next, state: 'paused' }), status: 400, fields: ['state'], only: true, views: ['periods'] },
  // Key result directions.
  { name: 'an increase whose target is below its start', req: (f) => keyResult(f, { type: 'increase', start: 10, target: 5 }), status: 400, fields: ['target'], only: true, views: ['objective'] },
  { name: 'a decrease whose target is above its start', req: (f) => keyResult(f, { type: 'decrease', start: 5, target: 10 }), status: 400, fields: ['target'], only: true, views: ['objective'] },
  { name: 'an increase without a start', req: (f) => post('/api/v1/key-results', { objectiveId: f.objectiveId, title: 'KR', type: 'increase', target: 10 }), status: 400, fields: ['start'], only: true, views: ['objective'] },
  { name: 'an above without a target', req: (f) => post('/api/v1/key-results', { objectiveId: f.objectiveId, title: 'KR', type: 'above', start: 10 }), status: 400, fields: ['target'], only: true, views: ['objective'] },
  { name: 'a milestone with target 5', req: (f) => keyResult(f, { type: 'milestone', start: 0, target: 5 }), status: 400, fields: ['target'], only: true, views: ['objective'] },
  { name: 'changing a target to below the start', req: (f) => patch(`/api/v1/key-results/${f.krId}`, { version: f.versions.kr, target: f.krStart - 1 }), status: 422, fields: ['target'], only: true, views: ['keyResult'] },
  { name: 'turning an increase into a decrease', req: (f) => patch(`/api/v1/key-results/${f.krId}`, { version: f.versions.kr, type: 'decrease' }), status: 422, fields: ['target'], only: true, views: ['keyResult'] },
  { name: "changing a milestone's target to 5", req: (f) => patch(`/api/v1/key-results/${f.milestoneKrId}`, { version: f.versions.milestoneKr, target: 5 }), status: 422, fields: ['target'], only: true, views: ['milestoneKeyResult'] },
  { name: 'turning a key result into a milestone with target 5', req: (f) => patch(`/api/v1/key-results/${f.krId}`, { version: f.versions.kr, type: 'milestone', target: 5 }), status: 422, fields: ['target'], only: true, views: ['keyResult'] },
  // Check-ins.
  ...[2, 0.5, -1].map((value): Case => ({ name: `milestone check-in value ${value}`, req: (f) => checkIn(f, { value }, f.milestoneKrId), status: 422, fields: ['value'], only: true, views: ['milestoneCheckIns', 'milestoneKeyResult'] })),
  { name: 'a check-in in a closed period', req: (f) => checkIn(f, { value: 1 }, f.closedKrId), status: 422, fields: ['id'], only: true, views: ['closedCheckIns'] },
  // The tree.
  { name: 'moving a unit under its own child', req: (f) => patch(`/api/v1/units/${f.areaId}`, { version: f.versions.area, parentId: f.childId }), status: 422, fields: ['parentId'], only: true, views: ['units'] },
  { name: 'moving a unit under itself', req: (f) => patch(`/api/v1/units/${f.areaId}`, { version: f.versions.area, parentId: f.areaId }), status: 422, fields: ['parentId'], only: true, views: ['units'] },
  { name: 'moving the organisation itself', req: (f) => patch(`/api/v1/units/${f.rootId}`, { version: f.versions.root, parentId: f.teamId }), status: 422, fields: ['parentId'], only: true, views: ['units'] },
  // Alignments to oneself.
  { name: 'an objective aligned to itself', req: (f) => patch(`/api/v1/objectives/${f.objectiveId}`, { version: f.versions.objective, alignments: [{ objectiveId: f.objectiveId }] }), status: 422, fields: ['alignments.0.objectiveId'], only: true, views: ['objective'] },
  { name: 'an objective aligned to its own key result', req: (f) => patch(`/api/v1/objectives/${f.objectiveId}`, { version: f.versions.objective, alignments: [{ keyResultId: f.krId }] }), status: 422, fields: ['alignments.0.keyResultId'], only: true, views: ['objective'] },
  // People.
  { name: 'an e-mail address already in use', req: (f) => post('/api/v1/people', { name: 'N', email: f.personEmail, password: 'a long enough password' }), status: 422, fields: ['email'], only: true, views: ['people'] },
  { name: 'an e-mail address already in use, in capitals', req: (f) => post('/api/v1/people', { name: 'N', email: ` ${f.personEmail.toUpperCase()} `, password: 'a long enough password' }), status: 422, fields: ['email'], only: true, views: ['people'] },
  // Stale versions: 409, nothing overwritten.
  { name: 'a stale organisation', req: (f) => org(f, { version: f.versions.organisation + 1, name: 'x' }), status: 409, fields: ['version'], views: ['organisation'] },
  { name: 'a stale unit', req: (f) => patch(`/api/v1/units/${f.teamId}`, { version: f.versions.team + 1, name: 'x' }), status: 409, fields: ['version'], views: ['units'] },
  { name: 'a stale period', req: (f) => patch(`/api/v1/periods/${f.nextId}`, { version: f.versions.next + 1, name: 'x' }), status: 409, fields: ['version'], views: ['periods'] },
  { name: 'a stale objective', req: (f) => patch(`/api/v1/objectives/${f.objectiveId}`, { version: f.versions.objective + 1, title: 'x', ownerIds: [], alignments: [] }), status: 409, fields: ['version'], views: ['objective'] },
  { name: 'a stale key result', req: (f) => patch(`/api/v1/key-results/${f.krId}`, { version: f.versions.kr + 1, title: 'x' }), status: 409, fields: ['version'], views: ['keyResult'] },
  { name: 'a stale initiative', req: (f) => patch(`/api/v1/initiatives/${f.initiativeId}`, { version: f.versions.initiative + 1, title: 'x', keyResultIds: [] }), status: 409, fields: ['version'], views: ['teamInitiatives'] },
];

// ---------------------------------------------------------------------------------------------
// Ids in paths and queries.
// ---------------------------------------------------------------------------------------------

interface IdRoute {
  route: string;
  req: (f: Fixture, id: string) => Omit<RawRequest, 'cookie'>;
  /** An id of another kind of thing. */
  wrongKind: (f: Fixture) => string;
  views: string[];
}
const idRoutes: IdRoute[] = [
  { route: 'GET /api/v1/people/:id', req: (_f, id) => ({ method: 'GET', url: `/api/v1/people/${id}` }), wrongKind: (f) => f.teamId, views: [] },
  { route: 'GET /api/v1/units/:id', req: (_f, id) => ({ method: 'GET', url: `/api/v1/units/${id}` }), wrongKind: (f) => f.personId, views: [] },
  { route: 'PATCH /api/v1/units/:id', req: (f, id) => patch(`/api/v1/units/${id}`, { version: f.versions.team, name: 'x' }), wrongKind: (f) => f.currentId, views: ['units'] },
  { route: 'GET /api/v1/units/:id/progress', req: (f, id) => ({ method: 'GET', url: `/api/v1/units/${id}/progress?period=${f.currentId}` }), wrongKind: (f) => f.currentId, views: [] },
  { route: 'GET /api/v1/periods/:id', req: (_f, id) => ({ method: 'GET', url: `/api/v1/periods/${id}` }), wrongKind: (f) => f.teamId, views: [] },
  { route: 'PATCH /api/v1/periods/:id', req: (f, id) => patch(`/api/v1/periods/${id}`, { version: f.versions.next, name: 'x' }), wrongKind: (f) => f.objectiveId, views: ['periods'] },
  { route: 'GET /api/v1/objectives/:id', req: (_f, id) => ({ method: 'GET', url: `/api/v1/objectives/${id}` }), wrongKind: (f) => f.krId, views: [] },
  { route: 'PATCH /api/v1/objectives/:id', req: (f, id) => patch(`/api/v1/objectives/${id}`, { version: f.versions.objective, title: 'x' }), wrongKind: (f) => f.krId, views: ['teamObjectives'] },
  { route: 'DELETE /api/v1/objectives/:id', req: (_f, id) => ({ method: 'DELETE', url: `/api/v1/objectives/${id}` }), wrongKind: (f) => f.krId, views: ['teamObjectives'] },
  { route: 'GET /api/v1/key-results/:id', req: (_f, id) => ({ method: 'GET', url: `/api/v1/key-results/${id}` }), wrongKind: (f) => f.objectiveId, views: [] },
  { route: 'PATCH /api/v1/key-results/:id', req: (f, id) => patch(`/api/v1/key-results/${id}`, { version: f.versions.kr, title: 'x' }), wrongKind: (f) => f.objectiveId, views: ['objective'] },
  { route: 'DELETE /api/v1/key-results/:id', req: (_f, id) => ({ method: 'DELETE', url: `/api/v1/key-results/${id}` }), wrongKind: (f) => f.objectiveId, views: ['objective'] },
  { route: 'GET /api/v1/key-results/:id/check-ins', req: (_f, id) => ({ method: 'GET', url: `/api/v1/key-results/${id}/check-ins` }), wrongKind: (f) => f.objectiveId, views: [] },
  { route: 'POST /api/v1/key-results/:id/check-ins', req: (_f, id) => post(`/api/v1/key-results/${id}/check-ins`, { value: 1, confidence: 5 }), wrongKind: (f) => f.initiativeId, views: ['checkIns'] },
  { route: 'PATCH /api/v1/initiatives/:id', req: (f, id) => patch(`/api/v1/initiatives/${id}`, { version: f.versions.initiative, title: 'x' }), wrongKind: (f) => f.krId, views: ['teamInitiatives'] },
];

const listRoutes: Array<{ route: string; url: (f: Fixture) => string }> = [
  { route: 'GET /api/v1/people', url: () => '/api/v1/people' },
  { route: 'GET /api/v1/units', url: () => '/api/v1/units' },
  { route: 'GET /api/v1/objectives', url: () => '/api/v1/objectives' },
  { route: 'GET /api/v1/initiatives', url: () => '/api/v1/initiatives' },
  { route: 'GET /api/v1/key-results/:id/check-ins', url: (f) => `/api/v1/key-results/${f.krId}/check-ins` },
  { route: 'GET /api/v1/periods', url: () => '/api/v1/periods' },
];

const filterCases: Array<{ url: (f: Fixture) => string; field: string }> = [
  ...SQL.flatMap((s) => [
    { url: () => `/api/v1/objectives?unit=${enc(s)}`, field: 'unit' },
    { url: () => `/api/v1/objectives?period=${enc(s)}`, field: 'period' },
    { url: () => `/api/v1/initiatives?keyResult=${enc(s)}`, field: 'keyResult' },
    { url: () => `/api/v1/initiatives?owner=${enc(s)}`, field: 'owner' },
    { url: (f: Fixture) => `/api/v1/units/${f.rootId}/progress?period=${enc(s)}`, field: 'period' },
  ]),
  ...['-1', '1.5', '', '10&limit=20'].map((limit) => ({ url: () => `/api/v1/units?limit=${limit}`, field: 'limit' })),
  ...[...SQL.map(enc), long(201), 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz', `${nothing}'--`].map((cursor) => ({ url: () => `/api/v1/objectives?cursor=${cursor}`, field: 'cursor' })),
  ...[...SQL.map(enc), 'a%20b', '%F0%9F%94%A5', '..%2F..%2Fetc%2Fpasswd', '%00'].map((id) => ({ url: () => `/api/v1/objectives/${id}`, field: 'id' })),
  { url: () => '/api/v1/objectives?unit=', field: 'unit' },
  { url: () => `/api/v1/initiatives?unit=${long(65)}`, field: 'unit' },
  { url: () => '/api/v1/periods?kind=month', field: 'kind' },
  { url: () => `/api/v1/periods?state=${enc("active' OR '1'='1")}`, field: 'state' },
  { url: (f: Fixture) => `/api/v1/units/${f.rootId}/progress`, field: 'period' },
  // Misspelt or invented filters are named, not ignored.
  { url: (f: Fixture) => `/api/v1/objectives?unitId=${f.teamId}`, field: 'unitId' },
  { url: () => '/api/v1/units?limit=5&sort=name', field: 'sort' },
  { url: () => '/api/v1/periods?year=2026', field: 'year' },
  { url: (f: Fixture) => `/api/v1/units/${f.rootId}/progress?period=${f.currentId}&cycle=${f.currentId}`, field: 'cycle' },
  { url: (f: Fixture) => `/api/v1/alignment-targets?period=${f.currentId}&query=x`, field: 'query' },
];

// ---------------------------------------------------------------------------------------------

describe.each(storeKinds())('hostile input on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let f: Fixture;
  let views: Record<string, string>;
  let baseline: Record<string, unknown>;
  let baselineText: Record<string, string>;

  /** The reads `names` answer exactly as they did before the hostile requests. */
  async function expectUnchanged(label: string, names: readonly string[] = Object.keys(views)): Promise<void> {
    const now = await readViews(admin, views, names);
    // Compared as JSON text first (cheap); a difference is then shown field by field.
    for (const name of names) {
      if (JSON.stringify(now[name]) !== baselineText[name]) expect(now[name], `${label} changed ${name}`).toEqual(baseline[name]);
    }
  }

  /** Hostile requests whose refusals are checked a few at a time, each followed by its own check. */
  async function refuseAll(items: readonly Hostile[], concurrency = 4): Promise<void> {
    const queue = [...items];
    await Promise.all(Array.from({ length: concurrency }, async () => {
      for (let h = queue.shift(); h; h = queue.shift()) await refuse(h.label, h.req, h.status, h.expectation, h.views, h.cookie);
    }));
  }

  /** Sends one hostile request and checks the refusal and that nothing it could touch changed. */
  async function refuse(label: string, req: Omit<RawRequest, 'cookie'>, status: number, expectation: { fields?: string[]; only?: boolean }, names: readonly string[], cookie = admin.cookie) {
    const res = await send(t.app, { ...req, cookie });
    expectProblem(res, status, label, expectation);
    expect(res.headers['set-cookie'], `${label} must not sign anyone in`).toBeUndefined();
    await expectUnchanged(label, names);
    return res;
  }

  beforeAll(async () => {
    t = await startTestApp(kind, '2026-11-25T10:00:00Z');
    await seedDemoIfEmpty(t.deps);
    admin = await t.signIn('admin@demo.varde.no', 'varde-demo');
    f = await fixtureOf(admin);
    views = {
      setup: '/api/v1/setup',
      organisation: '/api/v1/organisation',
      people: '/api/v1/people?limit=500',
      units: '/api/v1/units?limit=500',
      periods: '/api/v1/periods',
      objectives: '/api/v1/objectives?limit=500',
      initiatives: '/api/v1/initiatives?limit=500',
      teamObjectives: `/api/v1/objectives?unit=${f.teamId}&limit=500`,
      teamInitiatives: `/api/v1/initiatives?unit=${f.teamId}&limit=500`,
      objective: `/api/v1/objectives/${f.objectiveId}`,
      keyResult: `/api/v1/key-results/${f.krId}`,
      milestoneKeyResult: `/api/v1/key-results/${f.milestoneKrId}`,
      checkIns: `/api/v1/key-results/${f.krId}/check-ins?limit=500`,
      milestoneCheckIns: `/api/v1/key-results/${f.milestoneKrId}/check-ins?limit=500`,
      closedCheckIns: `/api/v1/key-results/${f.closedKrId}/check-ins?limit=500`,
      currentProgress: `/api/v1/units/${f.rootId}/progress?period=${f.currentId}`,
      yearProgress: `/api/v1/units/${f.rootId}/progress?period=${f.yearId}`,
      closedProgress: `/api/v1/units/${f.rootId}/progress?period=${f.closedId}`,
      nextProgress: `/api/v1/units/${f.rootId}/progress?period=${f.nextId}`,
    };
    baseline = await readViews(admin, views);
    baselineText = Object.fromEntries(Object.entries(baseline).map(([name, answer]) => [name, JSON.stringify(answer)]));
    for (const [name, answer] of Object.entries(baseline)) expect((answer as { status: number }).status, name).toBe(200);
  });
  afterAll(async () => { await t?.close(); });

  describe.each(bodyRoutes)('$route', (r) => {
    const cookie = () => (r.isPublic ? '' : admin.cookie);
    const at = (req: Omit<RawRequest, 'cookie' | 'url' | 'method'>): Omit<RawRequest, 'cookie'> => ({ method: r.route.split(' ')[0] as 'POST' | 'PATCH', url: r.url(f), ...req });
    const hostile = (label: string, req: Omit<RawRequest, 'cookie' | 'url' | 'method'>, status: number, expectation: Expectation, as = cookie()): Hostile =>
      ({ label, req: at(req), status, expectation, views: r.views, cookie: as });

    it('refuses malformed JSON, other content types, bodies that are not objects, and callers without a session', async () => {
      const valid = JSON.stringify(r.valid(f));
      await refuseAll([
        hostile('malformed JSON', { raw: valid.slice(0, -3) }, 400, { fields: ['body'], only: true }),
        ...['application/x-www-form-urlencoded', 'text/plain'].map((contentType) => hostile(`content type ${contentType}`, { raw: valid, contentType }, 415, { fields: ['body'], only: true })),
        ...[`[${valid}]`, 'null', '"a string"'].map((raw) => hostile(`a body of ${raw.slice(0, 20)}`, { raw }, 400, { fields: ['body'], only: true })),
        hostile('a body of 1 MB', { json: { ...r.valid(f), padding: long(1 << 20) } }, 413, { fields: ['body'] }),
        ...(r.isPublic ? [] : [hostile('without a session', { json: r.valid(f) }, 401, {}, '')]),
      ]);
    });

    it('names every missing, mistyped and unknown field, and refuses prototype keys and text a store cannot keep', async () => {
      const valid = r.valid(f);
      await refuseAll([
        hostile('an empty object', { json: {} }, 400, { fields: r.required, only: true }),
        ...r.required.map((field) => {
          const { [field]: _gone, ...rest } = valid;
          return hostile(`without ${field}`, { json: rest }, 400, { fields: [field], only: true });
        }),
        ...Object.keys(valid).map((field) => hostile(`${field} of the wrong type`, { json: { ...valid, [field]: wrongTypeOf(valid[field]) } }, 400, { fields: [field], only: true })),
        hostile('two unknown fields', { json: { ...valid, evil: 1, orgId: nothing } }, 400, { fields: ['evil', 'orgId'], only: true }),
        hostile('__proto__', { raw: withRawMember('"__proto__":{"isAdmin":true,"polluted":true}', valid) }, 400, { fields: ['__proto__'], only: true }),
        hostile('constructor.prototype', { raw: withRawMember('"constructor":{"prototype":{"isAdmin":true,"polluted":true}}', valid) }, 400, { fields: ['constructor'], only: true }),
        hostile('constructor as a field', { json: { ...valid, constructor: 1 } }, 400, { fields: ['constructor'], only: true }),
        hostile('a NUL character', { json: { ...valid, [r.text]: 'a\u0000b' } }, 400, { fields: [r.text], only: true }),
        hostile('an unpaired surrogate', { raw: JSON.stringify({ ...valid, [r.text]: 'PLACEHOLDER' }).replace('PLACEHOLDER', 'a\\ud800b') }, 400, { fields: [r.text], only: true }),
      ]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    });
  });
  it('left the whole organisation as it was after the bodies', async () => { await expectUnchanged('bodies'); });

  describe.each([
    ['out-of-range numbers', ranges],
    ['strings over their limits and broken lists', limits],
    ['unknown and dangerous fields deeper down', unknownFields],
    ['ids that do not exist, of the wrong kind, or look like SQL', references],
    ['dates, directions, states, the tree and stale versions', semantics],
  ] as const)('%s', (_title, cases) => {
    it.concurrent.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      await refuse(c.name, c.req(f), c.status, { ...(c.fields ? { fields: c.fields } : {}), ...(c.only ? { only: true } : {}) }, c.views);
    });
    it('left the whole organisation as it was', async () => { await expectUnchanged(_title); });
  });

  describe.each(idRoutes)('$route', (r) => {
    it('refuses ids that are not ids with 400, and unknown ids or ids of other things with 404', async () => {
      const as = (label: string, id: string, status: number, expectation: Expectation): Hostile => ({ label, req: r.req(f, id), status, expectation, views: r.views, cookie: admin.cookie });
      await refuseAll([
        ...[enc(SQL[0]!), long(65)].map((id) => as(`id ${id}`, id, 400, { fields: ['id'], only: true })),
        as('an unknown id', nothing, 404, {}),
        as('an id that looks like SQL but is a valid id shape', 'x--', 404, {}),
        as('an id of another kind', r.wrongKind(f), 404, {}),
      ]);
    });
  });
  it('left the whole organisation as it was after the ids in paths', async () => { await expectUnchanged('ids in paths'); });

  describe.each(listRoutes)('$route', (r) => {
    it('refuses bad limits and cursors it did not hand out', async () => {
      const get = (query: string, field: string): Hostile => ({ label: query, req: { method: 'GET', url: `${r.url(f)}?${query}` }, status: 400, expectation: { fields: [field], only: true }, views: [], cookie: admin.cookie });
      await refuseAll([
        ...['0', '501', 'abc', '1e309'].map((limit) => get(`limit=${limit}`, 'limit')),
        ...['garbage', enc(SQL[1]!), nothing.toUpperCase()].map((cursor) => get(`cursor=${cursor}`, 'cursor')),
      ]);
      // A cursor that was handed out works, and paging with it is well-formed.
      const first = await admin.get(`${r.url(f)}?limit=1`);
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(1);
      expect(typeof first.body.nextCursor).toBe('string');
      const second = await admin.get(`${r.url(f)}?limit=1&cursor=${first.body.nextCursor}`);
      expect(second.status).toBe(200);
      expect(second.body.items[0].id).not.toBe(first.body.items[0].id);
    });
  });

  it('refuses filters that are not ids or known values', async () => {
    await refuseAll(filterCases.map((c) => ({ label: c.url(f), req: { method: 'GET', url: c.url(f) }, status: 400, expectation: { fields: [c.field], only: true }, views: [], cookie: admin.cookie })));
    await expectUnchanged('filters');
  });

  it('pollutes nothing with prototype keys in the query string', async () => {
    // Query strings are strict: each of these is an unknown parameter, named in a 400.
    for (const [query, field] of [['__proto__[limit]=1', '__proto__[limit]'], ['constructor[prototype][polluted]=1', 'constructor[prototype][polluted]'], ['__proto__=x', '__proto__'], ['toString=x&hasOwnProperty=y', 'toString']]) {
      const res = await admin.get(`/api/v1/units?limit=500&${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field), query).toContain(field);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).limit).toBeUndefined();
  });

  it('guards routes reached through an encoded path the same as the plain one', async () => {
    await refuse('anonymous /%61pi/v1/units', { method: 'GET', url: '/%61pi/v1/units' }, 401, {}, [], '');
    await refuse('anonymous /%61pi/v1/units POST', { method: 'POST', url: '/%61pi/v1/units', json: { parentId: f.rootId, name: 'x' } }, 401, {}, ['units'], '');
    const plain = await admin.get('/api/v1/units?limit=500');
    const encoded = await admin.get('/%61pi/v1/units?limit=500');
    expect(encoded.status).toBe(200);
    expect(encoded.body).toEqual(plain.body);
  });

  it('refuses a set-up of an empty installation with a time zone that does not exist, and stores nothing', async () => {
    const fresh = await startTestApp(kind, '2026-11-25T10:00:00Z');
    try {
      const body = { organisationName: 'Ny', timeZone: 'Mars/Olympus', admin: { name: 'Ada', email: 'ada@example.no', password: 'a long enough password' } };
      expectProblem(await fresh.anonymous.post('/api/v1/setup', body), 400, 'set-up with Mars/Olympus', { fields: ['timeZone'], only: true });
      expectProblem(await fresh.anonymous.post('/api/v1/setup', { ...body, timeZone: 'Europe/Oslo', organisationName: 'Ny\u0000' }), 400, 'set-up with NUL', { fields: ['organisationName'], only: true });
      expectProblem(await fresh.anonymous.post('/api/v1/setup', { ...body, timeZone: 'Europe/Oslo', admin: { ...body.admin, password: 'short' } }), 400, 'set-up with a short password', { fields: ['admin.password'], only: true });
      expect((await fresh.anonymous.get('/api/v1/setup')).body).toMatchObject({ needsSetup: true });
      // The same body with a real time zone is accepted: the refusals were about the fields named.
      const ok = await fresh.anonymous.post('/api/v1/setup', { ...body, timeZone: 'Europe/Oslo' });
      expect(ok.status).toBe(201);
      const ada = await fresh.signIn('ada@example.no', 'a long enough password');
      expect((await ada.get('/api/v1/objectives')).status).toBe(200);
    } finally {
      await fresh.close();
    }
  });

  it('stores text that looks like SQL, markup or prototype keys verbatim, and runs none of it', async () => {
    const before = await readViews(admin, views, ['objectives', 'units', 'people']);
    const hostile = [
      "Robert'); DROP TABLE objectives; --",
      '" OR ""="',
      "1' UNION SELECT password_hash FROM people --",
      '$1 $$ %s %d \\x00 \\\\',
      '<script>alert(1)</script>',
      '__proto__',
      'constructor.prototype',
      'Ærlig talt 🚀 ‮ nynorsk/bokmål',
    ];
    const created = await admin.post('/api/v1/objectives', { status: 'active', unitId: f.teamId, periodId: f.currentId, title: hostile[0], description: hostile.join('\n') });
    expect(created.status).toBe(201);
    const read = await admin.get(`/api/v1/objectives/${created.body.id}`);
    expect(read.body.title).toBe(hostile[0]);
    expect(read.body.description).toBe(hostile.join('\n'));
    for (const title of [hostile[2], hostile[7]]) {
      const kr = await admin.post('/api/v1/key-results', { objectiveId: created.body.id, title, type: 'increase', start: 0, target: 1, measure: hostile[5] });
      expect(kr.status, title).toBe(201);
      const c = await admin.post(`/api/v1/key-results/${kr.body.id}/check-ins`, { value: 1, confidence: 5, comment: hostile.join('\n'), blockers: title });
      expect(c.status, title).toBe(201);
      expect((await admin.get(`/api/v1/key-results/${kr.body.id}/check-ins`)).body.items).toEqual([c.body]);
      expect(c.body).toMatchObject({ comment: hostile.join('\n'), blockers: title });
      expect((await admin.get(`/api/v1/key-results/${kr.body.id}`)).body).toMatchObject({ title, measure: hostile[5] });
    }
    // Everything else is where it was: one objective more, the same units and people.
    const after = await readViews(admin, views, ['objectives', 'units', 'people']);
    expect(after.units).toEqual(before.units);
    expect(after.people).toEqual(before.people);
    const ids = (v: unknown) => ((v as { body: { items: Array<{ id: string }> } }).body.items.map((o) => o.id));
    expect(ids(after.objectives)).toEqual([...ids(before.objectives), created.body.id]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

/** Finds what the hostile requests aim at in the demo organisation, and the versions they carry. */
async function fixtureOf(admin: Client): Promise<Fixture> {
  const units: Array<{ id: string; parentId: string | null; kind: string; version: number; archivedAt: string | null }> = (await admin.get('/api/v1/units?limit=500')).body.items;
  const root = units.find((u) => u.parentId === null)!;
  const team = units.find((u) => u.parentId !== null && units.find((p) => p.id === u.parentId)?.parentId === root.id)!;
  const area = units.find((u) => u.id === team.parentId)!;
  const periods: Array<{ id: string; kind: string; state: string; version: number }> = (await admin.get('/api/v1/periods')).body.items;
  const year = periods.find((p) => p.kind === 'year' && p.state === 'active')!;
  const current = periods.find((p) => p.kind === 'cycle' && p.state === 'active')!;
  const closed = periods.find((p) => p.kind === 'cycle' && p.state === 'closed')!;
  const next = periods.find((p) => p.kind === 'cycle' && p.state === 'planning')!;
  type Kr = { id: string; type: string; start: number; target: number; version: number };
  type Obj = { id: string; unitId: string; periodId: string; version: number; keyResults: Kr[] };
  const objectives: Array<{ id: string; unitId: string; periodId: string }> = (await admin.get('/api/v1/objectives?limit=500')).body.items;
  const read = async (id: string): Promise<Obj> => (await admin.get(`/api/v1/objectives/${id}`)).body;
  /** The first objective, read in full, that passes the test. */
  const first = async (where: (o: { unitId: string; periodId: string }) => boolean, test: (o: Obj) => boolean = () => true): Promise<Obj> => {
    for (const o of objectives.filter(where)) {
      const full = await read(o.id);
      if (test(full)) return full;
    }
    throw new Error('the demo organisation lacks an objective the hostile tests need');
  };
  // An objective of the current cycle with an increase and a milestone key result.
  const target = await first((o) => o.periodId === current.id, (o) => o.keyResults.some((k) => k.type === 'increase' && k.target > k.start)
    && o.keyResults.some((k) => k.type === 'milestone'));
  const kr = target.keyResults.find((k) => k.type === 'increase' && k.target > k.start)!;
  const milestone = target.keyResults.find((k) => k.type === 'milestone')!;
  const other = await first((o) => o.periodId === current.id && o.unitId !== target.unitId, (o) => o.keyResults.length > 0);
  // Not the archived project team's: its refusal would be the archive's, not the closed period's.
  const archived = new Set(units.filter((u) => u.archivedAt).map((u) => u.id));
  const closedObjective = await first((o) => o.periodId === closed.id && !archived.has(o.unitId), (o) => o.keyResults.length > 0);
  const moal = objectives.find((o) => o.periodId === year.id && o.unitId === root.id)!;
  const people: Array<{ id: string; email: string }> = (await admin.get('/api/v1/people?limit=500')).body.items;
  const person = people.find((p) => p.email === 'marte@demo.varde.no')!;
  const organisation = (await admin.get('/api/v1/organisation')).body;
  for (const found of [root, team, area, year, current, closed, next, target, kr, milestone, other, closedObjective, moal, person]) expect(found).toBeDefined();
  // An initiative of the same unit, owned by someone, moving the key result.
  const initiative = await admin.post('/api/v1/initiatives', { unitId: target.unitId, periodId: current.id, title: 'Mål for fiendtlige forespørsler', ownerId: person.id, keyResultIds: [kr.id] });
  expect(initiative.status).toBe(201);
  return {
    rootId: root.id, areaId: area.id, childId: team.id, teamId: target.unitId, otherUnitId: other.unitId,
    yearId: year.id, currentId: current.id, closedId: closed.id, nextId: next.id,
    moalId: moal.id, objectiveId: target.id, otherObjectiveId: other.id,
    krId: kr.id, milestoneKrId: milestone.id, closedKrId: closedObjective.keyResults[0]!.id, otherKrId: other.keyResults[0]!.id,
    initiativeId: initiative.body.id, personId: person.id, personEmail: person.email,
    krStart: kr.start, krTarget: kr.target,
    versions: {
      organisation: organisation.version, team: units.find((u) => u.id === target.unitId)!.version, area: area.version, root: root.version,
      next: next.version, closed: closed.version, current: current.version, objective: target.version, kr: kr.version,
      milestoneKr: milestone.version, initiative: initiative.body.version,
    },
  };
}
