import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { XiaodianError, type ErrorBody, type ErrorCode } from '@xiaodian/model';

/** The HTTP status each error code leaves with: honest statuses, so proxies and clients can act on them. */
const statusByCode: Record<ErrorCode, ContentfulStatusCode> = {
  bad_request: 400,
  invalid_ref: 400,
  not_found: 404,
  rate_limited: 429,
  upstream: 502,
  invalid_response: 502,
  offline: 502,
  timeout: 504,
  // The caller went away; nobody reads this answer, but the log and metrics should not call it a 5xx.
  aborted: 499 as ContentfulStatusCode,
  internal: 500,
  // Raised by clients about a gateway URL that does not speak the API; a gateway never answers with it.
  misconfigured: 500,
};

export function statusFor(code: ErrorCode): ContentfulStatusCode {
  return statusByCode[code];
}

/** Every error leaves as `{ "error": { code, message, upstream? } }` and is never cached. */
export function errorResponse(
  c: Context,
  status: ContentfulStatusCode,
  code: ErrorCode,
  message: string,
  upstream?: ErrorBody['upstream'],
): Response {
  c.header('Cache-Control', 'no-store');
  return c.json({ error: upstream ? { code, message, upstream } : { code, message } }, status);
}

/** Bad input found while reading a request: thrown by the parameter readers, answered as a 400. */
export class BadRequest extends Error {
  constructor(
    message: string,
    readonly code: 'bad_request' | 'invalid_ref' = 'bad_request',
  ) {
    super(message);
  }
}

/**
 * Turns whatever a route or backend threw into a response. Backend failures keep their code (and
 * WeChat's errcode); anything else is a bug, logged by the caller and answered as a bare 500.
 */
export function responseForError(c: Context, error: unknown): Response | undefined {
  if (error instanceof BadRequest) return errorResponse(c, 400, error.code, error.message);
  if (error instanceof XiaodianError) {
    if (error.retryAfterMs !== undefined) c.header('Retry-After', String(Math.ceil(error.retryAfterMs / 1000)));
    return errorResponse(c, statusFor(error.code), error.code, error.message, error.upstream);
  }
  return undefined;
}

/** The backend has no such method (a products-only source): 501, so nobody retries it. */
export class NotServed extends Error {}

export function notServedResponse(c: Context, error: NotServed): Response {
  return errorResponse(c, 501, 'not_found', error.message);
}
