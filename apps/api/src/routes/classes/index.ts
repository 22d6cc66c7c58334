import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { IdParams, OkResponse, SchoolClass, SchoolClassInput, SchoolClassList, SchoolClassListQuery, SchoolClassUpdate } from '@campus/shared';
import { errorResponses } from '../../lib/errors-schema.js';
import { createClass, deleteClass, getClass, listClasses, updateClass } from '../../services/classes.js';
import { requireActor } from '../../plugins/auth.js';

const tags = ['classes'];

const classRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/classes', { schema: { tags, summary: 'Classes in scope', querystring: SchoolClassListQuery, response: { 200: SchoolClassList, ...errorResponses } } }, async (request) => ({
    items: await listClasses(app.prisma, requireActor(request), request.query),
  }));

  app.post('/classes', { schema: { tags, summary: 'Add a class (centre, principal)', body: SchoolClassInput, response: { 201: SchoolClass, ...errorResponses } } }, async (request, reply) => {
    return reply.code(201).send(await createClass(app.prisma, requireActor(request), request.auditContext(), request.body));
  });

  app.get('/classes/:id', { schema: { tags, summary: 'One class', params: IdParams, response: { 200: SchoolClass, ...errorResponses } } }, async (request) =>
    getClass(app.prisma, requireActor(request), request.params.id),
  );

  app.patch(
    '/classes/:id',
    { schema: { tags, summary: 'Change grade, name, head teacher; deactivate (centre, principal)', params: IdParams, body: SchoolClassUpdate, response: { 200: SchoolClass, ...errorResponses } } },
    async (request) => updateClass(app.prisma, requireActor(request), request.auditContext(), request.params.id, request.body),
  );

  app.delete(
    '/classes/:id',
    { schema: { tags, summary: 'Delete a class created by mistake (centre, principal)', params: IdParams, response: { 200: OkResponse, ...errorResponses } } },
    async (request) => {
      await deleteClass(app.prisma, requireActor(request), request.auditContext(), request.params.id);
      return { ok: true as const };
    },
  );
};
export default classRoutes;
