import { ApiError, translate, type ErrorCode } from '@campus/shared';
import type { z } from 'zod';
import { currentLanguage, i18n } from '@/i18n';

/**
 * The one error every API call throws: the server's `{ statusCode, code,
 * message, fields? }` (shared `ApiError`), with `message` already in the
 * user's language. Network failures and unreadable answers get codes of
 * their own (`network_error`, `bad_response`) and statusCode 0 / the HTTP status.
 */
export class ApiRequestError extends Error implements ApiError {
  readonly statusCode: number;
  readonly code: ErrorCode | 'network_error' | 'bad_response' | (string & {});
  readonly fields?: Record<string, string>;

  constructor(body: ApiError) {
    super(body.message);
    this.name = 'ApiRequestError';
    this.statusCode = body.statusCode;
    this.code = body.code;
    if (body.fields) this.fields = body.fields;
  }
}

export function isApiRequestError(error: unknown): error is ApiRequestError {
  return error instanceof ApiRequestError;
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  query?: Record<string, QueryValue>;
  /**
   * Sent as JSON (`Content-Type` set only when there is a body); a `FormData`
   * body goes as multipart, with the content type and boundary left to the browser.
   */
  body?: unknown;
  signal?: AbortSignal;
  /** Sent as `Idempotency-Key`: a resend of the same write (newIdempotencyKey per attempt) answers as the first did. */
  idempotencyKey?: string;
}

/**
 * A fresh key for one write attempt: 32 hex digits from getRandomValues
 * (crypto.randomUUID exists only on HTTPS, and a township may serve plain HTTP on its network).
 */
export function newIdempotencyKey(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function withQuery(path: string, query: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * Sends the request with the session cookie and the UI language; a failed
 * answer becomes an `ApiRequestError` with the server's localized message.
 */
async function send(path: string, accept: string, options: RequestOptions): Promise<Response> {
  const language = currentLanguage();
  const headers: Record<string, string> = { Accept: accept, 'Accept-Language': language };
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  let body: string | FormData | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }

  let response: Response;
  try {
    response = await fetch(withQuery(`/api${path}`, options.query), {
      method: options.method ?? 'GET',
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiRequestError({ statusCode: 0, code: 'network_error', message: i18n.t('errors.network') });
  }

  if (!response.ok) {
    const parsed = ApiError.safeParse(await readJson(response));
    if (parsed.success) throw new ApiRequestError(parsed.data);
    const code: ErrorCode = response.status >= 500 ? 'internal_error' : 'bad_request';
    throw new ApiRequestError({ statusCode: response.status, code, message: translate(code, language) });
  }
  return response;
}

/**
 * Calls `/api{path}` with the session cookie and the UI language, and checks
 * the answer against the shared response schema, so a contract mismatch shows
 * up as an error instead of as a broken page.
 */
export async function apiRequest<S extends z.ZodType>(path: string, schema: S, options: RequestOptions = {}): Promise<z.output<S>> {
  const response = await send(path, 'application/json', options);
  const parsed = schema.safeParse(await readJson(response));
  if (!parsed.success) {
    console.error(`Unexpected answer from ${options.method ?? 'GET'} /api${path}`, parsed.error.issues);
    throw new ApiRequestError({ statusCode: response.status, code: 'bad_response', message: i18n.t('errors.badResponse') });
  }
  return parsed.data;
}

/** A file from `/api{path}` (an export) as a Blob; errors as for `apiRequest`. */
export async function apiDownload(path: string, options: RequestOptions = {}): Promise<Blob> {
  const response = await send(path, '*/*', options);
  return response.blob();
}
