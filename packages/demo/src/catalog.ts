import type { ShopSummary, WeChatProductInput } from '@xiaodian/model';
import { productImage, shopLogo } from './images.js';
import { between, pick, seededRandom } from './random.js';

export interface DemoShopSeed {
  appid: string;
  name: string;
  hue: number;
  /** What the shop sells: [title, short title] pairs its products are built from. */
  lines: ReadonlyArray<readonly [string, string]>;
}

/** The shops of the demo marketplace. Appids are fixed so examples and tests can name them. */
export const demoShopSeeds: readonly DemoShopSeed[] = [
  {
    appid: 'wx3f8a2c1d9e7b6a54',
    name: '山野户外官方旗舰店',
    hue: 150,
    lines: [
      ['山野 Shanye 防晒衣女 UPF50+ 轻薄透气 连帽皮肤衣 夏季户外', 'UPF50+ 轻薄防晒衣'],
      ['山野 轻量徒步鞋 男款 防水透气 Vibram 大底 登山鞋', '防水徒步鞋'],
      ['山野 双层露营帐篷 3-4人 速开防雨 公园野餐 户外装备', '速开露营帐篷'],
      ['山野 冲锋衣 三合一 可拆卸抓绒内胆 男女同款 秋冬', '三合一冲锋衣'],
      ['山野 钛合金折叠登山杖 超轻 外锁快调 一对装', '钛合金登山杖'],
      ['山野 速干T恤 男 运动短袖 冰感透气 跑步健身', '冰感速干T恤'],
    ],
  },
  {
    appid: 'wx0b1c2d3e4f5a6b7c',
    name: '清泉茶饮旗舰店',
    hue: 95,
    lines: [
      ['清泉 茉莉花茶 无糖茶饮料 500ml*15瓶 整箱', '茉莉花茶 整箱'],
      ['清泉 明前龙井 2026新茶 特级 罐装 250g 礼盒', '明前龙井 礼盒'],
      ['清泉 冷泡乌龙茶包 三角袋泡茶 30包 办公室囤货', '冷泡乌龙茶包'],
      ['清泉 云南古树普洱 生茶饼 357g 2019年份', '古树普洱茶饼'],
      ['清泉 桂花红茶 花果茶 独立小包装 15袋', '桂花红茶'],
    ],
  },
  {
    appid: 'wx9a8b7c6d5e4f3a2b',
    name: '木语家居',
    hue: 30,
    lines: [
      ['木语 北欧实木床头柜 小户型 带抽屉 卧室收纳 白橡木色', '实木床头柜'],
      ['木语 日式亚麻四件套 水洗棉麻 床单被套 1.8m床', '亚麻四件套'],
      ['木语 香薰蜡烛 大豆蜡 无烟 卧室助眠 伴手礼 200g', '大豆香薰蜡烛'],
      ['木语 陶瓷餐具套装 釉下彩 碗盘 家用 16件套', '釉下彩餐具'],
      ['木语 胡桃木砧板 整木 双面可用 防霉 厨房家用', '胡桃木砧板'],
    ],
  },
  {
    appid: 'wx5e6f7a8b9c0d1e2f',
    name: '花间美妆专营店',
    hue: 330,
    lines: [
      ['花间 玻尿酸保湿精华液 30ml 补水修护 敏感肌可用', '玻尿酸精华'],
      ['花间 丝绒雾面口红 显白不拔干 #216 枫叶红', '丝绒雾面口红'],
      ['花间 氨基酸洁面乳 温和清洁 控油 120g 男女适用', '氨基酸洁面乳'],
      ['花间 清透防晒乳 SPF50+ PA++++ 户外 军训 50ml', '清透防晒乳'],
      ['花间 眼部精华霜 淡化细纹 紧致 15g 礼盒装', '眼部精华霜'],
    ],
  },
];

const skuAxes: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['颜色', ['月光白', '深海蓝', '曜石黑', '樱花粉', '森林绿']],
  ['尺码', ['S', 'M', 'L', 'XL']],
  ['规格', ['标准装', '加量装', '礼盒装']],
];

export interface DemoCatalogEntry {
  shop: ShopSummary;
  product: WeChatProductInput;
  h5Url: string;
}

/**
 * Builds the catalog as WeChat would return it. The same seed gives the same bytes on every machine.
 * Product ids are `1000020` + shop number + line number, so `wx3f8a2c1d9e7b6a54:10000201000001` is the
 * first shop's first product.
 */
export function buildDemoCatalog(seed = 20261124): DemoCatalogEntry[] {
  const random = seededRandom(seed);
  const entries: DemoCatalogEntry[] = [];
  demoShopSeeds.forEach((shopSeed, shopIndex) => {
    const shop: ShopSummary = {
      appid: shopSeed.appid,
      name: shopSeed.name,
      logoUrl: shopLogo(shopSeed.name, shopSeed.hue),
    };
    shopSeed.lines.forEach(([title, shortTitle], lineIndex) => {
      const productId = String(10000201000000 + (shopIndex + 1) * 1000 + lineIndex + 1);
      const hue = (shopSeed.hue + lineIndex * 23) % 360;
      const basePrice = between(random, 19, 899) * 100 + pick(random, [0, 0, 50, 90]);
      const [axis, values] = pick(random, skuAxes);
      const skuCount = between(random, 1, Math.min(4, values.length));
      // The last line of each shop is sold out, so every page shows that state too.
      const soldOut = lineIndex === shopSeed.lines.length - 1 && shopIndex % 2 === 1;
      const skus = values.slice(0, skuCount).map((value, i) => ({
        sku_id: `${productId}${String(i + 1).padStart(2, '0')}`,
        sale_price: basePrice + i * pick(random, [0, 1000, 2000]),
        stock_num: soldOut ? 0 : between(random, 0, 500),
        status: 5,
        sku_attrs: [{ attr_key: axis, attr_value: value }],
      }));
      const image = productImage(shortTitle, hue);
      entries.push({
        shop,
        h5Url: `https://channels.weixin.qq.com/shop/a/demo${productId.slice(-6)}`,
        product: {
          product_id: productId,
          title,
          short_title: shortTitle,
          head_imgs: [image],
          min_price: Math.min(...skus.map((s) => s.sale_price)),
          total_sold_num: Math.floor(random() ** 3 * 120000),
          status: 5,
          product_type: 1,
          extra_service: {
            seven_day_return: random() < 0.85 ? 1 : 0,
            freight_insurance: random() < 0.6 ? 1 : 0,
            fake_one_pay_three: random() < 0.2 ? 1 : 0,
            damage_guarantee: random() < 0.3 ? 1 : 0,
            pay_after_use: random() < 0.25 ? 1 : 0,
            exchange_support: 0,
          },
          skus,
        },
      });
    });
  });
  return entries;
}
