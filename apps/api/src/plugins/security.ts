import type { IncomingMessage, ServerResponse } from 'node:http';
import fp from 'fastify-plugin';
import helmet, { type HelmetOptions } from 'helmet';
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

const HELMET: HelmetOptions = {
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
};

/**
 * Helmet's headers, worked out once: they are the same for every answer (no
 * nonces), and @fastify/helmet built the middleware — parsing the policy
 * again — on every request.
 */
function helmetHeaders(): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: () => undefined,
  };
  helmet(HELMET)({} as IncomingMessage, response as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error instanceof Error ? error : new Error('helmet refused the headers');
  });
  return headers;
}

/**
 * Security headers, no caching of API answers, and refusal of cross-site
 * writes: the session cookie is SameSite=Strict, and a state-changing request
 * whose Origin (or Sec-Fetch-Site) says it came from another site is refused.
 * Bodies must be JSON (no form or text/plain posts from other sites).
 */
export default fp(
  async (app) => {
    const securityHeaders = helmetHeaders();
    app.addHook('onRequest', (_request, reply, done) => {
      reply.headers(securityHeaders);
      done();
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
