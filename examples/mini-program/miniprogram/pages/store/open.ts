// The page the elements' web-view bridge navigates to (`<xd-store mini-program-page="/pages/store/open">`):
// it receives the intent as query parameters and hands it to WeChat's own components and APIs, which are
// the only way to buy inside a mini program.
import { parseProductRef, type Product } from '@xiaodian/model';
import { client } from '../../utils/xiaodian';

/** What the bridge sends: `intent`, `appid`, `product_id`, `finder_user_name`, attribution, `open_page`. */
type IntentQuery = Partial<
  Record<
    'intent' | 'appid' | 'product_id' | 'finder_user_name' | 'product_promotion_link' | 'media_id' | 'open_page',
    string
  >
>;

interface OpenPageData {
  /** Which of WeChat's components open.wxml renders. */
  show: 'product' | 'shop' | 'none';
  appid: string;
  productId: string;
  promotionLink: string;
  mediaId: string;
  openPage: string;
  /** Shown above WeChat's card while it loads, from the same client the web pages use. */
  title: string;
}

Page<OpenPageData, WechatMiniprogram.IAnyObject>({
  data: { show: 'none', appid: '', productId: '', promotionLink: '', mediaId: '', openPage: '', title: '' },

  onLoad(query: IntentQuery) {
    if (query.intent === 'live' && query.finder_user_name) {
      // A live room opens in 视频号; this page has nothing to show, so go back when it returns.
      wx.openChannelsLive({
        finderUserName: query.finder_user_name,
        complete: () => wx.navigateBack(),
      });
      return;
    }
    if (query.intent === 'shop' && query.appid) {
      this.setData({ show: 'shop', appid: query.appid });
      return;
    }
    // product, buy and gift: WeChat's <store-product> with the same ref, attribution and open-page.
    const ref = parseProductRef(`${query.appid ?? ''}:${query.product_id ?? ''}`);
    this.setData({
      show: 'product',
      appid: ref.appid,
      productId: ref.productId,
      promotionLink: query.product_promotion_link ?? '',
      mediaId: query.media_id ?? '',
      openPage: query.open_page ?? 'product-detail',
    });
    client
      .getProduct(ref)
      .then((product: Product) => this.setData({ title: product.title }))
      .catch(() => undefined); // the title is a courtesy: WeChat's card shows the product either way
  },
});
