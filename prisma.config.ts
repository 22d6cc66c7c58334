// Prisma CLI configuration. Prisma 6.19 runs its schema engine as WebAssembly
// through a driver adapter (engine: 'js'), so no native engine is downloaded.
// Day-to-day migrations are applied by the app itself (apps/api/src/db/migrate.ts);
// this file serves `prisma generate` and `prisma migrate diff` for developers.
import { defineConfig } from 'prisma/config';
import { PrismaPg } from '@prisma/adapter-pg';

type PgAdapter = Awaited<ReturnType<PrismaPg['connect']>>;

// prisma/orm#27403: catalog queries return PostgreSQL types the adapter cannot
// map (name, char, oidvector, regproc, …). Report them as text / text[].
const CATALOG_TEXT_OIDS = new Set([18, 19, 22, 24, 30, 194, 1033, 2205, 3220]);
const CATALOG_TEXT_ARRAY_OIDS = new Set([1003, 1034]);

function patchCatalogTypes<T extends object>(queryable: T): T {
  const target = queryable as unknown as {
    performIO?: (...args: unknown[]) => Promise<{ fields?: { dataTypeID: number }[] }>;
  };
  const original = target.performIO?.bind(queryable);
  if (!original) return queryable;
  target.performIO = async (...args: unknown[]) => {
    const result = await original(...args);
    for (const field of result.fields ?? []) {
      if (CATALOG_TEXT_OIDS.has(field.dataTypeID)) field.dataTypeID = 25;
      else if (CATALOG_TEXT_ARRAY_OIDS.has(field.dataTypeID)) field.dataTypeID = 1009;
    }
    return result;
  };
  return queryable;
}

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  experimental: { adapter: true },
  engine: 'js',
  async adapter() {
    const url = process.env.DATABASE_URL ?? 'postgresql://postgres@localhost:5432/postgres';
    const factory = new PrismaPg({ connectionString: url, allowExitOnIdle: true });
    const connect = factory.connect.bind(factory);
    factory.connect = async () => {
      const adapter: PgAdapter = await connect();
      patchCatalogTypes(adapter);
      const startTransaction = adapter.startTransaction.bind(adapter);
      adapter.startTransaction = async (...args) => patchCatalogTypes(await startTransaction(...args));
      return adapter;
    };
    return factory;
  },
});
