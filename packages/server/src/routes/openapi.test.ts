// The API describes itself: an OpenAPI 3.1 document generated from the same zod schemas that
// validate requests, and a readable docs page, both without a session.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileErrors, validate } from '@readme/openapi-parser';
import { startTestApp, type TestApp } from '../testing/testApp.js';

describe('OpenAPI', () => {
  let t: TestApp;
  beforeAll(async () => { t = await startTestApp('sqlite'); });
  afterAll(async () => { await t?.close(); });

  it('serves a 3.1 document with every resource', async () => {
    const res = await t.anonymous.get('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    const paths = Object.keys(res.body.paths);
    for (const path of ['/api/v1/health', '/api/v1/organisation', '/api/v1/units', '/api/v1/units/{id}', '/api/v1/periods',
      '/api/v1/objectives', '/api/v1/objectives/{id}', '/api/v1/key-results', '/api/v1/key-results/{id}',
      '/api/v1/key-results/{id}/check-ins', '/api/v1/initiatives', '/api/v1/initiatives/{id}', '/api/v1/units/{id}/progress',
      '/api/v1/auth/login', '/api/v1/auth/logout', '/api/v1/me', '/api/v1/setup']) {
      expect(paths).toContain(path);
    }
    const checkIn = res.body.paths['/api/v1/key-results/{id}/check-ins'].post.requestBody.content['application/json'].schema;
    expect(checkIn.required).toEqual(expect.arrayContaining(['value', 'confidence']));
    expect(checkIn.properties.confidence).toMatchObject({ minimum: 1, maximum: 10 });
  });

  it('is a valid OpenAPI 3.1 document, every reference resolving', async () => {
    const res = await t.anonymous.get('/api/v1/openapi.json');
    const result = await validate(structuredClone(res.body));
    expect(result.valid, result.valid ? '' : compileErrors(result)).toBe(true);
    const refs = [...JSON.stringify(res.body).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    expect(refs.length).toBeGreaterThan(0);
    for (const name of new Set(refs)) expect(Object.keys(res.body.components.schemas), name).toContain(name);
    // The unit tree refers to itself through a named component.
    const progress = res.body.paths['/api/v1/units/{id}/progress'].get.responses['200'].content['application/json'].schema;
    expect(progress.properties.children.items).toEqual({ $ref: '#/components/schemas/UnitProgressNode' });
  });

  it('serves a docs page', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
  });
});
