import type { ErrorCode } from '@campus/shared';

/**
 * Typed errors thrown by services and routes; plugins/errors.ts maps them to
 * the one error shape. `messageKey` is a shared i18n key (packages/shared/src/messages.ts).
 */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    readonly messageKey: string = code,
    readonly params: Record<string, string | number> = {},
    /** field path → i18n key */
    readonly fieldKeys?: Record<string, string>,
  ) {
    super(messageKey);
  }
}

export class NotFoundError extends AppError {
  constructor(readonly entity?: string, readonly entityId?: string) {
    super(404, 'not_found');
  }
}

export class ForbiddenError extends AppError {
  constructor(messageKey = 'forbidden') {
    super(403, 'forbidden', messageKey);
  }
}

export class UnauthenticatedError extends AppError {
  constructor() {
    super(401, 'unauthenticated');
  }
}

export class ConflictError extends AppError {
  constructor(messageKey = 'conflict', params: Record<string, string | number> = {}) {
    super(409, 'conflict', messageKey, params);
  }
}

/** A field-level rule the schema cannot see (e.g. "user name taken"). */
export class FieldError extends AppError {
  constructor(fieldKeys: Record<string, string>, statusCode = 400) {
    super(statusCode, statusCode === 409 ? 'conflict' : 'validation_failed', statusCode === 409 ? 'conflict' : 'validation_failed', {}, fieldKeys);
  }
}

/** 429 with `Retry-After`; the message says the wait in seconds, or in minutes from two minutes on. */
export class TooManyRequestsError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      'too_many_requests',
      retryAfterSeconds >= 120 ? 'too_many_requests_minutes' : 'too_many_requests',
      retryAfterSeconds >= 120 ? { minutes: Math.ceil(retryAfterSeconds / 60) } : { seconds: retryAfterSeconds },
    );
  }
}

/** Validation outside Fastify's schema step (e.g. multipart fields), with zod's issues. */
export class IssuesError extends AppError {
  constructor(readonly issues: readonly import('zod').z.core.$ZodIssue[]) {
    super(400, 'validation_failed');
  }
}
