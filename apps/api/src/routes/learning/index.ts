import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ClassStudyDay, ClassStudyQuery, SchoolStudyDay, SchoolStudyQuery, TownshipStudyQuery, TownshipStudyRange } from '@campus/shared';
import { errorResponses } from '../../lib/errors-schema.js';
import { requireActor } from '../../plugins/auth.js';
import { classStudyDay, schoolStudyDay, townshipStudyRange } from '../../services/learning/index.js';

const tags = ['learning'];

/** 停课不停学 (issue 17, ADR 0025): the study figures of a class, a school and the township. */
const learningRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/learning/class', { schema: { tags, summary: 'A class’s study picture of a day, from the day’s calls', querystring: ClassStudyQuery, response: { 200: ClassStudyDay, ...errorResponses } } }, async (request) =>
    classStudyDay(app.prisma, requireActor(request), request.query),
  );
  app.get('/learning/school', { schema: { tags, summary: 'A school’s study figures of a day, per class, and the class reports filed', querystring: SchoolStudyQuery, response: { 200: SchoolStudyDay, ...errorResponses } } }, async (request) =>
    schoolStudyDay(app.prisma, requireActor(request), request.query),
  );
  app.get('/learning/township', { schema: { tags, summary: 'The township’s study figures day by day (the trend) and per school (centre, observers)', querystring: TownshipStudyQuery, response: { 200: TownshipStudyRange, ...errorResponses } } }, async (request) =>
    townshipStudyRange(app.prisma, requireActor(request), request.query),
  );
};
export default learningRoutes;
