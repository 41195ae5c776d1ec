import { z } from 'zod/mini';
import type { UpstreamError } from '../errors.js';

/** `{errcode, errmsg}`; errcode 0 is success and is sometimes sent as the string "0". */
export const wechatEnvelopeSchema = z.looseObject({
  errcode: z.optional(
    z.pipe(
      z.union([z.number(), z.string()]),
      z.transform((v) => Number(v)),
    ),
  ),
  errmsg: z.optional(z.string()),
});

/** Splits WeChat's trailing ` rid: …` request id off an errmsg. */
export function upstreamError(errcode: number, errmsg: string): UpstreamError {
  const match = /\s*rid:\s*(\S+)\s*$/.exec(errmsg);
  return match?.[1] ? { errcode, errmsg: errmsg.slice(0, match.index), rid: match[1] } : { errcode, errmsg };
}
