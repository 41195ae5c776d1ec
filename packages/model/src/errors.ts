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

  static from(body: ErrorBody): XiaodianError {
    return new XiaodianError(body.code, body.message, body.upstream ? { upstream: body.upstream } : {});
  }
}
