// Units of the organisation tree, and a unit's progress for a period.
import { IdParams, ListQuery, page, Unit, UnitCreate, UnitPatch, UnitProgress, UnitProgressQuery } from '@varde/core';
import { addUnit, changeUnit, readUnit, readUnits } from '../app/units.js';
import { readUnitProgress } from '../app/unitProgress.js';
import { actorOf } from '../http/authenticate.js';
import { problems, type RoutePlugin } from './types.js';

export const unitRoutes: RoutePlugin = (app, deps) => {
  app.get('/api/v1/units', { schema: { tags: ['units'], summary: 'The units of the organisation tree (each has parentId), archived ones too (archivedAt set)', querystring: ListQuery, response: { 200: page(Unit), ...problems } } },
    async (request) => readUnits(deps, actorOf(request), request.query.limit, request.query.cursor));
  app.post('/api/v1/units', { schema: { tags: ['units'], summary: 'Add a unit under a parent (admins)', body: UnitCreate, response: { 201: Unit, ...problems } } },
    async (request, reply) => reply.code(201).send(await addUnit(deps, actorOf(request), request.body)));
  app.get('/api/v1/units/:id', { schema: { tags: ['units'], params: IdParams, response: { 200: Unit, ...problems } } },
    async (request) => readUnit(deps, actorOf(request), request.params.id));
  app.patch('/api/v1/units/:id', { schema: { tags: ['units'], summary: 'Rename, move, staff, archive (archived: true) or restore (false) a unit (admins). An archived unit keeps its OKRs read-only (writes answer 409 unit_archived) and is left out of roll-ups and the tree of GET /units/{id}/progress; the organisation cannot be archived (422 cannot_archive_root), nor a unit while units below it are active (409 unit_has_active_children), and a unit is restored only under an active one (409 parent_archived)', params: IdParams, body: UnitPatch, response: { 200: Unit, ...problems } } },
    async (request) => changeUnit(deps, actorOf(request), request.params.id, request.body));
  app.get('/api/v1/units/:id/progress', {
    // The answer for the root of a large organisation is a tree of thousands of units, built from
    // typed values: the schema documents it, and plain JSON.stringify writes it without a second pass.
    serializerCompiler: () => (data) => JSON.stringify(data),
    schema: { tags: ['units'], summary: "The unit's objectives and its subtree rolled up, with progress, expected progress and on-track", params: IdParams, querystring: UnitProgressQuery, response: { 200: UnitProgress, ...problems } },
  }, async (request) => readUnitProgress(deps, actorOf(request), request.params.id, request.query.period));
};
