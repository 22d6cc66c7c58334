import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdempotencyHeaders,
  GateAlerts,
  GateAlertsQuery,
  GateApproval,
  GateApprovalInput,
  GateApprovalList,
  GateApprovalsQuery,
  GateCountsGrid,
  GateCountsQuery,
  GateEntry,
  GatePeople,
  GatePeopleQuery,
  GatePersonInput,
  GateRegisterFilters,
  GateRegisterPage,
  GateRegisterQuery,
  GateSchoolQuery,
  GateSettingsInput,
  GateSignedOut,
  GateSignOutInput,
  GateToday,
  GateVisitorInput,
  IdParams,
  OkResponse,
} from '@campus/shared';
import { errorResponses } from '../../lib/errors-schema.js';
import { requireActor } from '../../plugins/auth.js';
import { createGateApproval, deleteGateApproval, exportGateRegister, gateAlerts, gateApprovals, gateCounts, gateRegister, markGateAlertSeen, setGateClosed } from '../../services/gate/book.js';
import { gatePeople, gateToday, registerPerson, registerVisitor, signOut, signOutEveryone } from '../../services/gate/register.js';

const tags = ['gate'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** 校门准入 (ADR 0022): the gate's day, registering visitors and returning people, the principal's book, the centre's counts. */
const gateRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/gate/today', { schema: { tags, summary: 'Today at a school’s gate: rules in force, inside / left / refused, approvals', querystring: GateSchoolQuery, response: { 200: GateToday, ...errorResponses } } }, async (request) =>
    gateToday(app.prisma, requireActor(request), request.query.schoolId),
  );
  app.post('/gate/visitors', { schema: { tags, summary: 'Register a visitor: asked, measured, allowed or refused by the rules', headers: IdempotencyHeaders, body: GateVisitorInput, response: { 201: GateEntry, ...errorResponses } } }, async (request, reply) =>
    reply.code(201).send(await registerVisitor(app.prisma, requireActor(request), request.auditContext(), request.body, request.headers['idempotency-key'] ?? null)),
  );
  app.post('/gate/people', { schema: { tags, summary: 'Check a student or staff member coming back; a fever becomes their exception of the day', headers: IdempotencyHeaders, body: GatePersonInput, response: { 201: GateEntry, ...errorResponses } } }, async (request, reply) =>
    reply.code(201).send(await registerPerson(app.prisma, requireActor(request), request.auditContext(), request.body, request.headers['idempotency-key'] ?? null)),
  );
  app.get('/gate/people', { schema: { tags, summary: 'The school’s roster by name, pinyin or initials: names and classes only', querystring: GatePeopleQuery, response: { 200: GatePeople, ...errorResponses } } }, async (request) =>
    gatePeople(app.prisma, requireActor(request), request.query),
  );
  app.post('/gate/entries/:id/sign-out', { schema: { tags, summary: 'A visitor leaves (now, or at a time not before they came)', params: IdParams, body: GateSignOutInput, response: { 200: GateEntry, ...errorResponses } } }, async (request) =>
    signOut(app.prisma, requireActor(request), request.auditContext(), request.params.id, request.body),
  );
  app.post('/gate/sign-out-all', { schema: { tags, summary: 'Every visitor still inside today leaves now', body: GateSchoolQuery, response: { 200: GateSignedOut, ...errorResponses } } }, async (request) =>
    signOutEveryone(app.prisma, requireActor(request), request.auditContext(), request.body.schoolId),
  );
  app.get('/gate/register', { schema: { tags, summary: 'A day’s register of a school, filtered and paged (principal, centre)', querystring: GateRegisterQuery, response: { 200: GateRegisterPage, ...errorResponses } } }, async (request) =>
    gateRegister(app.prisma, requireActor(request), request.query),
  );
  app.get('/gate/register/export', { schema: { tags, summary: 'The day’s register as .xlsx (audited)', querystring: GateRegisterFilters, produces: [XLSX] } }, async (request, reply) => {
    const file = await exportGateRegister(app.prisma, requireActor(request), request.auditContext(), request.query);
    return reply
      .type(XLSX)
      .header('content-disposition', `attachment; filename="gate-register-${request.query.day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`校门登记-${request.query.day}.xlsx`)}`)
      .send(file);
  });
  app.get('/gate/counts', { schema: { tags, summary: 'Visitors and refusals per school per day (centre, observers)', querystring: GateCountsQuery, response: { 200: GateCountsGrid, ...errorResponses } } }, async (request) =>
    gateCounts(app.prisma, requireActor(request), request.query),
  );
  app.get('/gate/alerts', { schema: { tags, summary: 'Refusals not yet seen: the school’s (principal), fevers of every school (centre)', querystring: GateAlertsQuery, response: { 200: GateAlerts, ...errorResponses } } }, async (request) =>
    gateAlerts(app.prisma, requireActor(request), request.query),
  );
  app.post('/gate/alerts/:id/seen', { schema: { tags, summary: 'A refusal’s alert is seen', params: IdParams, body: z.object({}).strict().optional(), response: { 200: OkResponse, ...errorResponses } } }, async (request) =>
    markGateAlertSeen(app.prisma, requireActor(request), request.auditContext(), request.params.id),
  );
  app.put('/gate/settings', { schema: { tags, summary: '封闭管理 on or off for a school', body: GateSettingsInput, response: { 200: z.object({ closed: z.boolean() }), ...errorResponses } } }, async (request) =>
    setGateClosed(app.prisma, requireActor(request), request.auditContext(), request.body),
  );
  app.get('/gate/approvals', { schema: { tags, summary: 'The school’s pre-approved visitors from a day on', querystring: GateApprovalsQuery, response: { 200: GateApprovalList, ...errorResponses } } }, async (request) =>
    gateApprovals(app.prisma, requireActor(request), request.query),
  );
  app.post('/gate/approvals', { schema: { tags, summary: 'Pre-approve a visitor for a closed campus', body: GateApprovalInput, response: { 201: GateApproval, ...errorResponses } } }, async (request, reply) =>
    reply.code(201).send(await createGateApproval(app.prisma, requireActor(request), request.auditContext(), request.body)),
  );
  app.delete('/gate/approvals/:id', { schema: { tags, summary: 'Withdraw a pre-approval', params: IdParams, response: { 200: OkResponse, ...errorResponses } } }, async (request) =>
    deleteGateApproval(app.prisma, requireActor(request), request.auditContext(), request.params.id),
  );
};
export default gateRoutes;
