import type { Product, SearchQuery } from '@xiaodian/model';

/**
 * The search query suite: what shoppers type, by class, each with the products that answer it judged
 * from the demo catalog's text (`why` says why). A judgement is a predicate over the catalog's products,
 * so it names what is relevant, not what some index happens to return. `npm test` holds the index to a
 * mean reciprocal rank (first relevant product in the top 10) of at least 0.90 overall and 0.85 per
 * class, with no answer to a `no_hit` query; `npm run bench -- search` scores other engines on it.
 */
export const queryClasses = [
  'exact',
  'pinyin',
  'initials',
  'mixed',
  'latin',
  'fuzzy',
  'homophone',
  'traditional',
  'partial',
  'fields',
  'filters',
  'sorts',
  'no_hit',
] as const;
export type QueryClass = (typeof queryClasses)[number];

export interface JudgedQuery {
  class: QueryClass;
  query: SearchQuery;
  why: string;
  /** Whether a product answers the query; absent for `no_hit` (nothing does). For sorts, given every candidate. */
  relevant?: (product: Product, catalog: readonly Product[]) => boolean;
}

/** The product's own name for itself: its title or short title. */
const names = (product: Product, word: string) =>
  product.title.includes(word) || (product.shortTitle ?? '').includes(word);
const sells =
  (...words: string[]) =>
  (product: Product) =>
    words.every((word) => names(product, word));
const skuValue = (product: Product, value: string) =>
  product.skus.some((sku) => sku.attrs.some((attr) => attr.value.includes(value)));
const onSale = (catalog: readonly Product[]) => catalog.filter((product) => product.availability !== 'unavailable');

/** For a sort: the products that must come first, those with the extreme value among the ones named. */
function first(word: string, value: (product: Product) => number, order: 'max' | 'min', extra = (_: Product) => true) {
  return (product: Product, catalog: readonly Product[]) => {
    const named = onSale(catalog).filter((p) => names(p, word) && extra(p));
    const values = named.map(value);
    const best = order === 'max' ? Math.max(...values) : Math.min(...values);
    return names(product, word) && extra(product) && value(product) === best;
  };
}

const q = (
  klass: QueryClass,
  query: string | SearchQuery,
  why: string,
  relevant?: JudgedQuery['relevant'],
): JudgedQuery => ({
  class: klass,
  query: typeof query === 'string' ? { q: query } : query,
  why,
  ...(relevant ? { relevant } : {}),
});

export const searchQueries: readonly JudgedQuery[] = [
  // Chinese words and parts of words, typed exactly.
  q('exact', '防晒衣', 'an item name: every 防晒衣 listing', sells('防晒衣')),
  q('exact', '冲锋衣', 'an item name', sells('冲锋衣')),
  q('exact', '螺蛳粉', 'an item name', sells('螺蛳粉')),
  q('exact', '蓝牙耳机', 'an item name', sells('蓝牙耳机')),
  q('exact', '耳机', 'part of 蓝牙耳机: the only earphones sold', sells('耳机')),
  q('exact', '精华', 'part of 保湿精华液', sells('精华')),
  q('exact', '大闸蟹', 'part of 阳澄湖大闸蟹', sells('大闸蟹')),
  q('exact', '和田玉', 'part of 和田玉吊坠', sells('和田玉')),
  q('exact', '四件套', 'an item name', sells('四件套')),
  q('exact', '瑜伽垫', 'an item name', sells('瑜伽垫')),
  q('exact', '乌龙茶', 'the tea shop’s 冷泡乌龙茶包', sells('乌龙茶')),
  // Full pinyin, with or without spaces and tones.
  q('pinyin', 'fangshaiyi', '防晒衣 in pinyin', sells('防晒衣')),
  q('pinyin', 'fang shai yi', '防晒衣, one syllable at a time', sells('防晒衣')),
  q('pinyin', 'chongfengyi', '冲锋衣', sells('冲锋衣')),
  q('pinyin', 'luosifen', '螺蛳粉', sells('螺蛳粉')),
  q('pinyin', 'lanyaerji', '蓝牙耳机', sells('蓝牙耳机')),
  q('pinyin', 'yurongfu', '羽绒服', sells('羽绒服')),
  q('pinyin', 'zhinengshoubiao', '智能手表', sells('智能手表')),
  q('pinyin', 'yújiādiàn', '瑜伽垫 with tone marks', sells('瑜伽垫')),
  q('pinyin', 'chong2dian4bao3', '充电宝 with tone numbers', sells('充电宝')),
  q('pinyin', 'dazhaxie', '大闸蟹', sells('大闸蟹')),
  q('pinyin', 'LIANYIQUN', '连衣裙, caps lock on', sells('连衣裙')),
  // Initials of each syllable.
  q('initials', 'fsy', '防晒衣: fang shai yi', sells('防晒衣')),
  q('initials', 'cfy', '冲锋衣: chong feng yi', sells('冲锋衣')),
  q('initials', 'lsf', '螺蛳粉: luo si fen', sells('螺蛳粉')),
  q('initials', 'lyej', '蓝牙耳机: lan ya er ji', sells('蓝牙耳机')),
  q('initials', 'yrf', '羽绒服: yu rong fu', sells('羽绒服')),
  q('initials', 'znsb', '智能手表: zhi neng shou biao', sells('智能手表')),
  q('initials', 'cdb', '充电宝: chong dian bao', sells('充电宝')),
  q('initials', 'yjd', '瑜伽垫: yu jia dian', sells('瑜伽垫')),
  q('initials', 'dzx', '大闸蟹: da zha xie', sells('大闸蟹')),
  q('initials', 'lyq', '连衣裙: lian yi qun', sells('连衣裙')),
  // Chinese half typed: the IME not yet converted the rest.
  q('mixed', '防晒yi', '防晒 + yi = 防晒衣', sells('防晒衣')),
  q('mixed', '冲锋y', '冲锋 + the first letter of 衣', sells('冲锋衣')),
  q('mixed', 'luosi粉', 'luo si + 粉 = 螺蛳粉', sells('螺蛳粉')),
  q('mixed', '蓝牙erji', '蓝牙 + er ji = 蓝牙耳机', sells('蓝牙耳机')),
  q('mixed', '羽绒f', '羽绒 + f = 羽绒服', sells('羽绒服')),
  q('mixed', '智能shoubiao', '智能 + shou biao = 智能手表', sells('智能手表')),
  q('mixed', '充电b', '充电 + b = 充电宝', sells('充电宝')),
  q('mixed', '瑜伽dian', '瑜伽 + dian = 瑜伽垫', sells('瑜伽垫')),
  q('mixed', '大闸xie', '大闸 + xie = 大闸蟹', sells('大闸蟹')),
  // Latin words, brands and model numbers, by prefix, in any case or width.
  q('latin', 'upf5', 'prefix of UPF50+ (the Shanye sun jacket)', (p) => p.title.includes('UPF50+')),
  q('latin', 'UPF50', 'the model number as written', (p) => p.title.includes('UPF50+')),
  q('latin', 'ＵＰＦ５０', 'full-width letters and digits', (p) => p.title.includes('UPF50+')),
  q('latin', 'vibram', 'the sole brand on the hiking shoe', (p) => p.title.includes('Vibram')),
  q('latin', 'VIBRAM', 'the same in capitals', (p) => p.title.includes('Vibram')),
  q('latin', 'shanye', 'the brand 山野 in its Latin spelling (or pinyin): any of its products', (p) =>
    /山野|Shanye/.test(p.title),
  ),
  q('latin', 'spf50', 'the sunscreen’s SPF50+', (p) => p.title.includes('SPF50+')),
  q('latin', '50ml', 'the sunscreen’s size', (p) => /\b50ml/.test(p.title)),
  q('latin', '357g', 'the 普洱 cake’s weight', (p) => p.title.includes('357g')),
  q('latin', 't恤', 'T恤 (速干T恤): a Latin letter and a Han character', sells('T恤')),
  // Typos in Latin and pinyin: one edit from 4 letters, two from 8.
  q('fuzzy', 'vibarm', 'Vibram with two letters swapped', (p) => p.title.includes('Vibram')),
  q('fuzzy', 'vibrm', 'Vibram with a letter left out', (p) => p.title.includes('Vibram')),
  q('fuzzy', 'fangsaiyi', '防晒衣 without the h of shai', sells('防晒衣')),
  q('fuzzy', 'chongfenyi', '冲锋衣 with fen for feng', sells('冲锋衣')),
  q('fuzzy', 'luosifeng', '螺蛳粉 with feng for fen', sells('螺蛳粉')),
  q('fuzzy', 'yurongfo', '羽绒服 with fo for fu', sells('羽绒服')),
  q('fuzzy', 'zhinenshoubiao', '智能手表 with nen for neng', sells('智能手表')),
  q('fuzzy', 'yujiadain', '瑜伽垫 with two letters swapped', sells('瑜伽垫')),
  q('fuzzy', 'upf05', 'UPF50+ with the digits swapped', (p) => p.title.includes('UPF50+')),
  // The IME picked a character that sounds the same.
  q('homophone', '螺丝粉', '丝 for 蛳 (si): the commonest Chinese search typo', sells('螺蛳粉')),
  q('homophone', '防晒依', '依 for 衣 (yi)', sells('防晒衣')),
  q('homophone', '冲峰衣', '峰 for 锋 (feng)', sells('冲锋衣')),
  q('homophone', '羽容服', '容 for 绒 (rong)', sells('羽绒服')),
  q('homophone', '蓝芽耳机', '芽 for 牙 (ya)', sells('蓝牙耳机')),
  q('homophone', '瑜加垫', '加 for 伽 (jia)', sells('瑜伽垫')),
  q('homophone', '智能手镖', '镖 for 表 (biao)', sells('智能手表')),
  q('homophone', '充电包', '包 for 宝 (bao)', sells('充电宝')),
  q('homophone', '记亿棉枕头', '亿 for 忆 (yi)', sells('记忆棉枕头')),
  // Traditional characters.
  q('traditional', '羽絨服', '羽绒服', sells('羽绒服')),
  q('traditional', '衝鋒衣', '冲锋衣', sells('冲锋衣')),
  q('traditional', '螺螄粉', '螺蛳粉', sells('螺蛳粉')),
  q('traditional', '藍牙耳機', '蓝牙耳机', sells('蓝牙耳机')),
  q('traditional', '智能手錶', '智能手表', sells('智能手表')),
  q('traditional', '充電寶', '充电宝', sells('充电宝')),
  q('traditional', '連衣裙', '连衣裙', sells('连衣裙')),
  q('traditional', '記憶棉枕頭', '记忆棉枕头', sells('记忆棉枕头')),
  q('traditional', '陶瓷餐具套裝', '陶瓷餐具套装', sells('陶瓷餐具套装')),
  // Longer than what it should find: the extra characters lower it, they do not empty it.
  q('partial', '防晒衣女', 'a 防晒衣; 女 is extra (one title has 防晒衣女)', sells('防晒衣')),
  q('partial', '螺蛳粉好吃', '螺蛳粉; 好吃 is not catalog text', sells('螺蛳粉')),
  q('partial', '蓝牙耳机推荐', '蓝牙耳机; 推荐 is not', sells('蓝牙耳机')),
  q('partial', '羽绒服男士', '羽绒服; the catalog says 男款, not 男士', sells('羽绒服')),
  q('partial', '冲锋衣外套', '冲锋衣; 外套 is not', sells('冲锋衣')),
  q('partial', '智能手表华为', '智能手表; the catalog sells no 华为', sells('智能手表')),
  q('partial', '五常大米正宗', '五常大米; 正宗 is not', sells('五常大米')),
  q('partial', '瑜伽垫加厚款', '瑜伽垫; 加厚款 is not', sells('瑜伽垫')),
  q('partial', '阳澄湖大闸蟹现货', '大闸蟹; 现货 is not', sells('大闸蟹')),
  // Other fields: SKU values, shop names, categories, brands.
  q('fields', '雾霾蓝 冲锋衣', 'a 冲锋衣 sold in 雾霾蓝', (p) => names(p, '冲锋衣') && skuValue(p, '雾霾蓝')),
  q('fields', '山野户外', 'the shop 山野户外官方旗舰店', (p) => p.shop.name.includes('山野户外')),
  q('fields', '美妆', 'the category 美妆', (p) => p.category === '美妆'),
  q('fields', '红轴 键盘', 'a keyboard with 红轴 switches', (p) => names(p, '键盘') && skuValue(p, '红轴')),
  q('fields', '樱花粉 四件套', 'a bedding set in 樱花粉', (p) => names(p, '四件套') && skuValue(p, '樱花粉')),
  q('fields', '花间 面膜', 'the brand 花间’s face masks', (p) => p.title.startsWith('花间') && names(p, '面膜')),
  q('fields', '平安扣', 'a 和田玉吊坠 style', (p) => skuValue(p, '平安扣')),
  q('fields', '65W 充电器', 'a 65W charger', (p) => names(p, '充电器') && skuValue(p, '65W')),
  q('fields', '清泉茶饮', 'the tea shop', (p) => p.shop.name.includes('清泉茶饮')),
  // Filters: only what passes them answers.
  q(
    'filters',
    { q: '防晒衣', maxPrice: 10_000 },
    'a 防晒衣 at ¥100 or less',
    (p) => names(p, '防晒衣') && p.minPrice <= 10_000,
  ),
  q(
    'filters',
    { q: '茶', appid: 'wx0b1c2d3e4f5a6b7c' },
    'tea from the tea shop only',
    (p) => names(p, '茶') && p.appid === 'wx0b1c2d3e4f5a6b7c',
  ),
  q(
    'filters',
    { q: '耳机', guarantees: ['freight_insurance'] },
    'earphones with 运费险',
    (p) => names(p, '耳机') && p.guarantees.includes('freight_insurance'),
  ),
  q('filters', { q: '羽绒服', category: '服饰' }, '羽绒服 in 服饰', (p) => names(p, '羽绒服') && p.category === '服饰'),
  q(
    'filters',
    { q: '螺蛳粉', inStock: true },
    '螺蛳粉 in stock',
    (p) => names(p, '螺蛳粉') && p.availability === 'available',
  ),
  q(
    'filters',
    { q: 'fangshaiyi', minPrice: 20_000 },
    'pinyin with a floor price',
    (p) => names(p, '防晒衣') && p.minPrice >= 20_000,
  ),
  q(
    'filters',
    { q: '精华', guarantees: ['seven_day_return'], inStock: true },
    'serum, returnable, in stock',
    (p) => names(p, '精华') && p.guarantees.includes('seven_day_return') && p.availability === 'available',
  ),
  q('filters', { q: '', category: '珠宝' }, 'no words, one category', (p) => p.category === '珠宝'),
  q(
    'filters',
    { q: '大米', minPrice: 5_000, maxPrice: 15_000 },
    'rice from ¥50 to ¥150',
    (p) => names(p, '大米') && p.minPrice >= 5_000 && p.minPrice <= 15_000,
  ),
  // Sorts: the product that must come first.
  q(
    'sorts',
    { q: '防晒衣', sort: 'price_asc' },
    'the cheapest 防晒衣',
    first('防晒衣', (p) => p.minPrice, 'min'),
  ),
  q(
    'sorts',
    { q: '防晒衣', sort: 'price_desc' },
    'the dearest 防晒衣',
    first('防晒衣', (p) => p.minPrice, 'max'),
  ),
  q(
    'sorts',
    { q: '螺蛳粉', sort: 'sales' },
    'the best-selling 螺蛳粉',
    first('螺蛳粉', (p) => p.sales, 'max'),
  ),
  q(
    'sorts',
    { q: '冲锋衣', sort: 'sales' },
    'the best-selling 冲锋衣',
    first('冲锋衣', (p) => p.sales, 'max'),
  ),
  q(
    'sorts',
    { q: '耳机', sort: 'price_asc' },
    'the cheapest earphones',
    first('耳机', (p) => p.minPrice, 'min'),
  ),
  q(
    'sorts',
    { q: 'fangshaiyi', sort: 'sales' },
    'the best-selling 防晒衣, asked in pinyin',
    first('防晒衣', (p) => p.sales, 'max'),
  ),
  q(
    'sorts',
    { q: '手镯', sort: 'price_desc' },
    'the dearest bangle',
    first('手镯', (p) => p.minPrice, 'max'),
  ),
  q(
    'sorts',
    { q: '面膜', sort: 'sales' },
    'the best-selling face mask',
    first('面膜', (p) => p.sales, 'max'),
  ),
  q(
    'sorts',
    { q: '口红', sort: 'price_asc', inStock: true },
    'the cheapest lipstick in stock',
    first(
      '口红',
      (p) => p.minPrice,
      'min',
      (p) => p.availability === 'available',
    ),
  ),
  // What the catalog does not sell: nothing must answer.
  q('no_hit', '火箭发动机', 'rocket engines: fuzzy matching must not turn 发动机 into 耳机'),
  q('no_hit', 'iphone', 'no phones are sold'),
  q('no_hit', '汽车轮胎', 'no car parts'),
  q('no_hit', '钢琴', 'no instruments'),
  q('no_hit', 'xyzzy', 'not a word'),
  q('no_hit', '笔记本电脑', 'no laptops'),
  q('no_hit', '冰箱', 'no appliances'),
  q('no_hit', 'qwertyuiop', 'keyboard mash'),
  q('no_hit', '猫粮', 'no pet food'),
  q('no_hit', '钓鱼竿', 'no fishing gear'),
];

export interface SuiteScore {
  /** Mean reciprocal rank per class; for `no_hit`, the share of queries answered with nothing. */
  byClass: Record<QueryClass, number>;
  overall: number;
  /** Queries that missed: what came back first instead. */
  misses: Array<{ query: JudgedQuery; rank: number; first?: string }>;
}

/**
 * Scores an engine on the suite: `run` answers a query with product ids, best first (up to 10 count).
 * Reciprocal rank of the first relevant product; 0 when none is in the top 10.
 */
export async function scoreSuite(
  catalog: readonly Product[],
  run: (query: SearchQuery) => Promise<readonly Product[]> | readonly Product[],
): Promise<SuiteScore> {
  const sums = new Map<QueryClass, { total: number; count: number }>();
  const misses: SuiteScore['misses'] = [];
  let total = 0;
  for (const judged of searchQueries) {
    const found = (await run({ ...judged.query, limit: 10 })).slice(0, 10);
    let score: number;
    if (!judged.relevant) {
      score = found.length === 0 ? 1 : 0;
      if (score === 0) misses.push({ query: judged, rank: 0, first: found[0]?.title });
    } else {
      const relevant = judged.relevant;
      const rank = found.findIndex((product) => relevant(product, catalog)) + 1;
      score = rank === 0 ? 0 : 1 / rank;
      if (rank !== 1) misses.push({ query: judged, rank, first: found[0]?.title });
    }
    const sum = sums.get(judged.class) ?? { total: 0, count: 0 };
    sum.total += score;
    sum.count += 1;
    sums.set(judged.class, sum);
    total += score;
  }
  const byClass = Object.fromEntries(
    queryClasses.map((klass) => {
      const sum = sums.get(klass)!;
      return [klass, sum.total / sum.count];
    }),
  ) as Record<QueryClass, number>;
  return { byClass, overall: total / searchQueries.length, misses };
}
