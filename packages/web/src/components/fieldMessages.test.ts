// What a form shows above its fields for a refusal the user cannot fix in a field: a sentence in
// their language, never a bare field name from the API.
import { createInstance } from 'i18next';
import type { FieldError } from '@varde/core';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import nb from '../i18n/nb.json';
import en from '../i18n/en.json';
import { formMessage, localFieldErrors } from './fieldMessages';

async function translator(lng: 'nb' | 'en') {
  const i18n = createInstance();
  await i18n.init({ resources: { nb: { translation: nb }, en: { translation: en } }, lng, interpolation: { escapeValue: false } });
  return i18n.t;
}
const refused = (errors: FieldError[], status = 422) =>
  new ApiError(status, { type: 'about:blank', title: 'Unprocessable Content', status, detail: errors[0]?.message ?? '', errors });

describe('formMessage', () => {
  it('says why a check-in on a closed period was refused, in the user\'s language and without the field\'s name', async () => {
    const error = refused([{ field: 'id', message: 'belongs to a closed period; reopen it to check in', code: 'closed' }]);
    expect(formMessage(await translator('nb'), error, ['value', 'confidence'])).toBe('Perioden er avsluttet. Åpne den igjen for å sjekke inn.');
    expect(formMessage(await translator('en'), error, ['value', 'confidence'])).toBe('The period is closed; reopen it to check in.');
  });

  it('leaves a field shown in the form to the field, and names the field for a code it does not know', async () => {
    const t = await translator('en');
    const error = refused([
      { field: 'value', message: 'must be at most 5', code: 'too_big', params: { maximum: 5 } },
      { field: 'colour', message: 'is not a colour we have', code: 'no_such_colour' },
    ]);
    expect(formMessage(t, error, ['value'])).toBe('colour is not a colour we have');
    expect(localFieldErrors(t, error).value).toBe('Must be at most 5.');
  });

  it('counts the characters of a length limit with the language\'s plural', async () => {
    const short = refused([{ field: 'password', message: 'must be at least 12 characters', code: 'too_short', params: { minimum: 12 } }]);
    const long = refused([{ field: 'code', message: 'must be at most 1 character', code: 'too_long', params: { maximum: 1 } }]);
    const en = await translator('en');
    expect(localFieldErrors(en, short).password).toBe('Must be at least 12 characters.');
    expect(localFieldErrors(en, long).code).toBe('Must be at most 1 character.');
    expect(localFieldErrors(await translator('nb'), short).password).toBe('Må ha minst 12 tegn.');
  });

  it('answers a conflict and a refusal of rights with their own sentences', async () => {
    const t = await translator('en');
    expect(formMessage(t, refused([{ field: 'version', message: 'is stale', code: 'stale' }], 409), [])).toMatch(/Someone else changed this/);
    expect(formMessage(t, new ApiError(403, undefined), [])).toMatch(/You are not allowed to do this/);
  });

  it('says why a change of a person or a request was refused when the refusal names its reason', async () => {
    const lastAdmin = refused([{ field: 'active', message: 'would leave the organisation without an active admin', code: 'last_admin' }], 409);
    expect(formMessage(await translator('nb'), lastAdmin, [])).toBe('Dette er den siste aktive administratoren. Gjør noen andre til administrator først.');
    const mustChange = refused([{ field: 'password', message: 'must be changed before anything else', code: 'password_change_required' }], 403);
    expect(formMessage(await translator('en'), mustChange, [])).toBe('Choose your own password before you go on.');
    const common = refused([{ field: 'newPassword', message: 'is one of the most common passwords', code: 'common_password' }]);
    expect(localFieldErrors(await translator('nb'), common).newPassword).toBe('Dette er et av de vanligste passordene. Velg et som er vanskeligere å gjette.');
  });

  it('names a server fault, a thing gone and a failed fetch for what they are, not as a network problem', async () => {
    const t = await translator('en');
    expect(formMessage(t, new ApiError(500, { type: 'about:blank', title: 'Internal Server Error', status: 500, detail: 'Internal Server Error' }), [])).toBe(en.controls.errors.server);
    expect(formMessage(t, new ApiError(404, undefined), [])).toBe(en.controls.errors.notFound);
    expect(formMessage(t, new TypeError('Failed to fetch'), [])).toBe(en.controls.errors.offline);
    expect(formMessage(t, new Error('a bug'), [])).toBe(en.controls.errors.unknown);
  });
});
