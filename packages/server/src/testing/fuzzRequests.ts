// Requests generated from the OpenAPI document with fast-check: for every documented operation,
// path parameters, query strings and bodies drawn from its schemas — mostly well-formed, with ids
// of things that exist, so requests reach the use cases and the store — and mutations of them:
// wrong types, missing and extra fields, huge and odd numbers, hostile Unicode, broken JSON,
// foreign content types and broken percent-encoding.
import fc from 'fast-check';

type Schema = Record<string, any>;
export interface OpenApiDocument { paths: Record<string, Record<string, Operation>>; components?: { schemas?: Record<string, Schema> } }
interface Parameter { name: string; in: 'path' | 'query' | 'header' | 'cookie'; required?: boolean; schema?: Schema }
interface Operation { parameters?: Parameter[]; requestBody?: { content?: Record<string, { schema?: Schema }> } }

export interface FuzzOperation { method: string; path: string; parameters: Parameter[]; body: Schema | undefined }

/** Ids of what exists, by what they name; the fuzz never gets the admin's own id (see people). */
export interface IdPools { units: string[]; periods: string[]; objectives: string[]; keyResults: string[]; initiatives: string[]; people: string[] }

export interface FuzzRequest {
  who: 'admin' | 'member' | 'anonymous';
  method: string;
  url: string;
  /** Sent as-is; undefined for none. */
  payload: string | undefined;
  contentType: string | undefined;
  /** For anonymous requests: an address of their own, so sign-in limits per address stay out of the way. */
  remoteAddress: string;
  /** The operation it was drawn from, for the report. */
  operation: string;
}

export function operationsOf(doc: OpenApiDocument): FuzzOperation[] {
  const ops: FuzzOperation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      ops.push({ method: method.toUpperCase(), path, parameters: op.parameters ?? [], body: op.requestBody?.content?.['application/json']?.schema });
    }
  }
  return ops;
}

const POOL_BY_SEGMENT: Record<string, keyof IdPools> = {
  units: 'units', periods: 'periods', objectives: 'objectives', 'key-results': 'keyResults', initiatives: 'initiatives', people: 'people',
};
const POOL_BY_NAME: Record<string, keyof IdPools> = {
  unit: 'units', unitId: 'units', parentId: 'units', period: 'periods', periodId: 'periods', objective: 'objectives', objectiveId: 'objectives',
  keyResult: 'keyResults', keyResultId: 'keyResults', owner: 'people', ownerId: 'people', personId: 'people', initiative: 'initiatives',
};

/** Values no well-behaved client sends, for any field. */
const hostile: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom<unknown>(
    1e308, -1e308, 1e16, -1e16, 2 ** 53 + 2, -0, 0.1, -1, 0, 2_147_483_648, 4_294_967_296,
    '', ' ', '\u0000', 'a\u0000b', '\ud800', '\udc00x', '🚀‮ nynorsk/bokmål', 'Ærlig ÅØ', '\u200b', 'x'.repeat(5000),
    '2026-02-30', '9999-12-31', '0000-00-00', '2026-13-01', '1e3', 'NaN', 'Infinity', 'true', 'null',
    '__proto__', 'constructor', "' OR '1'='1", '<script>alert(1)</script>', '../../etc/passwd', '%00',
    [], {}, null, true, false, [[[[[[]]]]]], { a: { b: { c: { d: {} } } } }, ['x', 1, null],
  ),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.integer(),
  fc.double(),
  fc.jsonValue({ maxDepth: 2 }),
);

const dateString = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

export class RequestArbitraries {
  constructor(private readonly doc: OpenApiDocument, private readonly pools: IdPools) {}

  private resolve(schema: Schema): Schema {
    let s = schema;
    for (let i = 0; s?.$ref && i < 10; i++) s = this.doc.components?.schemas?.[String(s.$ref).split('/').pop()!] ?? {};
    return s ?? {};
  }

  private idOf(pool: keyof IdPools): fc.Arbitrary<string> {
    const ids = this.pools[pool];
    return ids.length ? fc.oneof({ arbitrary: fc.constantFrom(...ids), weight: 9 }, { arbitrary: fc.uuid(), weight: 1 }) : fc.uuid();
  }

  /** A value the schema accepts (most of the time: patterns and refinements are not followed). */
  value(schema: Schema, name = '', depth = 0): fc.Arbitrary<unknown> {
    const s = this.resolve(schema);
    if (depth > 5) return fc.constant(null);
    if ('const' in s) return fc.constant(s.const);
    if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
    const alternatives = s.anyOf ?? s.oneOf;
    if (Array.isArray(alternatives)) return fc.oneof(...alternatives.map((a: Schema) => this.value(a, name, depth + 1)));
    if (Array.isArray(s.type)) return fc.oneof(...s.type.map((type: string) => this.value({ ...s, type }, name, depth)));
    switch (s.type) {
      case 'string': return this.string(s, name);
      case 'integer': return fc.integer({ min: Math.max(s.minimum ?? -1000, -1e9), max: Math.min(s.maximum ?? 1000, 1e9) });
      case 'number': return fc.double({ min: Math.max(s.minimum ?? -1e6, -1e15), max: Math.min(s.maximum ?? 1e6, 1e15), noNaN: true, noDefaultInfinity: true });
      case 'boolean': return fc.boolean();
      case 'null': return fc.constant(null);
      case 'array': {
        const itemName = name.endsWith('Ids') ? name.slice(0, -1) : name;
        return fc.array(this.value(s.items ?? {}, itemName, depth + 1), { minLength: s.minItems ?? 0, maxLength: Math.min(s.maxItems ?? 3, 4) });
      }
      case 'object': {
        const properties: Record<string, Schema> = s.properties ?? {};
        const model = Object.fromEntries(Object.entries(properties).map(([key, p]) => [key, this.value(p, key, depth + 1)]));
        return fc.record(model, { requiredKeys: (s.required ?? []).filter((k: string) => k in properties) });
      }
      default: return fc.jsonValue({ maxDepth: 2 });
    }
  }

  private string(s: Schema, name: string): fc.Arbitrary<string> {
    const pool = POOL_BY_NAME[name];
    if (pool) return this.idOf(pool);
    if (/date$/i.test(name)) return dateString;
    if (/email/i.test(name)) return fc.emailAddress();
    if (/timeZone/i.test(name)) return fc.constantFrom('Europe/Oslo', 'Europe/Stockholm', 'UTC', 'America/New_York', 'Mars/Olympus');
    if (name === 'cursor') return fc.oneof(fc.constant(''), fc.base64String({ maxLength: 40 }), fc.string({ maxLength: 20 }));
    const minLength = s.minLength ?? 0;
    return fc.string({ unit: 'grapheme', minLength, maxLength: Math.max(minLength, Math.min(s.maxLength ?? 40, 40)) });
  }

  /** A valid value, or the same with one mutation somewhere inside it. */
  mutated(schema: Schema, name = ''): fc.Arbitrary<unknown> {
    const valid = this.value(schema, name);
    const mutation = fc.record({
      kind: fc.constantFrom('drop', 'replace', 'extra', 'replace', 'whole'),
      at: fc.nat(),
      value: hostile,
      key: fc.oneof(fc.constantFrom('extra', '__proto__', 'constructor', 'id', 'version', 'isAdmin', 'organisationId'), fc.string({ maxLength: 8 })),
    });
    return fc.oneof(
      { arbitrary: valid, weight: 3 },
      { arbitrary: fc.tuple(valid, mutation).map(([v, m]) => mutate(v, m)), weight: 2 },
    );
  }

  private pathValue(segment: string): fc.Arbitrary<string> {
    const pool = POOL_BY_SEGMENT[segment];
    const encoded = (v: unknown) => { try { return encodeURIComponent(String(v)); } catch { return '%ED%A0%80'; } };
    return fc.oneof(
      { arbitrary: pool ? this.idOf(pool) : fc.uuid(), weight: 12 },
      { arbitrary: hostile.map(encoded).filter((v) => v.length > 0), weight: 3 },
      { arbitrary: fc.constantFrom('%', '%zz', '%E0%A4%A', '..', '%2e%2e', '%2F', 'a'.repeat(101), '%00', '%C0%AF'), weight: 1 },
    );
  }

  request(op: FuzzOperation): fc.Arbitrary<FuzzRequest> {
    const segments = op.path.split('/');
    const pathParts = segments.map((part, i) => {
      const m = /^\{(\w+)\}$/.exec(part);
      return m ? this.pathValue(segments[i - 1] ?? '') : fc.constant(part);
    });
    const query = op.parameters.filter((p) => p.in === 'query').map((p) => fc.option(
      this.mutated(p.schema ?? {}, p.name).map((v) => [p.name, typeof v === 'string' ? v : JSON.stringify(v) ?? ''] as const),
      { freq: p.required ? 10 : 1, nil: undefined },
    ));
    const extraQuery = fc.option(fc.tuple(fc.constantFrom('extra', '__proto__[x]', 'limit', 'cursor', 'q'), fc.string({ maxLength: 10 })), { freq: 8, nil: undefined });
    const body: fc.Arbitrary<{ payload: string | undefined; contentType: string | undefined }> = op.body
      ? fc.oneof(
        { arbitrary: this.mutated(op.body).map((v) => ({ payload: JSON.stringify(v) ?? 'null', contentType: 'application/json' })), weight: 20 },
        { arbitrary: fc.constantFrom('', '{', '{"a":', 'null', '[]', '"text"', '12', '{"a":1}{"b":2}', '\u0000', '{"x":1e99999}').map((payload) => ({ payload, contentType: 'application/json' })), weight: 1 },
        { arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'application/json; charset=latin1', 'application/jsonx').map((contentType) => ({ payload: 'a=1', contentType })), weight: 1 },
        { arbitrary: fc.constant({ payload: undefined, contentType: undefined }), weight: 1 },
      )
      : fc.oneof(
        { arbitrary: fc.constant({ payload: undefined, contentType: undefined }), weight: 9 },
        { arbitrary: fc.constant({ payload: '{"unexpected":true}', contentType: 'application/json' }), weight: 1 },
      );
    return fc.record({
      who: fc.constantFrom<FuzzRequest['who']>('admin', 'admin', 'admin', 'admin', 'admin', 'admin', 'member', 'anonymous'),
      parts: fc.tuple(...pathParts),
      query: fc.tuple(...query, extraQuery),
      body,
      address: fc.tuple(fc.nat(255), fc.nat(255)),
    }).map(({ who, parts, query: q, body: b, address }) => {
      const search = new URLSearchParams(q.filter((x): x is readonly [string, string] => x !== undefined).map(([k, v]): [string, string] => [k, v]));
      const qs = search.toString();
      return {
        who, method: op.method, url: `${parts.join('/')}${qs ? `?${qs}` : ''}`, payload: b.payload, contentType: b.contentType,
        remoteAddress: `10.${address[0]}.${address[1]}.9`, operation: `${op.method} ${op.path}`,
      };
    });
  }
}

interface Mutation { kind: 'drop' | 'replace' | 'extra' | 'whole'; at: number; value: unknown; key: string }

/** Every object and array inside a value, the value itself first. */
function containers(value: unknown, out: Array<Record<string, unknown> | unknown[]> = []): Array<Record<string, unknown> | unknown[]> {
  if (value !== null && typeof value === 'object') {
    out.push(value as Record<string, unknown>);
    for (const child of Object.values(value)) containers(child, out);
  }
  return out;
}

function mutate(value: unknown, m: Mutation): unknown {
  const copy = structuredClone(value);
  const targets = containers(copy);
  if (m.kind === 'whole' || targets.length === 0) return m.value;
  const target = targets[m.at % targets.length]!;
  const keys = Object.keys(target);
  const key = keys.length ? keys[m.at % keys.length]! : undefined;
  if (m.kind === 'drop' && key !== undefined) {
    if (Array.isArray(target)) target.splice(Number(key), 1); else delete target[key];
  } else if (m.kind === 'replace' && key !== undefined) {
    (target as Record<string, unknown>)[key] = m.value;
  } else if (Array.isArray(target)) {
    target.push(m.value);
  } else {
    Object.defineProperty(target, m.key, { value: m.value, enumerable: true, configurable: true, writable: true });
  }
  return copy;
}
