import { describe, expect, it } from 'vitest';
import { SUBJECT_KINDS } from './events.js';
import { mayReadEvent } from './eventVisibility.js';

const member = { personId: 'p-jonas', isAdmin: false };
const admin = { personId: 'p-marte', isAdmin: true };
const about = (kind: (typeof SUBJECT_KINDS)[number], id = 'x') => ({ subject: { kind, id } });

describe('mayReadEvent', () => {
  it('shows everyone the OKRs and the organisation\'s shape', () => {
    for (const kind of ['organisation', 'unit', 'period', 'objective', 'keyResult', 'checkIn', 'initiative'] as const) {
      expect(mayReadEvent(member, about(kind)), kind).toBe(true);
    }
  });
  it('keeps accounts and sign-ins to admins', () => {
    expect(mayReadEvent(member, about('person', 'p-kari'))).toBe(false);
    expect(mayReadEvent(member, about('session', 's-1'))).toBe(false);
    for (const kind of SUBJECT_KINDS) expect(mayReadEvent(admin, about(kind)), kind).toBe(true);
  });
  it('shows a person the events about their own account', () => {
    expect(mayReadEvent(member, about('person', 'p-jonas'))).toBe(true);
    expect(mayReadEvent(member, about('session', 'p-jonas'))).toBe(false);
  });
});
