// The API's error envelope: every failure is a status and a body {"error":{"code","message"}}, never a stack trace.
import { isMarsadError } from '../model/errors.js';

export const API_ERRORS = {
  E_BAD_REQUEST: 400,
  E_UNAUTHORIZED: 401,
  E_READ_ONLY: 403,
  E_NOT_FOUND: 404,
  E_TOO_LARGE: 413,
  E_UNSUPPORTED: 415,
  E_INTERNAL: 500,
} as const;

export type ApiErrorCode = keyof typeof API_ERRORS;

export interface ErrorBody {
  error: { code: ApiErrorCode; message: string };
}

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly status: number;

  constructor(code: ApiErrorCode, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = API_ERRORS[code];
  }
}

/** Fastify's own 4xx errors (body parsing, limits, routing), by their code, as ours. */
const FASTIFY_CODES: Record<string, ApiErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'E_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'E_UNSUPPORTED',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'E_BAD_REQUEST',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'E_BAD_REQUEST',
  FST_ERR_CTP_INVALID_JSON_BODY: 'E_BAD_REQUEST',
};

/** The status and body for any thrown value; `internal` is true when it is a bug to log, not the client's mistake. */
export function toErrorResponse(error: unknown): { status: number; body: ErrorBody; internal: boolean } {
  if (error instanceof ApiError) return { status: error.status, body: { error: { code: error.code, message: error.message } }, internal: false };
  if (isMarsadError(error)) {
    // A query the store cannot read (an unclosed quote, a bad date) is the client's; a store failure is ours.
    const client = error.code === 'E_QUERY' || error.code === 'E_NO_TEXT' || error.code === 'E_INPUT_FORMAT' || error.code === 'E_DATE';
    const code: ApiErrorCode = client ? 'E_BAD_REQUEST' : 'E_INTERNAL';
    return { status: API_ERRORS[code], body: { error: { code, message: client ? error.message : `${error.code}: ${error.message}` } }, internal: !client };
  }
  const fastify = error as { code?: string; statusCode?: number; message?: string };
  const mapped = fastify.code === undefined ? undefined : FASTIFY_CODES[fastify.code];
  if (mapped) return { status: API_ERRORS[mapped], body: { error: { code: mapped, message: fastify.message ?? mapped } }, internal: false };
  const status = fastify.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    // Any other 4xx (a 403 from the static file server for «..» in a path) is a bad request, said as ours.
    const code: ApiErrorCode = status === 404 ? 'E_NOT_FOUND' : status === 413 ? 'E_TOO_LARGE' : status === 415 ? 'E_UNSUPPORTED' : status === 401 ? 'E_UNAUTHORIZED' : 'E_BAD_REQUEST';
    const message = status === 403 ? 'This path is not allowed: it leaves the UI folder («..») or names a hidden file.' : (fastify.message ?? code);
    return { status: API_ERRORS[code], body: { error: { code, message } }, internal: false };
  }
  return { status: 500, body: { error: { code: 'E_INTERNAL', message: 'The server failed to answer this request; the error is in its log.' } }, internal: true };
}
