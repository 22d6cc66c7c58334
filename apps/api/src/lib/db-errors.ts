import { Prisma } from '../generated/prisma/client.js';

/**
 * What PostgreSQL said about a refused write, wherever the error carries it:
 * Prisma's own codes (P2002…), a raw query's failure (P2010 with the driver's
 * error in `meta`), or, inside an interactive transaction, the pg adapter's
 * error passed through with `cause.originalCode` (23505…).
 */
function sqlStates(error: unknown): string[] {
  const states: string[] = [];
  const seen = new Set<unknown>();
  const visit = (value: unknown, depth: number) => {
    if (!value || typeof value !== 'object' || seen.has(value) || depth > 4) return;
    seen.add(value);
    const record = value as Record<string, unknown>;
    for (const key of ['originalCode', 'code']) if (typeof record[key] === 'string') states.push(record[key]);
    if (record.kind === 'UniqueConstraintViolation') states.push('23505');
    for (const key of ['cause', 'meta', 'driverAdapterError']) visit(record[key], depth + 1);
  };
  visit(error, 0);
  return states;
}

/** A unique key refused the write (two creates raced, or the thing exists already). */
export function isUniqueViolation(error: unknown): boolean {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return true;
  return sqlStates(error).some((state) => state === '23505' || state === 'P2002');
}

/**
 * PostgreSQL refused a value (class 22, "data exception": a NUL byte, a day
 * that does not exist, a number out of range) or Prisma did before sending it:
 * the request's fault, not the server's. The schemas refuse these first; this
 * keeps one that slips through from answering 500.
 */
export function isDataException(error: unknown): boolean {
  return sqlStates(error).some((state) => /^22[0-9A-Z]{3}$/.test(state) || ['P2000', 'P2006', 'P2007', 'P2020', 'P2023'].includes(state));
}
