import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import multipart from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import {
  ExportRequest,
  IdParams,
  ImportCheck,
  ImportOptions,
  ImportResult,
  LeaveInput,
  PersonDetail,
  PersonFilters,
  PersonInput,
  PersonPage,
  PersonSearch,
  PersonUpdate,
  ReturnInput,
  RevealedIdNumber,
  RosterSummary,
  SchoolRosterCounts,
  TransferInput,
} from '@campus/shared';
import { AppError, IssuesError } from '../../lib/errors.js';
import { errorResponses } from '../../lib/errors-schema.js';
import { sendJsonText } from '../../lib/serializer.js';
import { requestLanguage } from '../../plugins/errors.js';
import { exportRoster, importTemplate } from '../../services/people/export.js';
import { checkImport, commitImport } from '../../services/people/import.js';
import { createPerson, getPerson, markLeft, markReturned, revealIdNumber, searchPeopleJson, transferPerson, updatePerson } from '../../services/people/people.js';
import { countsBySchool, rosterSummary } from '../../services/people/summary.js';
import { todayOf } from '../../db/days.js';
import { getCentre } from '../../services/settings.js';
import { requireActor } from '../../plugins/auth.js';

const tags = ['people'];
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Reads the one file and the form fields of an import request. */
async function readImportForm(request: FastifyRequest) {
  let file: { buffer: Buffer; fileName: string } | undefined;
  const fields: Record<string, string> = {};
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      const buffer = await part.toBuffer();
      if (part.file.truncated) throw new AppError(413, 'payload_too_large');
      file = { buffer, fileName: part.filename };
    } else if (typeof part.value === 'string') {
      fields[part.fieldname] = part.value;
    }
  }
  const options = ImportOptions.safeParse(fields);
  if (!options.success) throw new IssuesError(options.error.issues);
  if (!file || file.buffer.length === 0) throw new AppError(400, 'bad_request', 'import.file_unreadable');
  return { file: file.buffer, fileName: file.fileName, ...options.data };
}


const peopleRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(multipart, { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 10 } });

  app.post('/people/search', { schema: { tags, summary: 'One page of the roster (filters in the body, never in the URL)', body: PersonSearch, response: { 200: PersonPage, ...errorResponses } } }, async (request, reply) =>
    sendJsonText(reply, await searchPeopleJson(app.prisma, requireActor(request), request.body)),
  );

  app.post('/people/summary', { schema: { tags, summary: 'Roster counts: registered, by kind, by census category', body: PersonFilters, response: { 200: RosterSummary, ...errorResponses } } }, async (request) =>
    rosterSummary(app.prisma, requireActor(request), request.body),
  );

  app.get('/people/counts-by-school', { schema: { tags, summary: 'Every school’s roster counts side by side (centre, observer)', response: { 200: SchoolRosterCounts, ...errorResponses } } }, async (request) =>
    countsBySchool(app.prisma, requireActor(request)),
  );

  app.post('/people', { schema: { tags, summary: 'Add a person', body: PersonInput, response: { 201: PersonDetail, ...errorResponses } } }, async (request, reply) =>
    reply.code(201).send(await createPerson(app.prisma, requireActor(request), request.auditContext(), request.body)),
  );

  app.get('/people/import-template', { schema: { tags, summary: 'The roster import template (.xlsx)', produces: [XLSX] } }, async (_request, reply) =>
    reply.type(XLSX).header('content-disposition', `attachment; filename="roster-template.xlsx"; filename*=UTF-8''${encodeURIComponent('名册导入模板.xlsx')}`).send(await importTemplate()),
  );

  app.post(
    '/people/import/check',
    { schema: { tags, summary: 'Check a roster file row by row; nothing is saved (multipart: file, schoolId, mapping?)', consumes: ['multipart/form-data'], response: { 200: ImportCheck, ...errorResponses } } },
    async (request) => {
      const form = await readImportForm(request);
      const { planned: _planned, ...check } = await checkImport(app.prisma, requireActor(request), form, requestLanguage(request));
      return check;
    },
  );

  app.post(
    '/people/import/commit',
    { schema: { tags, summary: 'Import the valid rows in one transaction (multipart: file, schoolId, mapping?, checksum)', consumes: ['multipart/form-data'], response: { 200: ImportResult, ...errorResponses } } },
    async (request) => commitImport(app.prisma, requireActor(request), request.auditContext(), await readImportForm(request), requestLanguage(request)),
  );

  app.post('/people/export', { schema: { tags, summary: 'The filtered roster as .xlsx (audited)', body: ExportRequest, produces: [XLSX] } }, async (request, reply) => {
    const stream = await exportRoster(app.prisma, requireActor(request), request.auditContext(), request.body);
    // Named by the centre's day (DESIGN), not the server's UTC date: an export at 07:30 Beijing time is that day's.
    const today = todayOf(await getCentre(app.prisma));
    return reply.type(XLSX).header('content-disposition', `attachment; filename="roster-${today}.xlsx"; filename*=UTF-8''${encodeURIComponent(`名册-${today}.xlsx`)}`).send(stream);
  });

  app.get('/people/:id', { schema: { tags, summary: 'A person, ID number masked, with history', params: IdParams, response: { 200: PersonDetail, ...errorResponses } } }, async (request) =>
    getPerson(app.prisma, requireActor(request), request.params.id),
  );

  app.patch('/people/:id', { schema: { tags, summary: 'Edit a person or move them to another class', params: IdParams, body: PersonUpdate, response: { 200: PersonDetail, ...errorResponses } } }, async (request) =>
    updatePerson(app.prisma, requireActor(request), request.auditContext(), request.params.id, request.body),
  );

  app.post('/people/:id/reveal-id', { schema: { tags, summary: 'The full ID number (audited)', params: IdParams, response: { 200: RevealedIdNumber, ...errorResponses } } }, async (request) => ({
    idNumber: await revealIdNumber(app.prisma, requireActor(request), request.auditContext(), request.params.id),
  }));

  app.post('/people/:id/transfer', { schema: { tags, summary: 'Transfer to another school (centre)', params: IdParams, body: TransferInput, response: { 200: PersonDetail, ...errorResponses } } }, async (request) =>
    transferPerson(app.prisma, requireActor(request), request.auditContext(), request.params.id, request.body),
  );

  app.post('/people/:id/leave', { schema: { tags, summary: 'Mark as left (graduated, transferred, other); history kept', params: IdParams, body: LeaveInput, response: { 200: PersonDetail, ...errorResponses } } }, async (request) =>
    markLeft(app.prisma, requireActor(request), request.auditContext(), request.params.id, request.body),
  );

  app.post('/people/:id/return', { schema: { tags, summary: 'Bring someone who had left back onto the roster', params: IdParams, body: ReturnInput, response: { 200: PersonDetail, ...errorResponses } } }, async (request) =>
    markReturned(app.prisma, requireActor(request), request.auditContext(), request.params.id, request.body),
  );
};
export default peopleRoutes;
