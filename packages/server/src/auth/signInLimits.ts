// How many failed sign-ins are tolerated: 5 for one e-mail address (guessing one person's
// password) and 20 from one client address (trying many people's), each within 15 minutes.
// Past either, sign-in is refused until enough failures have left the window; the refused
// attempts do not count, so waiting always opens it again.

export const SIGN_IN_LIMITS = { perEmail: 5, perAddress: 20, windowMs: 15 * 60_000 } as const;

export type SignInVerdict =
  | { allowed: true }
  | { allowed: false; by: 'email' | 'address'; retryAfterSeconds: number };

/** The verdict for an attempt at `now`, from the instants (ms) of the failures still in the window. */
export function signInVerdict(failures: { byEmail: readonly number[]; byAddress: readonly number[] }, now: number, limits = SIGN_IN_LIMITS): SignInVerdict {
  const wait = (times: readonly number[], limit: number): number | undefined => {
    const counted = times.filter((t) => t > now - limits.windowMs).sort((a, b) => a - b);
    if (counted.length < limit) return undefined;
    // Below the limit again once all but limit - 1 of them have left the window.
    const leaving = counted[counted.length - limit]!;
    return Math.max(1, Math.ceil((leaving + limits.windowMs - now) / 1000));
  };
  const byEmail = wait(failures.byEmail, limits.perEmail);
  const byAddress = wait(failures.byAddress, limits.perAddress);
  if (byEmail === undefined && byAddress === undefined) return { allowed: true };
  if (byAddress === undefined || (byEmail !== undefined && byEmail >= byAddress)) return { allowed: false, by: 'email', retryAfterSeconds: byEmail! };
  return { allowed: false, by: 'address', retryAfterSeconds: byAddress };
}
