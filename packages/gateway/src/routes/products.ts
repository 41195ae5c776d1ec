import { Hono } from 'hono';
import {
  XiaodianError,
  formatProductRef,
  maxRefsPerRequest,
  parseProductRef,
  type ProductRef,
  type ProductResult,
} from '@xiaodian/model';
import { BadRequest } from '../http/errors.js';
import { sendCached, type RouteDeps } from './deps.js';

/** `GET /v1/products?refs=APPID:PRODUCT_ID,…`: one entry per ref, in order; a bad ref never fails the others. */
export function productsRoutes(deps: RouteDeps): Hono {
  return new Hono().get('/', (c) => {
    const refs = readRefs(c.req.query('refs'));
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
        return { items: results.map((result: ProductResult, i) => ({ ref: formatProductRef(refs[i]!), ...result })) };
      },
      // A product that is gone stays gone for a while; a transient per-ref failure must not be served again.
      (value) =>
        (value as { items: ProductResult[] }).items.every((item) => item.ok || item.error.code === 'not_found'),
    );
  });
}

function readRefs(raw: string | undefined): ProductRef[] {
  if (raw === undefined || raw.trim() === '') {
    throw new BadRequest('Query parameter "refs" is required: refs=APPID:PRODUCT_ID,…');
  }
  const texts = raw.split(',');
  if (texts.length > maxRefsPerRequest) {
    throw new BadRequest(`At most ${maxRefsPerRequest} refs per request; got ${texts.length}. Split the list.`);
  }
  return texts.map((text, i) => {
    try {
      return parseProductRef(text.trim());
    } catch (error) {
      const reason = error instanceof XiaodianError ? error.message : `Invalid ref "${text}"`;
      throw new BadRequest(`refs[${i}]: ${reason}`, 'invalid_ref');
    }
  });
}
