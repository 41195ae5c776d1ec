import {
  linkedAccountLimit,
  shopFromWeChat,
  wechatShopInfoSchema,
  type BrandCertification,
  type LinkedAccount,
  type Shop,
  type WeChatShopInfoInput,
} from '@xiaodian/model';
import { between } from '../random.js';
import { hex, shortCode } from './ids.js';
import { categories, type CategoryVocabulary } from './vocabulary.js';

/** The catalog's "today": shop ages and link limits are computed against it, never against the clock. */
export const catalogDate = Date.UTC(2026, 10, 1);

export interface DemoShopSeed {
  appid: string;
  name: string;
  brand: string;
  category: CategoryVocabulary;
  hue: number;
  certification?: BrandCertification;
  subjectType: '企业' | '个体工商户';
  /** Hand-written first products ([title, short title]) of the original four shops, kept stable. */
  lines?: ReadonlyArray<readonly [string, string]>;
}

const byName = (name: string) => categories.find((category) => category.name === name)!;

/** The first four shops, their appids and first products are named by examples, stories and tests. */
const fixedShops: readonly DemoShopSeed[] = [
  {
    appid: 'wx3f8a2c1d9e7b6a54',
    name: '山野户外官方旗舰店',
    brand: '山野',
    category: byName('运动户外'),
    hue: 150,
    certification: 'official_flagship',
    subjectType: '企业',
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
    brand: '清泉',
    category: byName('食品'),
    hue: 95,
    certification: 'flagship',
    subjectType: '企业',
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
    brand: '木语',
    category: byName('家居'),
    hue: 30,
    subjectType: '企业',
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
    brand: '花间',
    category: byName('美妆'),
    hue: 330,
    certification: 'specialty',
    subjectType: '企业',
    lines: [
      ['花间 玻尿酸保湿精华液 30ml 补水修护 敏感肌可用', '玻尿酸精华'],
      ['花间 丝绒雾面口红 显白不拔干 #216 枫叶红', '丝绒雾面口红'],
      ['花间 氨基酸洁面乳 温和清洁 控油 120g 男女适用', '氨基酸洁面乳'],
      ['花间 清透防晒乳 SPF50+ PA++++ 户外 军训 50ml', '清透防晒乳'],
      ['花间 眼部精华霜 淡化细纹 紧致 15g 礼盒装', '眼部精华霜'],
    ],
  },
];

/** Shop kinds, cycled: brand shops of every certification, plain company shops and individuals' shops. */
const shopKinds: ReadonlyArray<{ suffix: string; certification?: BrandCertification; individual?: boolean }> = [
  { suffix: '官方旗舰店', certification: 'official_flagship' },
  { suffix: '旗舰店', certification: 'flagship' },
  { suffix: '专营店', certification: 'specialty' },
  { suffix: '专卖店', certification: 'exclusive' },
  { suffix: '的小店', individual: true },
  { suffix: '授权店', certification: 'authorized' },
  { suffix: '优选' },
];
const owners = ['阿杰', '小鹿', '王姐', '大刘', '阿美', '老周', '小林'];

/** Thirty-two shops: the four fixed ones, then one per category in turn with the next brand. */
export function demoShopSeeds(): DemoShopSeed[] {
  const generated: DemoShopSeed[] = [];
  for (let i = 0; i < 28; i += 1) {
    const category = categories[i % categories.length]!;
    const brand = category.brands[Math.floor(i / categories.length) + 1]!;
    const kind = shopKinds[i % shopKinds.length]!;
    const individual = kind.individual === true;
    generated.push({
      appid: `wx${hex(`shop:${i}`, 16)}`,
      name: individual
        ? `${owners[i % owners.length]}的${category.name}小店`
        : `${brand}${category.name === '食品' ? '食品' : ''}${kind.suffix}`,
      brand,
      category,
      hue: (category.hue + i * 37) % 360,
      ...(kind.certification ? { certification: kind.certification } : {}),
      subjectType: individual ? '个体工商户' : '企业',
    });
  }
  return [...fixedShops, ...generated];
}

const accountSuffixes = [
  '',
  '官方',
  '生活馆',
  '好物分享',
  '直播间',
  '日记',
  '研究所',
  '精选',
  '小助手',
  '种草机',
  '福利社',
];

/** Builds each shop as WeChat's basics/info returns it and maps it like live data, plus what only the demo knows. */
export function buildShop(
  seed: DemoShopSeed,
  index: number,
  random: () => number,
  logoUrl: string,
  totals: { productsOnSale: number; totalSales: number },
): Shop {
  const opened = Date.UTC(2022, 2, 1) + Math.floor(random() * (catalogDate - 20 * 86_400_000 - Date.UTC(2022, 2, 1)));
  const raw: WeChatShopInfoInput = {
    nickname: seed.name,
    headimg_url: logoUrl,
    subject_type: seed.subjectType,
    // One shop is winding down, so that status shows too.
    status: index === 29 ? 'closing' : 'open_finished',
    username: `gh_${hex(`username:${seed.appid}`, 12)}`,
    is_local_life: index % 11 === 10,
    open_timestamp: String(Math.floor(opened / 1000)),
  };
  // Scores: 4.2–4.9; every third shop is excellent (all ≥ 4.6), which raises its account limit.
  const floor = index % 3 === 0 ? 4.6 : 4.2;
  const score = () => Math.round((floor + random() * (4.9 - floor)) * 100) / 100;
  const scores = { description: score(), service: score(), logistics: score() };
  const partial = shopFromWeChat(seed.appid, wechatShopInfoSchema.parse(raw));
  const limit = linkedAccountLimit({ ...partial, scores }, catalogDate);
  const account = (kind: 'gh' | 'sph', n: number): LinkedAccount => {
    const name = `${seed.brand}${accountSuffixes[n % accountSuffixes.length]}`;
    const id = kind === 'gh' ? `gh_${hex(`${seed.appid}:gh:${n}`, 12)}` : `sph${hex(`${seed.appid}:sph:${n}`, 10)}`;
    return { id, name: n >= accountSuffixes.length ? `${name}${n}` : name };
  };
  const individual = seed.subjectType === '个体工商户';
  const channels = individual ? between(random, 0, 1) : between(random, 1, limit.channels);
  const officialAccounts = individual ? between(random, 0, 1) : between(random, 1, limit.officialAccounts);
  return shopFromWeChat(seed.appid, wechatShopInfoSchema.parse(raw), {
    ...(seed.certification && !individual ? { brand: { name: seed.brand, certification: seed.certification } } : {}),
    scores,
    productsOnSale: totals.productsOnSale,
    totalSales: totals.totalSales,
    linkedAccounts: {
      officialAccounts: Array.from({ length: officialAccounts }, (_, n) => account('gh', n)),
      channels: Array.from({ length: channels }, (_, n) => account('sph', n)),
    },
    h5Url: `https://channels.weixin.qq.com/shop/a/${shortCode(`shop:${seed.appid}`)}`,
  });
}
