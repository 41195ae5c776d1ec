import { createCipheriv, createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { wechatFixture } from '../fixtures.ts';

/**
 * A stand-in for api.weixin.qq.com that behaves as WECHAT.md documents: stable tokens that expire,
 * `errcode` envelopes with ` rid:` suffixes, one product per `product/get`, paged listings with
 * `next_key`. Tests steer it through the fields below and read what it saw.
 */
export interface FakeWeChat {
  url: string;
  appid: string;
  secret: string;
  tokenCalls: number;
  /** The highest number of product/get calls in flight at once. */
  maxInFlight: number;
  calls: string[];
  /** Tokens the fake has issued and still accepts. */
  validTokens: Set<string>;
  /** Product ids → the errcode to answer with (once, when `once` is set). */
  failures: Map<string, { errcode: number | string; errmsg: string; once?: boolean }>;
  /** Milliseconds product/get and stable_token take. */
  delayMs: number;
  productIds: string[];
  /** Overrides the shop's nickname in basics/info/get: how a test renames the shop. */
  shopNickname?: string;
  /** Title overrides by product id: how a test edits a product in the shop. */
  titles: Map<string, string>;
  /** Product ids removed from the shop (not found from now on). */
  deleted: Set<string>;
  /** Total stock per product for stock/batchget (every SKU gets it); 100 when unset. */
  stock: Map<string, number>;
  /** product/get calls per product id, as WeChat received the id (digits intact or not). */
  productReads: Map<string, number>;
  /** What `quota/get` reports for every API. */
  quota: { daily_limit: number; used: number; remain: number };
  /** cooperation/list by sharer_type (2 公众号, 3 小程序), and the authorized 视频号. */
  cooperation: Record<2 | 3, Array<{ sharer_id: string; sharer_name: string; sharer_type: number; status: number }>>;
  finderIds: string[];
  /** The 视频号助手 account: its own credentials, and what its live APIs answer. */
  finder: {
    appid: string;
    secret: string;
    notices: Array<Record<string, unknown>>;
    lives: Array<Record<string, unknown>>;
    living: boolean;
    products: Array<{ product_id: string; title: string; head_img: string; price: number; stock: number }>;
    calls: number;
  };
  close(): Promise<void>;
}

const appid = 'wx3f8a2c1d9e7b6a54';
export const numericId = '10000201234568';
export const hugeId = '18446744073709551615';
const secret = 'S3CRET-never-in-logs-0123456789ab';

function product(id: string, title = `山野 测试商品 ${id} 轻薄透气 防晒衣`) {
  const body = structuredClone(wechatFixture('product_get.json')) as { product: Record<string, unknown> };
  body.product['product_id'] = id;
  body.product['title'] = title;
  return body;
}

/** The push settings the stand-in signs and encrypts with (what 小店后台 → 消息推送 would show). */
export const pushSettings = {
  token: 'PushT0ken-never-in-logs',
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  appid,
};

/**
 * A push as WeChat sends it (WECHAT.md "Pushes"), written here independently of the gateway's decoder:
 * 16 random bytes, the length, the JSON message and the appid, PKCS#7-padded to 32 bytes, AES-256-CBC with
 * IV = the key's first 16 bytes; `msg_signature` over token, timestamp, nonce and Encrypt. `messageText`
 * is sent as written, so ids can be JSON numbers past 2^53.
 */
export function signedPush(
  messageText: string,
  options: { timestamp?: number; nonce?: string; appid?: string; token?: string } = {},
): { query: string; body: string } {
  const key = Buffer.from(`${pushSettings.encodingAesKey}=`, 'base64');
  const message = Buffer.from(messageText, 'utf8');
  const length = Buffer.alloc(4);
  length.writeUInt32BE(message.length);
  const plain = Buffer.concat([randomBytes(16), length, message, Buffer.from(options.appid ?? appid)]);
  const pad = 32 - (plain.length % 32);
  const cipher = createCipheriv('aes-256-cbc', key, key.subarray(0, 16));
  cipher.setAutoPadding(false);
  const encrypted = Buffer.concat([
    cipher.update(Buffer.concat([plain, Buffer.alloc(pad, pad)])),
    cipher.final(),
  ]).toString('base64');
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const nonce = options.nonce ?? randomBytes(6).toString('hex');
  const signature = createHash('sha1')
    .update([options.token ?? pushSettings.token, timestamp, nonce, encrypted].sort().join(''))
    .digest('hex');
  const query = new URLSearchParams({ timestamp, nonce, msg_signature: signature, encrypt_type: 'aes' });
  return { query: query.toString(), body: JSON.stringify({ ToUserName: 'gh_shop', Encrypt: encrypted }) };
}

export async function startFakeWeChat(productCount = 45): Promise<FakeWeChat> {
  let inFlight = 0;
  let issued = 0;
  /** Which appid each issued token belongs to: the shop's token cannot call the 视频号助手 APIs. */
  const owners = new Map<string, string>();
  const fake: FakeWeChat = {
    url: '',
    appid,
    secret,
    tokenCalls: 0,
    maxInFlight: 0,
    calls: [],
    validTokens: new Set(),
    failures: new Map(),
    delayMs: 5,
    productIds: Array.from({ length: productCount }, (_, i) => String(10000201300000 + i)),
    titles: new Map(),
    deleted: new Set(),
    stock: new Map(),
    productReads: new Map(),
    quota: { daily_limit: 500_000, used: 1_200, remain: 498_800 },
    cooperation: {
      2: [
        { sharer_id: 'gh_0a1b2c3d4e5f', sharer_name: '山野户外', sharer_type: 2, status: 1 },
        { sharer_id: 'gh_unbound00001', sharer_name: '已解绑的号', sharer_type: 2, status: 2 },
      ],
      3: [{ sharer_id: 'wx9a8b7c6d5e4f3a21', sharer_name: '山野户外商城', sharer_type: 3, status: 1 }],
    },
    finderIds: ['sphShanyeOutdoor'],
    finder: {
      appid: 'wx00f1d2e3c4b5a697',
      secret: 'FINDER-S3CRET-never-in-logs-42',
      notices: [],
      lives: [],
      living: false,
      products: [],
      calls: 0,
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const readBody = async (request: IncomingMessage) => {
    let text = '';
    for await (const chunk of request) text += chunk;
    return text ? (JSON.parse(text) as Record<string, unknown>) : {};
  };
  const send = (response: ServerResponse, body: unknown) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(typeof body === 'string' ? body : JSON.stringify(body));
  };
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://fake');
    fake.calls.push(url.pathname);
    if (url.pathname === '/cgi-bin/stable_token') {
      const body = await readBody(request);
      fake.tokenCalls += 1;
      await sleep(fake.delayMs);
      const known =
        (body['appid'] === appid && body['secret'] === secret) ||
        (body['appid'] === fake.finder.appid && body['secret'] === fake.finder.secret);
      if (!known) return send(response, { errcode: 40125, errmsg: 'invalid appsecret rid: 6745a1b2-0-0' });
      const token = `TOKEN_${++issued}`;
      fake.validTokens.add(token);
      owners.set(token, String(body['appid']));
      return send(response, { access_token: token, expires_in: 7200 });
    }
    const token = url.searchParams.get('access_token') ?? '';
    if (!fake.validTokens.has(token)) return send(response, wechatFixture('error_token_expired.json'));

    if (url.pathname.startsWith('/channels/ec/finderlive/') || url.pathname === '/channels/livedashboard/getlivedata') {
      if (owners.get(token) !== fake.finder.appid) {
        return send(response, { errcode: 48001, errmsg: 'api unauthorized rid: 48-0-1' });
      }
      fake.finder.calls += 1;
      const body = await readBody(request);
      if (url.pathname.endsWith('/getfinderlivenoticerecordlist')) {
        return send(response, { errcode: 0, errmsg: 'ok', notice_record_list: fake.finder.notices });
      }
      if (url.pathname.endsWith('/getfinderliverecordlist')) {
        return send(response, { errcode: 0, errmsg: 'ok', live_list: fake.finder.lives });
      }
      if (url.pathname === '/channels/livedashboard/getlivedata') {
        const known = fake.finder.lives.some((live) => live['export_id'] === body['export_id']);
        if (!known) return send(response, { errcode: 40097, errmsg: 'invalid export_id rid: 4-0-97' });
        return send(response, {
          errcode: 0,
          errmsg: 'ok',
          is_living: fake.finder.living,
          product_list: fake.finder.products,
        });
      }
    }
    if (url.pathname === '/channels/ec/basics/info/get') {
      if (request.method !== 'GET') return send(response, { errcode: 43001, errmsg: 'require GET method' });
      const info = wechatFixture('basics_info_get.json') as { info: Record<string, unknown> };
      if (fake.shopNickname) info.info['nickname'] = fake.shopNickname;
      return send(response, info);
    }
    if (request.method !== 'POST') return send(response, { errcode: 43002, errmsg: 'require POST method' });
    const body = await readBody(request);
    if (url.pathname === '/channels/ec/product/get') {
      const id = String(body['product_id']);
      fake.productReads.set(id, (fake.productReads.get(id) ?? 0) + 1);
      inFlight += 1;
      fake.maxInFlight = Math.max(fake.maxInFlight, inFlight);
      try {
        await sleep(fake.delayMs);
        const failure = fake.failures.get(id);
        if (failure) {
          if (failure.once) fake.failures.delete(id);
          return send(response, { errcode: failure.errcode, errmsg: failure.errmsg });
        }
        // Ids typed as JSON numbers, as some doc tables show: safe, and past 2^53 (sent as raw text so
        // nothing on this side rounds it first).
        if (id === numericId) return send(response, wechatFixture('product_get_soldout_numeric_ids.json'));
        if (id === hugeId) {
          const text = JSON.stringify(product('1')).replace('"product_id":"1"', `"product_id":${hugeId}`);
          return send(response, text);
        }
        if (!fake.productIds.includes(id) || fake.deleted.has(id)) {
          return send(response, wechatFixture('error_product_not_found.json'));
        }
        return send(response, product(id, fake.titles.get(id)));
      } finally {
        inFlight -= 1;
      }
    }
    if (url.pathname === '/channels/ec/product/list/get') {
      const size = Number(body['page_size']);
      if (!(size >= 1 && size <= 30)) return send(response, { errcode: 40097, errmsg: 'invalid args rid: 1-2-3' });
      const start = body['next_key'] ? Number(String(body['next_key']).replace('KEY/', '')) : 0;
      const ids = fake.productIds.slice(start, start + size);
      const end = start + ids.length;
      return send(response, {
        errcode: 0,
        errmsg: 'ok',
        product_ids: ids,
        next_key: end < fake.productIds.length ? `KEY/${end}` : '',
        total_num: fake.productIds.length,
      });
    }
    if (url.pathname === '/channels/ec/product/h5url/get') {
      return send(response, {
        errcode: 0,
        errmsg: 'ok',
        product_h5url: `https://channels.weixin.qq.com/shop/a/c${body['product_id']}`,
      });
    }
    if (url.pathname === '/channels/ec/product/stock/batchget') {
      const ids = Array.isArray(body['product_id']) ? body['product_id'].map(String) : [];
      if (ids.length === 0 || ids.length > 50)
        return send(response, { errcode: 40097, errmsg: 'invalid args rid: 5-0-0' });
      const skus = (product('1').product['skus'] as Array<{ sku_id: string }>).map((sku) => sku.sku_id);
      return send(response, {
        errcode: 0,
        errmsg: 'ok',
        data: {
          spu_stock_list: ids
            .filter((id) => fake.productIds.includes(id))
            .map((id) => ({
              product_id: id,
              sku_stock: skus.map((sku_id) => ({ sku_id, total_stock_num: fake.stock.get(id) ?? 100 })),
            })),
        },
      });
    }
    if (url.pathname === '/channels/ec/product/qrcode/get') {
      const id = String(body['product_id']);
      if (!fake.productIds.includes(id)) return send(response, wechatFixture('error_product_not_found.json'));
      return send(response, { errcode: 0, errmsg: 'ok', product_qrcode: `https://mmecimage.cn/qr/${id}.png` });
    }
    if (url.pathname === '/channels/ec/product/taglink/get') {
      return send(response, { errcode: 0, errmsg: 'ok', product_taglink: `#小店商品口令 ${body['product_id']}` });
    }
    if (url.pathname === '/channels/ec/basics/shop/h5url/get') {
      return send(response, { errcode: 0, errmsg: 'ok', shop_h5url: 'https://channels.weixin.qq.com/shop/a/shopHome' });
    }
    if (url.pathname === '/channels/ec/basics/shop/qrcode/get') {
      return send(response, { errcode: 0, errmsg: 'ok', shop_qrcode: 'https://mmecimage.cn/qr/shop.png' });
    }
    if (url.pathname === '/channels/ec/basics/shop/taglink/get') {
      return send(response, { errcode: 0, errmsg: 'ok', shop_taglink: '#小店口令 山野户外官方旗舰店' });
    }
    if (url.pathname === '/channels/ec/cooperation/list') {
      const list = fake.cooperation[Number(body['sharer_type']) as 2 | 3];
      if (!list) return send(response, { errcode: 40097, errmsg: 'invalid sharer_type rid: 7-7-7' });
      return send(response, { errcode: 0, errmsg: 'ok', data_list: list });
    }
    if (url.pathname === '/channels/ec/compass/shop/finder/authorization/list/get') {
      return send(response, { errcode: 0, errmsg: 'ok', authorized_finder_id_list: fake.finderIds });
    }
    if (url.pathname === '/cgi-bin/openapi/quota/get') {
      return send(response, {
        errcode: 0,
        errmsg: 'ok',
        quota: fake.quota,
        rate_limit: { call_count: 0, refresh_second: 60 },
      });
    }
    send(response, { errcode: 40097, errmsg: `unknown path ${url.pathname}` });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}
