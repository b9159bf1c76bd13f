// Key results and their check-ins, and correcting a check-in.
import { z } from 'zod';
import { CheckIn, CheckInInput, CheckInPatch, Deletion, DeletionImpact, IdParams, KeyResult, KeyResultCreate, KeyResultPatch, ListQuery, page } from '@varde/core';
import { addKeyResult, changeKeyResult, readKeyResult } from '../app/keyResults.js';
import { keyResultDeletionImpact, trashKeyResult } from '../app/trash.js';
import { checkIn, readCheckIns } from '../app/checkIn.js';
import { editCheckIn, removeCheckIn } from '../app/checkInEdits.js';
import { actorOf } from '../http/authenticate.js';
import { problems, type RoutePlugin } from './types.js';

export const keyResultRoutes: RoutePlugin = (app, deps) => {
  app.post('/api/v1/key-results', { schema: { tags: ['key results'], summary: 'Add a key result to an objective', body: KeyResultCreate, response: { 201: KeyResult, ...problems } } },
    async (request, reply) => reply.code(201).send(await addKeyResult(deps, actorOf(request), request.body)));
  app.get('/api/v1/key-results/:id', { schema: { tags: ['key results'], summary: 'A key result with its progress and forecast', params: IdParams, response: { 200: KeyResult, ...problems } } },
    async (request) => readKeyResult(deps, actorOf(request), request.params.id));
  app.patch('/api/v1/key-results/:id', { schema: { tags: ['key results'], params: IdParams, body: KeyResultPatch, response: { 200: KeyResult, ...problems } } },
    async (request) => changeKeyResult(deps, actorOf(request), request.params.id, request.body));
  app.delete('/api/v1/key-results/:id', { schema: {
    tags: ['key results'], summary: 'Delete a key result with its check-ins and links, into the trash; its objective\'s progress is worked out again',
    description: 'Answers the undoId that POST /api/v1/trash/{undoId}/restore takes to put it all back, until restorableUntil.',
    params: IdParams, response: { 200: Deletion, ...problems } } },
    async (request) => trashKeyResult(deps, actorOf(request), request.params.id));
  app.get('/api/v1/key-results/:id/deletion', { schema: { tags: ['key results'], summary: 'What deleting the key result would take with it, for a confirmation', params: IdParams, response: { 200: DeletionImpact, ...problems } } },
    async (request) => keyResultDeletionImpact(deps, actorOf(request), request.params.id));
  app.get('/api/v1/key-results/:id/check-ins', { schema: { tags: ['check-ins'], summary: 'Check-ins, newest first', params: IdParams, querystring: ListQuery, response: { 200: page(CheckIn), ...problems } } },
    async (request) => readCheckIns(deps, actorOf(request), request.params.id, request.query.limit, request.query.cursor));
  app.post('/api/v1/key-results/:id/check-ins', {
    // The busiest write: the answer is built from typed values, so plain JSON.stringify writes it
    // without the zod encoding pass; the schema still documents it.
    serializerCompiler: () => (data) => JSON.stringify(data),
    schema: { tags: ['check-ins'], summary: 'Check in: a new value with confidence, comment and blockers', params: IdParams, body: CheckInInput, response: { 201: CheckIn, ...problems } } },
    async (request, reply) => reply.code(201).send(await checkIn(deps, actorOf(request), request.params.id, request.body)));
  app.patch('/api/v1/check-ins/:id', { schema: { tags: ['check-ins'], summary: "Correct a check-in: its author on the day it was made, the key result's owner or an admin later; the key result's current value follows its newest check-in", params: IdParams, body: CheckInPatch, response: { 200: CheckIn, ...problems } } },
    async (request) => editCheckIn(deps, actorOf(request), request.params.id, request.body));
  app.delete('/api/v1/check-ins/:id', { schema: { tags: ['check-ins'], summary: "Remove a check-in (who may: as for editing); the key result's current value becomes its newest remaining check-in's", params: IdParams, response: { 204: z.undefined(), ...problems } } },
    async (request, reply) => { await removeCheckIn(deps, actorOf(request), request.params.id); return reply.code(204).send(); });
};
