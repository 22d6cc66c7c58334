import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdNumberConflict, IdNumberConflictList, IdParams } from '@campus/shared';
import { errorResponses } from '../../lib/errors-schema.js';
import { listIdConflicts, resolveIdConflict } from '../../services/id-conflicts.js';
import { requireActor } from '../../plugins/auth.js';

const tags = ['id-conflicts'];

/** 身份证号冲突: the centre's only (everyone else 403). */
const idConflictRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/id-conflicts', { schema: { tags, summary: 'ID numbers schools tried to register that someone out of their scope holds (centre)', response: { 200: IdNumberConflictList, ...errorResponses } } }, async (request) =>
    listIdConflicts(app.prisma, requireActor(request)),
  );

  app.post('/id-conflicts/:id/resolve', { schema: { tags, summary: 'Mark a conflict handled (centre)', params: IdParams, body: z.object({}).strict().optional(), response: { 200: IdNumberConflict, ...errorResponses } } }, async (request) =>
    resolveIdConflict(app.prisma, requireActor(request), request.auditContext(), request.params.id),
  );
};
export default idConflictRoutes;
