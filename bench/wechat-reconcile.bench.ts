/**
 * What keeping a 5,000-product shop's search and short-link index current costs in WeChat API calls a
 * day: the reconcile (daily, quota/get first, only unknown products read, stock 50 ids a call, pushes in
 * between) beside the rebuild it replaced (every 10 minutes, product/get and h5url/get for every
 * product). Both are counted by running the WeChat backend against an in-memory WeChat that counts calls.
 */
import { readFileSync } from 'node:fs';
import { createWeChatBackend } from '@xiaodian/gateway';

const products = 5_000;
const day = 24 * 60 * 60_000;
const appid = 'wx3f8a2c1d9e7b6a54';
const ids = Array.from({ length: products }, (_, i) => String(10000201300000 + i));
const sample = JSON.parse(
  readFileSync(new URL('../../shared/fixtures/wechat/product_get.json', import.meta.url), 'utf8'),
) as { product: Record<string, unknown> };

const calls = new Map<string, number>();
const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

/** Just enough of WeChat for the index: token, quota, listing, product, short link, stock. */
async function wechat(url: string, init: RequestInit): Promise<Response> {
  const path = new URL(url).pathname;
  calls.set(path, (calls.get(path) ?? 0) + 1);
  const body = init.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : {};
  switch (path) {
    case '/cgi-bin/stable_token':
      return json({ access_token: 'T', expires_in: 7200 });
    case '/cgi-bin/openapi/quota/get':
      return json({ errcode: 0, quota: { daily_limit: 500_000, used: 0, remain: 500_000 } });
    case '/channels/ec/basics/info/get':
      return json({ errcode: 0, info: { nickname: '山野户外', headimg_url: 'https://wx.qlogo.cn/a.jpg' } });
    case '/channels/ec/product/list/get': {
      const start = Number(body['next_key'] ?? 0);
      const page = ids.slice(start, start + Number(body['page_size']));
      const end = start + page.length;
      return json({
        errcode: 0,
        product_ids: page,
        next_key: end < ids.length ? String(end) : '',
        total_num: ids.length,
      });
    }
    case '/channels/ec/product/get':
      return json({ errcode: 0, product: { ...sample.product, product_id: String(body['product_id']) } });
    case '/channels/ec/product/h5url/get':
      return json({
        errcode: 0,
        product_h5url: `https://channels.weixin.qq.com/shop/a/c${String(body['product_id'])}`,
      });
    case '/channels/ec/product/stock/batchget':
      return json({ errcode: 0, data: { spu_stock_list: [] } });
    default:
      return json({ errcode: 0 });
  }
}

const backend = createWeChatBackend({
  appid,
  secret: 'S',
  fetch: wechat,
  pushesConfigured: true,
  maxIndexedProducts: products,
});
const callsSince = (before: number) => [...calls.values()].reduce((sum, n) => sum + n, 0) - before;
const total = () => callsSince(0);

// Shop-level calls (token, basics, linked accounts, shop link) are the same either way; counted apart.
const first = total();
await backend.search({ q: '防晒', limit: 1 });
const firstBuild = callsSince(first);
const before = total();
await backend.reconcileNow();
const reconcile = callsSince(before);

const pages = Math.ceil(products / 30);
// The rebuild it replaced, every 10 minutes: the listing, then product/get and h5url/get for every product.
const rebuild = pages + 2 * products;
const rebuildsPerDay = day / (10 * 60_000);
const pushesPerDay = 500; // product edits a busy shop makes in a day; each is read once with its link
const rows = [
  ['rebuild every 10 min (before)', rebuild, rebuildsPerDay, rebuild * rebuildsPerDay],
  ['reconcile, daily, with pushes', reconcile, 1, reconcile],
  [`  + ${pushesPerDay} pushed product changes`, 2, pushesPerDay, 2 * pushesPerDay],
  ['first build at start (once)', firstBuild, 0, 0],
] as const;
console.log(`WeChat API calls to keep a ${products.toLocaleString('en')}-product shop's index current`);
console.table(
  rows.map(([what, perRun, runsPerDay, perDay]) => ({
    what,
    'calls per run': perRun,
    'runs per day': runsPerDay,
    'calls per day': perDay,
  })),
);
console.log(
  `reconcile calls/day: ${(reconcile + 2 * pushesPerDay).toLocaleString('en')} with ${pushesPerDay} pushes ` +
    `(${reconcile} without), against ${(rebuild * rebuildsPerDay).toLocaleString('en')} for the 10-minute rebuild`,
);
