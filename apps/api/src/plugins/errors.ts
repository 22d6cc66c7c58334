import http from 'node:http';
import type { Socket } from 'node:net';
import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { z } from 'zod';
import { issuesToFields, pickLanguage, translate, type ApiError, type Language } from '@campus/shared';
import { isDataException, isUniqueViolation } from '../lib/db-errors.js';
import { AppError, ForbiddenError, IssuesError, NotFoundError, TooManyRequestsError } from '../lib/errors.js';

export function requestLanguage(request: FastifyRequest): Language {
  return pickLanguage(request.headers['accept-language']);
}

export function sendNotFound(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, { statusCode: 404, code: 'not_found', message: translate('not_found', requestLanguage(request)) });
}

function send(reply: FastifyReply, body: ApiError) {
  return reply.code(body.statusCode).type('application/json; charset=utf-8').send(body);
}

/** Fastify's own 4xx codes, mapped to our codes. */
const FASTIFY_CODES: Record<string, { statusCode: number; code: ApiError['code'] }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: { statusCode: 413, code: 'payload_too_large' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { statusCode: 415, code: 'unsupported_media_type' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { statusCode: 400, code: 'bad_request' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { statusCode: 400, code: 'bad_request' },
  FST_ERR_CTP_INVALID_JSON_BODY: { statusCode: 400, code: 'bad_request' },
  FST_ERR_NOT_FOUND: { statusCode: 404, code: 'not_found' },
  // Refused while routing, before any hook: see frameworkErrors below.
  FST_ERR_BAD_URL: { statusCode: 400, code: 'bad_request' },
  FST_ERR_MAX_PARAM_LENGTH: { statusCode: 414, code: 'uri_too_long' },
  FST_ERR_ASYNC_CONSTRAINT: { statusCode: 400, code: 'bad_request' },
};

/**
 * Fastify's `frameworkErrors` (a malformed percent-encoding, a path
 * parameter over maxParamLength): refused before routing, so the error
 * handler never sees them; without this they answer in Fastify's own shape
 * and echo the URL back.
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const known = (error.code && FASTIFY_CODES[error.code]) || { statusCode: 400, code: 'bad_request' as const };
  void send(reply, { statusCode: known.statusCode, code: known.code, message: translate(known.code, requestLanguage(request)) });
}

/**
 * Fastify's `clientErrorHandler`: a request Node could not even parse (a URL
 * or headers over the 16 KiB limit, a broken request line, a timeout) gets
 * the one error shape too, in the first language as no header was read.
 * Modelled on Fastify's default handler, which answers in its own shape.
 */
export function clientErrors(error: NodeJS.ErrnoException, socket: Socket) {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [statusCode, code] =
    error.code === 'HPE_HEADER_OVERFLOW' ? [431, 'uri_too_long' as const] : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? [408, 'bad_request' as const] : [400, 'bad_request' as const];
  const body = JSON.stringify({ statusCode, code, message: translate(code, 'zh-CN') } satisfies ApiError);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${statusCode} ${http.STATUS_CODES[statusCode]}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nContent-Type: application/json; charset=utf-8\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}

/** One error shape for every error: `{ statusCode, code, message, fields? }`. */
export default fp(
  async (app) => {
    app.setErrorHandler(async (error: FastifyError, request, reply) => {
      const language = requestLanguage(request);
      if (hasZodFastifySchemaValidationErrors(error)) {
        const issues = error.validation.map((item) => ({
          ...(item.params as object),
          code: item.keyword,
          path: item.instancePath.split('/').filter(Boolean),
          message: item.message,
        })) as unknown as z.core.$ZodIssue[];
        return send(reply, {
          statusCode: 400,
          code: 'validation_failed',
          message: translate('validation_failed', language),
          fields: issuesToFields(issues, language),
        });
      }
      if (error instanceof AppError) {
        if (error instanceof ForbiddenError || (error instanceof NotFoundError && request.actor)) {
          await request.audit({ action: 'access.denied', entity: error instanceof NotFoundError ? error.entity : undefined, entityId: error instanceof NotFoundError ? error.entityId : undefined });
        }
        if (error instanceof TooManyRequestsError) reply.header('retry-after', String(error.retryAfterSeconds));
        const fields =
          error instanceof IssuesError
            ? issuesToFields(error.issues, language)
            : error.fieldKeys
              ? Object.fromEntries(Object.entries(error.fieldKeys).map(([field, key]) => [field, translate(key, language)]))
              : undefined;
        return send(reply, {
          statusCode: error.statusCode,
          code: error.code,
          message: translate(error.messageKey, language, error.params),
          ...(fields ? { fields } : {}),
        });
      }
      const known = error.code ? FASTIFY_CODES[error.code] : undefined;
      if (known) {
        return send(reply, { statusCode: known.statusCode, code: known.code, message: translate(known.code, language) });
      }
      // Two creates raced to one unique key (or the thing exists already): the loser is told, as for any conflict.
      if (isUniqueViolation(error)) {
        return send(reply, { statusCode: 409, code: 'conflict', message: translate('conflict', language) });
      }
      if (isDataException(error)) {
        request.log.warn({ code: (error as { code?: string }).code }, 'value refused by the database');
        return send(reply, { statusCode: 400, code: 'bad_request', message: translate('bad_request', language) });
      }
      if (error.statusCode === 429) {
        return send(reply, { statusCode: 429, code: 'too_many_requests', message: translate('too_many_requests', language, { seconds: 60 }) });
      }
      if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
        return send(reply, { statusCode: error.statusCode, code: 'bad_request', message: translate('bad_request', language) });
      }
      request.log.error({ err: error }, 'unhandled error');
      return send(reply, { statusCode: 500, code: 'internal_error', message: translate('internal_error', language) });
    });
  },
  { name: 'errors', dependencies: ['audit'] },
);
