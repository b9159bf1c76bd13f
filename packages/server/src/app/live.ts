// Opening the live stream: a signed-in person follows their organisation's events as they happen
// (only those they may read, events/liveStream.ts), for as long as their session lasts.
import type { Actor, Deps } from './context.js';
import { sessionId } from '../auth/sessionTokens.js';
import type { LiveConnection } from '../events/liveStream.js';
import { AppError } from './errors.js';

/** Starts the stream on `connection`, after seq `after` when the client resumes; answers what to
 *  call once the client has gone. */
export function openLiveStream(deps: Deps, actor: Actor, sessionToken: string, after: number | undefined, connection: LiveConnection): () => void {
  if (!deps.live.open) throw new AppError(503, 'Service Unavailable', 'Varde is shutting down; reconnect in a moment');
  return deps.live.add({ orgId: actor.orgId, personId: actor.personId, isAdmin: actor.isAdmin, sessionId: sessionId(sessionToken) }, after, connection);
}
