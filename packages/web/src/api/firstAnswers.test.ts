// The page's answers stand in for a read once, while the page is fresh, and not after a write. The
// page is a stand-in document holding the data element, as the server writes it; the module under
// test is the real one, loaded anew for each case (it reads the element once).
import { afterEach, describe, expect, it, vi } from 'vitest';

function pageWith(answers: Record<string, unknown>) {
  let removed = false;
  vi.stubGlobal('document', {
    getElementById: (id: string) => (id === 'first-answers' && !removed ? { textContent: JSON.stringify(answers), remove: () => { removed = true; } } : null),
  });
  return { removed: () => removed };
}
const load = async () => { vi.resetModules(); return import('./firstAnswers'); };

afterEach(() => { vi.unstubAllGlobals(); vi.useRealTimers(); });

describe('the answers a page brought', () => {
  it('stands in for the first read of its path only, and takes the element out of the page', async () => {
    const page = pageWith({ '/me': { person: { name: 'Hanne' } }, '/setup': { signedIn: true } });
    const { takeFirstAnswer } = await load();
    expect(takeFirstAnswer('/me')).toEqual({ person: { name: 'Hanne' } });
    expect(page.removed()).toBe(true);
    expect(takeFirstAnswer('/me')).toBeUndefined();
    expect(takeFirstAnswer('/organisation')).toBeUndefined();
    expect(takeFirstAnswer('/setup')).toEqual({ signedIn: true });
  });

  it('is dropped, all of it, by the first write: it could be out of date, or another person\'s', async () => {
    pageWith({ '/me': { person: { name: 'Hanne' } }, '/me/work': { keyResults: [] } });
    const { takeFirstAnswer, forgetFirstAnswers } = await load();
    expect(takeFirstAnswer('/me')).toBeDefined();
    forgetFirstAnswers();
    expect(takeFirstAnswer('/me/work')).toBeUndefined();
  });

  it('is not used once the page is more than ten seconds old', async () => {
    pageWith({ '/me': { person: { name: 'Hanne' } } });
    vi.spyOn(performance, 'now').mockReturnValue(10_001);
    const { takeFirstAnswer } = await load();
    expect(takeFirstAnswer('/me')).toBeUndefined();
    vi.restoreAllMocks();
  });

  it('is nothing at all on a page that brought none, or whose data cannot be read', async () => {
    vi.stubGlobal('document', { getElementById: () => ({ textContent: '{not json', remove: () => {} }) });
    expect((await load()).takeFirstAnswer('/me')).toBeUndefined();
    vi.stubGlobal('document', { getElementById: () => null });
    expect((await load()).takeFirstAnswer('/me')).toBeUndefined();
  });
});
