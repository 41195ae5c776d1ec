import { XiaodianError, upstreamError, type ErrorCode } from '@xiaodian/model';

/** Token errors: refresh the token once and retry the call once (WECHAT.md "Server API basics"). */
export const tokenErrcodes = new Set([40001, 41001, 42001]);

/** System busy: worth a short, bounded retry. */
export const busyErrcode = -1;

interface ErrcodeMeaning {
  code: ErrorCode;
  /** What the operator should know, in our words; WeChat's errmsg goes to the log beside it. */
  text: string;
  retryable?: boolean;
  retryAfterMs?: number;
}

/**
 * Every errcode WECHAT.md documents, and only those: a code no source documents would be a guess. Quota
 * and configuration errors are surfaced, never retried: retrying a daily quota or a missing IP allowlist
 * entry only burns more calls.
 */
export const errcodeMeanings: ReadonlyMap<number, ErrcodeMeaning> = new Map<number, ErrcodeMeaning>([
  [busyErrcode, { code: 'upstream', text: 'WeChat is busy', retryable: true }],
  [40001, { code: 'upstream', text: 'WeChat rejected the access token' }],
  [41001, { code: 'upstream', text: 'The call carried no access token' }],
  [42001, { code: 'upstream', text: 'The access token expired' }],
  [40097, { code: 'upstream', text: 'WeChat rejected the arguments of the call' }],
  [40125, { code: 'upstream', text: 'WeChat rejected the app secret (WECHAT_SECRET)' }],
  [43001, { code: 'upstream', text: 'The call used the wrong HTTP verb (WeChat wants GET)' }],
  [43002, { code: 'upstream', text: 'The call used the wrong HTTP verb (WeChat wants POST)' }],
  [44002, { code: 'upstream', text: 'The call had an empty body' }],
  [45002, { code: 'upstream', text: 'The call’s body was too large' }],
  [45009, { code: 'rate_limited', text: "WeChat's daily quota for this API is used up", retryable: false }],
  [45011, { code: 'rate_limited', text: "WeChat's per-minute limit was reached", retryAfterMs: 60_000 }],
  [45035, { code: 'upstream', text: "The gateway's IP address is not on the WeChat IP allowlist" }],
  [47001, { code: 'upstream', text: 'WeChat could not parse the JSON body of the call' }],
  [
    48001,
    {
      code: 'upstream',
      text: 'This API is not authorised for these credentials, or the 开放场景 (open scene) switch is off',
    },
  ],
  [48004, { code: 'upstream', text: 'This API is banned for these credentials' }],
  [50002, { code: 'upstream', text: 'The WeChat account is limited' }],
  [61004, { code: 'upstream', text: "The gateway's IP address is not on the WeChat IP allowlist" }],
  [10020052, { code: 'not_found', text: 'No such product' }],
  [10020050, { code: 'not_found', text: 'No product has this short link' }],
  [10020051, { code: 'not_found', text: 'No product has this short link' }],
  [10020065, { code: 'not_found', text: 'The product is not on sale, so it has no short link' }],
  [10020091, { code: 'bad_request', text: 'This kind of short link is not supported' }],
]);

/**
 * What an errcode means to our callers. The message carries our words and the errcode, never WeChat's
 * errmsg: that text (and its `rid`) stays in `upstream`, which the gateway logs and does not send.
 */
export function errorFromErrcode(errcode: number, errmsg: string): XiaodianError {
  const upstream = upstreamError(errcode, errmsg);
  const meaning = errcodeMeanings.get(errcode) ?? { code: 'upstream', text: 'WeChat refused the call' };
  return new XiaodianError(meaning.code, `${meaning.text} (WeChat errcode ${errcode})`, {
    upstream,
    retryable: meaning.retryable ?? meaning.code === 'rate_limited',
    ...(meaning.retryAfterMs !== undefined ? { retryAfterMs: meaning.retryAfterMs } : {}),
  });
}
