import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sqlRows } from '../../db/sql.js';
import { Prisma } from '../../generated/prisma/client.js';

const Health = z.object({ status: z.enum(['ok', 'degraded']), database: z.enum(['ok', 'down']), uptimeSeconds: z.number() });

const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/health',
    { config: { public: true }, schema: { tags: ['health'], summary: 'Process and database health', response: { 200: Health, 503: Health } } },
    async (_request, reply) => {
      let database: 'ok' | 'down' = 'ok';
      try {
        await sqlRows(app.prisma, Prisma.sql`SELECT 1`);
      } catch {
        database = 'down';
      }
      const body = { status: database === 'ok' ? ('ok' as const) : ('degraded' as const), database, uptimeSeconds: Math.round(process.uptime()) };
      return reply.code(database === 'ok' ? 200 : 503).send(body);
    },
  );
};
export default healthRoutes;
