import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { chunkPackages } from './build/chunk-packages.js';
import { PHONE_CHUNK, phonePreload } from './build/phone-preload.js';
import { serviceWorker } from './build/service-worker.js';

const webRoot = new URL('.', import.meta.url).pathname;

/**
 * Writes `.br` and `.gz` beside every built text asset: the API serves them
 * with @fastify/static's `preCompressed` (a cheap phone downloads ~30 % of
 * the bytes, and the server compresses nothing per request).
 */
function precompress(): Plugin {
  return {
    name: 'campus-precompress',
    apply: 'build',
    writeBundle(options) {
      const dir = options.dir ?? path.join(webRoot, 'dist');
      const walk = (folder: string): string[] =>
        fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(folder, entry.name)) : [path.join(folder, entry.name)]));
      for (const file of walk(dir)) {
        if (!/\.(js|css|html|svg|json|webmanifest)$/.test(file)) continue;
        const content = fs.readFileSync(file);
        if (content.length < 1024) continue;
        fs.writeFileSync(`${file}.gz`, zlib.gzipSync(content, { level: 9 }));
        fs.writeFileSync(`${file}.br`, zlib.brotliCompressSync(content, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 9 } }));
      }
    },
  };
}

// The API serves apps/web/dist in production; in development Vite proxies /api
// to the API on port 3000 without rewriting the Host header, so the API's
// same-origin check on writes sees the page's own origin.
export default defineConfig({
  root: webRoot,
  plugins: [react(), serviceWorker(), chunkPackages(), phonePreload(), precompress()],
  resolve: {
    tsconfigPaths: true,
    // The few functions of i18next / react-i18next this app uses, instead of the libraries (~15 KB gzip less on
    // the phone's first load; src/i18n/mini/i18next.ts says what they do). Types still come from the real packages.
    alias: [
      { find: /^i18next$/, replacement: path.join(webRoot, 'src/i18n/mini/i18next.ts') },
      { find: /^react-i18next$/, replacement: path.join(webRoot, 'src/i18n/mini/react-i18next.ts') },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Hidden source maps would ship nothing to browsers; keep the build lean.
    sourcemap: false,
    // dist/.vite/manifest.json: which chunks each module needs, read by scripts/size-budget.ts.
    manifest: true,
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // What every page runs at start (React, the router, the query client, i18n, the shared schemas the
          // start needs) in one chunk, not a dozen: on a slow connection each request costs a round trip.
          // Then the sign-in page and the class teacher's phone shell, home and class list with what they need, in
          // one more chunk (it was twenty small ones): a teacher's cold load is two requests of code after the page.
          groups: [
            { name: 'start', tags: ['$initial'] },
            { name: PHONE_CHUNK, test: /[\\/]src[\\/](features[\\/]auth[\\/]components[\\/]login-page|app[\\/]shell[\\/]phone-shell|app[\\/]pages[\\/]phone-home-page|features[\\/]follow-ups[\\/]components[\\/]worklist-page)\.tsx$/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: { port: 4173 },
});
