import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const webRoot = new URL('.', import.meta.url).pathname;

// The API serves apps/web/dist in production; in development Vite proxies /api
// to the API on port 3000 without rewriting the Host header, so the API's
// same-origin check on writes sees the page's own origin.
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  resolve: { tsconfigPaths: true },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Hidden source maps would ship nothing to browsers; keep the build lean.
    sourcemap: false,
    chunkSizeWarningLimit: 900,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: { port: 4173 },
});
