// `pnpm backup [FILE]`: the database and the uploaded files in one .tar.gz (README "Backup and restore").
// Uses the running embedded PostgreSQL (or DATABASE_URL); starts the embedded one itself when none runs.
import path from 'node:path';
import { backupDatabase, BackupError } from '../db/backup.js';
import { runningEmbeddedPostgresUrl, startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded.js';
import { loadEnv } from '../env.js';

async function main() {
  const env = loadEnv();
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '').replace('T', '-');
  const archive = path.resolve(process.argv[2] ?? path.join(env.CAMPUS_DATA_DIR, 'backups', `campus-${stamp}.tar.gz`));
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = env.DATABASE_URL ?? runningEmbeddedPostgresUrl(env.CAMPUS_DATA_DIR);
  if (!databaseUrl) {
    embedded = await startEmbeddedPostgres(env.CAMPUS_DATA_DIR, { quiet: true });
    databaseUrl = embedded.url;
  }
  try {
    const manifest = await backupDatabase(databaseUrl, archive, { uploadsDir: env.uploadsDir });
    const rows = Object.values(manifest.tables).reduce((sum, count) => sum + count, 0);
    const uploads = manifest.uploads ? `, ${manifest.uploads.files} uploaded files` : '';
    console.log(`Backup written: ${archive} (${Object.keys(manifest.tables).length} tables, ${rows} rows${uploads})`);
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof BackupError ? `Backup failed: ${error.message}` : error);
  process.exit(1);
});
