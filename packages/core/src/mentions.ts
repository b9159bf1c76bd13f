// Mentions in a comment: "@Kari Nordmann" names a person. A comment is kept with each mention as
// the person's id (`@[id]`), so it names them rightly after they change their name, and is shown
// with the names they have now. A name is found whole and in any case, the longest one that fits
// ("@Kari Nordmann" over "@Kari"), and only where it ends a word; an @ that names nobody stays text.

export interface MentionCandidate { id: string; name: string }
export interface FoundMention { personId: string; start: number; end: number }
export type MentionPart = { text: string } | { personId: string; text: string };

const LETTER = /[\p{L}\p{N}]/u;
const TOKEN = /@\[([A-Za-z0-9_-]{1,64})\]/g;

/** The first word after each @, in lower case: what the store looks candidates up by. */
export function mentionWords(body: string): string[] {
  const words = new Set<string>();
  for (const m of body.matchAll(/(?:^|[^\p{L}\p{N}])@([\p{L}\p{N}][\p{L}\p{N}'’.-]*)/gu)) words.add(m[1]!.toLocaleLowerCase());
  return [...words].slice(0, 20);
}

/** Every @Name in `body` that is a candidate's whole name, in order. */
export function findMentions(body: string, candidates: readonly MentionCandidate[]): FoundMention[] {
  const byLength = [...candidates].filter((c) => c.name.trim()).sort((a, b) => b.name.length - a.name.length);
  const lower = body.toLocaleLowerCase();
  const found: FoundMention[] = [];
  for (let at = lower.indexOf('@'); at >= 0; at = lower.indexOf('@', at + 1)) {
    if (at > 0 && LETTER.test(body.charAt(at - 1))) continue; // an e-mail address, not a mention
    const rest = lower.slice(at + 1);
    const who = byLength.find((c) => {
      const name = c.name.trim().toLocaleLowerCase();
      return rest.startsWith(name) && !LETTER.test(rest.charAt(name.length));
    });
    if (!who) continue;
    const end = at + 1 + who.name.trim().length;
    found.push({ personId: who.id, start: at, end });
    at = end - 1;
  }
  return found;
}

/** The comment as kept: each found mention replaced by its person's id. */
export function encodeMentions(body: string, found: readonly FoundMention[]): string {
  let out = '';
  let from = 0;
  for (const m of found) {
    out += `${body.slice(from, m.start)}@[${m.personId}]`;
    from = m.end;
  }
  return out + body.slice(from);
}

/** The ids a kept comment mentions, each once, in order. */
export function mentionedIds(stored: string): string[] {
  return [...new Set([...stored.matchAll(TOKEN)].map((m) => m[1]!))];
}

/** A kept comment as it is shown, in text and mentions, with the names people have now. A mention
 *  of someone no longer known reads as its bare @. */
export function mentionParts(stored: string, names: ReadonlyMap<string, string>): MentionPart[] {
  const parts: MentionPart[] = [];
  let from = 0;
  const text = (t: string) => {
    if (!t) return;
    const last = parts.at(-1);
    if (last && !('personId' in last)) last.text += t; else parts.push({ text: t });
  };
  for (const m of stored.matchAll(TOKEN)) {
    text(stored.slice(from, m.index));
    const name = names.get(m[1]!);
    if (name === undefined) text('@');
    else parts.push({ personId: m[1]!, text: `@${name}` });
    from = m.index + m[0].length;
  }
  text(stored.slice(from));
  return parts;
}

/** The parts as one text, as the author would type it again. */
export const mentionText = (parts: readonly MentionPart[]): string => parts.map((p) => p.text).join('');
