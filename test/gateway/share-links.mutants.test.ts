// Kills StrykerJS mutants (npm run mutation -- gateway) in the share-link routes: a backend without share
// links answers 501 with what is missing (not a crash), a product id that is not WeChat's is refused with
// the id named, and each product's links are cached under that product, never a neighbour's.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createGatewayApp, type ShareLinks } from '@xiaodian/gateway';
import { appid, fixtureBackend } from './fixture-backend.ts';

type ErrorBody = { error: { code: string; message: string } };

describe('share links', () => {
  it('answer 501 with a message when the backend serves none, for a shop and for a product', async () => {
    const backend = fixtureBackend();
    assert.equal('shopLinks' in backend || 'productLinks' in backend, false);
    const app = createGatewayApp({ backend, log: false, rateLimit: false });
    for (const url of [`/v1/shops/${appid}/links`, `/v1/shops/${appid}/products/10000201001001/links`]) {
      const response = await app.request(url);
      assert.equal(response.status, 501, url);
      assert.deepEqual(((await response.json()) as ErrorBody).error, {
        code: 'not_found',
        message: "This gateway's backend does not serve share links",
      });
    }
  });

  it('refuse a product id that is not a WeChat id, naming it', async () => {
    const backend = Object.assign(fixtureBackend(), {
      productLinks: async () => ({ h5Url: 'https://example.com/never' }),
    });
    const app = createGatewayApp({ backend, log: false, rateLimit: false });
    const response = await app.request(`/v1/shops/${appid}/products/abc/links`);
    assert.equal(response.status, 400);
    assert.deepEqual(((await response.json()) as ErrorBody).error, {
      code: 'invalid_ref',
      message: `"product_id" must be WeChat's numeric product id; got "abc"`,
    });
  });

  it("are each product's own, cached under that product", async () => {
    const asked: string[] = [];
    const backend = Object.assign(fixtureBackend(), {
      shopLinks: async (shop: string): Promise<ShareLinks> => ({ h5Url: `https://example.com/shop/${shop}` }),
      productLinks: async (shop: string, productId: string): Promise<ShareLinks> => {
        asked.push(productId);
        return { h5Url: `https://example.com/${shop}/${productId}`, tagLink: `#小店${productId}` };
      },
    });
    const app = createGatewayApp({ backend, log: false, rateLimit: false });
    const linksOf = async (url: string) => {
      const response = await app.request(url);
      return { cache: response.headers.get('x-cache'), ...((await response.json()) as { links: ShareLinks }) };
    };
    const ids = ['10000201001001', '10000201001002'];
    for (const id of ids) {
      assert.deepEqual(await linksOf(`/v1/shops/${appid}/products/${id}/links`), {
        cache: 'miss',
        links: { h5Url: `https://example.com/${appid}/${id}`, tagLink: `#小店${id}` },
      });
    }
    assert.equal((await linksOf(`/v1/shops/${appid}/products/${ids[0]}/links`)).cache, 'fresh');
    assert.deepEqual(await linksOf(`/v1/shops/${appid}/links`), {
      cache: 'miss',
      links: { h5Url: `https://example.com/shop/${appid}` },
    });
    assert.deepEqual(asked, ids);
  });
});
