// The live stream's input: where a client resumes. The stream itself is EventEntry (event.ts),
// one per server-sent event.
import { z } from 'zod';

/** An event's seq, as the stream sent it in `id:`; the browser sends it back as Last-Event-ID. */
export const LastEventId = z.string().regex(/^\d{1,15}$/, 'must be the id of an event the stream sent (a whole number)').transform(Number);

export const LiveQuery = z.object({
  lastEventId: LastEventId.optional().describe('Where to resume, for a client that cannot send the Last-Event-ID header; the header wins when both are sent'),
}).strict();
export type LiveQuery = z.infer<typeof LiveQuery>;
