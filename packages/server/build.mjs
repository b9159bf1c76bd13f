// Bundles the server for production (`npm run build`, after `tsc -b` has type-checked and emitted
// dist/**): dist/main.js, one ES module with everything a start needs, replaces tsc's dist/main.js.
// Node then reads and compiles one file instead of resolving and loading some 900 modules, which
// roughly halves the time from `node packages/server/dist/main.js` to the first answer. Code behind a
// dynamic import() that a start may not need (the PostgreSQL driver on SQLite, ...) goes into
// dist/chunks/*.js, loaded only when imported. The rest of tsc's output stays for code that imports
// modules one by one (the benchmark, tools); everything that spawns dist/main.js gets the bundle.
//
// Stack traces: the bundle is not minified, so function names and lines stay readable and each
// module's code is headed by its source path; dist/main.js.map maps back to src/*.ts, applied by
// `node --enable-source-maps` (as `npm start` runs it).
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { build } from 'esbuild';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const require = createRequire(import.meta.url);

// @fastify/swagger-ui serves swagger-ui's files from its package directory, which it finds through
// __dirname; bundled, its code no longer lives there. Give each of its modules the __dirname it had,
// found at run time the way Node finds the externals (better-sqlite3): from node_modules.
const swaggerUiRoot = path.dirname(require.resolve('@fastify/swagger-ui/package.json'));
const packageDirname = {
  name: 'swagger-ui-dirname',
  setup(b) {
    b.onLoad({ filter: /[\\/]@fastify[\\/]swagger-ui[\\/].*\.js$/ }, async (args) => {
      const sub = path.relative(swaggerUiRoot, path.dirname(args.path)).split(path.sep).join('/');
      if (sub.startsWith('..')) return undefined;
      const dirname = `require('node:path').join(require('node:path').dirname(require.resolve('@fastify/swagger-ui/package.json')), ${JSON.stringify(sub)})`;
      // On the module's first line, so that the source map's line numbers stay right.
      return { contents: `var __dirname = ${dirname}; ${await fs.readFile(args.path, 'utf8')}`, loader: 'js' };
    });
  },
};

await fs.rm(here('./dist/chunks'), { recursive: true, force: true });
await build({
  entryPoints: { main: here('./src/main.ts') },
  outdir: here('./dist'),
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'linked',
  sourcesContent: false,
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [packageDirname],
  external: [
    // Native addons: each finds its compiled .node binary from its own package directory.
    'better-sqlite3',
    '@node-rs/argon2',
    // pg's optional alternatives, required only when asked for (pg.native) or on Cloudflare.
    'pg-native',
    'pg-cloudflare',
  ],
  // The bundled CommonJS packages (fastify, pino, pg, ...) call require() for Node's built-ins.
  banner: { js: "import { createRequire as __vardeCreateRequire } from 'node:module';\nconst require = __vardeCreateRequire(import.meta.url);" },
});
