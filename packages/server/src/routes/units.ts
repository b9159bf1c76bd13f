// Units of the organisation tree, and a unit's progress for a period.
import { IdParams, page, Unit, UnitAlignment, UnitAlignmentQuery, UnitCreate, UnitPatch, UnitProgress, UnitProgressTreeQuery, UnitQuery, UnitWithAncestors } from '@varde/core';
import { addUnit, changeUnit, readUnit, readUnits } from '../app/units.js';
import { readUnitProgress } from '../app/unitProgress.js';
import { readUnitAlignment } from '../app/unitAlignment.js';
import { actorOf } from '../http/authenticate.js';
import { problems, type RoutePlugin } from './types.js';

export const unitRoutes: RoutePlugin = (app, deps) => {
  app.get('/api/v1/units', { schema: { tags: ['units'], summary: 'The units of the organisation tree (each has parentId), archived ones too (archivedAt set) unless ?archived= chooses', querystring: UnitQuery, response: { 200: page(Unit), ...problems } } },
    async (request) => readUnits(deps, actorOf(request), request.query.limit, request.query.cursor, request.query.archived === undefined ? undefined : request.query.archived === 'true'));
  app.post('/api/v1/units', { schema: { tags: ['units'], summary: 'Add a unit under a parent (admins)', body: UnitCreate, response: { 201: UnitWithAncestors, ...problems } } },
    async (request, reply) => reply.code(201).send(await addUnit(deps, actorOf(request), request.body)));
  app.get('/api/v1/units/:id', { schema: { tags: ['units'], summary: 'One unit, with the units above it (`ancestors`, from the organisation down)', params: IdParams, response: { 200: UnitWithAncestors, ...problems } } },
    async (request) => readUnit(deps, actorOf(request), request.params.id));
  app.patch('/api/v1/units/:id', { schema: { tags: ['units'], summary: 'Rename, move, staff, archive (archived: true) or restore (false) a unit (admins). An archived unit keeps its OKRs read-only (writes answer 409 unit_archived) and is left out of roll-ups and the tree of GET /units/{id}/progress; the organisation cannot be archived (422 cannot_archive_root), nor a unit while units below it are active (409 unit_has_active_children), and a unit is restored only under an active one (409 parent_archived)', params: IdParams, body: UnitPatch, response: { 200: UnitWithAncestors, ...problems } } },
    async (request) => changeUnit(deps, actorOf(request), request.params.id, request.body));
  app.get('/api/v1/units/:id/progress', {
    // With ?depth= the answer can be a tree of thousands of units, built from typed values: the
    // schema documents it, and plain JSON.stringify writes it without a second pass.
    serializerCompiler: () => (data) => JSON.stringify(data),
    schema: {
      tags: ['units'], summary: "The unit's objectives, and the units below it (its children by default; ?depth= for more levels), each with its whole subtree rolled up: progress, expected progress and on-track",
      description: '`depth` is how many levels of units below this one are listed: 0 none, 1 its children (the default), 2 their children too, and so on; a depth at least the tree\'s height lists the whole subtree. Every figure is the roll-up of the whole subtree, whatever the depth. A unit below the depth asked for comes with `children: []` and its `childCount`: ask for that unit\'s progress to list its children. At the default depth of 1 the root of an organisation of 2,000 units answers 17 KiB, against 697 KiB for its whole tree.',
      params: IdParams, querystring: UnitProgressTreeQuery, response: { 200: UnitProgress, ...problems },
    },
  }, async (request) => readUnitProgress(deps, actorOf(request), request.params.id, request.query.period, request.query.depth));
  app.get('/api/v1/units/:id/alignment', { schema: {
    tags: ['units'], summary: 'The alignment between the units right below this one for a cycle: their drafts and published OKRs side by side, what nothing pays into, suggested overlaps and contradiction flags',
    params: IdParams, querystring: UnitAlignmentQuery, response: { 200: UnitAlignment, ...problems } } },
  async (request) => readUnitAlignment(deps, actorOf(request), request.params.id, request.query.period));
};
