import { Hono } from 'hono';
import { readAppid, readPage } from '../http/params.js';
import { method, sendCached, type RouteDeps } from './deps.js';

/** `GET /v1/shops/{appid}` and `GET /v1/shops/{appid}/products?cursor=&limit=`. */
export function shopsRoutes(deps: RouteDeps): Hono {
  return new Hono()
    .get('/:appid', (c) => {
      const appid = readAppid(c.req.param('appid'));
      const getShop = method(deps, 'getShop');
      return sendCached(c, deps, 'shops', appid, async () => ({ shop: await getShop(appid) }));
    })
    .get('/:appid/products', (c) => {
      const appid = readAppid(c.req.param('appid'));
      const page = readPage((name) => c.req.query(name));
      const list = method(deps, 'listShopProducts');
      return sendCached(c, deps, 'lists', `${appid}:${page.limit}:${page.cursor ?? ''}`, () => list(appid, page));
    });
}
