import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { visualizer } from 'rollup-plugin-visualizer';

// `npm run analyze` draws where the weight is: every chunk's packages and modules by gzipped and
// brotli size, in bundle-stats.html (git-ignored).
const analyze = process.env.ANALYZE === '1'
  ? [visualizer({ filename: 'bundle-stats.html', template: 'treemap', gzipSize: true, brotliSize: true })]
  : [];

export default defineConfig({
  plugins: [react(), ...analyze],
  // The manifest tells the server which chunks each screen needs, so its first answer preloads them.
  build: {
    outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 400, manifest: true,
    rolldownOptions: {
      output: {
        // What every screen runs first, in one file rather than the eight small pieces the splitter
        // cut it into: on a phone each further request waits for a free connection (six per host).
        codeSplitting: { groups: [{ name: 'framework', test: /node_modules[\\/](react|react-dom|scheduler|@tanstack|i18next|react-i18next|wouter)[\\/]/ }] },
        // A language's texts are named for it, so the app can tell which the server's answer
        // preloads (src/i18n/index.ts, preloadedLanguage).
        chunkFileNames: (chunk) => (/[\\/]src[\\/]i18n[\\/](nb|sv|en)\.json$/.test(chunk.facadeModuleId ?? '') ? 'assets/texts-[name]-[hash].js' : 'assets/[name]-[hash].js'),
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
