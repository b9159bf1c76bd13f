// What a new password must be (OWASP ASVS 2.1): at least 12 characters (the core's Password
// schema, which every input that sets a password uses) and not one of the passwords most often
// found in breaches. The list is the one zxcvbn ships (49,000 passwords, most common first); it is
// loaded once, when a password is first checked, since most requests never need it.
import { createRequire } from 'node:module';
import { invalid } from '../app/errors.js';

let common: Set<string> | undefined;

function commonPasswords(): Set<string> {
  if (!common) {
    const require = createRequire(import.meta.url);
    const { dictionary } = require('@zxcvbn-ts/language-common') as { dictionary: { passwords: string[] } };
    common = new Set(dictionary.passwords.map((p) => p.toLowerCase()));
  }
  return common;
}

/** Whether a password is one of the common ones, ignoring case and surrounding spaces. */
export function isCommonPassword(password: string): boolean {
  return commonPasswords().has(password.trim().toLowerCase());
}

/** Refuses a new password that is too common, naming the field it came in (422). */
export function assertAcceptablePassword(field: string, password: string): void {
  if (isCommonPassword(password)) throw invalid(field, 'is one of the most common passwords; choose one that is harder to guess', 'common_password');
}
