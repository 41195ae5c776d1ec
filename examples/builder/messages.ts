import type { PasteProblem } from '@xiaodian/model';

/** The builder speaks the creator's language: zh-CN (default) or en-US, chosen with `?lang=`. */
export const locales = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof locales)[number];

export function localeFrom(value: string | null | undefined): Locale {
  return (locales as readonly string[]).includes(value ?? '') ? (value as Locale) : 'zh-CN';
}

export interface BuilderMessages {
  title: string;
  intro: string;
  otherLanguage: string;
  pasteLabel: string;
  pasteHelp: string;
  resolve: string;
  resolving: string;
  pickShop: string;
  pickShopHelp: string;
  noShopSells: string;
  appidLabel: string;
  useShop: string;
  cardType: string;
  variantNames: Record<string, string>;
  looks: string;
  looksHelp: string;
  shopNoLooks: string;
  lookNames: Record<string, string>;
  lookDefault: string;
  resetLooks: string;
  preview: string;
  light: string;
  dark: string;
  inSentenceBefore: string;
  inSentenceAfter: string;
  copyTitle: string;
  webSnippet: string;
  webSnippetHelp: string;
  setupSnippet: string;
  miniProgram: string;
  miniProgramHelp: string;
  share: string;
  shareHelp: string;
  noShareLink: string;
  qrLabel: (name: string) => string;
  copy: string;
  copied: string;
  copyFailed: string;
  liveNotSupported: string;
  /** What was wrong with what was pasted, and what would work. */
  problems: Record<PasteProblem, string>;
  /** The gateway failed (not the creator's input): by error code. */
  failure: (code: string) => string;
}

const zh: BuilderMessages = {
  title: '嵌入生成器',
  intro: '粘贴商品或店铺的链接，预览卡片，再复制到文章、网页或小程序里。',
  otherLanguage: 'English',
  pasteLabel: '商品或店铺链接、APPID:商品ID、商品ID 或店铺 appid',
  pasteHelp:
    '例如 https://channels.weixin.qq.com/shop/a/… （在微信里分享商品时得到的链接），或带货链接 https://store.weixin.qq.com/shop/a/…',
  resolve: '生成卡片',
  resolving: '正在查找…',
  pickShop: '这个商品 ID 属于哪家店？',
  pickShopHelp: '商品 ID 不包含店铺信息。请选择店铺，或填写店铺 appid。',
  noShopSells: '没有找到有这个商品 ID 的店铺，请检查 ID，或填写店铺 appid。',
  appidLabel: '店铺 appid',
  useShop: '使用这家店',
  cardType: '卡片类型',
  variantNames: {
    large: '大卡',
    small: '小卡',
    text: '文字链接',
    strip: '条卡',
    card: '店铺卡片',
    banner: '横幅',
    inline: '文字链接',
  },
  looks: '外观',
  looksHelp:
    '只能修改微信允许在商品卡片上修改的外观：卡片背景色、标题颜色、价格颜色，以及购买按钮（含不可购买状态）的宽度、圆角、文字颜色和背景色。',
  shopNoLooks: '微信不允许修改店铺卡片的外观。',
  lookNames: {
    background: '卡片背景色',
    titleColor: '标题颜色',
    priceColor: '价格颜色',
    buttonWidth: '按钮宽度',
    buttonRadius: '按钮圆角',
    buttonColor: '按钮文字颜色',
    buttonBackground: '按钮背景色',
    disabledButtonColor: '不可购买按钮文字颜色',
    disabledButtonBackground: '不可购买按钮背景色',
  },
  lookDefault: '默认',
  resetLooks: '恢复默认外观',
  preview: '预览',
  light: '浅色',
  dark: '深色',
  inSentenceBefore: '文中链接',
  inSentenceAfter: '与文字同行。',
  copyTitle: '复制',
  webSnippet: '网页代码',
  webSnippetHelp: '粘贴到文章或网页里。文字链接已写好标题和价格，加载时页面不会跳动。',
  setupSnippet: '页面里只需加一次（放在 <head> 中）：',
  miniProgram: '小程序代码',
  miniProgramHelp: '微信的 <store-product> 组件，属性和 custom-style 与预览相同。',
  share: '分享链接和二维码',
  shareHelp: '微信的 H5 短链接：在微信里打开，或用微信扫码。',
  noShareLink: '这个商品目前不在售，没有分享链接。',
  qrLabel: (name) => `${name}的二维码`,
  copy: '复制',
  copied: '已复制',
  copyFailed: '无法复制，请手动选择文字复制',
  liveNotSupported: '这是视频号直播间。生成器制作商品卡片和店铺卡片，请粘贴商品或店铺的链接。',
  problems: {
    empty: '还没有粘贴内容。请粘贴商品或店铺的链接（https://channels.weixin.qq.com/shop/a/…），或 APPID:商品ID。',
    product_id_needs_shop:
      '只有商品 ID，无法知道是哪家店的商品。请在下面选择店铺，或粘贴 APPID:商品ID，或商品链接（https://channels.weixin.qq.com/shop/a/…）。',
    invalid_appid: '店铺 appid 格式不对：appid 是 “wx” 加 16 位十六进制字符（小写），例如 wx3f8a2c1d9e7b6a54。',
    invalid_product_id: '商品 ID 格式不对：商品 ID 只包含数字，最多 20 位，例如 10000201001001。',
    unknown_link:
      '无法识别这个链接。请在微信里分享商品或店铺，粘贴得到的链接（https://channels.weixin.qq.com/shop/a/…），或粘贴 APPID:商品ID。',
    short_link_not_found:
      '这个链接找不到商品或店铺：商品可能已下架，或链接不完整。请从微信重新复制链接，或粘贴 APPID:商品ID。',
    promoter_link_not_found:
      '无法从这个带货链接找到商品。请粘贴商品本身的链接（https://channels.weixin.qq.com/shop/a/…），或 APPID:商品ID。',
    not_found:
      '没有找到这个商品或店铺。请检查 ID，或粘贴商品或店铺的微信链接（https://channels.weixin.qq.com/shop/a/…）。',
    unrecognised:
      '无法识别粘贴的内容。请粘贴商品或店铺的微信链接（https://channels.weixin.qq.com/shop/a/…）、APPID:商品ID，或店铺 appid。',
  },
  failure: (code) =>
    code === 'rate_limited'
      ? '请求太频繁，请稍后再试。'
      : code === 'offline'
        ? '网络未连接，请联网后再试。'
        : '服务暂时无法查询，请稍后再试。',
};

const en: BuilderMessages = {
  title: 'Embed builder',
  intro: 'Paste a product or shop link, preview its card, then copy it into an article, a web page or a mini program.',
  otherLanguage: '中文',
  pasteLabel: 'Product or shop link, APPID:PRODUCT_ID, product id or shop appid',
  pasteHelp:
    'For example https://channels.weixin.qq.com/shop/a/… (the link WeChat gives when you share a product), or a promoter’s https://store.weixin.qq.com/shop/a/…',
  resolve: 'Make the card',
  resolving: 'Looking it up…',
  pickShop: 'Which shop sells this product id?',
  pickShopHelp: 'A product id does not say which shop it belongs to. Pick the shop, or type its appid.',
  noShopSells: 'No shop has a product with this id: check the id, or type the shop’s appid.',
  appidLabel: 'Shop appid',
  useShop: 'Use this shop',
  cardType: 'Card type',
  variantNames: {
    large: 'Large card',
    small: 'Small card',
    text: 'Text link',
    strip: 'Strip',
    card: 'Shop card',
    banner: 'Banner',
    inline: 'Text link',
  },
  looks: 'Looks',
  looksHelp:
    'Only what WeChat lets a page change on its product cards: the card’s background, the title’s and the price’s colour, and the buy button’s (and its disabled state’s) width, corner radius, text colour and background.',
  shopNoLooks: 'WeChat does not allow restyling shop cards.',
  lookNames: {
    background: 'Card background',
    titleColor: 'Title colour',
    priceColor: 'Price colour',
    buttonWidth: 'Button width',
    buttonRadius: 'Button corner radius',
    buttonColor: 'Button text colour',
    buttonBackground: 'Button background',
    disabledButtonColor: 'Disabled button text colour',
    disabledButtonBackground: 'Disabled button background',
  },
  lookDefault: 'default',
  resetLooks: 'Reset the looks',
  preview: 'Preview',
  light: 'Light',
  dark: 'Dark',
  inSentenceBefore: 'A link in',
  inSentenceAfter: 'a sentence.',
  copyTitle: 'Copy',
  webSnippet: 'Web snippet',
  webSnippetHelp:
    'Paste it into an article or a web page. The text link has its title and price written in, so the page does not move while it loads.',
  setupSnippet: 'Once per page (in its <head>):',
  miniProgram: 'Mini program markup',
  miniProgramHelp: 'WeChat’s <store-product> component, with the same attributes and custom-style as the preview.',
  share: 'Share link and QR code',
  shareHelp: 'WeChat’s H5 short link: open it in WeChat, or scan the code with WeChat.',
  noShareLink: 'This product is not on sale now, so it has no share link.',
  qrLabel: (name) => `QR code for ${name}`,
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Could not copy: select the text and copy it yourself',
  liveNotSupported:
    'This is a 视频号 live room. The builder makes product and shop cards: paste a product’s or shop’s link.',
  problems: {
    empty:
      'Nothing was pasted. Paste a product or shop link (https://channels.weixin.qq.com/shop/a/…), or APPID:PRODUCT_ID.',
    product_id_needs_shop:
      'A product id alone does not say which shop sells it. Pick the shop below, or paste APPID:PRODUCT_ID or the product’s link (https://channels.weixin.qq.com/shop/a/…).',
    invalid_appid:
      'That shop appid is malformed: an appid is “wx” followed by 16 lowercase hex characters, like wx3f8a2c1d9e7b6a54.',
    invalid_product_id: 'That product id is malformed: product ids are digits only, at most 20, like 10000201001001.',
    unknown_link:
      'This link cannot be read. Share the product or shop in WeChat and paste that link (https://channels.weixin.qq.com/shop/a/…), or paste APPID:PRODUCT_ID.',
    short_link_not_found:
      'No product or shop is behind this link: it may be off sale, or the link is cut short. Copy it again from WeChat, or paste APPID:PRODUCT_ID.',
    promoter_link_not_found:
      'This promoter’s link could not be traced to a product. Paste the product’s own link (https://channels.weixin.qq.com/shop/a/…) or APPID:PRODUCT_ID.',
    not_found:
      'No such product or shop. Check the ids, or paste the product’s or shop’s WeChat link (https://channels.weixin.qq.com/shop/a/…).',
    unrecognised:
      'This is not a link, an id or a ref. Paste a product’s or shop’s WeChat link (https://channels.weixin.qq.com/shop/a/…), APPID:PRODUCT_ID, or a shop’s appid.',
  },
  failure: (code) =>
    code === 'rate_limited'
      ? 'Too many requests: try again in a moment.'
      : code === 'offline'
        ? 'You are offline: connect and try again.'
        : 'The service could not look this up: try again in a moment.',
};

export function messagesFor(locale: Locale): BuilderMessages {
  return locale === 'en-US' ? en : zh;
}
