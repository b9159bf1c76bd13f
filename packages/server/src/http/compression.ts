// API answers travel compressed. A large organisation's lists and roll-ups are hundreds of KB of
// JSON; on a phone's 1.6 Mbit/s that is seconds, and JSON shrinks to a tenth. Brotli at quality 4
// and gzip at level 6 cost a fraction of a millisecond for a team page's answer, where brotli's
// default (11) would cost more than the page itself. Small answers (a check-in's) go as they are:
// below 1 KB compression saves less than its headers. The web app's files are compressed at build
// time and screens' pages at start, so they are sent as they are (they carry content-encoding).
// The live stream (text/event-stream) is never compressed: a compressor holds what it is given
// until a block fills, and an event must reach the browser the moment it is written.
import zlib from 'node:zlib';
import compress from '@fastify/compress';
import type { FastifyInstance } from 'fastify';

/** @fastify/compress's own default, less the event stream. */
const COMPRESSIBLE = /^text\/|(?:\+|\/)json(?:;|$)|(?:\+|\/)text(?:;|$)|(?:\+|\/)xml(?:;|$)|octet-stream(?:;|$)/;

export async function installCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, {
    global: true,
    threshold: 1024,
    customTypes: (type: string) => !/^text\/event-stream/i.test(type) && COMPRESSIBLE.test(type),
    encodings: ['br', 'gzip'],
    brotliOptions: { params: { [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT, [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
}
