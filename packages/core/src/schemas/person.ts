// People, their accounts and their membership of units.
import { z } from 'zod';
import { Id, ListQuery, Timestamp, Title, Version } from './common.js';
import { Language, TimeZone } from './organisation.js';

export const Email = z.string().trim().toLowerCase().max(254, 'is too long').pipe(z.email('must be an e-mail address'));
export const Password = z.string().min(12, 'must be at least 12 characters').max(200, 'must be at most 200 characters');
export const MemberRole = z.enum(['lead', 'member']);
export type MemberRole = z.infer<typeof MemberRole>;

export const Membership = z.object({ unitId: Id, role: MemberRole });
export const Person = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  isAdmin: z.boolean(),
  /** False once an admin deactivated the account: no sign-in; the name stays on what they wrote. */
  active: z.boolean(),
  /** True after an admin set a one-time password, until the person chooses their own. */
  passwordChangeRequired: z.boolean(),
  memberships: z.array(Membership),
  version: Version,
  createdAt: Timestamp,
});
export type Person = z.infer<typeof Person>;

/** How many ids one `?ids=` may name: a screen asks for the people it shows, a few dozen. */
export const PEOPLE_IDS_MAX = 100;
export const PeopleQuery = ListQuery.extend({
  ids: z.string().max(PEOPLE_IDS_MAX * 65, 'is too long')
    .transform((s) => s.split(','))
    .pipe(z.array(Id).max(PEOPLE_IDS_MAX, `names at most ${PEOPLE_IDS_MAX} ids`))
    .optional()
    .describe(`Only these people: their ids separated by commas, at most ${PEOPLE_IDS_MAX}. An id of nobody in the organisation is left out`),
  unit: Id.optional().describe("Only this unit's members (none for a unit that is not in the organisation)"),
  q: z.string().trim().max(100, 'must be at most 100 characters').optional()
    .describe('Only those whose name contains this text, in any case (left empty: everyone). With q the list is in order of name, then id, rather than of id'),
}).strict();
export type PeopleQuery = z.infer<typeof PeopleQuery>;

/** What an admin may change about a person; the version is the one they read. */
export const PersonPatch = z.object({
  version: Version,
  name: Title.optional(),
  email: Email.optional(),
  isAdmin: z.boolean().optional(),
  active: z.boolean().optional(),
}).strict();
export type PersonPatch = z.infer<typeof PersonPatch>;

export const PasswordChange = z.object({
  currentPassword: z.string().min(1, 'must not be empty').max(200, 'is too long'),
  newPassword: Password,
}).strict();
export type PasswordChange = z.infer<typeof PasswordChange>;

/** Shown once, to the admin who asked for it; only its hash is kept. */
export const OneTimePassword = z.object({ oneTimePassword: z.string() });
export type OneTimePassword = z.infer<typeof OneTimePassword>;

export const PersonCreate = z.object({
  name: Title,
  email: Email,
  password: Password,
  isAdmin: z.boolean().default(false),
}).strict();
export type PersonCreate = z.infer<typeof PersonCreate>;

export const LoginInput = z.object({
  email: Email,
  password: z.string().min(1, 'must not be empty').max(200, 'is too long'),
}).strict();
export type LoginInput = z.infer<typeof LoginInput>;

export const SetupInput = z.object({
  organisationName: Title,
  language: Language.default('nb'),
  timeZone: TimeZone.default('Europe/Oslo'),
  admin: z.object({ name: Title, email: Email, password: Password }).strict(),
  /** The one-time token Varde prints to its log at start; needed only when it listens beyond loopback. */
  setupToken: z.string().max(200, 'is too long').optional(),
}).strict();
export type SetupInput = z.infer<typeof SetupInput>;

/** What a visitor may know before signing in: whether to set up, whether it is a demo, whether a set-up token is needed. */
export const SetupState = z.object({
  needsSetup: z.boolean(),
  demo: z.boolean(),
  signedIn: z.boolean(),
  setupTokenRequired: z.boolean(),
});
export type SetupState = z.infer<typeof SetupState>;

export const Me = z.object({
  person: Person,
  organisation: z.object({ id: Id, name: z.string(), language: Language }),
});
export type Me = z.infer<typeof Me>;
