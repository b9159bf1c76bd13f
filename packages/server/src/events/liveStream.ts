// The live stream's processor: every open GET /api/v1/live of this instance is a stream here.
// Streams of one organisation share a channel, and the channel reads the events table once for
// each notification (whichever instance wrote) and hands the same rows, framed once, to each of
// its streams: 500 open tabs cost one query per change, not 500. A stream that resumes
// (Last-Event-ID) first reads what it missed from the table itself, holding what the channel
// hands it meanwhile; seqs are gapless and commit in order, so the two meet without a gap and a
// stream's cursor drops what it already sent.
// A component of the composition root: started with the event feed, closed before the HTTP
// server closes (which would otherwise wait for the open answers), stopped after it.
import { mayReadEvent, type EventEntry } from '@varde/core';
import type { Clock, SecuritySettings } from '../app/context.js';
import type { Store } from '../store/database.js';
import { lastSeq, listEvents } from '../store/events.js';
import { openSessionsAmong } from '../store/people.js';
import type { EventFeed } from './eventFeed.js';

export interface LiveSettings {
  /** How often each stream gets a comment that keeps proxies from closing an idle connection;
   *  the streams' sessions are looked at on the same beat. */
  heartbeatMs: number;
  /** A client this far behind (bytes written and not yet taken by the socket) is cut off: it
   *  comes back with Last-Event-ID and reads what it missed from the table, at its own pace. */
  maxBufferedBytes: number;
}
export const defaultLiveSettings: LiveSettings = { heartbeatMs: 15_000, maxBufferedBytes: 1024 * 1024 };

/** Who a stream is for; the session is looked at on each heartbeat, and the stream ends with it. */
export interface LiveViewer { orgId: string; personId: string; isAdmin: boolean; sessionId: string }

/** An open answer, as the HTTP layer gives it. */
export interface LiveConnection {
  /** Sends a piece of the stream; answers how many bytes are waiting to reach the client. */
  write(text: string): number;
  /** Resolves when what waits has gone out (or the client went away). */
  drained(): Promise<void>;
  end(): void;
}

/** Events read per query, by a channel or by a stream catching up. */
const PAGE = 500;
/** Events a stream holds while it reads its backlog; past this it is cut off and resumes later. */
const MAX_HELD = 10_000;
/** How long a browser waits before it reconnects after the stream ended. */
export const RETRY_MS = 2_000;

/** Server-sent events framing: the seq as the id, the type as the event's name, the entry as data
 *  (JSON on one line: JSON.stringify escapes line breaks inside strings). */
export const eventFrame = (e: EventEntry): string => `id: ${e.seq}\nevent: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`;
/** What a stream says before it ends because its session did: the client then stops reconnecting. */
export const SIGNED_OUT_FRAME = 'event: signedOut\ndata: {}\n\n';
export const HEARTBEAT_FRAME = ': heartbeat\n\n';

interface Delivery { entry: EventEntry; frame: string }
const deliveryOf = (entry: EventEntry): Delivery => ({ entry, frame: eventFrame(entry) });

class Stream {
  /** The last seq this stream has passed, sent or (not the viewer's to read) skipped. */
  cursor = 0;
  /** What the channel handed over while the stream read its backlog; null once it is live. */
  held: Delivery[] | null = [];
  closed = false;
  constructor(public viewer: LiveViewer, readonly connection: LiveConnection, readonly channel: Channel) {}
}

class Channel {
  readonly streams = new Set<Stream>();
  /** The last seq read and handed to the streams; undefined until the organisation's end is known. */
  delivered: number | undefined;
  /** The highest seq a notification told of. */
  announced = 0;
  /** Notifications may have been lost: look for rows even without one. */
  probe = false;
  reading = false;
  sessionCheckDue = false;
  ready!: Promise<void>;
  constructor(readonly orgId: string) {}
}

export class LiveStreams {
  private readonly channels = new Map<string, Channel>();
  private readonly settings: LiveSettings;
  private readonly work = new Set<Promise<unknown>>();
  private heartbeat: NodeJS.Timeout | undefined;
  private unsubscribe: (() => void) | undefined;
  private accepting = false;
  /** Reads of the events table: for the streams of a channel (one per notification, or fewer), and
   *  for streams catching up after their Last-Event-ID. */
  readonly reads = { channels: 0, backlogs: 0 };
  /** Told of a failed read; the streams it concerned are ended and their clients come back. */
  reportError: (error: unknown) => void = () => {};

  constructor(private readonly store: Store, private readonly clock: Clock, private readonly security: Pick<SecuritySettings, 'sessionIdleSeconds'>,
    private readonly feed: EventFeed, settings: Partial<LiveSettings> = {}) {
    this.settings = { ...defaultLiveSettings, ...settings };
  }

  start(): void {
    if (this.unsubscribe) return;
    this.unsubscribe = this.feed.subscribe((orgId, seq) => this.announce(orgId, seq), () => this.resync());
    this.heartbeat = setInterval(() => this.beat(), this.settings.heartbeatMs);
    this.heartbeat.unref();
    this.accepting = true;
  }

  /** Whether a new stream may open: not before start, nor once the server is closing. */
  get open(): boolean { return this.accepting; }

  /** How many streams are open on this instance. */
  get size(): number {
    let n = 0;
    for (const ch of this.channels.values()) n += ch.streams.size;
    return n;
  }

  /** Ends every stream and opens no more: the browsers reconnect, to another instance or to this
   *  one once it is back, and resume from their Last-Event-ID. */
  close(): void {
    this.accepting = false;
    for (const ch of [...this.channels.values()]) for (const s of [...ch.streams]) this.end(s);
  }

  /** After the HTTP server closed: no more notifications, and the reads under way finish before the store closes. */
  async stop(): Promise<void> {
    this.close();
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    while (this.work.size) await Promise.allSettled([...this.work]);
  }

  /** Opens a stream: the events after `after` (a Last-Event-ID) first, from the table, then the
   *  live ones; without `after`, from the organisation's current end. Answers the function to call
   *  when the client has gone. */
  add(viewer: LiveViewer, after: number | undefined, connection: LiveConnection): () => void {
    const fresh = !this.channels.has(viewer.orgId);
    const channel = this.channelOf(viewer.orgId);
    const stream = new Stream(viewer, connection, channel);
    channel.streams.add(stream);
    // Sent at once: the client learns the stream is open before any event comes.
    connection.write(`retry: ${RETRY_MS}\n\n`);
    this.track(this.begin(stream, after, fresh));
    return () => this.remove(stream);
  }

  private channelOf(orgId: string): Channel {
    const existing = this.channels.get(orgId);
    if (existing) return existing;
    const channel = new Channel(orgId);
    channel.ready = lastSeq(this.store.db, orgId).then((seq) => {
      channel.delivered = seq;
      this.read(channel);
    });
    // A failure reaches each stream through begin(); the next stream tries afresh.
    channel.ready.catch(() => { if (this.channels.get(orgId) === channel) this.channels.delete(orgId); });
    this.channels.set(orgId, channel);
    return channel;
  }

  /** `fresh`: the stream made its channel, whose end was read for it. */
  private async begin(stream: Stream, after: number | undefined, fresh: boolean): Promise<void> {
    const channel = stream.channel;
    try {
      await channel.ready;
      const delivered = channel.delivered!;
      // The organisation's end as it is now: the channel's may lag behind by a notification on its way.
      const end = () => (fresh ? Promise.resolve(delivered) : lastSeq(this.store.db, channel.orgId));
      // Ahead of this instance: another instance may have read further, or the id is from another
      // database altogether (restored from a backup), in which case the stream starts at the end.
      const from = after === undefined ? await end() : after > delivered ? Math.min(after, await end()) : after;
      stream.cursor = from;
      while (!stream.closed && stream.cursor < delivered) {
        const page = await listEvents(this.store.db, channel.orgId, { afterSeq: stream.cursor }, PAGE);
        this.reads.backlogs++;
        if (stream.closed || page.length === 0) break;
        if (this.deliver(stream, page.map(deliveryOf)) > this.settings.maxBufferedBytes / 2) await stream.connection.drained();
      }
      if (stream.closed) return;
      const held = stream.held!;
      stream.held = null;
      this.deliver(stream, held);
      // An id without data sets where the browser resumes, even when nothing since was the viewer's to read.
      if (!stream.closed) stream.connection.write(`id: ${stream.cursor}\n\n`);
    } catch (error) {
      this.reportError(error);
      this.end(stream);
    }
  }

  /** Sends the stream what it has not passed yet and may read; answers the bytes waiting. */
  private deliver(stream: Stream, deliveries: readonly Delivery[]): number {
    let waiting = 0;
    for (const d of deliveries) {
      if (stream.closed) return 0;
      if (d.entry.seq <= stream.cursor) continue;
      stream.cursor = d.entry.seq;
      if (mayReadEvent(stream.viewer, d.entry)) waiting = stream.connection.write(d.frame);
    }
    return waiting;
  }

  private announce(orgId: string, seq: number): void {
    const channel = this.channels.get(orgId);
    if (!channel) return;
    channel.announced = Math.max(channel.announced, seq);
    this.read(channel);
  }

  private resync(): void {
    for (const channel of this.channels.values()) {
      channel.probe = true;
      this.read(channel);
    }
  }

  /** Reads what was announced, once, however many notifications came meanwhile. */
  private read(channel: Channel): void {
    if (channel.reading || channel.delivered === undefined) return;
    channel.reading = true;
    this.track((async () => {
      let emptyReads = 0;
      try {
        while (channel.streams.size > 0 && (channel.probe || channel.delivered! < channel.announced)) {
          const probing = channel.probe;
          channel.probe = false;
          const page = await listEvents(this.store.db, channel.orgId, { afterSeq: channel.delivered }, PAGE);
          this.reads.channels++;
          if (page.length > 0) {
            emptyReads = 0;
            channel.delivered = page[page.length - 1]!.seq;
            this.fanOut(channel, page);
            continue;
          }
          if (probing && channel.delivered! >= channel.announced) break;
          // Announced but not there yet: the notification outran what this connection sees. A few
          // short waits, then the announcement is taken for wrong (the next one reads again).
          if (++emptyReads > 3) { channel.announced = channel.delivered!; break; }
          await new Promise((resolve) => setTimeout(resolve, 20 * emptyReads));
        }
      } catch (error) {
        this.reportError(error);
        for (const s of [...channel.streams]) this.end(s);
      } finally {
        channel.reading = false;
        this.release(channel);
      }
    })());
  }

  private fanOut(channel: Channel, entries: readonly EventEntry[]): void {
    const deliveries = entries.map(deliveryOf);
    for (const stream of [...channel.streams]) {
      if (stream.held) {
        stream.held.push(...deliveries);
        if (stream.held.length > MAX_HELD) this.end(stream);
      } else if (this.deliver(stream, deliveries) > this.settings.maxBufferedBytes) {
        this.end(stream);
      }
    }
    // A sign-out, a deactivation or a changed role: the streams' sessions are looked at now
    // rather than at the next heartbeat.
    if (entries.some((e) => e.subject.kind === 'session' || e.subject.kind === 'person')) this.checkSessionsSoon(channel);
  }

  private beat(): void {
    const streams: Stream[] = [];
    for (const channel of this.channels.values()) {
      for (const stream of [...channel.streams]) {
        streams.push(stream);
        if (stream.connection.write(HEARTBEAT_FRAME) > this.settings.maxBufferedBytes) this.end(stream);
      }
    }
    this.track(this.checkSessions(streams.filter((s) => !s.closed)));
  }

  private checkSessionsSoon(channel: Channel): void {
    if (channel.sessionCheckDue) return;
    channel.sessionCheckDue = true;
    setImmediate(() => {
      channel.sessionCheckDue = false;
      this.track(this.checkSessions([...channel.streams]));
    });
  }

  /** Ends the streams whose sessions have ended; the others see with their person's role as it is now.
   *  Looking does not count as using the session: an open tab alone does not keep it from going idle. */
  private async checkSessions(streams: Stream[]): Promise<void> {
    if (streams.length === 0) return;
    const now = this.clock.now().getTime();
    try {
      const open = await openSessionsAmong(this.store.db, [...new Set(streams.map((s) => s.viewer.sessionId))],
        new Date(now).toISOString(), new Date(now - this.security.sessionIdleSeconds * 1000).toISOString());
      for (const stream of streams) {
        const principal = open.get(stream.viewer.sessionId);
        if (!principal || principal.orgId !== stream.viewer.orgId) this.end(stream, SIGNED_OUT_FRAME);
        else stream.viewer = { ...stream.viewer, isAdmin: principal.isAdmin };
      }
    } catch (error) {
      // The next heartbeat looks again.
      this.reportError(error);
    }
  }

  private end(stream: Stream, farewell?: string): void {
    if (stream.closed) return;
    if (farewell) stream.connection.write(farewell);
    this.remove(stream);
    stream.connection.end();
  }

  private remove(stream: Stream): void {
    stream.closed = true;
    stream.held = null;
    stream.channel.streams.delete(stream);
    this.release(stream.channel);
  }

  /** A channel without streams is forgotten; the next stream of its organisation starts it afresh. */
  private release(channel: Channel): void {
    if (channel.streams.size === 0 && !channel.reading && this.channels.get(channel.orgId) === channel) this.channels.delete(channel.orgId);
  }

  private track(work: Promise<void>): void {
    const settled = work.catch(() => undefined).finally(() => this.work.delete(settled));
    this.work.add(settled);
  }
}
