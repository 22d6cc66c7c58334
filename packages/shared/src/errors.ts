import { z } from 'zod';

/** The one error shape every API error has. `code` doubles as the i18n key. */
export const ApiError = z.object({
  statusCode: z.number().int(),
  code: z.string(),
  message: z.string(),
  fields: z.record(z.string(), z.string()).optional(),
});
export type ApiError = z.infer<typeof ApiError>;

export const ErrorCodes = [
  'validation_failed',
  'bad_request',
  'unauthenticated',
  'invalid_credentials',
  'password_change_required',
  'forbidden',
  'not_found',
  'conflict',
  'too_many_requests',
  'payload_too_large',
  'unsupported_media_type',
  'uri_too_long',
  'cross_site_request',
  'internal_error',
] as const;
export type ErrorCode = (typeof ErrorCodes)[number];
