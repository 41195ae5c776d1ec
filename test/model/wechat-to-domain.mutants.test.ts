/**
 * WeChat's product, shop, live and notice objects turned into the domain's, compared whole (found
 * unguarded by `npm run mutation -- model` in wechat/to-domain.ts, wechat/shop.ts and wechat/live.ts: the
 * gateway's tests reach these, the model's own did not). Every optional field is tried present, absent and
 * falsy-but-present, since "absent" must leave no key behind and 0 or false must not be dropped.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  liveFromWeChat,
  noticeFromWeChat,
  productFromWeChat,
  shopFromWeChat,
  wechatLiveInfoSchema,
  wechatLiveNoticeSchema,
  wechatProductSchema,
  wechatShopInfoSchema,
  type Product,
  type ShopSummary,
  type WeChatProductInput,
} from '@xiaodian/model';

const shop: ShopSummary = { appid: 'wx3f8a2c1d9e7b6a54', name: '山野户外', logoUrl: 'https://wx.qlogo.cn/s/1' };

/** A product as WeChat sends it, through the model's schema (strings for ids, as WeChat does). */
function wechatProduct(fields: Partial<WeChatProductInput> = {}) {
  return wechatProductSchema.parse({
    product_id: '10000111',
    title: '轻薄防晒衣 UPF50+',
    head_imgs: ['https://mmecimage.cn/p/1.jpg'],
    status: 5,
    ...fields,
  });
}

const sku = (fields: Record<string, unknown>) => ({
  sku_id: '2000',
  sale_price: 8900,
  stock_num: 3,
  ...fields,
});

describe('a WeChat product in the domain form', () => {
  it('carries every field, each guarantee WeChat flags in a fixed order, and the extras given', () => {
    const raw = wechatProduct({
      short_title: '防晒衣',
      total_sold_num: '1520',
      extra_service: {
        exchange_support: 1,
        pay_after_use: true,
        fake_one_pay_three: 1,
        damage_guarantee: 1,
        freight_insurance: 1,
        seven_day_return: 1,
      },
      skus: [
        sku({
          sku_id: '2001',
          sale_price: 9900,
          thumb_img: 'https://mmecimage.cn/s/1.jpg',
          sku_attrs: [{ attr_key: '颜色', attr_value: '白' }],
        }),
        sku({ sku_id: '2002', sale_price: 8900 }),
      ],
    });
    const extra = {
      h5Url: 'https://store.weixin.qq.com/shop/a/abc',
      category: '服饰',
      giftable: false,
      affiliate: { commissionRatio: 0.2 },
    };
    const expected: Product = {
      appid: shop.appid,
      productId: '10000111',
      title: '轻薄防晒衣 UPF50+',
      images: ['https://mmecimage.cn/p/1.jpg'],
      minPrice: 8900,
      maxPrice: 9900,
      sales: 1520,
      status: 5,
      availability: 'available',
      guarantees: [
        'seven_day_return',
        'freight_insurance',
        'damage_guarantee',
        'fake_one_pay_three',
        'pay_after_use',
        'exchange_support',
      ],
      skus: [
        {
          skuId: '2001',
          price: 9900,
          stock: 3,
          attrs: [{ key: '颜色', value: '白' }],
          image: 'https://mmecimage.cn/s/1.jpg',
        },
        { skuId: '2002', price: 8900, stock: 3, attrs: [] },
      ],
      shop,
      shortTitle: '防晒衣',
      ...extra,
    };
    assert.deepEqual(productFromWeChat(raw, shop, extra), expected);
  });

  it('leaves out what WeChat and the caller did not give, and prices a product without SKUs by min_price', () => {
    assert.deepEqual(productFromWeChat(wechatProduct({ min_price: 5900 }), shop), {
      appid: shop.appid,
      productId: '10000111',
      title: '轻薄防晒衣 UPF50+',
      images: ['https://mmecimage.cn/p/1.jpg'],
      minPrice: 5900,
      maxPrice: 5900,
      sales: 0,
      status: 5,
      availability: 'available',
      guarantees: [],
      skus: [],
      shop,
    });
    assert.equal(productFromWeChat(wechatProduct(), shop).minPrice, 0, 'no SKU and no min_price');
  });

  it('is sold out when delisted as sold out, or when no SKU on sale has stock', () => {
    const availability = (fields: Partial<WeChatProductInput>) =>
      productFromWeChat(wechatProduct(fields), shop).availability;
    assert.equal(availability({ status: 12, skus: [sku({})] }), 'sold_out', 'status 12, even with stock');
    assert.equal(availability({ status: 11, skus: [sku({})] }), 'unavailable');
    assert.equal(availability({ skus: [sku({})] }), 'available', 'a SKU without a status is on sale');
    assert.equal(availability({ skus: [sku({ status: 5 })] }), 'available');
    assert.equal(availability({ skus: [sku({ status: 11 })] }), 'sold_out', 'stock on a SKU off sale only');
    assert.equal(availability({ skus: [sku({ stock_num: 0 })] }), 'sold_out');
    assert.equal(availability({ skus: [] }), 'available', 'an empty SKU list says nothing about stock');
    assert.equal(availability({}), 'available');
  });
});

describe('a WeChat shop in the domain form', () => {
  const info = wechatShopInfoSchema.parse({ nickname: '山野户外', headimg_url: 'https://wx.qlogo.cn/s/1' });

  it('reads the subject type and status WeChat names, and anything else as other and unknown', () => {
    const read = (fields: Record<string, unknown>) => {
      const shopOf = shopFromWeChat(shop.appid, wechatShopInfoSchema.parse({ ...info, ...fields }));
      return `${shopOf.subjectType} ${shopOf.status}`;
    };
    assert.equal(read({ subject_type: '企业', status: 'opening' }), 'enterprise opening');
    assert.equal(read({ subject_type: '个体工商户', status: 'close_finished' }), 'individual close_finished');
    assert.equal(read({ subject_type: '个人', status: 'paused' }), 'other unknown');
    assert.equal(read({}), 'other unknown');
  });

  it('leaves out what is not given, and keeps zero counts', () => {
    assert.deepEqual(shopFromWeChat(shop.appid, { ...info, open_timestamp: 0 }), {
      appid: shop.appid,
      name: '山野户外',
      logoUrl: 'https://wx.qlogo.cn/s/1',
      subjectType: 'other',
      status: 'unknown',
      isLocalLife: false,
      linkedAccounts: { officialAccounts: [], channels: [] },
    });
    const extra = {
      brand: { name: '山野', certification: 'flagship' as const },
      scores: { description: 4.8, service: 4.7, logistics: 4.9 },
      productsOnSale: 0,
      totalSales: 0,
      h5Url: 'https://store.weixin.qq.com/shop/a/s1',
      linkedAccounts: { officialAccounts: [], channels: [{ id: 'sphShanyeOutdoor', name: '山野户外' }] },
    };
    assert.deepEqual(
      shopFromWeChat(
        shop.appid,
        wechatShopInfoSchema.parse({ ...info, username: 'gh_1234', is_local_life: true, open_timestamp: '1700000000' }),
        extra,
      ),
      {
        appid: shop.appid,
        name: '山野户外',
        logoUrl: 'https://wx.qlogo.cn/s/1',
        subjectType: 'other',
        status: 'unknown',
        isLocalLife: true,
        username: 'gh_1234',
        openedAt: 1_700_000_000_000,
        ...extra,
      },
    );
  });

  it('refuses basics/info without a name or a logo', () => {
    assert.equal(wechatShopInfoSchema.safeParse({ nickname: '', headimg_url: 'x' }).success, false);
    assert.equal(wechatShopInfoSchema.safeParse({ nickname: '山野' }).success, false);
  });
});

describe('a WeChat live and its notice in the domain form', () => {
  const notice = wechatLiveNoticeSchema.parse({ noticeId: 'n1', status: 0, startTime: '1790000000', reservable: true });

  it('makes a notice reservable only while it is open and WeChat says it can be reserved', () => {
    assert.deepEqual(noticeFromWeChat(notice), {
      noticeId: 'n1',
      status: 'open',
      startAt: 1_790_000_000_000,
      reservable: true,
    });
    assert.equal(noticeFromWeChat({ ...notice, status: 1 }).reservable, false, 'cancelled');
    assert.equal(noticeFromWeChat({ ...notice, reservable: undefined }).reservable, false, 'not said');
    assert.equal(noticeFromWeChat({ ...notice, reservable: false }).reservable, false);
    assert.equal(noticeFromWeChat({ ...notice, description: '夏季新品' }).description, '夏季新品');
    assert.equal('description' in noticeFromWeChat(notice), false);
  });

  it('takes the host from the live info, else from the notice, else leaves it empty', () => {
    const info = wechatLiveInfoSchema.parse({ status: 2 });
    const withNotice = { ...notice, nickname: '山野户外', headUrl: 'https://wx.qlogo.cn/n' };
    assert.deepEqual(liveFromWeChat('sphShanyeOutdoor', info), {
      finderUserName: 'sphShanyeOutdoor',
      nickname: '',
      avatarUrl: '',
      description: '',
      status: 'live',
      statusCode: 2,
      replay: 'none',
      viewers: 0,
      heat: 0,
      bag: [],
    });
    const fromNotice = liveFromWeChat('sphShanyeOutdoor', info, { notice: withNotice });
    assert.equal(`${fromNotice.nickname} ${fromNotice.avatarUrl}`, '山野户外 https://wx.qlogo.cn/n');
    const own = liveFromWeChat(
      'sphShanyeOutdoor',
      { ...info, nickname: '山野', headUrl: 'https://wx.qlogo.cn/l', description: '上新' },
      { notice: withNotice },
    );
    assert.equal(`${own.nickname} ${own.avatarUrl} ${own.description}`, '山野 https://wx.qlogo.cn/l 上新');
    const alone = liveFromWeChat('sphShanyeOutdoor', { ...info, nickname: '山野', headUrl: 'https://wx.qlogo.cn/l' });
    assert.equal(`${alone.nickname} ${alone.avatarUrl}`, '山野 https://wx.qlogo.cn/l');
  });

  it('keeps the feed, the notice and the shop only when given', () => {
    const info = wechatLiveInfoSchema.parse({ status: '3', replayStatus: '1', feedId: 'f1' });
    const room = liveFromWeChat('sphShanyeOutdoor', info, { notice, shopAppid: shop.appid, viewers: 5, heat: 9 });
    assert.equal(room.feedId, 'f1');
    assert.equal(room.shopAppid, shop.appid);
    assert.deepEqual(room.notice, noticeFromWeChat(notice));
    assert.equal(`${room.status} ${room.replay} ${room.viewers} ${room.heat}`, 'ended ready 5 9');
    const bare = liveFromWeChat('sphShanyeOutdoor', wechatLiveInfoSchema.parse({ status: 1 }));
    assert.deepEqual(
      ['feedId', 'notice', 'shopAppid'].filter((key) => key in bare),
      [],
    );
  });

  it('refuses live info without a status and a notice without its id', () => {
    assert.equal(wechatLiveInfoSchema.safeParse({ nickname: 'x' }).success, false);
    assert.equal(wechatLiveInfoSchema.safeParse({ status: 2, nickname: 7 }).success, false);
    assert.equal(wechatLiveNoticeSchema.safeParse({ status: 0, startTime: 1 }).success, false);
  });
});
