import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { BulkWellInput, BulkWellResult, FollowUp, FollowUpInput, FollowUpParams, HandlingInput, IdempotencyHeaders, IdParams, PhoneCopy, Worklist, WorklistQuery } from '@campus/shared';
import { errorResponses } from '../../lib/errors-schema.js';
import { bulkWell, getFollowUp, recordHandling, saveFollowUp, worklist } from '../../services/follow-ups/follow-ups.js';
import { phoneCopy } from '../../services/follow-ups/phone-copy.js';
import { requireActor } from '../../plugins/auth.js';

const tags = ['follow-ups'];

const followUpRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/follow-ups/worklist', { schema: { tags, summary: 'The day’s list: a class’s students or a school’s staff, each with their state', querystring: WorklistQuery, response: { 200: Worklist, ...errorResponses } } }, async (request) =>
    worklist(app.prisma, requireActor(request), request.query),
  );

  app.get(
    '/follow-ups/phone-copy',
    { schema: { tags, summary: 'The class teacher’s lists for today and yesterday with the numbers to call, kept on the phone for working offline (audited)', response: { 200: PhoneCopy, ...errorResponses } } },
    async (request) => phoneCopy(app.prisma, requireActor(request), request.auditContext()),
  );

  app.get('/follow-ups/:personId/:day', { schema: { tags, summary: 'A person’s record of a day', params: FollowUpParams, response: { 200: FollowUp, ...errorResponses } } }, async (request) =>
    getFollowUp(app.prisma, requireActor(request), request.params.personId, request.params.day),
  );

  app.put(
    '/follow-ups/:personId/:day',
    {
      schema: {
        tags,
        summary: 'Save a person’s record of a day (one per person and day; idempotent, also by Idempotency-Key; stale versions and lost races refused)',
        params: FollowUpParams,
        headers: IdempotencyHeaders,
        body: FollowUpInput,
        response: { 200: FollowUp, ...errorResponses },
      },
    },
    async (request) =>
      saveFollowUp(app.prisma, requireActor(request), request.auditContext(), request.params.personId, request.params.day, request.body, {
        saveKey: request.headers['idempotency-key'] ?? null,
        arrivedAt: request.arrivedAt,
      }),
  );

  app.post('/follow-ups/bulk-well', { schema: { tags, summary: 'Mark several people “reached, all well” (confirmed in the class group chat)', body: BulkWellInput, response: { 200: BulkWellResult, ...errorResponses } } }, async (request) =>
    bulkWell(app.prisma, requireActor(request), request.auditContext(), request.body),
  );

  app.put('/follow-ups/by-id/:id/handling', { schema: { tags, summary: 'What was done about an exception (principal)', params: IdParams, body: HandlingInput, response: { 200: FollowUp, ...errorResponses } } }, async (request) =>
    recordHandling(app.prisma, requireActor(request), request.auditContext(), request.params.id, request.body.handlingNote),
  );
};
export default followUpRoutes;
