import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, UnauthenticatedError } from '../lib/errors.js';
import { resolveSession, SESSION_COOKIE, type SessionUser } from '../services/sessions.js';
import type { Actor } from '../services/scope.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    session: SessionUser | null;
  }
  interface FastifyContextConfig {
    /** No session needed (login, health, API reference). */
    public?: boolean;
    /** Reachable while the account must still change its initial password. */
    beforePasswordChange?: boolean;
  }
}

export interface AuthOptions {
  cookieSecure: boolean;
  absoluteHours: number;
}

/**
 * Secure when COOKIE_SECURE forces it, and on every HTTPS request: Fastify's
 * `request.protocol` is the socket's, or `X-Forwarded-Proto` from a trusted
 * proxy (TRUST_PROXY), so a deployment behind HTTPS needs no extra setting.
 */
function secureCookie(reply: FastifyReply, options: AuthOptions): boolean {
  return options.cookieSecure || reply.request.protocol === 'https';
}

export function setSessionCookie(reply: FastifyReply, token: string, options: AuthOptions) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'strict',
    secure: secureCookie(reply, options),
    maxAge: Math.round(options.absoluteHours * 3600),
  });
}

/** The cookie ended with the same attributes it was set with (a browser may otherwise keep the strict one). */
export function clearSessionCookie(reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'strict', secure: secureCookie(reply, reply.server.authOptions) });
}

/**
 * Resolves the session cookie on every /api request and refuses anything but
 * public routes without one. A disabled account, a revoked, idle or expired
 * session all read as signed out on the very next request.
 */
/**
 * The signed-in actor of a request to a route that is not public: the
 * onRequest hook above has already refused a request without a session, so
 * this only narrows the type (instead of a non-null assertion in every handler).
 */
export function requireActor(request: FastifyRequest): Actor {
  if (!request.actor) throw new UnauthenticatedError();
  return request.actor;
}

export default fp<AuthOptions>(
  async (app, options) => {
    await app.register(cookie);
    app.decorateRequest('actor', null);
    app.decorateRequest('session', null);
    app.decorate('authOptions', options);

    app.addHook('onRequest', async (request, reply) => {
      if (!request.url.startsWith('/api/')) return;
      const token = request.cookies[SESSION_COOKIE];
      const session = token ? await resolveSession(app.prisma, token) : null;
      if (session) {
        request.session = session;
        request.actor = { userId: session.userId, username: session.username, role: session.role, schoolId: session.schoolId };
      } else if (token) {
        clearSessionCookie(reply);
      }
      const config = request.routeOptions.config;
      if (config?.public || request.url.startsWith('/api/docs')) return;
      if (!session) throw new UnauthenticatedError();
      if (session.mustChangePassword && !config?.beforePasswordChange) {
        throw new AppError(403, 'password_change_required');
      }
    });
  },
  { name: 'auth', dependencies: ['prisma'] },
);

declare module 'fastify' {
  interface FastifyInstance {
    authOptions: AuthOptions;
  }
}
