// The API speaks JSON only. Bodies are parsed here, and anything a store cannot keep verbatim or
// that could poison prototypes is refused with a problem document naming the field, before any
// schema or use case sees it:
// - `__proto__` keys and `constructor.prototype`, anywhere in the body;
// - bytes that are not UTF-8, NUL characters (PostgreSQL text cannot hold them) and unpaired
//   surrogates (not Unicode: the drivers would silently store U+FFFD instead of what was sent).
// The walk is iterative, so a deeply nested body cannot overflow the stack.
import type { FastifyInstance } from 'fastify';
import type { FieldError } from '@varde/core';
import { AppError } from '../app/errors.js';

interface Node { value: unknown; key: string | number | undefined; parent: Node | undefined }

function pathOf(node: Node): string {
  const parts: Array<string | number> = [];
  for (let at: Node | undefined = node; at && at.key !== undefined; at = at.parent) parts.push(at.key);
  return parts.reverse().join('.');
}

// An unpaired surrogate: a high one not followed by a low one, or a low one not preceded by a high one.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textProblem(text: string): string | undefined {
  if (text.includes('\u0000')) return 'must not contain NUL characters';
  if (LONE_SURROGATE.test(text)) return 'is not valid Unicode text';
  return undefined;
}

/** The first thing in a parsed body that must not go further, if any. */
export function hostileContent(body: unknown): FieldError | undefined {
  const stack: Node[] = [{ value: body, key: undefined, parent: undefined }];
  while (stack.length) {
    const node = stack.pop()!;
    const { value } = node;
    if (typeof value === 'string') {
      const message = textProblem(value);
      if (message) return { field: pathOf(node) || 'body', message, code: 'invalid_text' };
    } else if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) stack.push({ value: value[i], key: i, parent: node });
    } else if (value !== null && typeof value === 'object') {
      const children: Node[] = [];
      for (const key of Object.keys(value)) {
        const child = (value as Record<string, unknown>)[key];
        const here: Node = { value: child, key, parent: node };
        if (key === '__proto__' || (key === 'constructor' && child !== null && typeof child === 'object' && Object.hasOwn(child, 'prototype'))) {
          return { field: pathOf(here), message: 'is a forbidden property name', code: 'forbidden_key' };
        }
        const message = textProblem(key);
        if (message) return { field: pathOf(here), message: `is a property name that ${message}`, code: 'invalid_text' };
        children.push(here);
      }
      // Reversed onto the stack, so problems are found in the order the body lists them.
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return undefined;
}

const badRequest = (detail: string, error: FieldError) => new AppError(400, 'Bad Request', detail, [error]);

export function installJsonBodies(app: FastifyInstance): void {
  // Only JSON: a text/plain or form body answers 415 rather than reaching a schema as a string.
  app.removeAllContentTypeParsers();
  const utf8 = new TextDecoder('utf-8', { fatal: true });
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, bytes, done) => {
    let raw: string;
    try {
      raw = utf8.decode(bytes as Buffer);
    } catch {
      done(badRequest('The body is not valid UTF-8', { field: 'body', message: 'is not valid UTF-8', code: 'invalid_utf8' }), undefined);
      return;
    }
    if (raw.trim() === '') {
      done(badRequest('The body is empty; send a JSON object', { field: 'body', message: 'is empty', code: 'empty_body' }), undefined);
      return;
    }
    let body: unknown;
    try {
      body = JSON.parse(raw);
    } catch (err) {
      const why = err instanceof SyntaxError ? err.message : 'it cannot be parsed';
      done(badRequest(`The body is not valid JSON: ${why}`, { field: 'body', message: 'is not valid JSON', code: 'invalid_json' }), undefined);
      return;
    }
    const problem = hostileContent(body);
    if (problem) {
      done(badRequest(`${problem.field} ${problem.message}`, problem), undefined);
      return;
    }
    done(null, body);
  });
}
