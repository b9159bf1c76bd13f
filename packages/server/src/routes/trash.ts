// The trash: undoing a deletion.
import { Restoration, UndoParams } from '@varde/core';
import { restoreFromTrash } from '../app/trash.js';
import { actorOf } from '../http/authenticate.js';
import { problems, type RoutePlugin } from './types.js';

export const trashRoutes: RoutePlugin = (app, deps) => {
  app.post('/api/v1/trash/:undoId/restore', { schema: {
    tags: ['trash'], summary: 'Undo a deletion: put back what it removed, with the same ids, versions, check-ins and progress',
    description: 'Within 30 days of the deletion, in the same organisation. 404 when the undoId is unknown, already restored or past its window; 409 with code restore_conflict, naming the field (unitId, periodId or objectiveId), when what it belongs to has been deleted since. Links to things deleted since are left out.',
    params: UndoParams, response: { 200: Restoration, ...problems } } },
    async (request) => restoreFromTrash(deps, actorOf(request), request.params.undoId));
};
