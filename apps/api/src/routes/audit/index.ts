import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AuditListQuery, AuditPage } from '@campus/shared';
import { errorResponses } from '../../lib/errors-schema.js';
import { listAudit } from '../../services/audit-log.js';
import { requireActor } from '../../plugins/auth.js';

const auditRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/audit', { schema: { tags: ['audit'], summary: 'The audit log, newest first (centre)', querystring: AuditListQuery, response: { 200: AuditPage, ...errorResponses } } }, async (request) =>
    listAudit(app.prisma, requireActor(request), request.query),
  );
};
export default auditRoutes;
