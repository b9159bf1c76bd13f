// The one-time token that first-run set-up needs when Varde listens beyond loopback: whoever
// reaches an empty installation first would otherwise become its admin. Like Jupyter's token, it
// is printed where only the person who started Varde sees it (its log), never sent in an answer.
// Only its digest is kept, and a guess is compared with timingSafeEqual over digests of equal
// length, so neither the comparison's time nor a memory dump gives the token away.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

const digest = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

export class SetupToken {
  private current: Buffer | null = null;

  /** `announce` is told each new token: the composition root prints it to the log and stdout. */
  constructor(private readonly announce: (token: string) => void = () => {}) {}

  /** Whether a token has been issued and not yet spent. */
  get pending(): boolean { return this.current !== null; }

  /** Makes a new token (replacing any earlier one) and announces it. */
  issue(): void {
    const token = randomBytes(24).toString('base64url');
    this.current = digest(token);
    this.announce(token);
  }

  matches(candidate: string | undefined): boolean {
    if (this.current === null || candidate === undefined) return false;
    return timingSafeEqual(digest(candidate), this.current);
  }

  /** Set-up is done: the token opens nothing any more. */
  spend(): void { this.current = null; }
}
