import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ComplianceHistory,
  ComplianceQuery,
  DisinfectionArea,
  DisinfectionAreaInput,
  DisinfectionAreaUpdate,
  DisinfectionDay,
  DisinfectionDayQuery,
  DisinfectionGrid,
  DisinfectionGridQuery,
  DisinfectionLog,
  DisinfectionLogInput,
  DisinfectionPlan,
  DisinfectionReverseInput,
  DisinfectionSchoolQuery,
  IdParams,
} from '@campus/shared';
import { errorResponses } from '../../lib/errors-schema.js';
import { requireActor } from '../../plugins/auth.js';
import { complianceHistory, createArea, disinfectionDay, disinfectionGrid, disinfectionPlan, logDisinfection, reverseDisinfection, updateArea } from '../../services/disinfection.js';

const tags = ['disinfection'];

/** 消毒 (ADR 0023): the plan per school, the log on a phone (stock used on the ledger), plan vs done, compliance. */
const disinfectionRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/disinfection/plan', { schema: { tags, summary: 'A school’s disinfection plan, the centre’s area kinds and the consumables to choose from', querystring: DisinfectionSchoolQuery, response: { 200: DisinfectionPlan, ...errorResponses } } }, async (request) =>
    disinfectionPlan(app.prisma, requireActor(request), request.query.schoolId),
  );
  app.post('/disinfection/areas', { schema: { tags, summary: 'Add an area to a school’s plan', body: DisinfectionAreaInput, response: { 201: DisinfectionArea, ...errorResponses } } }, async (request, reply) =>
    reply.code(201).send(await createArea(app.prisma, requireActor(request), request.auditContext(), request.body)),
  );
  app.patch('/disinfection/areas/:id', { schema: { tags, summary: 'Change or retire an area of the plan', params: IdParams, body: DisinfectionAreaUpdate, response: { 200: DisinfectionArea, ...errorResponses } } }, async (request) =>
    updateArea(app.prisma, requireActor(request), request.auditContext(), request.params.id, request.body),
  );
  app.get('/disinfection/day', { schema: { tags, summary: 'A school’s day: each area planned vs done (done / due / overdue / missed), the entries, compliance', querystring: DisinfectionDayQuery, response: { 200: DisinfectionDay, ...errorResponses } } }, async (request) =>
    disinfectionDay(app.prisma, requireActor(request), request.query),
  );
  app.post('/disinfection/logs', { schema: { tags, summary: 'Log a round done; its use is booked on the school’s ledger (refused below zero)', body: DisinfectionLogInput, response: { 201: DisinfectionLog, ...errorResponses } } }, async (request, reply) =>
    reply.code(201).send(await logDisinfection(app.prisma, requireActor(request), request.auditContext(), request.body)),
  );
  app.post('/disinfection/logs/:id/reverse', { schema: { tags, summary: 'Reverse a mistaken entry: its use comes back onto the ledger', params: IdParams, body: DisinfectionReverseInput, response: { 200: DisinfectionLog, ...errorResponses } } }, async (request) =>
    reverseDisinfection(app.prisma, requireActor(request), request.auditContext(), request.params.id, request.body.reason),
  );
  app.get('/disinfection/compliance', { schema: { tags, summary: 'A school’s compliance (rounds done / planned) by day', querystring: ComplianceQuery, response: { 200: ComplianceHistory, ...errorResponses } } }, async (request) =>
    complianceHistory(app.prisma, requireActor(request), request.query),
  );
  app.get('/disinfection/grid', { schema: { tags, summary: 'Compliance per school per day and the schools overdue today (centre)', querystring: DisinfectionGridQuery, response: { 200: DisinfectionGrid, ...errorResponses } } }, async (request) =>
    disinfectionGrid(app.prisma, requireActor(request), request.query),
  );
};
export default disinfectionRoutes;
