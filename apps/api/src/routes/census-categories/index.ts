import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { CensusCategory, CensusCategoryInput, CensusCategoryList, CensusCategoryUpdate, IdParams } from '@campus/shared';
import { errorResponses } from '../../lib/errors-schema.js';
import { createCategory, listCategories, updateCategory } from '../../services/census.js';
import { requireActor } from '../../plugins/auth.js';

const tags = ['census'];

const censusRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/census-categories', { schema: { tags, summary: 'Census categories (摸排分类)', response: { 200: CensusCategoryList, ...errorResponses } } }, async () => ({
    items: await listCategories(app.prisma),
  }));
  app.post('/census-categories', { schema: { tags, summary: 'Add a census category (centre)', body: CensusCategoryInput, response: { 201: CensusCategory, ...errorResponses } } }, async (request, reply) =>
    reply.code(201).send(await createCategory(app.prisma, requireActor(request), request.auditContext(), request.body)),
  );
  app.patch(
    '/census-categories/:id',
    { schema: { tags, summary: 'Rename, reorder or retire a census category (centre)', params: IdParams, body: CensusCategoryUpdate, response: { 200: CensusCategory, ...errorResponses } } },
    async (request) => updateCategory(app.prisma, requireActor(request), request.auditContext(), request.params.id, request.body),
  );
};
export default censusRoutes;
