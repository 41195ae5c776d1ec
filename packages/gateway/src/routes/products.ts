import { Hono } from 'hono';
import {
  XiaodianError,
  maxRefsPerRequest,
  parseProductRef,
  type ProductRef,
  type ProductSource,
} from '@xiaodian/model';
import { errorResponse } from '../errors.js';

/** `GET /v1/products?refs=APPID:PRODUCT_ID,…`: one entry per ref, in order; a bad ref never fails the others. */
export function productsRoute(backend: ProductSource) {
  return new Hono().get('/', async (c) => {
    const raw = c.req.query('refs');
    if (raw === undefined || raw.trim() === '') {
      return errorResponse(c, 400, 'bad_request', 'Query parameter "refs" is required: refs=APPID:PRODUCT_ID,…');
    }
    const texts = raw.split(',');
    if (texts.length > maxRefsPerRequest) {
      return errorResponse(c, 400, 'bad_request', `At most ${maxRefsPerRequest} refs per request; got ${texts.length}`);
    }
    const refs: ProductRef[] = [];
    for (const text of texts) {
      try {
        refs.push(parseProductRef(text));
      } catch (error) {
        const message = error instanceof XiaodianError ? error.message : `Invalid ref "${text}"`;
        return errorResponse(c, 400, 'invalid_ref', message);
      }
    }
    const results = await backend.getProducts(refs, { signal: c.req.raw.signal });
    const items = results.map((result, i) => ({ ref: texts[i]?.trim() ?? '', ...result }));
    c.header('Cache-Control', 'public, max-age=30, stale-while-revalidate=300');
    return c.json({ items });
  });
}
