import { Hono } from 'hono';
import { isId } from '@xiaodian/model';
import { BadRequest, NotServed } from '../http/errors.js';
import { readAppid } from '../http/params.js';
import type { ShareLinks } from '../options.js';
import { sendCached, type RouteDeps } from './deps.js';

/**
 * `GET /v1/shops/{appid}/links` and `GET /v1/shops/{appid}/products/{product_id}/links`: the H5 short
 * link, QR code and 口令 WeChat hands out for a shop or a product, so a creator tool can offer them.
 * Cached as shops are: the links do not change while the product is on sale.
 */
export function linksRoutes(deps: RouteDeps): Hono {
  return new Hono()
    .get('/:appid/links', (c) => {
      const appid = readAppid(c.req.param('appid'));
      const shopLinks = deps.backend.shopLinks?.bind(deps.backend);
      if (!shopLinks) throw new NotServed("This gateway's backend does not serve share links");
      return sendCached(c, deps, 'shops', `links:${appid}`, async () => ({ links: await shopLinks(appid) }));
    })
    .get('/:appid/products/:productId/links', (c) => {
      const appid = readAppid(c.req.param('appid'));
      const productId = c.req.param('productId');
      if (!isId(productId)) {
        throw new BadRequest(
          `"product_id" must be WeChat's numeric product id; got ${JSON.stringify(productId)}`,
          'invalid_ref',
        );
      }
      const productLinks = deps.backend.productLinks?.bind(deps.backend);
      if (!productLinks) throw new NotServed("This gateway's backend does not serve share links");
      return sendCached(c, deps, 'products', `links:${appid}:${productId}`, async () => ({
        links: (await productLinks(appid, productId)) satisfies ShareLinks,
      }));
    });
}
