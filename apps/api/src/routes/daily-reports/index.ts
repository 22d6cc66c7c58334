import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ClassReportInput, CompletenessGrid, DailyReport, ExportDayQuery, GridQuery, SchoolDayQuery, SchoolDayView, SchoolReportInput } from '@campus/shared';
import { errorResponses } from '../../lib/errors-schema.js';
import { exportDailyReport } from '../../services/daily-reports/export.js';
import { fileClassReport, fileSchoolReport } from '../../services/daily-reports/filing.js';
import { completenessGrid, schoolDayView } from '../../services/daily-reports/views.js';
import { requireActor } from '../../plugins/auth.js';

const tags = ['daily-reports'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const dailyReportRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post('/daily-reports/class', { schema: { tags, summary: 'File a class’s daily report (zero report when nothing to report)', body: ClassReportInput, response: { 201: DailyReport, ...errorResponses } } }, async (request, reply) =>
    reply.code(201).send(await fileClassReport(app.prisma, requireActor(request), request.auditContext(), request.body)),
  );

  app.post('/daily-reports/school', { schema: { tags, summary: 'File the school’s daily report (principal)', body: SchoolReportInput, response: { 201: DailyReport, ...errorResponses } } }, async (request, reply) =>
    reply.code(201).send(await fileSchoolReport(app.prisma, requireActor(request), request.auditContext(), request.body)),
  );

  app.get('/daily-reports/school-day', { schema: { tags, summary: 'A school’s day: classes, staff, exceptions, reports', querystring: SchoolDayQuery, response: { 200: SchoolDayView, ...errorResponses } } }, async (request) =>
    schoolDayView(app.prisma, requireActor(request), request.query),
  );

  app.get('/daily-reports/grid', { schema: { tags, summary: 'Completeness grid: schools × days (centre)', querystring: GridQuery, response: { 200: CompletenessGrid, ...errorResponses } } }, async (request) =>
    completenessGrid(app.prisma, requireActor(request), request.query),
  );

  app.get('/daily-reports/export', { schema: { tags, summary: 'The day’s report as .xlsx: township summary + one sheet per school (audited)', querystring: ExportDayQuery, produces: [XLSX] } }, async (request, reply) => {
    const file = await exportDailyReport(app.prisma, requireActor(request), request.auditContext(), request.query.day);
    return reply
      .type(XLSX)
      .header('content-disposition', `attachment; filename="daily-report-${request.query.day}.xlsx"; filename*=UTF-8''${encodeURIComponent(`疫情防控日报告-${request.query.day}.xlsx`)}`)
      .send(file);
  });
};
export default dailyReportRoutes;
