import fs from 'node:fs';
import path from 'node:path';
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { sendNotFound } from './errors.js';

/** A class's list (or one of its records), as the web app asks for it first (apps/web/src/main.tsx). */
const CLASS_PAGE = /^\/follow-ups\/class\/([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(\/[0-9a-f-]{36})?\/?$/;

/**
 * The class's list, asked for by the page itself while its code downloads: on a slow phone connection one
 * round trip less before the teacher sees the class (the app's first fetch of that address takes the answer,
 * as it takes index.html's preload of the session). Only the address's own id goes in, checked as a UUID;
 * the answer is scoped and audited like any other.
 */
export function withClassPreload(html: string, url: string): string {
  const classId = CLASS_PAGE.exec(url)?.[1];
  if (!classId) return html;
  return html.replace('</title>', `</title>\n    <link rel="preload" href="/api/follow-ups/worklist?classId=${classId}" as="fetch" crossorigin>`);
}

/**
 * Serves the built web app (apps/web/dist): hashed assets cached for a year;
 * everything else — index.html, the service worker /sw.js, the manifest and
 * the icons, whose names stay the same from one version to the next —
 * revalidated on every use (no-cache), so a new version reaches phones at
 * their next visit; and every unknown non-API GET (or HEAD) answered with
 * index.html so the router can take it. The build's own notes
 * (dist/.vite/manifest.json and the like) are not served.
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
        // dist/.vite (the build's manifest, read by the size budget) is not for browsers. The file list read at start
        // (wildcard: false) already leaves dot folders out; this keeps it so if the wildcard route is ever turned on.
        dotfiles: 'ignore',
        setHeaders(res, filePath) {
          res.header('cache-control', filePath.includes(`${path.sep}assets${path.sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
          // The web app manifest's type (its name is Chinese: say the charset, which send adds only to text and JSON types).
          if (/\.webmanifest(\.(br|gz))?$/.test(filePath)) res.header('content-type', 'application/manifest+json; charset=utf-8');
        },
      });
    } else {
      app.log.warn(`web app not built (${indexFile} missing): run "pnpm build"`);
    }
    app.setNotFoundHandler((request, reply) => {
      const isPage = (request.method === 'GET' || request.method === 'HEAD') && !request.url.startsWith('/api') && !path.extname(request.url.split('?')[0]!);
      if (built && isPage) {
        reply.header('cache-control', 'no-cache');
        if (!CLASS_PAGE.test(request.url)) return reply.sendFile('index.html');
        return fs.promises.readFile(indexFile, 'utf8').then((html) => reply.type('text/html; charset=utf-8').send(withClassPreload(html, request.url)));
      }
      return sendNotFound(request, reply);
    });
  },
  { name: 'spa' },
);
