import { ApiError } from '@campus/shared';

/** The error responses every authenticated route can give, for the OpenAPI document. */
export const errorResponses = {
  400: ApiError,
  401: ApiError,
  403: ApiError,
  404: ApiError,
  409: ApiError,
} as const;
