import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { XiaodianError, type ErrorBody, type ErrorCode } from '@xiaodian/model';
import type { LogEntry } from '../options.js';

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

/** An error as callers see it: WeChat's errcode, errmsg and rid stay in the log; the request id finds them. */
export interface PublicErrorBody {
  code: ErrorCode;
  message: string;
  requestId?: string;
}

/** Said instead of WeChat's words, which tell a caller nothing they can act on and may describe our setup. */
const upstreamMessages: Partial<Record<ErrorCode, string>> = {
  upstream: 'WeChat could not answer this request; the gateway’s operator can look it up by its request id',
  rate_limited: 'WeChat’s call limit for this shop is reached; try again later',
};

/**
 * What leaves the gateway for an error the backend reported. An error that came from WeChat (it carries
 * `upstream`) is logged with its errcode, rid and the request id, and answered without WeChat's text;
 * failures on the serving side (5xx) carry the request id so a caller can quote it.
 */
export function publicError(
  c: Context,
  log: (entry: LogEntry) => void,
  body: ErrorBody,
  where: Record<string, unknown> = {},
): PublicErrorBody {
  const requestId = c.get('requestId' as never) as string | undefined;
  const serverSide = statusFor(body.code) >= 500;
  if (body.upstream) {
    log({
      level: serverSide ? 'error' : 'warn',
      msg: 'wechat error',
      requestId,
      path: c.req.path,
      ...where,
      code: body.code,
      errcode: body.upstream.errcode,
      ...(body.upstream.rid ? { rid: body.upstream.rid } : {}),
      errmsg: body.upstream.errmsg,
      message: body.message,
    });
  }
  const message = (body.upstream && upstreamMessages[body.code]) || body.message;
  return serverSide && requestId ? { code: body.code, message, requestId } : { code: body.code, message };
}

/**
 * Turns whatever a route or backend threw into a response. Backend failures keep their code and honest
 * status, WeChat's own words go to the log only; anything else is a bug, logged by the caller and
 * answered as a bare 500.
 */
export function responseForError(c: Context, error: unknown, log: (entry: LogEntry) => void): Response | undefined {
  if (error instanceof BadRequest) return errorResponse(c, 400, error.code, error.message);
  if (error instanceof XiaodianError) {
    if (error.retryAfterMs !== undefined) c.header('Retry-After', String(Math.ceil(error.retryAfterMs / 1000)));
    c.header('Cache-Control', 'no-store');
    return c.json({ error: publicError(c, log, error.toJSON()) }, statusFor(error.code));
  }
  return undefined;
}

/** The backend has no such method (a products-only source): 501, so nobody retries it. */
export class NotServed extends Error {}

export function notServedResponse(c: Context, error: NotServed): Response {
  return errorResponse(c, 501, 'not_found', error.message);
}
