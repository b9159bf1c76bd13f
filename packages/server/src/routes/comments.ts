// Comment threads on objectives and key results.
import { z } from 'zod';
import { Comment, CommentCreate, CommentPatch, CommentQuery, IdParams, page } from '@varde/core';
import { addComment, changeComment, readComments, removeComment } from '../app/comments.js';
import { actorOf } from '../http/authenticate.js';
import { problems, type RoutePlugin } from './types.js';

const MENTIONS = 'Write @ and a person\'s whole name to mention them ("@Kari Nordmann"); the mention is kept as their id and shown with the name they have now.';

export const commentRoutes: RoutePlugin = (app, deps) => {
  for (const [path, kind, what] of [['objectives', 'objectiveId', 'an objective'], ['key-results', 'keyResultId', 'a key result']] as const) {
    app.get(`/api/v1/${path}/:id/comments`, { schema: { tags: ['comments'], summary: `The comment thread of ${what}, oldest first`, params: IdParams, querystring: CommentQuery, response: { 200: page(Comment), ...problems } } },
      async (request) => readComments(deps, actorOf(request), { [kind]: request.params.id } as { objectiveId: string } | { keyResultId: string }, request.query.limit, request.query.cursor));
    app.post(`/api/v1/${path}/:id/comments`, { schema: { tags: ['comments'], summary: `Comment on ${what} (anyone in the organisation)`, description: MENTIONS, params: IdParams, body: CommentCreate, response: { 201: Comment, ...problems } } },
      async (request, reply) => reply.code(201).send(await addComment(deps, actorOf(request), { [kind]: request.params.id } as { objectiveId: string } | { keyResultId: string }, request.body)));
  }
  app.patch('/api/v1/comments/:id', { schema: { tags: ['comments'], summary: 'Change a comment (its author)', description: MENTIONS, params: IdParams, body: CommentPatch, response: { 200: Comment, ...problems } } },
    async (request) => changeComment(deps, actorOf(request), request.params.id, request.body));
  app.delete('/api/v1/comments/:id', { schema: { tags: ['comments'], summary: 'Delete a comment (its author or an admin)', params: IdParams, response: { 204: z.undefined(), ...problems } } },
    async (request, reply) => { await removeComment(deps, actorOf(request), request.params.id); return reply.code(204).send(); });
};
