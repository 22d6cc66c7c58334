import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, OkResponse, School, SchoolInput, SchoolList, SchoolListQuery, SchoolUpdate } from '@campus/shared';
import { errorResponses } from '../../lib/errors-schema.js';
import { createSchool, deleteSchool, getSchool, listSchools, updateSchool } from '../../services/schools.js';
import { requireActor } from '../../plugins/auth.js';

const tags = ['schools'];

const schoolRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/schools', { schema: { tags, summary: 'Schools and kindergartens in scope', querystring: SchoolListQuery, response: { 200: SchoolList, ...errorResponses } } }, async (request) => ({
    items: await listSchools(app.prisma, requireActor(request), request.query.includeInactive),
  }));

  app.post('/schools', { schema: { tags, summary: 'Add a school (centre)', body: SchoolInput, response: { 201: School, ...errorResponses } } }, async (request, reply) => {
    return reply.code(201).send(await createSchool(app.prisma, requireActor(request), request.auditContext(), request.body));
  });

  app.get('/schools/:id', { schema: { tags, summary: 'One school', params: IdParams, response: { 200: School, ...errorResponses } } }, async (request) =>
    getSchool(app.prisma, requireActor(request), request.params.id),
  );

  app.patch(
    '/schools/:id',
    { schema: { tags, summary: 'Rename, change kind, deactivate or reactivate (centre)', params: IdParams, body: SchoolUpdate, response: { 200: School, ...errorResponses } } },
    async (request) => updateSchool(app.prisma, requireActor(request), request.auditContext(), request.params.id, request.body),
  );

  app.delete(
    '/schools/:id',
    { schema: { tags, summary: 'Delete an empty school (centre); one with classes or accounts is refused', params: IdParams, response: { 200: OkResponse, ...errorResponses } } },
    async (request) => {
      await deleteSchool(app.prisma, requireActor(request), request.auditContext(), request.params.id);
      return { ok: true as const };
    },
  );
};
export default schoolRoutes;
