import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import { AppError } from '../lib/errors.js';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** host[:port] with the scheme's default port dropped, as browsers write Origin. */
function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

/**
 * Security headers, no caching of API answers, and refusal of cross-site
 * writes: the session cookie is SameSite=Strict, and a state-changing request
 * whose Origin (or Sec-Fetch-Site) says it came from another site is refused.
 * Bodies must be JSON (no form or text/plain posts from other sites).
 */
export default fp(
  async (app) => {
    await app.register(helmet, {
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          // antd's CSS-in-JS writes <style> elements at run time.
          styleSrc: ["'self'", "'unsafe-inline'"],
          imgSrc: ["'self'", 'data:'],
          fontSrc: ["'self'", 'data:'],
          connectSrc: ["'self'"],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      crossOriginEmbedderPolicy: false,
      frameguard: { action: 'deny' },
      hsts: false,
    });

    app.removeContentTypeParser('text/plain');

    app.addHook('onRequest', async (request, reply) => {
      if (!request.url.startsWith('/api/')) return;
      reply.header('cache-control', 'no-store');
      if (!UNSAFE_METHODS.has(request.method)) return;
      const origin = request.headers.origin;
      const fetchSite = request.headers['sec-fetch-site'];
      if (origin && origin !== 'null') {
        if (hostOf(origin) !== hostOf(`${request.protocol}://${request.headers.host ?? ''}`)) {
          throw new AppError(403, 'cross_site_request');
        }
      } else if (origin === 'null' || fetchSite === 'cross-site') {
        throw new AppError(403, 'cross_site_request');
      }
    });
  },
  { name: 'security' },
);
