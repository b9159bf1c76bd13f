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
  build: { outDir: 'dist', sourcemap: true, chunkSizeWarningLimit: 400 },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
