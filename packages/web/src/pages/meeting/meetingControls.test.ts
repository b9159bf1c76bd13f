import { describe, expect, it } from 'vitest';
import { clock, commandOf, itemShareMs, MEETING_MS } from './meetingControls';

const key = (k: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  ({ key: k, ctrlKey: false, metaKey: false, altKey: false, ...mods });

describe('the meeting clock', () => {
  it('writes minutes and seconds, and nothing below zero', () => {
    expect(clock(0)).toBe('00:00');
    expect(clock(61_999)).toBe('01:01');
    expect(clock(MEETING_MS)).toBe('15:00');
    expect(clock(-5000)).toBe('00:00');
  });
  it("shares the fifteen minutes between the items, and gives an empty agenda the whole", () => {
    expect(clock(itemShareMs(6))).toBe('02:30');
    expect(itemShareMs(0)).toBe(MEETING_MS);
  });
});

describe("the facilitator's keys", () => {
  it('steps with N, P and the arrows, and checks in, notes and decides with C, O and D', () => {
    expect(['n', 'N', 'ArrowRight'].map((k) => commandOf(key(k)))).toEqual(['next', 'next', 'next']);
    expect(['p', 'P', 'ArrowLeft'].map((k) => commandOf(key(k)))).toEqual(['previous', 'previous', 'previous']);
    expect(['c', 'o', 'd', 's'].map((k) => commandOf(key(k)))).toEqual(['checkIn', 'note', 'decision', 'screen']);
  });
  it('leaves keys with a modifier and other keys alone', () => {
    expect(commandOf(key('c', { ctrlKey: true }))).toBeNull();
    expect(commandOf(key('n', { metaKey: true }))).toBeNull();
    expect(commandOf(key('ArrowRight', { altKey: true }))).toBeNull();
    expect(commandOf(key('x'))).toBeNull();
    expect(commandOf(key('Enter'))).toBeNull();
  });
});
