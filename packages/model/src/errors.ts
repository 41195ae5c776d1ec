/** Every failure the SDK reports carries one of these codes, so callers can branch without parsing text. */
export const errorCodes = [
  'not_found',
  'invalid_ref',
  'invalid_response',
  'timeout',
  'offline',
  'rate_limited',
  'upstream',
  'aborted',
  /** The request itself was malformed (HTTP 400 from the gateway). */
  'bad_request',
  /** A bug on the serving side (HTTP 500). */
  'internal',
  /**
   * The configured gateway does not speak the Xiaodian API: not an absolute http(s) URL, or a server that
   * answers without the API's JSON (a page's 404, an HTML fallback). A setup problem, never a missing item.
   */
  'misconfigured',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

/** What WeChat said when an error came from its API. */
export interface UpstreamError {
  errcode: number;
  errmsg: string;
  /** WeChat's request id, cut from the end of `errmsg` (` rid: …`); worth logging. */
  rid?: string;
}

/** The serialisable form of an error, as the gateway sends it and the client rebuilds it. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  upstream?: UpstreamError;
}

export class XiaodianError extends Error {
  override readonly name = 'XiaodianError';
  readonly code: ErrorCode;
  readonly upstream: UpstreamError | undefined;
  /** How long the server asked callers to wait before trying again (`Retry-After`), in ms. */
  readonly retryAfterMs: number | undefined;
  /**
   * Whether trying again may help: network failures, timeouts, 429 and HTTP 502/503/504. Defaults by
   * code; a transport that knows the HTTP status sets it.
   */
  readonly retryable: boolean;

  constructor(
    code: ErrorCode,
    message: string,
    options: { upstream?: UpstreamError; cause?: unknown; retryAfterMs?: number; retryable?: boolean } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.upstream = options.upstream;
    this.retryAfterMs = options.retryAfterMs;
    this.retryable = options.retryable ?? (code === 'offline' || code === 'timeout' || code === 'rate_limited');
  }

  toJSON(): ErrorBody {
    return this.upstream
      ? { code: this.code, message: this.message, upstream: this.upstream }
      : { code: this.code, message: this.message };
  }

  /**
   * Whatever was thrown, as a `XiaodianError`: one is returned as is; an error body (`{code, message,
   * upstream?}`, as the gateway sends it) is rebuilt once its shape is checked; anything else becomes
   * `fallback` (default `upstream`) with the thrown value as its cause.
   */
  static from(value: unknown, fallback: ErrorCode = 'upstream'): XiaodianError {
    if (value instanceof XiaodianError) return value;
    if (isErrorBody(value)) {
      return new XiaodianError(value.code, value.message, value.upstream ? { upstream: value.upstream } : {});
    }
    const message = value instanceof Error ? value.message : String(value);
    return new XiaodianError(fallback, message, { cause: value });
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

function isUpstreamError(value: unknown): value is UpstreamError {
  if (typeof value !== 'object' || value === null) return false;
  const { errcode, errmsg, rid } = value as Record<string, unknown>;
  return typeof errcode === 'number' && typeof errmsg === 'string' && (rid === undefined || typeof rid === 'string');
}

/** The shape of `ErrorBody`, checked without a schema library (the model's errors load on every page). */
export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null) return false;
  const { code, message, upstream } = value as Record<string, unknown>;
  return isErrorCode(code) && typeof message === 'string' && (upstream === undefined || isUpstreamError(upstream));
}
