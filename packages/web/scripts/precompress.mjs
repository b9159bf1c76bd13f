// Writes .br and .gz beside every built script, style and page, so the server sends them
// compressed without spending CPU on it per request (@fastify/static's preCompressed).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
let raw = 0;
let gz = 0;
for (const file of fs.readdirSync(dist, { recursive: true, encoding: 'utf8' })) {
  if (!/\.(js|css|html|svg|json)$/.test(file)) continue;
  const full = path.join(dist, file);
  const data = fs.readFileSync(full);
  const gzip = zlib.gzipSync(data, { level: 9 });
  fs.writeFileSync(`${full}.gz`, gzip);
  fs.writeFileSync(`${full}.br`, zlib.brotliCompressSync(data, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }));
  raw += data.length;
  gz += gzip.length;
}
console.log(`precompressed ${(raw / 1024).toFixed(0)} KiB → ${(gz / 1024).toFixed(0)} KiB gzip`);
