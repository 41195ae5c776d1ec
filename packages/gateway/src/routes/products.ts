import { Hono } from 'hono';
import {
  XiaodianError,
  formatProductRef,
  maxRefsPerRequest,
  parseProductRef,
  type ProductRef,
  type ProductResult,
} from '@xiaodian/model';
import { BadRequest, publicError } from '../http/errors.js';
import { sendCached, type RouteDeps } from './deps.js';

/**
 * `GET /v1/products?refs=APPID:PRODUCT_ID,…`: one entry per ref, in order; a bad ref never fails the others.
 * `refs=A&refs=B` means the same as `refs=A,B`.
 */
export function productsRoutes(deps: RouteDeps): Hono {
  return new Hono().get('/', (c) => {
    const given = c.req.queries('refs');
    // `refs=` or `refs=A&refs=` (a blank among them): the parameter is missing, not "refs[1] is invalid".
    const refs = readRefs(given?.every((value) => value.trim() !== '') ? given.join(',') : undefined);
    return sendCached(
      c,
      deps,
      'products',
      refs.map(formatProductRef).join(','),
      async () => {
        const results = await deps.backend.getProducts(refs);
        if (results.length !== refs.length) {
          throw new XiaodianError('upstream', `The backend answered ${results.length} of ${refs.length} refs`);
        }
        return {
          items: results.map((result: ProductResult, i) => {
            const ref = formatProductRef(refs[i]!);
            // WeChat's words for one ref's failure go to the log, as for a whole request's.
            return result.ok
              ? { ref, ...result }
              : { ref, ok: false, error: publicError(c, deps.log, result.error, { ref }) };
          }),
        };
      },
      // A product that is gone stays gone for a while; a transient per-ref failure must not be served again.
      (value) =>
        (value as { items: ProductResult[] }).items.every((item) => item.ok || item.error.code === 'not_found'),
    );
  });
}

function readRefs(raw: string | undefined): ProductRef[] {
  if (raw === undefined) {
    throw new BadRequest('Query parameter "refs" is required: refs=APPID:PRODUCT_ID,…');
  }
  const texts = raw.split(',');
  if (texts.length > maxRefsPerRequest) {
    throw new BadRequest(`At most ${maxRefsPerRequest} refs per request; got ${texts.length}. Split the list.`);
  }
  return texts.map((text, i) => {
    try {
      return parseProductRef(text); // which reads it trimmed
    } catch (error) {
      const reason = error instanceof XiaodianError ? error.message : `Invalid ref "${text}"`;
      throw new BadRequest(`refs[${i}]: ${reason}`, 'invalid_ref');
    }
  });
}
