import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CaseAlertList,
  CaseCheckInInput,
  CaseCheckInParams,
  CaseCloseInput,
  CaseExtendInput,
  CaseFile,
  CaseInput,
  CaseList,
  CaseListQuery,
  CaseReturnInput,
  CaseShortenInput,
  CentreCasesOverview,
  CentreOverviewQuery,
  CheckInTodayList,
  IdParams,
  ResolveHelpInput,
  SchoolCasesQuery,
  SchoolCasesView,
} from '@campus/shared';
import { errorResponses } from '../../lib/errors-schema.js';
import { changePlannedEnd, closeCase, getCaseFile, listCases, openCase, recordReturn } from '../../services/quarantine/cases.js';
import { recordCheckIn, resolveHelp } from '../../services/quarantine/check-ins.js';
import { centreOverview, checkInsToday, listAlerts, schoolCases } from '../../services/quarantine/views.js';
import { requireActor } from '../../plugins/auth.js';

const tags = ['quarantine'];

/**
 * Quarantine cases (居家隔离 · 一人一案). Who may call what:
 * - read a case or list cases: the centre and observers (all), a principal (their school's), any staff account on the case's team;
 *   anyone else gets 404 for the case (the worklist still shows that the person is in quarantine);
 * - open: principal (their school), centre;
 * - check in, correct, resolve "needs help": team members, the school's principal, the centre;
 * - extend, shorten, close, record return: the team's lead, the school's principal, the centre;
 * - school view: principal, centre, observer; centre overview: centre, observer.
 */
const quarantineRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/quarantine/cases', { schema: { tags, summary: 'Cases in scope (a school’s, open or closed, a person’s), the longest in quarantine first', querystring: CaseListQuery, response: { 200: CaseList, ...errorResponses } } }, async (request) =>
    listCases(app.prisma, requireActor(request), request.query),
  );
  app.post('/quarantine/cases', { schema: { tags, summary: 'Open a case (principal, centre): from the roster or a follow-up exception; one open case per person', body: CaseInput, response: { 201: CaseFile, ...errorResponses } } }, async (request, reply) =>
    reply.code(201).send(await openCase(app.prisma, requireActor(request), request.auditContext(), request.body)),
  );
  app.get('/quarantine/cases/:id', { schema: { tags, summary: 'The case file: person, reason, dates, team, plan, every check-in and change, outcome', params: IdParams, response: { 200: CaseFile, ...errorResponses } } }, async (request) =>
    getCaseFile(app.prisma, requireActor(request), request.params.id),
  );
  app.post('/quarantine/cases/:id/check-ins', { schema: { tags, summary: 'A day’s check-in, or a correction of one (kept beside the original)', params: IdParams, body: CaseCheckInInput, response: { 201: CaseFile, ...errorResponses } } }, async (request, reply) =>
    reply.code(201).send(await recordCheckIn(app.prisma, requireActor(request), request.auditContext(), request.params.id, request.body)),
  );
  app.post('/quarantine/cases/:id/check-ins/:checkInId/resolve-help', { schema: { tags, summary: 'Record that what a check-in asked for was dealt with', params: CaseCheckInParams, body: ResolveHelpInput, response: { 200: CaseFile, ...errorResponses } } }, async (request) =>
    resolveHelp(app.prisma, requireActor(request), request.auditContext(), request.params.id, request.params.checkInId, request.body.note),
  );
  app.post('/quarantine/cases/:id/extend', { schema: { tags, summary: 'Move the planned end later, with a reason', params: IdParams, body: CaseExtendInput, response: { 200: CaseFile, ...errorResponses } } }, async (request) =>
    changePlannedEnd(app.prisma, requireActor(request), request.auditContext(), request.params.id, request.body, 'extend'),
  );
  app.post('/quarantine/cases/:id/shorten', { schema: { tags, summary: 'Move the planned end earlier, with a reason', params: IdParams, body: CaseShortenInput, response: { 200: CaseFile, ...errorResponses } } }, async (request) =>
    changePlannedEnd(app.prisma, requireActor(request), request.auditContext(), request.params.id, request.body, 'shorten'),
  );
  app.post('/quarantine/cases/:id/close', { schema: { tags, summary: 'Close the case with an outcome (解除隔离, early release, transfer to medical care, other), day and note', params: IdParams, body: CaseCloseInput, response: { 200: CaseFile, ...errorResponses } } }, async (request) =>
    closeCase(app.prisma, requireActor(request), request.auditContext(), request.params.id, request.body),
  );
  app.post('/quarantine/cases/:id/return', { schema: { tags, summary: 'Record the day the person was back in school (after the case closed)', params: IdParams, body: CaseReturnInput, response: { 200: CaseFile, ...errorResponses } } }, async (request) =>
    recordReturn(app.prisma, requireActor(request), request.auditContext(), request.params.id, request.body),
  );

  app.get('/quarantine/check-ins/today', { schema: { tags, summary: 'The actor’s open cases without today’s check-in, overdue first', response: { 200: CheckInTodayList, ...errorResponses } } }, async (request) =>
    checkInsToday(app.prisma, requireActor(request)),
  );
  app.get('/quarantine/school', { schema: { tags, summary: 'A school’s open and closed cases, help asked for and alerts (principal: their own)', querystring: SchoolCasesQuery, response: { 200: SchoolCasesView, ...errorResponses } } }, async (request) =>
    schoolCases(app.prisma, requireActor(request), request.query),
  );
  app.get('/quarantine/overview', { schema: { tags, summary: 'The centre’s overview: open per school, new and released today, open by day, alerts', querystring: CentreOverviewQuery, response: { 200: CentreCasesOverview, ...errorResponses } } }, async (request) =>
    centreOverview(app.prisma, requireActor(request), request.query),
  );
  app.get('/quarantine/alerts', { schema: { tags, summary: 'Fevers and crises of the last days on the cases in scope', response: { 200: CaseAlertList, ...errorResponses } } }, async (request) =>
    listAlerts(app.prisma, requireActor(request)),
  );
};
export default quarantineRoutes;
