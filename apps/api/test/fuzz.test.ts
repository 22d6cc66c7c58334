/**
 * Malformed requests to every route of the OpenAPI document, generated with
 * fast-check: NUL bytes, lone surrogates, huge strings, wrong types, days
 * not on the calendar, deep objects, arrays for objects, over-long ids, bad
 * JSON and content types. Whatever comes in, the answer is never a 5xx and
 * an error is always `{ statusCode, code, message, fields? }`. Seeded and
 * bounded (RUNS per route and role); mutating routes really mutate this
 * file's database clone.
 */
import net from 'node:net';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { dayInTimeZone } from '@campus/shared';
import { setupTestApp } from './helpers/app.js';
import { createPerson, createSchool, createSchoolClass, createUser } from './helpers/factories.js';
import { signIn, type Client } from './helpers/http.js';

const RUNS = 20;

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  multipleOf?: number;
  minLength?: number;
  minItems?: number;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: boolean | JsonSchema;
  const?: unknown;
}
interface Parameter {
  in: 'path' | 'query' | 'header';
  name: string;
  schema?: JsonSchema;
}
interface Operation {
  method: string;
  path: string;
  parameters: Parameter[];
  body: JsonSchema | null;
}

const ctx = await setupTestApp();
const school = await createSchool(ctx.db);
const teacherUser = await createUser(ctx.db, { role: 'class_teacher', schoolId: school.id });
const schoolClass = await createSchoolClass(ctx.db, { schoolId: school.id, grade: 2, headTeacherId: teacherUser.id });
const student = await createPerson(ctx.db, { schoolId: school.id, classId: schoolClass.id });
const bystander = await createUser(ctx.db, { role: 'principal', schoolId: school.id });
const centreUser = await createUser(ctx.db, { role: 'centre_admin' });
const today = dayInTimeZone(new Date(), 'Asia/Shanghai');
/** Real ids, so some requests get past "not found" into the services (the fuzzing accounts themselves are left out). */
const realIds = [school.id, schoolClass.id, student.id, bystander.id, '00000000-0000-4000-8000-000000000000'];

const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, { parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>> }>();
const operations: Operation[] = Object.entries(doc.paths).flatMap(([path, item]) =>
  Object.entries(item).map(([method, operation]) => ({
    method: method.toUpperCase(),
    path,
    parameters: operation.parameters ?? [],
    body: operation.requestBody?.content['application/json']?.schema ?? null,
  })),
);
// Signing out would end the fuzzing session (it is tested in auth.test.ts).
const fuzzed = operations.filter((operation) => operation.path !== '/api/auth/logout');

const NASTY_STRINGS = ['\u0000', 'a\u0000b', '\ud800', 'x\udc00y', '\udfff\ud800', '2026-02-31', '2026-13-01', '2026-00-10', '0000-01-01', '2026-2-3', '１２３', '<script>', "'; DROP TABLE \"User\";--", '%00', '..%2f..', ' '];
const nastyString = fc.oneof(
  fc.constantFrom(...NASTY_STRINGS),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 40 }).map((value) => `${value}\u0000`),
  fc.constantFrom(5_000, 70_000).map((length) => 'x'.repeat(length)),
);
const deepObject = fc.integer({ min: 50, max: 3_000 }).map((depth) => {
  let value: unknown = { a: 1 };
  for (let index = 0; index < depth; index += 1) value = index % 2 ? { a: value } : [value];
  return value;
});
const wrongValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.1, '', [], {}, [[]], { 0: 1 }, ['a', 'b'], { toString: 'x' }, { __proto__: { admin: true } }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.array(nastyString, { maxLength: 3 }),
  deepObject,
);
const badDay = fc.constantFrom('2026-02-31', '2026-13-01', '2026-02-29', '2025-02-29', '0000-01-01', '9999-99-99', '2026-1-1', `${today}\u0000`, `${today}x`, today);
const badId = fc.oneof(fc.constantFrom(...realIds), fc.constantFrom('x'.repeat(5_000), 'not-a-uuid', `${school.id}\u0000`, '\ud800', school.id.toUpperCase(), `${school.id}0`), nastyString);

/** Percent-encodes like a browser, and lone surrogates as the raw (invalid) UTF-8 bytes a hostile client can send. */
function encode(value: string): string {
  let out = '';
  for (const character of value) {
    try {
      out += encodeURIComponent(character);
    } catch {
      const unit = character.charCodeAt(0);
      out += [0xe0 | (unit >> 12), 0x80 | ((unit >> 6) & 0x3f), 0x80 | (unit & 0x3f)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join('');
    }
  }
  return out;
}

const asText = (value: unknown): string => (typeof value === 'string' ? value : JSON.stringify(value) ?? '');

/** A value the schema accepts (as far as can be told from the document), to be spoiled in one place. */
function validish(schema: JsonSchema | undefined): unknown {
  if (!schema) return 'x';
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options?.length) return validish(options.find((option) => option.type !== 'null') ?? options[0]);
  if (schema.allOf?.length) return validish(schema.allOf[0]);
  const type = Array.isArray(schema.type) ? schema.type.find((item) => item !== 'null') : schema.type;
  switch (type) {
    case 'string':
      if (schema.format === 'uuid') return realIds[0];
      if (schema.format === 'date-time') return new Date().toISOString();
      if (schema.pattern?.includes('\\d{4}-\\d{2}-\\d{2}')) return today;
      if (schema.pattern?.includes(':[0-5]')) return '08:00';
      return '测'.repeat(Math.max(1, schema.minLength ?? 1));
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : 1);
    case 'boolean':
      return true;
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => validish(schema.items));
    case 'object':
      return Object.fromEntries(Object.entries(schema.properties ?? {}).map(([key, property]) => [key, validish(property)]));
    default:
      return null;
  }
}

/** A body: the valid-looking one with one field (or a field of a field) spoiled, or something else entirely. */
function bodyOf(schema: JsonSchema | null): fc.Arbitrary<unknown> {
  const base = validish(schema ?? { type: 'object' });
  const spoiled =
    base && typeof base === 'object' && !Array.isArray(base) && Object.keys(base).length
      ? fc.tuple(fc.nat(), fc.nat(), wrongValue).map(([first, second, bad]) => {
          const copy = structuredClone(base) as Record<string, unknown>;
          const keys = Object.keys(copy);
          const key = keys[first % keys.length]!;
          const inner = copy[key];
          if (second % 3 === 0 && inner && typeof inner === 'object') {
            const target = (Array.isArray(inner) ? inner[0] : inner) as Record<string, unknown> | undefined;
            const innerKeys = target && typeof target === 'object' ? Object.keys(target) : [];
            if (target && innerKeys.length) target[innerKeys[second % innerKeys.length]!] = bad;
            else copy[key] = bad;
          } else if (second % 5 === 1) {
            copy[`extra${second}`] = bad;
          } else {
            copy[key] = bad;
          }
          return copy;
        })
      : wrongValue;
  return fc.oneof({ arbitrary: spoiled, weight: 4 }, { arbitrary: wrongValue, weight: 1 }, { arbitrary: fc.constant([base, base]), weight: 1 });
}

function paramValue(parameter: Parameter): fc.Arbitrary<string> {
  const schema = parameter.schema ?? {};
  const looksLikeDay = /day|from|to/i.test(parameter.name) || Boolean(schema.pattern?.includes('\\d{4}'));
  const looksLikeId = schema.format === 'uuid' || /id$/i.test(parameter.name);
  return fc.oneof(
    looksLikeDay ? badDay : looksLikeId ? badId : fc.constant(asText(validish(schema))),
    nastyString,
    wrongValue.map(asText),
  );
}

interface Attempt {
  url: string;
  headers: Record<string, string>;
  payload?: string;
}

function requestOf(operation: Operation): fc.Arbitrary<Attempt> {
  const pathParameters = operation.parameters.filter((parameter) => parameter.in === 'path');
  const queryParameters = operation.parameters.filter((parameter) => parameter.in === 'query');
  const headerParameters = operation.parameters.filter((parameter) => parameter.in === 'header');
  const path = fc.tuple(...pathParameters.map((parameter) => fc.oneof({ arbitrary: paramValue(parameter), weight: 3 }, { arbitrary: fc.constant(asText(validish(parameter.schema))), weight: 1 })));
  const query = fc.tuple(
    ...queryParameters.map((parameter) => fc.option(fc.tuple(paramValue(parameter), fc.boolean()), { freq: 2 })),
    fc.option(fc.tuple(nastyString, nastyString), { freq: 3 }),
  );
  const headers = fc.tuple(...headerParameters.map(() => fc.option(fc.oneof(fc.string({ unit: 'grapheme-ascii', maxLength: 120 }), fc.constant('x'.repeat(500))))));
  const hasBody = !['GET', 'DELETE', 'HEAD'].includes(operation.method);
  const body = hasBody
    ? fc.oneof(
        { arbitrary: bodyOf(operation.body).map((value) => ({ type: 'application/json', payload: JSON.stringify(value) ?? 'null' })), weight: 8 },
        {
          arbitrary: fc
            .constantFrom('{', '{"a":', '[1,2', '\u0000', '{"a":"\\ud800"}', '{"__proto__":{"x":1}}', '{"constructor":{"prototype":{"x":1}}}', '')
            .map((payload) => ({ type: 'application/json', payload })),
          weight: 1,
        },
        { arbitrary: fc.constantFrom({ type: 'text/plain', payload: 'hello' }, { type: 'application/x-www-form-urlencoded', payload: 'a=1' }, { type: 'multipart/form-data; boundary=x', payload: '--x\r\nbroken' }, { type: 'application/json', payload: `{"a":"${'x'.repeat(300_000)}"}` }), weight: 1 },
      )
    : fc.constant(null);
  return fc.tuple(path, query, headers, body).map(([pathValues, queryValues, headerValues, sent]) => {
    let url = operation.path;
    pathParameters.forEach((parameter, index) => (url = url.replace(`{${parameter.name}}`, encode(pathValues[index]!))));
    const parts: string[] = [];
    queryParameters.forEach((parameter, index) => {
      const value = queryValues[index] as [string, boolean] | null;
      if (!value) return;
      parts.push(`${encode(parameter.name)}=${encode(value[0])}`);
      if (value[1]) parts.push(`${encode(parameter.name)}=${encode(value[0])}`);
    });
    const extra = queryValues[queryParameters.length] as [string, string] | null;
    if (extra) parts.push(`${encode(extra[0])}=${encode(extra[1])}`);
    if (parts.length) url += `?${parts.join('&')}`;
    const headerMap: Record<string, string> = {};
    headerParameters.forEach((parameter, index) => {
      const value = headerValues[index];
      if (value !== null && value !== undefined) headerMap[parameter.name] = value;
    });
    if (sent) headerMap['content-type'] = sent.type;
    return { url, headers: headerMap, ...(sent ? { payload: sent.payload } : {}) };
  });
}

/** Every answer: no 5xx, and an error in the one shape (its statusCode the answer's). */
function checkAnswer(response: LightMyRequestResponse, label: string) {
  expect(response.statusCode, `${label} → ${response.statusCode} ${response.body.slice(0, 300)}`).toBeLessThan(500);
  if (response.statusCode < 400) return;
  expect(response.headers['content-type'], label).toMatch(/^application\/json/);
  const body = JSON.parse(response.body) as Record<string, unknown>;
  expect(Object.keys(body).filter((key) => !['statusCode', 'code', 'message', 'fields'].includes(key)), label).toEqual([]);
  expect(body, label).toMatchObject({ statusCode: response.statusCode, code: expect.any(String), message: expect.any(String) });
  if (body.fields !== undefined) {
    expect(typeof body.fields, label).toBe('object');
    for (const message of Object.values(body.fields as object)) expect(typeof message, label).toBe('string');
  }
}

const clients: Record<string, Client | null> = {
  centre_admin: await signIn(ctx.app, centreUser.username),
  class_teacher: await signIn(ctx.app, teacherUser.username),
  anonymous: null,
};

describe('fuzzing every route from the OpenAPI document', () => {
  it('finds the routes to fuzz in the document', () => {
    expect(fuzzed.length).toBeGreaterThan(50);
  });

  const cases = fuzzed.flatMap((operation, index) => Object.keys(clients).map((role) => ({ operation, role, seed: 1307 + index, name: `${operation.method} ${operation.path} as ${role}` })));
  it.each(cases)('$name: no 5xx, every error in the one shape', async ({ operation, role, seed }) => {
    const client = clients[role]!;
    await fc.assert(
      fc.asyncProperty(requestOf(operation), async (attempt) => {
        const response = await ctx.app.inject({
          method: operation.method as 'GET',
          url: attempt.url,
          headers: { ...(client ? { cookie: client.cookie } : {}), 'accept-language': 'en', ...attempt.headers },
          ...(attempt.payload !== undefined ? { payload: attempt.payload } : {}),
        });
        checkAnswer(response, `${operation.method} ${attempt.url.slice(0, 200)} ${attempt.payload?.slice(0, 200) ?? ''}`);
      }),
      { numRuns: RUNS, seed, endOnFailure: true },
    );
  });
});

describe('malformed requests outside the document', () => {
  const raw = [
    { method: 'GET', url: `/api/people/${'a'.repeat(10_000)}` },
    { method: 'GET', url: `/api/follow-ups/${student.id}/2026-02-31` },
    { method: 'GET', url: `/api/follow-ups/${student.id}/2026-13-01` },
    { method: 'GET', url: '/api/people/%E0%A4%A' },
    { method: 'GET', url: '/api/people/%ED%A0%80' },
    { method: 'GET', url: '/api/no-such-route' },
    { method: 'PATCH', url: '/api/health' },
    { method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'admin\u0000', password: 'campus2026' }) },
    { method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: '\ud800admin', password: 'x' }) },
    { method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: '{"username":"a","password":"b"' },
    { method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/xml' }, payload: '<a/>' },
    { method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: `{"username":"${'a'.repeat(400_000)}"}` },
    { method: 'GET', url: `/api/follow-ups/worklist?classId=${schoolClass.id}&day=2026-02-31` },
    { method: 'GET', url: `/api/audit?from=2026-13-01` },
  ] as const;
  it.each(raw.map((request) => ({ ...request, name: `${request.method} ${request.url.slice(0, 80)}` })))('$name', async (request) => {
    const response = await ctx.app.inject({ ...request, headers: { cookie: clients.centre_admin!.cookie, ...('headers' in request ? request.headers : {}) } } as never);
    checkAnswer(response, request.url.slice(0, 100));
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
  });
});

describe('racing creates that hit a unique key', () => {
  const race = (url: string, body: object) =>
    Promise.all([0, 1].map(() => ctx.app.inject({ method: 'POST', url, headers: { cookie: clients.centre_admin!.cookie, 'content-type': 'application/json' }, payload: JSON.stringify(body) })));

  it.each([
    { name: 'two schools with one code', url: '/api/schools', body: { code: 'RACE1', name: '赛跑小学', kind: 'primary' } },
    { name: 'two census categories with one code', url: '/api/census-categories', body: { code: 'race_one', label: '赛跑', labelEn: 'Race' } },
  ])('$name: one is created, the other is told of the conflict (409), not a 500', async ({ url, body }) => {
    const responses = await race(url, body);
    for (const response of responses) checkAnswer(response, url);
    const statuses = responses.map((response) => response.statusCode).sort();
    expect(statuses[0]).toBeLessThan(300);
    expect(statuses[1]).toBe(409);
  });
});

describe('requests Node cannot parse, over a real socket', () => {
  async function rawExchange(request: string): Promise<{ status: number; body: string }> {
    const address = ctx.app.server.address();
    const port = address && typeof address === 'object' ? address.port : await ctx.app.listen({ port: 0, host: '127.0.0.1' }).then(() => (ctx.app.server.address() as { port: number }).port);
    const socket = net.connect({ port, host: '127.0.0.1' });
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.write(request);
    await new Promise((resolve) => socket.on('close', resolve));
    const text = Buffer.concat(chunks).toString('utf8');
    const [head = '', body = ''] = text.split('\r\n\r\n');
    return { status: Number(head.split(' ')[1]), body };
  }

  it.each([
    { name: 'a URL over the header limit', request: `GET /api/people?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, status: 431 },
    { name: 'a broken request line', request: 'NOT HTTP AT ALL\r\n\r\n', status: 400 },
  ])('$name answers $status in the one error shape', async ({ request, status }) => {
    const answer = await rawExchange(request);
    expect(answer.status).toBe(status);
    expect(JSON.parse(answer.body)).toEqual({ statusCode: status, code: expect.any(String), message: expect.any(String) });
  });
});
