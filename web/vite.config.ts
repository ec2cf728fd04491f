// Builds the dashboard into web/dist: index.html plus hashed files under /assets/, served by
// `ledgerline serve` at `/` under a strict CSP (no inline script or style, no eval).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    // The polyfill would be an inline script, which the CSP (script-src 'self') refuses.
    modulePreload: { polyfill: false },
    // Every asset stays a file under /assets/ rather than a data: URL inside the scripts.
    assetsInlineLimit: 0,
    sourcemap: false,
    // ECharts alone is ~600 kB before gzip; it lives in its own chunk.
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // Vendor code changes less often than ours: separate files stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'charts', test: /node_modules[\\/](echarts|zrender)[\\/]/ },
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    // `npx vite --config web/vite.config.ts` next to `ledgerline serve` on its default port: the
    // API (and the session cookie) then look same-origin to the browser, as in production.
    proxy: { '/api': { target: 'http://127.0.0.1:8400' } },
  },
});
