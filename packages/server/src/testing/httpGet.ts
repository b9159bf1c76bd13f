// A GET on a real socket that keeps the body as sent and as decoded, so that a test sees the
// encoding itself (brotli, gzip or none), which app.inject would hide.
import http from 'node:http';
import zlib from 'node:zlib';

export interface Answer { status: number; headers: http.IncomingHttpHeaders; raw: Buffer; text: string }

export function httpGet(base: string, url: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http.get(`${base}${url}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        const decoded = encoding === 'br' ? zlib.brotliDecompressSync(raw) : encoding === 'gzip' ? zlib.gunzipSync(raw) : raw;
        resolve({ status: res.statusCode!, headers: res.headers, raw, text: decoded.toString('utf8') });
      });
    }).on('error', reject);
  });
}
