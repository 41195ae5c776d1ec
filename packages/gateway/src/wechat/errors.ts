import { XiaodianError, upstreamError } from '@xiaodian/model';

/** Token errors: refresh the token once and retry the call once (WECHAT.md "Server API basics"). */
export const tokenErrcodes = new Set([40001, 41001, 42001]);

/** System busy: worth a short, bounded retry. */
export const busyErrcode = -1;

/**
 * What an errcode means to our callers. Quota and configuration errors are surfaced, never retried:
 * retrying a daily quota or a missing IP whitelist only burns more calls.
 */
export function errorFromErrcode(errcode: number, errmsg: string): XiaodianError {
  const upstream = upstreamError(errcode, errmsg);
  const say = (text: string) => `${text} (WeChat errcode ${errcode}: ${upstream.errmsg})`;
  switch (errcode) {
    case 10020052:
      return new XiaodianError('not_found', say('No such product'), { upstream });
    case 10020049:
      return new XiaodianError('not_found', say('The product is under audit'), { upstream });
    case 45011:
      return new XiaodianError('rate_limited', say("WeChat's per-minute limit was reached"), {
        upstream,
        retryAfterMs: 60_000,
      });
    case 45009:
      return new XiaodianError('rate_limited', say("WeChat's daily quota for this API is used up"), {
        upstream,
        retryable: false,
      });
    case 45035:
    case 61004:
      return new XiaodianError('upstream', say("The gateway's IP address is not on the WeChat IP whitelist"), {
        upstream,
      });
    case 48001:
    case 48004:
      return new XiaodianError('upstream', say('This API is not authorised for these credentials'), { upstream });
    case busyErrcode:
      return new XiaodianError('upstream', say('WeChat is busy'), { upstream, retryable: true });
    default:
      return new XiaodianError('upstream', say('WeChat refused the call'), { upstream });
  }
}
