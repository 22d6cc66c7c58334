import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ApiError, ChangePasswordInput, LoginInput, Me, OkResponse } from '@campus/shared';
import { clearSessionCookie, setSessionCookie } from '../../plugins/auth.js';
import { changePassword, login } from '../../services/auth.js';
import { loadMe } from '../../services/me.js';
import { revokeSession } from '../../services/sessions.js';
import { requireActor } from '../../plugins/auth.js';

const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/auth/login',
    {
      config: { public: true },
      schema: { tags: ['auth'], summary: 'Sign in; sets the session cookie', body: LoginInput, response: { 200: Me, 400: ApiError, 401: ApiError, 429: ApiError } },
    },
    async (request, reply) => {
      const { token, actor } = await login(app.prisma, request.body, request.ip, app.authOptions.absoluteHours);
      setSessionCookie(reply, token, app.authOptions);
      return loadMe(app.prisma, actor);
    },
  );

  app.post(
    '/auth/logout',
    { config: { public: true }, schema: { tags: ['auth'], summary: 'Sign out; ends the session', response: { 200: OkResponse } } },
    async (request, reply) => {
      if (request.session) {
        await revokeSession(app.prisma, request.session.sessionId);
        await request.audit({ action: 'auth.logout', entity: 'User', entityId: request.session.userId });
      }
      clearSessionCookie(reply);
      return { ok: true as const };
    },
  );

  app.get(
    '/auth/me',
    { config: { beforePasswordChange: true }, schema: { tags: ['auth'], summary: 'The signed-in user, role, school and classes', response: { 200: Me, 401: ApiError } } },
    async (request) => loadMe(app.prisma, requireActor(request)),
  );

  app.post(
    '/auth/password',
    {
      config: { beforePasswordChange: true },
      schema: { tags: ['auth'], summary: 'Change one’s own password', body: ChangePasswordInput, response: { 200: OkResponse, 400: ApiError, 401: ApiError, 429: ApiError } },
    },
    async (request) => {
      await changePassword(app.prisma, requireActor(request), request.session!.sessionId, request.body, request.ip);
      return { ok: true as const };
    },
  );
};
export default authRoutes;
