import { describe, expect, it } from 'vitest';
import { SIGN_IN_LIMITS, signInVerdict } from './signInLimits.js';

const now = Date.parse('2026-11-25T10:00:00Z');
const ago = (seconds: number) => now - seconds * 1000;
const window = SIGN_IN_LIMITS.windowMs / 1000;

describe('signInVerdict', () => {
  it('allows up to four failures for an e-mail address and refuses at five, until the oldest leaves the window', () => {
    expect(signInVerdict({ byEmail: [ago(50), ago(40), ago(30), ago(20)], byAddress: [] }, now)).toEqual({ allowed: true });
    expect(signInVerdict({ byEmail: [ago(50), ago(40), ago(30), ago(20), ago(10)], byAddress: [] }, now))
      .toEqual({ allowed: false, by: 'email', retryAfterSeconds: window - 50 });
  });

  it('counts only failures inside the window, in any order', () => {
    const old = [ago(window + 1), ago(window)];
    expect(signInVerdict({ byEmail: [...old, ago(1), ago(2), ago(3)], byAddress: [] }, now)).toEqual({ allowed: true });
    expect(signInVerdict({ byEmail: [ago(3), ago(100), ago(2), ago(1), ago(200), ago(window)], byAddress: [] }, now))
      .toEqual({ allowed: false, by: 'email', retryAfterSeconds: window - 200 });
  });

  it('with more failures than the limit, waits until enough of them have left', () => {
    // Seven failures: the limit is met until three have left, the third oldest 300 s ago.
    const times = [ago(500), ago(400), ago(300), ago(3), ago(2), ago(1), ago(0)];
    expect(signInVerdict({ byEmail: times, byAddress: [] }, now)).toEqual({ allowed: false, by: 'email', retryAfterSeconds: window - 300 });
  });

  it('refuses an address at twenty failures, whichever e-mail addresses they named', () => {
    const nineteen = Array.from({ length: 19 }, (_, i) => ago(600 - i));
    expect(signInVerdict({ byEmail: [], byAddress: nineteen }, now)).toEqual({ allowed: true });
    expect(signInVerdict({ byEmail: [], byAddress: [...nineteen, ago(1)] }, now)).toEqual({ allowed: false, by: 'address', retryAfterSeconds: window - 600 });
  });

  it('answers the longer wait when both limits are met, and never less than a second', () => {
    const email = Array.from({ length: 5 }, (_, i) => ago(100 - i));
    const address = Array.from({ length: 20 }, (_, i) => ago(700 - i));
    expect(signInVerdict({ byEmail: email, byAddress: address }, now)).toEqual({ allowed: false, by: 'email', retryAfterSeconds: window - 100 });
    const edge = Array.from({ length: 5 }, () => ago(window) + 1);
    expect(signInVerdict({ byEmail: edge, byAddress: [] }, now)).toEqual({ allowed: false, by: 'email', retryAfterSeconds: 1 });
  });
});
