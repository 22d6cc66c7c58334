import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from './db/client.js';
import { repoRoot } from './env.js';
import { memoSerializerCompiler } from './lib/serializer.js';
import audit from './plugins/audit.js';
import auth from './plugins/auth.js';
import docs from './plugins/docs.js';
import errors, { clientErrors, frameworkErrors } from './plugins/errors.js';
import prisma from './plugins/prisma.js';
import security from './plugins/security.js';
import spa from './plugins/spa.js';
import accountRoutes from './routes/accounts/index.js';
import auditRoutes from './routes/audit/index.js';
import authRoutes from './routes/auth/index.js';
import censusRoutes from './routes/census-categories/index.js';
import classRoutes from './routes/classes/index.js';
import dailyReportRoutes from './routes/daily-reports/index.js';
import followUpRoutes from './routes/follow-ups/index.js';
import healthRoutes from './routes/health/index.js';
import idConflictRoutes from './routes/id-conflicts/index.js';
import peopleRoutes from './routes/people/index.js';
import quarantineRoutes from './routes/quarantine/index.js';
import schoolRoutes from './routes/schools/index.js';
import retentionRoutes from './routes/retention/index.js';
import settingsRoutes from './routes/settings/index.js';
import supplyRoutes from './routes/supplies/index.js';
import dutyRoutes from './routes/duty/index.js';
import gateRoutes from './routes/gate/index.js';
import disinfectionRoutes from './routes/disinfection/index.js';
import learningRoutes from './routes/learning/index.js';
import uploadRoutes from './routes/uploads/index.js';

export interface BuildAppOptions {
  prisma: Db;
  logger?: FastifyServerOptions['logger'];
  cookieSecure?: boolean;
  sessionAbsoluteHours?: number;
  /** Folder of the built web app; defaults to apps/web/dist. */
  webDistDir?: string;
  /** Fastify's trustProxy (env TRUST_PROXY): whose X-Forwarded-For / -Proto to believe. */
  trustProxy?: boolean | string;
  /** Folder of uploaded pictures (env CAMPUS_UPLOADS_DIR); a fresh temporary folder when left out (tests). */
  uploadsDir?: string;
}

/** Builds the whole app without listening: server.ts listens, tests use app.inject. */
export async function buildApp(options: BuildAppOptions) {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: 256 * 1024,
    trustProxy: options.trustProxy ?? false,
    // Fastify's own refusals before routing (bad percent-encoding, over-long path parameters) in the one error shape.
    frameworkErrors,
    clientErrorHandler: clientErrors,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(memoSerializerCompiler);
  // When each request arrived, stamped before any hook awaits anything: a follow-up save tells a save racing it from a later one by it.
  app.decorateRequest('arrivedAt', null as unknown as Date);
  app.addHook('onRequest', (request, _reply, done) => {
    request.arrivedAt = new Date();
    done();
  });

  await app.register(prisma, { prisma: options.prisma });
  const uploadsDir = options.uploadsDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'campus-uploads-'));
  fs.mkdirSync(uploadsDir, { recursive: true, mode: 0o750 });
  app.decorate('uploadsDir', uploadsDir);
  await app.register(audit);
  await app.register(errors);
  await app.register(security);
  await app.register(auth, { cookieSecure: options.cookieSecure ?? false, absoluteHours: options.sessionAbsoluteHours ?? 12 });
  await app.register(docs);

  await app.register(
    async (api) => {
      await api.register(healthRoutes);
      await api.register(authRoutes);
      await api.register(schoolRoutes);
      await api.register(classRoutes);
      await api.register(accountRoutes);
      await api.register(settingsRoutes);
      await api.register(auditRoutes);
      await api.register(censusRoutes);
      await api.register(peopleRoutes);
      await api.register(followUpRoutes);
      await api.register(dailyReportRoutes);
      await api.register(supplyRoutes);
      await api.register(quarantineRoutes);
      await api.register(idConflictRoutes);
      await api.register(retentionRoutes);
      await api.register(uploadRoutes);
      await api.register(dutyRoutes);
      await api.register(gateRoutes);
      await api.register(disinfectionRoutes);
      await api.register(learningRoutes);
    },
    { prefix: '/api' },
  );

  await app.register(spa, { distDir: options.webDistDir ?? path.join(repoRoot, 'apps', 'web', 'dist') });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;

declare module 'fastify' {
  interface FastifyRequest {
    arrivedAt: Date;
  }
  interface FastifyInstance {
    /** Where pictures are kept (ADR 0021). */
    uploadsDir: string;
  }
}
