// `pnpm restore FILE [--force]`: a backup written by `pnpm backup` into an empty data folder
// (or DATABASE_URL's database). Migrations newer than the backup apply at the next start.
import path from 'node:path';
import { BackupError, restoreDatabase } from '../db/backup.js';
import { runningEmbeddedPostgresUrl, startEmbeddedPostgres, type EmbeddedDatabase } from '../db/embedded.js';
import { loadEnv } from '../env.js';

async function main() {
  const args = process.argv.slice(2);
  const force = args.includes('--force');
  const file = args.find((arg) => !arg.startsWith('--'));
  if (!file) throw new BackupError('Usage: pnpm restore FILE [--force]');
  const env = loadEnv();
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = env.DATABASE_URL;
  if (!databaseUrl) {
    if (runningEmbeddedPostgresUrl(env.CAMPUS_DATA_DIR)) {
      throw new BackupError(`Campus Guard (its PostgreSQL) is running on ${env.CAMPUS_DATA_DIR}. Stop it before restoring.`);
    }
    embedded = await startEmbeddedPostgres(env.CAMPUS_DATA_DIR, { quiet: true });
    databaseUrl = embedded.url;
  }
  try {
    const manifest = await restoreDatabase(databaseUrl, path.resolve(file), { uploadsDir: env.uploadsDir, force });
    const rows = Object.values(manifest.tables).reduce((sum, count) => sum + count, 0);
    console.log(`Restored the backup of ${manifest.createdAt}: ${Object.keys(manifest.tables).length} tables, ${rows} rows${manifest.uploads ? `, ${manifest.uploads.files} uploaded files` : ''}.`);
    console.log('Start Campus Guard as usual; newer migrations, if any, apply then.');
  } finally {
    await embedded?.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof BackupError ? `Restore refused: ${error.message}` : error);
  process.exit(1);
});
