import { bridgeOptions as options } from './bridge-options.js';
import type { IntentDetail } from './events.js';

export { configureBridge, type BridgeOptions } from './bridge-options.js';

/** Where the page runs, which decides what an intent does by default. */
export type BridgeEnvironment = 'miniprogram' | 'wechat' | 'mobile' | 'desktop';

interface MiniProgramBridge {
  navigateTo(options: { url: string; fail?: (error: unknown) => void }): void;
}
interface WeChatWindow {
  __wxjs_environment?: string;
  wx?: { miniProgram?: MiniProgramBridge };
}

export function detectEnvironment(): BridgeEnvironment {
  if ((window as WeChatWindow).__wxjs_environment === 'miniprogram') return 'miniprogram';
  if (/MicroMessenger/i.test(navigator.userAgent)) return 'wechat';
  return matchMedia('(pointer: coarse)').matches ? 'mobile' : 'desktop';
}

/** The mini-program URL for an intent: the page plus the ref, with WeChat's own parameter names. */
export function miniProgramUrl(detail: IntentDetail, page = options.miniProgramPage): string {
  const query = new URLSearchParams({ intent: detail.intent });
  const ref = detail.ref;
  if ('appid' in ref) query.set('appid', ref.appid);
  if ('productId' in ref) query.set('product_id', ref.productId);
  if ('finderUserName' in ref) query.set('finder_user_name', ref.finderUserName);
  if (detail.promotionLink) query.set('product_promotion_link', detail.promotionLink);
  if (detail.mediaId) query.set('media_id', detail.mediaId);
  return `${page}?${query}`;
}

/**
 * The default action of an intent nobody cancelled: inside a mini-program web-view, navigate the mini
 * program; in the WeChat browser or on a phone, open the H5 short link; on a desktop, show it as a QR code
 * (the dialog loads on demand, so pages that never need it never download it).
 */
export async function performIntent(detail: IntentDetail, opener: HTMLElement): Promise<void> {
  const environment = detectEnvironment();
  const bridge = (window as WeChatWindow).wx?.miniProgram;
  if (environment === 'miniprogram' && bridge) {
    bridge.navigateTo({
      url: miniProgramUrl(detail),
      fail: (error) => console.warn('[xiaodian] wx.miniProgram.navigateTo failed', error),
    });
    return;
  }
  if (environment !== 'desktop' && detail.h5Url) {
    options.openUrl(detail.h5Url);
    return;
  }
  const { showQrDialog } = await import('./qr-dialog.js');
  showQrDialog(detail, opener);
}
