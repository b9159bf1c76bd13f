// A client of GET /api/v1/live on a real socket that reads the server-sent events as a browser's
// EventSource does (id, event, data; comments and retry apart), noting when each arrived: for the
// API tests and the bench (which imports it from dist/).
import http from 'node:http';
import { performance } from 'node:perf_hooks';

export interface LiveMessage {
  /** The id line of the message, if it had one. */
  id: string | undefined;
  event: string;
  data: string;
  /** performance.now() when its last byte arrived. */
  at: number;
}

export interface LiveOptions {
  cookie: string;
  /** Sent as the Last-Event-ID header. */
  lastEventId?: string;
  /** Added to the URL, e.g. '?lastEventId=4'. */
  query?: string;
  headers?: Record<string, string>;
}

export class LiveClient {
  /** Messages with data, in the order they came. */
  readonly messages: LiveMessage[] = [];
  /** Messages with an id and no data: where the browser would resume. */
  readonly ids: string[] = [];
  comments = 0;
  retry: number | undefined;
  readonly ended: Promise<void>;
  private buffer = '';
  private waiters: Array<() => void> = [];
  private endedNow = false;

  private constructor(readonly status: number, readonly headers: http.IncomingHttpHeaders, private readonly response: http.IncomingMessage, private readonly request: http.ClientRequest) {
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => this.take(chunk));
    this.ended = new Promise((resolve) => {
      const done = () => { this.endedNow = true; this.wake(); resolve(); };
      response.once('end', done);
      response.once('close', done);
      response.once('error', done);
    });
  }

  static open(base: string, options: LiveOptions): Promise<LiveClient> {
    const headers: Record<string, string> = { accept: 'text/event-stream', cookie: options.cookie, ...options.headers };
    if (options.lastEventId !== undefined) headers['last-event-id'] = options.lastEventId;
    return new Promise((resolve, reject) => {
      const request = http.get(`${base}/api/v1/live${options.query ?? ''}`, { headers, agent: false }, (res) => resolve(new LiveClient(res.statusCode ?? 0, res.headers, res, request)));
      request.on('error', reject);
    });
  }

  /** The body of an answer that is not a stream (a refusal), read to its end. */
  async text(): Promise<string> {
    await this.ended;
    return this.buffer;
  }

  get isEnded(): boolean { return this.endedNow; }

  /** The events with a given name. */
  named(event: string): LiveMessage[] { return this.messages.filter((m) => m.event === event); }

  /** Resolves once `ready()` holds, checked on each message; rejects after `timeoutMs`. */
  async until<T>(ready: () => T | undefined | false, timeoutMs = 2000, what = 'the awaited events'): Promise<T> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const value = ready();
      if (value) return value;
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`${what} did not arrive within ${timeoutMs} ms (got ${this.messages.map((m) => `${m.id}:${m.event}`).join(', ') || 'nothing'})`);
      if (this.endedNow) throw new Error(`the stream ended before ${what} arrived`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => { clearTimeout(timer); resolve(); });
      });
    }
  }

  close(): void {
    this.request.destroy();
    this.response.destroy();
  }

  private take(chunk: string): void {
    this.buffer += chunk;
    if (this.status !== 200) return;
    const at = performance.now();
    let end: number;
    while ((end = this.buffer.indexOf('\n\n')) >= 0) {
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.parse(block, at);
    }
    this.wake();
  }

  private parse(block: string, at: number): void {
    let id: string | undefined;
    let event = 'message';
    const data: string[] = [];
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) { this.comments++; continue; }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'id') id = value;
      else if (field === 'event') event = value;
      else if (field === 'data') data.push(value);
      else if (field === 'retry') this.retry = Number(value);
    }
    if (data.length) this.messages.push({ id, event, data: data.join('\n'), at });
    else if (id !== undefined) this.ids.push(id);
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }
}
