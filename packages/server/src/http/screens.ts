// The web app's screens as the server sees them: each client-side route (in Fastify's syntax) and
// the module that draws it, named by its source path in packages/web as Vite's manifest names it, so
// a renamed or split chunk needs no change here. The server uses this table to name, in a page's
// first answer, what that screen will fetch (screenPages.ts); the routes themselves live in
// packages/web/src/main.tsx, and a screen missing here still works, only without the head start.

import { defaultPeriod, PEOPLE_IDS_MAX, unitPageNames, type Initiative, type KeyResult, type Language, type Objective, type Organisation, type Page, type Period, type UnitProgress } from '@varde/core';

export interface Screen {
  path: string;
  module: string;
  /** Behind RequireSession: drawn only for a signed-in person, who is sent to sign in otherwise. */
  signedIn: boolean;
  /** What the screen reads before it can draw its head, beyond what every signed-in screen reads
   *  (SIGNED_IN_READS), as API paths under /api/v1 written exactly as packages/web/src/api asks
   *  for them; the server answers them in the page itself (firstAnswers.ts). */
  firstReads?: (params: Readonly<Record<string, string>>) => string[];
  /** What it reads next, once those have come: the reads that depend on them (the period the
   *  screen opens on, the organisation's root unit, a key result's objective and then its unit),
   *  written as the web app writes them. Asked again with what came, until it names nothing new. */
  thenReads?: (params: Readonly<Record<string, string>>, first: FirstReads) => string[];
}

/** The first reads' answers (JSON text by path) and the page's query, for a screen's thenReads. */
export interface FirstReads { answers: ReadonlyMap<string, string>; search: URLSearchParams }

export const SIGN_IN_MODULE = 'src/pages/signIn/SignInPage.tsx';

/** The texts of the language the app starts in (packages/web/src/i18n/index.ts), a chunk of their own. */
export const textsModule = (language: string): string => `src/i18n/${language}.json`;
/** What the app starts in when it has seen no organisation yet. */
export const DEFAULT_LANGUAGE: Language = 'nb';

/** Every cycle and year, the first page of the list (usePeriods through all() in api/hooks.ts). */
const PERIODS = '/periods?limit=500';

/** The period a screen opens on (usePeriodChoice): ?period= in its address, else core's default. */
export function periodOf({ answers, search }: FirstReads): Period | undefined {
  const json = answers.get(PERIODS);
  if (!json) return undefined;
  const periods = JSON.parse(json) as Page<Period>;
  return periods.items.find((p) => p.id === search.get('period')) ?? defaultPeriod(periods.items);
}

/** The team page's reads for its period (useUnitProgress, useObjectives, useInitiatives,
 *  useCheckInHistory; in a cycle the meetings' card, useUnitMeetings and useUnitFollowUp), and once
 *  the objectives and initiatives are in, the names of their owners (usePeopleByIds, in one read of
 *  at most PEOPLE_IDS_MAX ids, as the app asks): the page
 *  draws nothing below its head until every one of them has come. */
function unitPeriodReads({ unitId }: Readonly<Record<string, string>>, first: FirstReads): string[] {
  const period = periodOf(first);
  if (!period) return [];
  const progress = `/units/${unitId}/progress?period=${period.id}`;
  const initiatives = `/initiatives?unit=${unitId}&period=${period.id}&limit=500`;
  const reads = [progress, `/objectives?unit=${unitId}&period=${period.id}&limit=500`, initiatives, `/units/${unitId}/check-in-history?period=${period.id}`];
  if (period.kind === 'cycle') reads.push(`/meetings?unit=${unitId}&period=${period.id}&limit=20`, `/units/${unitId}/meetings/follow-up?period=${period.id}`);
  const progressJson = first.answers.get(progress);
  const initiativesJson = first.answers.get(initiatives);
  if (progressJson && initiativesJson) {
    const names = unitPageNames((JSON.parse(progressJson) as UnitProgress).objectives, (JSON.parse(initiativesJson) as Page<Initiative>).items);
    if (names.length > 0 && names.length <= PEOPLE_IDS_MAX) reads.push(`/people?ids=${names.join(',')}&limit=${PEOPLE_IDS_MAX}`);
  }
  return reads;
}

/** The key result page's head: its objective, then the objective's unit with the units above it. */
function keyResultHeadReads({ keyResultId }: Readonly<Record<string, string>>, { answers }: FirstReads): string[] {
  const keyResult = answers.get(`/key-results/${keyResultId}`);
  const objectiveId = keyResult ? (JSON.parse(keyResult) as KeyResult).objectiveId : undefined;
  const objective = objectiveId ? answers.get(`/objectives/${objectiveId}`) : undefined;
  const unitId = objective ? (JSON.parse(objective) as Objective).unitId : undefined;
  return [...(objectiveId ? [`/objectives/${objectiveId}`] : []), ...(unitId ? [`/units/${unitId}`] : [])];
}

/** The organisation page's tree: its root unit's progress for the period, its first level listed. */
function organisationTreeReads(_params: Readonly<Record<string, string>>, first: FirstReads): string[] {
  const period = periodOf(first);
  const organisation = first.answers.get('/organisation');
  const rootUnitId = organisation ? (JSON.parse(organisation) as Organisation).rootUnitId : undefined;
  return period && rootUnitId ? [`/units/${rootUnitId}/progress?period=${period.id}`] : [];
}

export const screens: readonly Screen[] = [
  { path: '/', module: 'src/pages/home/HomePage.tsx', signedIn: true, firstReads: () => ['/me/work', PERIODS] },
  { path: '/organisation', module: 'src/pages/organisation/OrganisationPage.tsx', signedIn: true, firstReads: () => ['/organisation', PERIODS], thenReads: organisationTreeReads },
  { path: '/units/:unitId', module: 'src/pages/unit/UnitPage.tsx', signedIn: true, firstReads: ({ unitId }) => [`/units/${unitId}`, PERIODS], thenReads: unitPeriodReads },
  { path: '/key-results/:keyResultId', module: 'src/pages/keyResult/KeyResultPage.tsx', signedIn: true, firstReads: ({ keyResultId }) => [`/key-results/${keyResultId}`, PERIODS], thenReads: keyResultHeadReads },
  { path: '/objectives/:objectiveId', module: 'src/pages/objective/ObjectivePage.tsx', signedIn: true, firstReads: ({ objectiveId }) => [`/objectives/${objectiveId}`] },
  { path: '/units/:unitId/alignment', module: 'src/pages/alignment/AlignmentPage.tsx', signedIn: true },
  { path: '/settings', module: 'src/pages/settings/SettingsPage.tsx', signedIn: true },
  { path: '/account', module: 'src/pages/account/AccountPage.tsx', signedIn: true },
  { path: '/sign-in', module: SIGN_IN_MODULE, signedIn: false },
  { path: '/setup', module: 'src/pages/setup/SetupPage.tsx', signedIn: false },
];

/** What every screen asks first (useSetupState in RequireSession, the sign-in and set-up pages):
 *  whether Varde is set up and whether this browser is signed in. */
export const SESSION_CHECK = '/api/v1/setup';
/** What a signed-in screen asks next, once the session check said yes (useMe). */
export const SIGNED_IN_PERSON = '/api/v1/me';
/** What every signed-in screen reads first (RequireSession, AppShell), under /api/v1 as the web app asks. */
export const SIGNED_IN_READS = ['/setup', '/me'] as const;
