// The only place that reads process.env (CONVENTIONS habit 8).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const booleanFlag = z
  .enum(['0', '1', 'true', 'false', 'yes', 'no'])
  .transform((value) => value === '1' || value === 'true' || value === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** The address to listen on: loopback unless said otherwise (`0.0.0.0` for every interface). */
  HOST: z.string().default('127.0.0.1'),
  /**
   * Behind a reverse proxy: `1` trusts `X-Forwarded-For` / `-Proto` from any
   * peer, or a comma-separated list of the proxies' addresses (CIDR allowed)
   * trusts them from those only. Unset: the headers are ignored (Fastify's trustProxy).
   */
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value): boolean | string => {
      const flag = value?.trim().toLowerCase() ?? '';
      if (['', '0', 'false', 'no'].includes(flag)) return false;
      if (['1', 'true', 'yes'].includes(flag)) return true;
      return value!.trim();
    }),
  /** Any PostgreSQL; when absent an embedded PostgreSQL is started. */
  DATABASE_URL: z.string().url().optional(),
  /** Connections for the hot statements (db/client.ts); by default two per core, at least four. */
  DATABASE_HOT_POOL_SIZE: z.coerce.number().int().min(1).max(100).optional(),
  /** Folder of the embedded PostgreSQL's data (git-ignored). */
  CAMPUS_DATA_DIR: z.string().default(path.join(repoRoot, '.data')),
  /** Folder of uploaded files (photos, documents); default <CAMPUS_DATA_DIR>/uploads. Backed up with the database. */
  CAMPUS_UPLOADS_DIR: z.string().optional(),
  /** Seed the demo township 义和镇 on an empty database (set 0 for real use). */
  CAMPUS_DEMO: booleanFlag.default(true),
  /** Absolute session lifetime in hours. */
  SESSION_ABSOLUTE_HOURS: z.coerce.number().positive().default(12),
  /** Always serve cookies with the Secure flag; without it they get it on HTTPS requests (behind a proxy: TRUST_PROXY and X-Forwarded-Proto). */
  COOKIE_SECURE: booleanFlag.default(false),
  /** The built web app to serve (default apps/web/dist). */
  WEB_DIST_DIR: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof EnvSchema> & { uploadsDir: string };

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment: ${problems.join('; ')}`);
  }
  return { ...parsed.data, uploadsDir: parsed.data.CAMPUS_UPLOADS_DIR ?? path.join(parsed.data.CAMPUS_DATA_DIR, 'uploads') };
}
