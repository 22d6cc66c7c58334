import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { RetentionPreview, RetentionPurgeInput, RetentionPurgeResult } from '@campus/shared';
import { errorResponses } from '../../lib/errors-schema.js';
import { purgeRetention, retentionPreview } from '../../services/retention.js';
import { requireActor } from '../../plugins/auth.js';

const tags = ['retention'];

/** Retention (docs/decisions/0014-retention.md): the centre previews, then confirms, the purge of old health details. */
const retentionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/retention/preview', { schema: { tags, summary: 'What the retention purge would remove, per kind and school (centre)', response: { 200: RetentionPreview, ...errorResponses } } }, async (request) =>
    retentionPreview(app.prisma, requireActor(request)),
  );

  app.post('/retention/purge', { schema: { tags, summary: 'Purge what the preview listed; confirmTotal must be its total (centre)', body: RetentionPurgeInput, response: { 200: RetentionPurgeResult, ...errorResponses } } }, async (request) =>
    purgeRetention(app.prisma, request.auditContext(), request.body),
  );
};
export default retentionRoutes;
