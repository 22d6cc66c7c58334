import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { DutyDayQuery, DutyDayView, DutyGrid, DutyGridQuery, DutyReport, DutyReportInput, DutyRoster, DutyRosterInput, DutyRosterQuery, IdParams } from '@campus/shared';
import { errorResponses } from '../../lib/errors-schema.js';
import { requireActor } from '../../plugins/auth.js';
import { dutyDay, dutyGrid, dutyRoster, fileDutyReport, getDutyReport, saveDutyRoster } from '../../services/duty.js';

const tags = ['duty'];

/** 值班值守: the roster (principal), the day's report with pictures (person on duty), the centre's grid. */
const dutyRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/duty/roster', { schema: { tags, summary: 'Who is on duty, day by day, and the school’s staff to choose from', querystring: DutyRosterQuery, response: { 200: DutyRoster, ...errorResponses } } }, async (request) =>
    dutyRoster(app.prisma, requireActor(request), request.query),
  );
  app.put('/duty/roster', { schema: { tags, summary: 'Set or clear the roster of some days (principal)', body: DutyRosterInput, response: { 200: DutyRoster, ...errorResponses } } }, async (request) =>
    saveDutyRoster(app.prisma, requireActor(request), request.auditContext(), request.body),
  );
  app.get('/duty/day', { schema: { tags, summary: 'A school’s duty day: who is on duty, the checklist, the report', querystring: DutyDayQuery, response: { 200: DutyDayView, ...errorResponses } } }, async (request) =>
    dutyDay(app.prisma, requireActor(request), request.query),
  );
  app.post('/duty/reports', { schema: { tags, summary: 'File (or correct) the day’s duty report with 1–6 uploaded pictures', body: DutyReportInput, response: { 200: DutyReport, 201: DutyReport, ...errorResponses } } }, async (request, reply) => {
    const { report, created } = await fileDutyReport(app.prisma, requireActor(request), request.auditContext(), app.uploadsDir, request.body);
    return reply.code(created ? 201 : 200).send(report);
  });
  app.get('/duty/reports/:id', { schema: { tags, summary: 'A duty report with its pictures', params: IdParams, response: { 200: DutyReport, ...errorResponses } } }, async (request) =>
    getDutyReport(app.prisma, requireActor(request), request.params.id),
  );
  app.get('/duty/grid', { schema: { tags, summary: 'Duty reports: schools × days, on time / late / missing (centre)', querystring: DutyGridQuery, response: { 200: DutyGrid, ...errorResponses } } }, async (request) =>
    dutyGrid(app.prisma, requireActor(request), request.query),
  );
};
export default dutyRoutes;
