// The Norwegian and Swedish translations must match the English source key for key,
// keep every {{placeholder}}, and actually be translated: the app's texts (./en.json …) and the
// history namespace's (./history/en.json …), which the lists of events fetch on their own.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { EVENT_TYPES } from '@varde/core/rules';

type Tree = { [key: string]: string | Tree };

/** The namespaces and where their files are. */
const NAMESPACES = { translation: './', history: './history/', planning: './planning/', kpi: './kpi/', retrospective: './retrospective/', meeting: './meeting/', review: './review/' } as const;
type Namespace = keyof typeof NAMESPACES;

function load(lang: string, ns: Namespace = 'translation'): Tree {
  return JSON.parse(readFileSync(new URL(`${NAMESPACES[ns]}${lang}.json`, import.meta.url), 'utf8')) as Tree;
}

/** Every leaf as a dotted path → string value. Non-string leaves are kept as a marker so they fail. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flatten(value, path)) out.set(k, v);
    } else out.set(path, `<<not a string: ${JSON.stringify(value)}>>`);
  }
  return out;
}

/** Every object node as a dotted path, so a leaf turned into an object (or back) is caught too. */
function branches(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    return value !== null && typeof value === 'object' ? [`${path}/`, ...branches(value as Tree, path)] : [];
  });
}

const placeholders = (s: string): string[] => [...s.matchAll(/\{\{\s*([\w.-]+)\s*\}\}/g)].map((m) => m[1]!).sort();

// Values allowed to equal the English: proper names, language endonyms, words the languages share.
const SAME_AS_ENGLISH: Record<string, readonly string[]> = {
  nb: ['Varde', 'OKR', 'KPI', '%', 'Norsk bokmål', 'Svenska', 'English', 'Team', 'Status', 'Type'],
  sv: ['Varde', 'OKR', 'KPI', '%', 'Norsk bokmål', 'Svenska', 'English', 'Team', 'Status', 'Organisation', 'Period', 'Vision'],
};
// A string made only of placeholders and punctuation ("{{start}} → {{target}}") has nothing to translate.
const nothingToTranslate = (s: string): boolean => !/\p{L}/u.test(s.replace(/\{\{[^}]*\}\}/g, ''));

describe.each(Object.keys(NAMESPACES) as Namespace[])('the %s namespace', (ns) => {
const en = load('en', ns);
const enFlat = flatten(en);

describe.each(['nb', 'sv'])('%s.json', (lang) => {
  const tr = load(lang, ns);
  const trFlat = flatten(tr);

  it('has exactly the keys of en.json', () => {
    const enKeys = new Set([...enFlat.keys(), ...branches(en)]);
    const trKeys = new Set([...trFlat.keys(), ...branches(tr)]);
    const missing = [...enKeys].filter((k) => !trKeys.has(k));
    const extra = [...trKeys].filter((k) => !enKeys.has(k));
    expect({ missing, extra }, `${lang}.json: missing ${missing.join(', ') || '—'}; extra ${extra.join(', ') || '—'}`)
      .toEqual({ missing: [], extra: [] });
  });

  it('keeps every placeholder of the English string', () => {
    const wrong = [...enFlat]
      .filter(([key]) => trFlat.has(key))
      .map(([key, source]) => ({ key, en: placeholders(source), [lang]: placeholders(trFlat.get(key)!) }))
      .filter((row) => JSON.stringify(row.en) !== JSON.stringify(row[lang]));
    expect(wrong, `${lang}.json placeholders differ: ${wrong.map((w) => w.key).join(', ')}`).toEqual([]);
  });

  it('has no empty or untranslated string', () => {
    const allowed = new Set(SAME_AS_ENGLISH[lang]);
    const empty = [...trFlat].filter(([, v]) => v.trim() === '').map(([k]) => k);
    const untranslated = [...trFlat]
      .filter(([key, value]) => enFlat.get(key) === value && !allowed.has(value) && !nothingToTranslate(value))
      .map(([key, value]) => `${key} = ${JSON.stringify(value)}`);
    expect({ empty, untranslated }, `${lang}.json: empty ${empty.join(', ') || '—'}; same as English ${untranslated.join(', ') || '—'}`)
      .toEqual({ empty: [], untranslated: [] });
  });

  it('keeps the plural pairs i18next needs for one/other', () => {
    const bases = [...enFlat.keys()].filter((k) => /_(one|other)$/.test(k)).map((k) => k.replace(/_(one|other)$/, ''));
    const broken = [...new Set(bases)].filter((b) => !trFlat.has(`${b}_one`) || !trFlat.has(`${b}_other`));
    expect(broken).toEqual([]);
  });
});
});

// Norwegian bokmål, Swedish and English all have the plural categories one and other, so a counted
// string is a pair of keys in every language, and a count is never put into a string without one.
const PLURAL = /_(zero|one|two|few|many|other)$/;
describe.each((['en', 'nb', 'sv'] as const).flatMap((lang) => (Object.keys(NAMESPACES) as Namespace[]).map((ns) => [lang, ns] as const)))('plurals in %s.json of %s', (lang, ns) => {
  const flat = flatten(load(lang, ns));
  const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
  // i18next also takes a _zero form for a count of 0 in any language ("No key results need…").
  const optional = ['zero'];

  it('has a key for each plural category the language has, and for no other', () => {
    const bases = new Set([...flat.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, '')));
    const wrong = [...bases].flatMap((base) => {
      const have = [...flat.keys()].filter((k) => k.replace(PLURAL, '') === base && PLURAL.test(k)).map((k) => PLURAL.exec(k)![1]!);
      const missing = categories.filter((c) => !have.includes(c)).map((c) => `${base}_${c} missing`);
      const extra = have.filter((c) => !categories.includes(c as Intl.LDMLPluralRule) && !optional.includes(c)).map((c) => `${base}_${c} not used in ${lang}`);
      return [...missing, ...extra, ...(flat.has(base) ? [`${base} is both a plain and a plural key`] : [])];
    });
    expect(wrong).toEqual([]);
  });

  it('puts {{count}} only into plural keys, and into every one of them', () => {
    const countWithoutPlural = [...flat].filter(([k, v]) => /\{\{\s*count\s*\}\}/.test(v) && !PLURAL.test(k)).map(([k]) => k);
    const pluralWithoutCount = [...flat].filter(([k, v]) => PLURAL.test(k) && !k.endsWith('_zero') && !/\{\{\s*count\s*\}\}/.test(v)).map(([k]) => k);
    expect({ countWithoutPlural, pluralWithoutCount }).toEqual({ countWithoutPlural: [], pluralWithoutCount: [] });
  });
});

// Every t() call on a counted key must pass the count, or i18next silently picks no plural form.
// A file that asks for the history namespace (useTranslation(HISTORY_NS)), or is handed its t (the
// pieces in components/history/), is checked against that namespace's keys.
describe('counted keys in the code', () => {
  const keysOf = (ns: Namespace) => {
    const flat = flatten(load('en', ns));
    return { flat, pluralBases: new Set([...flat.keys()].filter((k) => PLURAL.test(k)).map((k) => k.replace(PLURAL, ''))) };
  };
  const keys = { translation: keysOf('translation'), history: keysOf('history'), planning: keysOf('planning'), kpi: keysOf('kpi'), retrospective: keysOf('retrospective'), meeting: keysOf('meeting'), review: keysOf('review') };
  // A file that asks for the planning texts (usePlanningTexts()) speaks them and the app's; so for the KPIs' (useKpiTexts()) and the retrospective's (useRetrospectiveTexts()) the meeting's (useMeetingTexts()) and the review's (useReviewTexts()).
  const sources = readdirSync(new URL('..', import.meta.url), { recursive: true, encoding: 'utf8' })
    .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.test.ts'))
    .map((f) => {
      const text = readFileSync(new URL(`../${f}`, import.meta.url), 'utf8');
      const history = /useTranslation\(HISTORY_NS\)/.test(text) || f.replace(/\\/g, '/').startsWith('components/history/');
      const planning = /usePlanningTexts\(\)/.test(text);
      const kpi = /useKpiTexts\(\)/.test(text);
      const retrospective = /useRetrospectiveTexts\(\)/.test(text);
      const meeting = /useMeetingTexts\(\)/.test(text);
      const review = /useReviewTexts\(\)/.test(text);
      return { file: f, text, ns: (history ? ['history'] : planning ? ['planning', 'translation'] : kpi ? ['kpi', 'translation'] : retrospective ? ['retrospective', 'translation'] : meeting ? ['meeting', 'translation'] : review ? ['review', 'translation'] : ['translation']) as Namespace[] };
    });
  const has = (ns: Namespace[], k: string) => ns.some((n) => keys[n].flat.has(k) || keys[n].pluralBases.has(k));
  const counted = (ns: Namespace[], k: string) => ns.some((n) => keys[n].pluralBases.has(k));

  it('passes count with every counted key', () => {
    const calls = sources.flatMap(({ file, text, ns }) => [...text.matchAll(/\bt\(\s*'([\w.-]+)'([^)]*)\)/g)]
      .filter((m) => counted(ns, m[1]!) && !/\bcount\b/.test(m[2]!)).map((m) => `${file}: ${m[0]}`));
    expect(calls).toEqual([]);
  });

  it('asks only for keys that exist (as they are, or as a plural pair)', () => {
    const unknown = sources.flatMap(({ file, text, ns }) => [...text.matchAll(/\bt\(\s*'([\w.-]+)'/g)]
      .map((m) => m[1]!).filter((k) => !has(ns, k)).map((k) => `${file}: ${k}`));
    expect(unknown).toEqual([]);
  });

  it('has a sentence and a name for every event type', () => {
    const flat = keys.history.flat;
    expect(EVENT_TYPES.filter((type) => !flat.has(`event.${type}`) || !flat.has(`typeName.${type}`))).toEqual([]);
  });
});
