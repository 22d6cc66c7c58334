import fp from 'fastify-plugin';
import type { Db } from '../db/client.js';

declare module 'fastify' {
  interface FastifyInstance {
    prisma: Db;
  }
}

/** Hands the app's PrismaClient to routes; the caller (server.ts or a test) owns its lifecycle. */
export default fp<{ prisma: Db }>(
  async (app, options) => {
    app.decorate('prisma', options.prisma);
  },
  { name: 'prisma' },
);
