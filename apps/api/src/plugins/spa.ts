import fs from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { sendNotFound } from './errors.js';

/**
 * Serves the built web app (apps/web/dist): hashed assets cached for a year,
 * index.html never cached, and every unknown non-API GET (or HEAD) answered with
 * index.html so the router can take it.
 */
export default fp<{ distDir: string }>(
  async (app, { distDir }) => {
    const indexFile = path.join(distDir, 'index.html');
    const built = fs.existsSync(indexFile);
    if (built) {
      await app.register(fastifyStatic, {
        root: distDir,
        wildcard: false,
        index: false,
        // The build writes .br/.gz beside each asset (apps/web/vite.config.ts); the browser's Accept-Encoding picks one.
        preCompressed: true,
        setHeaders(res, filePath) {
          res.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
        },
      });
    } else {
      app.log.warn(`web app not built (${indexFile} missing): run "pnpm build"`);
    }
    app.setNotFoundHandler((request, reply) => {
      const isPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api') && !path.extname(request.url.split('?')[0]!);
      if (built && isPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
      return sendNotFound(request, reply);
    });
  },
  { name: 'spa' },
);
