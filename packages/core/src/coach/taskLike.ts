// task-like: a key result that reads as a task ("Arrangere fire kurs"): it is done or not, and
// says nothing of the effect. That belongs in an initiative; the key result is what the task
// should change. The pitfall "OKRs as a massive to-do list" (DOMAIN.md). The verb lists hold the
// forms a key result starts with in bokmål, Swedish and English (infinitive and imperative);
// organisations mix languages, so all three are looked for.
import { keyResultHint, keyResultsOf, type CoachRule } from './plan.js';

export const TASK_VERBS: Readonly<Record<'nb' | 'sv' | 'en', readonly string[]>> = {
  nb: [
    'arrangere', 'arranger', 'lage', 'sende', 'send', 'gjennomføre', 'gjennomfør', 'holde', 'skrive', 'skriv', 'utvikle', 'utvikl',
    'lansere', 'lanser', 'etablere', 'etabler', 'innføre', 'innfør', 'starte', 'planlegge', 'organisere', 'publisere', 'ferdigstille',
    'implementere', 'levere', 'lever', 'bygge', 'bygg', 'opprette', 'opprett', 'delta', 'invitere', 'inviter', 'kartlegge', 'oppdatere',
  ],
  sv: [
    'genomföra', 'genomför', 'skapa', 'arrangera', 'skicka', 'hålla', 'håll', 'skriva', 'utveckla', 'lansera', 'etablera', 'införa',
    'starta', 'planera', 'organisera', 'publicera', 'implementera', 'leverera', 'bygga', 'ta fram', 'anordna', 'bjuda in', 'kartlägga', 'uppdatera',
  ],
  en: [
    'hold', 'create', 'launch', 'send', 'organise', 'organize', 'write', 'develop', 'implement', 'build', 'arrange', 'run', 'publish',
    'start', 'plan', 'deliver', 'complete', 'finish', 'set up', 'introduce', 'host', 'invite', 'update', 'map',
  ],
};

// Longest first, so "ta fram" is found before a shorter verb could be.
const VERBS = [...new Set(Object.values(TASK_VERBS).flat())].sort((a, b) => b.length - a.length);
/** An infinitive marker before the verb: "Å arrangere", "Att skapa", "To launch". */
const MARKER = /^(å|att|to)\s+/i;

/** The task verb a title starts with, as written there; undefined when it starts otherwise. */
export function taskVerbOf(title: string): string | undefined {
  const text = title.trim().replace(MARKER, '');
  const lower = text.toLocaleLowerCase('nb');
  const verb = VERBS.find((v) => lower.startsWith(v) && !/[\p{L}\p{N}]/u.test(lower.charAt(v.length)));
  return verb === undefined ? undefined : text.slice(0, verb.length);
}

export const taskLike: CoachRule = (plan) => keyResultsOf(plan).flatMap((kr) => {
  const verb = taskVerbOf(kr.title);
  return verb === undefined ? [] : [keyResultHint('task-like', 'warning', kr.id, { verb })];
});
