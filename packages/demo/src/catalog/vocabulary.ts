/**
 * What the demo marketplace sells: per category, the items (with their SKU axes and a price range in
 * yuan), selling points and audiences titles are composed from, and brand names for its shops. Written
 * from how 微信小店 listings read: brand, item, two or three selling points, then a spec or audience.
 */
export interface ItemTemplate {
  /** The item as a buyer types it, e.g. 防晒衣. */
  name: string;
  /** SKU axes, in order; each product takes 1 to all values of each. */
  axes: ReadonlyArray<readonly [string, readonly string[]]>;
  /** Yuan. */
  price: readonly [number, number];
}

export interface CategoryVocabulary {
  name: string;
  items: readonly ItemTemplate[];
  points: readonly string[];
  extras: readonly string[];
  brands: readonly string[];
  /** Whether a 7-day no-reason return is usual (it is not for fresh food or opened cosmetics). */
  returnable: number;
  /** Share of products sold as gifts (送礼). */
  giftable: number;
  hue: number;
}

const colors = ['月光白', '曜石黑', '雾霾蓝', '燕麦色', '樱花粉', '橄榄绿', '酒红色'];
const sizes = ['S', 'M', 'L', 'XL', 'XXL'];
const shoeSizes = ['36', '37', '38', '39', '40', '41', '42', '43', '44'];

export const categories: readonly CategoryVocabulary[] = [
  {
    name: '服饰',
    hue: 200,
    returnable: 0.95,
    giftable: 0.1,
    brands: ['素棉', '云裳', '北岸', '拾光', '简屿', '木槿'],
    items: [
      {
        name: '防晒衣',
        axes: [
          ['颜色', colors],
          ['尺码', sizes],
        ],
        price: [59, 299],
      },
      {
        name: '冲锋衣',
        axes: [
          ['颜色', colors],
          ['尺码', sizes],
        ],
        price: [299, 1299],
      },
      {
        name: '羽绒服',
        axes: [
          ['颜色', colors],
          ['尺码', sizes],
        ],
        price: [399, 1899],
      },
      {
        name: '针织开衫',
        axes: [
          ['颜色', colors],
          ['尺码', sizes],
        ],
        price: [89, 459],
      },
      {
        name: '阔腿裤',
        axes: [
          ['颜色', colors],
          ['尺码', sizes],
        ],
        price: [69, 329],
      },
      {
        name: '衬衫',
        axes: [
          ['颜色', colors],
          ['尺码', sizes],
        ],
        price: [79, 399],
      },
      {
        name: '连衣裙',
        axes: [
          ['颜色', colors],
          ['尺码', sizes],
        ],
        price: [129, 699],
      },
      {
        name: '卫衣',
        axes: [
          ['颜色', colors],
          ['尺码', sizes],
        ],
        price: [99, 369],
      },
    ],
    points: ['轻薄透气', '宽松显瘦', '抗皱免烫', '纯棉亲肤', '加厚保暖', '百搭通勤', '垂感', '防泼水', '小个子可穿'],
    extras: ['2026秋冬新款', '男女同款', '女款', '男款', '春秋季', '夏季'],
  },
  {
    name: '食品',
    hue: 30,
    returnable: 0.2,
    giftable: 0.35,
    brands: ['山间来信', '稻香村口', '农夫家园', '江南味道', '老树', '云岭'],
    items: [
      { name: '坚果礼盒', axes: [['规格', ['750g', '1.2kg', '1.5kg']]], price: [49, 229] },
      { name: '五常大米', axes: [['规格', ['2.5kg', '5kg', '10kg']]], price: [39, 169] },
      { name: '螺蛳粉', axes: [['规格', ['3袋装', '5袋装', '10袋装']]], price: [29, 99] },
      {
        name: '牛肉干',
        axes: [
          ['口味', ['原味', '麻辣', '五香', '孜然']],
          ['规格', ['100g', '250g']],
        ],
        price: [29, 129],
      },
      {
        name: '阳澄湖大闸蟹',
        axes: [['规格', ['公3.5两 母2.5两 8只', '公4两 母3两 8只', '公4.5两 母3.5两 8只']]],
        price: [199, 899],
      },
      { name: '赣南脐橙', axes: [['规格', ['5斤装', '10斤装']]], price: [29, 89] },
      {
        name: '手工月饼',
        axes: [
          ['口味', ['五仁', '莲蓉蛋黄', '豆沙', '鲜肉']],
          ['规格', ['6枚礼盒', '8枚礼盒']],
        ],
        price: [69, 299],
      },
      { name: '燕麦片', axes: [['规格', ['1kg', '2kg']]], price: [25, 79] },
    ],
    points: ['产地直发', '0添加蔗糖', '独立小包装', '当季现摘', '非油炸', '高蛋白', '顺丰冷链', '年货送礼'],
    extras: ['家庭装', '整箱', '新货', '礼盒装', '囤货装'],
  },
  {
    name: '美妆',
    hue: 330,
    returnable: 0.5,
    giftable: 0.3,
    brands: ['花间', '柔肌', '研肤', '半亩花田', '植萃', '初颜'],
    items: [
      { name: '保湿精华液', axes: [['规格', ['30ml', '50ml', '100ml']]], price: [99, 599] },
      {
        name: '丝绒口红',
        axes: [['色号', ['#216 枫叶红', '#999 正红', '#316 豆沙', '#520 玫瑰', '#888 烂番茄']]],
        price: [69, 329],
      },
      { name: '氨基酸洁面乳', axes: [['规格', ['100g', '120g', '200g']]], price: [39, 129] },
      { name: '防晒乳', axes: [['规格', ['40ml', '50ml', '75ml']]], price: [59, 259] },
      { name: '面膜', axes: [['规格', ['5片装', '10片装', '20片装']]], price: [49, 199] },
      { name: '气垫粉底', axes: [['色号', ['01 象牙白', '02 自然色', '03 小麦色']]], price: [89, 399] },
    ],
    points: ['补水修护', '敏感肌可用', '控油', '提亮肤色', '持妆不脱', '温和不刺激', '清爽不黏腻'],
    extras: ['礼盒装', '旅行装', '正装', '限定款'],
  },
  {
    name: '家居',
    hue: 95,
    returnable: 0.9,
    giftable: 0.12,
    brands: ['木语', '栖居', '素舍', '一隅', '禾木', '安睡'],
    items: [
      {
        name: '四件套',
        axes: [
          ['颜色', colors.slice(0, 5)],
          ['尺寸', ['1.5m床', '1.8m床', '2.0m床']],
        ],
        price: [199, 899],
      },
      { name: '香薰蜡烛', axes: [['香型', ['白茶', '雪松', '无花果', '橙花']]], price: [39, 169] },
      {
        name: '收纳箱',
        axes: [
          ['规格', ['小号', '中号', '大号']],
          ['数量', ['1个', '3个装']],
        ],
        price: [19, 129],
      },
      { name: '记忆棉枕头', axes: [['规格', ['单只装', '一对装']]], price: [79, 399] },
      { name: '陶瓷餐具套装', axes: [['规格', ['4人份', '6人份', '10人份']]], price: [99, 599] },
      { name: '实木床头柜', axes: [['颜色', ['原木色', '胡桃色', '白橡色']]], price: [199, 999] },
    ],
    points: ['北欧简约', '实木', '水洗棉', '抗菌防螨', '大容量', '可机洗', '环保无异味'],
    extras: ['卧室', '客厅', '家用', '小户型', '新婚'],
  },
  {
    name: '珠宝',
    hue: 45,
    returnable: 0.8,
    giftable: 0.6,
    brands: ['金缘', '周记', '素银', '玉见', '星耀', '琉光'],
    items: [
      { name: '足金手镯', axes: [['圈口', ['54mm', '56mm', '58mm', '60mm']]], price: [2999, 19999] },
      { name: '和田玉吊坠', axes: [['款式', ['平安扣', '如意', '葫芦']]], price: [399, 5999] },
      {
        name: '淡水珍珠项链',
        axes: [
          ['长度', ['40cm', '45cm']],
          ['珠径', ['7-8mm', '8-9mm']],
        ],
        price: [199, 1999],
      },
      { name: '银耳钉', axes: [['款式', ['星星', '月亮', '四叶草', '简约圆']]], price: [59, 399] },
      { name: '钻石戒指', axes: [['手寸', ['10号', '12号', '14号', '16号']]], price: [1999, 29999] },
    ],
    points: ['足金999', '附证书', '送女友', '送妈妈', '手工打磨', '不易过敏', '925银'],
    extras: ['礼盒装', '七夕礼物', '生日礼物', '新款'],
  },
  {
    name: '数码',
    hue: 220,
    returnable: 0.95,
    giftable: 0.15,
    brands: ['声浪', '极光', '拓维', '小鲸', '南方智造', '光年'],
    items: [
      { name: '蓝牙耳机', axes: [['颜色', ['白色', '黑色', '蓝色']]], price: [99, 899] },
      {
        name: '充电宝',
        axes: [
          ['容量', ['10000mAh', '20000mAh']],
          ['颜色', ['白色', '黑色']],
        ],
        price: [69, 299],
      },
      {
        name: '智能手表',
        axes: [
          ['颜色', ['曜石黑', '星光银', '玫瑰金']],
          ['表带', ['硅胶', '皮质']],
        ],
        price: [299, 1999],
      },
      { name: '氮化镓充电器', axes: [['功率', ['30W', '65W', '100W']]], price: [59, 299] },
      {
        name: '机械键盘',
        axes: [
          ['轴体', ['红轴', '茶轴', '青轴']],
          ['颜色', ['白色', '黑色']],
        ],
        price: [199, 899],
      },
      { name: '便携投影仪', axes: [['版本', ['标准版', '高亮版']]], price: [999, 4999] },
    ],
    points: ['主动降噪', '超长续航', '快充', '低延迟', '轻薄便携', '蓝牙5.3', '全兼容'],
    extras: ['2026新款', '官方标配', '学生党', '办公'],
  },
  {
    name: '母婴',
    hue: 280,
    returnable: 0.7,
    giftable: 0.2,
    brands: ['贝贝熊', '小葵', '宝贝计划', '暖暖', '童趣', '亲亲'],
    items: [
      { name: '纸尿裤', axes: [['尺码', ['NB', 'S', 'M', 'L', 'XL']]], price: [69, 239] },
      { name: '婴儿湿巾', axes: [['规格', ['80抽×6包', '80抽×12包']]], price: [29, 79] },
      { name: '儿童保温杯', axes: [['颜色', ['恐龙绿', '小兔粉', '海洋蓝']]], price: [59, 199] },
      {
        name: '婴儿连体衣',
        axes: [
          ['颜色', ['米白', '浅粉', '浅蓝']],
          ['尺码', ['59', '66', '73', '80']],
        ],
        price: [49, 199],
      },
      { name: '积木玩具', axes: [['规格', ['100颗粒', '300颗粒']]], price: [59, 299] },
    ],
    points: ['超薄透气', '纯棉', '食品级材质', '无荧光剂', '防摔', '益智'],
    extras: ['新生儿', '0-3岁', '3-6岁', '四季通用'],
  },
  {
    name: '运动户外',
    hue: 150,
    returnable: 0.95,
    giftable: 0.08,
    brands: ['山野', '跃动', '野径', '极限', '驰风', '蓝鲸'],
    items: [
      {
        name: '徒步鞋',
        axes: [
          ['颜色', ['岩石灰', '军绿', '黑色']],
          ['尺码', shoeSizes],
        ],
        price: [299, 999],
      },
      { name: '露营帐篷', axes: [['规格', ['2人', '3-4人', '5-8人']]], price: [199, 1599] },
      {
        name: '瑜伽垫',
        axes: [
          ['颜色', ['紫色', '蓝色', '灰色']],
          ['厚度', ['6mm', '8mm']],
        ],
        price: [49, 229],
      },
      { name: '登山杖', axes: [['规格', ['单支', '一对']]], price: [79, 399] },
      {
        name: '速干T恤',
        axes: [
          ['颜色', colors.slice(0, 4)],
          ['尺码', sizes],
        ],
        price: [49, 199],
      },
      {
        name: '跑步鞋',
        axes: [
          ['颜色', ['白色', '黑色', '荧光绿']],
          ['尺码', shoeSizes],
        ],
        price: [199, 899],
      },
    ],
    points: ['防水透气', '超轻', '防滑耐磨', '速干', '缓震回弹', '可折叠', '大底抓地'],
    extras: ['户外', '男女同款', '登山', '露营装备'],
  },
];
