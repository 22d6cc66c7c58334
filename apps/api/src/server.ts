// Starts Campus Guard: the database (embedded unless DATABASE_URL is set),
// migrations, first-start seed, then the API + web app on one port.
import { buildApp } from './app.js';
import { checkSqlRowShapes } from './db/sql.js';
import { createPrismaClient } from './db/client.js';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.js';
import { applyMigrations } from './db/migrate.js';
import { loadEnv } from './env.js';
import { accountsWithDemoPassword, DEMO_PASSWORD, seedIfEmpty } from './seed/index.js';
import { startHousekeeping } from './services/retention.js';

async function main() {
  const env = loadEnv();
  const startedAt = Date.now();
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    console.log(`Starting embedded PostgreSQL (data in ${env.CAMPUS_DATA_DIR}) …`);
    embedded = await startEmbeddedPostgres(env.CAMPUS_DATA_DIR);
    databaseUrl = embedded.url;
  }
  const applied = await applyMigrations(databaseUrl);
  if (applied.length) console.log(`Applied migrations: ${applied.join(', ')}`);

  const prisma = createPrismaClient(databaseUrl, { hotMax: env.DATABASE_HOT_POOL_SIZE });
  const seeded = await seedIfEmpty(prisma, { demo: env.CAMPUS_DEMO, uploadsDir: env.uploadsDir });
  if (seeded.kind === 'demo') {
    await prisma.$executeRawUnsafe('ANALYZE');
    console.log(`Seeded the demo township: ${seeded.schools} schools, ${seeded.classes} classes, ${seeded.people} people, ${seeded.followUps} follow-up records, ${seeded.accounts} accounts (password campus2026).`);
  } else if (seeded.kind === 'empty') {
    // Printed once, on the console only: the first sign-in must change it.
    console.log('\n================================================================');
    console.log(' First start: sign in as "centre" with this one-time password:');
    console.log(`     ${seeded.centrePassword}`);
    console.log(' You will be asked to change it at first sign-in.');
    console.log('================================================================\n');
  }
  // At every start, not only the first: a demo database put to real use stays open to anyone who read the README.
  const demoAccounts = await accountsWithDemoPassword(prisma);
  if (demoAccounts > 0) {
    console.warn(`WARNING: ${demoAccounts} accounts share the published demo password "${DEMO_PASSWORD}": anyone who has read the README can sign in. For real data start on a new data folder with CAMPUS_DEMO=0.`);
  }

  // Hand-written SQL answers checked against their schemas while developing (db/sql.ts).
  checkSqlRowShapes(env.NODE_ENV === 'development');
  const app = await buildApp({
    prisma,
    logger: { level: env.LOG_LEVEL },
    cookieSecure: env.COOKIE_SECURE,
    trustProxy: env.TRUST_PROXY,
    ...(env.WEB_DIST_DIR ? { webDistDir: env.WEB_DIST_DIR } : {}),
    sessionAbsoluteHours: env.SESSION_ABSOLUTE_HOURS,
    uploadsDir: env.uploadsDir,
  });

  // Expired sessions and audit rows past the centre's retention: at start, then hourly.
  const housekeeping = startHousekeeping(prisma, { info: (message) => app.log.info(message), error: (error) => app.log.error(error) }, { uploadsDir: env.uploadsDir });

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info(`${signal}: shutting down`);
    housekeeping.stop();
    await app.close().catch(() => undefined);
    await prisma.$disconnect().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: env.PORT, host: env.HOST });
  const shownHost = env.HOST === '0.0.0.0' || env.HOST === '::' ? 'localhost' : env.HOST.includes(':') ? `[${env.HOST}]` : env.HOST;
  console.log(`Campus Guard is ready in ${((Date.now() - startedAt) / 1000).toFixed(1)} s: http://${shownHost}:${env.PORT}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
