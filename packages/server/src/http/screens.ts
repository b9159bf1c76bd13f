// The web app's screens as the server sees them: each client-side route (in Fastify's syntax) and
// the module that draws it, named by its source path in packages/web as Vite's manifest names it, so
// a renamed or split chunk needs no change here. The server uses this table to name, in a page's
// first answer, what that screen will fetch (screenPages.ts); the routes themselves live in
// packages/web/src/main.tsx, and a screen missing here still works, only without the head start.

import type { Language } from '@varde/core';

export interface Screen {
  path: string;
  module: string;
  /** Behind RequireSession: drawn only for a signed-in person, who is sent to sign in otherwise. */
  signedIn: boolean;
}

export const SIGN_IN_MODULE = 'src/pages/signIn/SignInPage.tsx';

/** The texts of the language the app starts in (packages/web/src/i18n/index.ts), a chunk of their own. */
export const textsModule = (language: string): string => `src/i18n/${language}.json`;
/** What the app starts in when it has seen no organisation yet. */
export const DEFAULT_LANGUAGE: Language = 'nb';

export const screens: readonly Screen[] = [
  { path: '/', module: 'src/pages/home/HomePage.tsx', signedIn: true },
  { path: '/organisation', module: 'src/pages/organisation/OrganisationPage.tsx', signedIn: true },
  { path: '/units/:unitId', module: 'src/pages/unit/UnitPage.tsx', signedIn: true },
  { path: '/key-results/:keyResultId', module: 'src/pages/keyResult/KeyResultPage.tsx', signedIn: true },
  { path: '/objectives/:objectiveId', module: 'src/pages/objective/ObjectivePage.tsx', signedIn: true },
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
