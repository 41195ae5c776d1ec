import { bridgeOptions as options } from './bridge-options.js';
import type { IntentDetail } from '../events/intent.js';

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

/**
 * `__wxjs_environment` is set only once WeChat's bridge is ready, so a tap right after load also reads
 * the user agent, which says `miniProgram` inside a web-view. WeChat for Windows and Mac has
 * `MicroMessenger` too but cannot show store pages: it counts as a desktop (a QR code to scan).
 */
export function detectEnvironment(): BridgeEnvironment {
  const agent = navigator.userAgent;
  if ((window as WeChatWindow).__wxjs_environment === 'miniprogram' || /miniProgram/i.test(agent)) return 'miniprogram';
  if (/MicroMessenger/i.test(agent) && !/WindowsWechat|MacWechat/i.test(agent)) return 'wechat';
  return matchMedia('(pointer: coarse)').matches ? 'mobile' : 'desktop';
}

/** Only WeChat's own https links are opened: a link from a cache or a gateway is data, not a script. */
export function isWeChatLink(url: string | undefined): url is string {
  try {
    const { protocol, hostname } = new URL(url ?? '');
    return protocol === 'https:' && /(^|\.)(weixin\.qq\.com|qq\.com)$/.test(hostname);
  } catch {
    return false;
  }
}

/**
 * The mini-program URL for an intent: the page plus the ref, with WeChat's own parameter names. Values
 * are percent-encoded (`encodeURIComponent`, never `+` for a space), as mini-program pages decode them.
 */
export function miniProgramUrl(detail: IntentDetail, page = options.miniProgramPage): string {
  const ref = detail.ref;
  const pairs: Array<[string, string | undefined]> = [
    ['intent', detail.intent],
    ['open_page', detail.openPage],
    ['appid', 'appid' in ref ? ref.appid : undefined],
    ['product_id', 'productId' in ref ? ref.productId : undefined],
    ['finder_user_name', 'finderUserName' in ref ? ref.finderUserName : detail.finderUserName],
    ['product_promotion_link', detail.promotionLink],
    ['media_id', detail.mediaId],
    // Live intents: `reserve` → wx.reserveChannelsLive({noticeId}); `live`/`replay` → wx.openChannelsLive.
    ['notice_id', detail.noticeId],
    ['feed_id', detail.feedId],
  ];
  const query = pairs
    .filter((pair): pair is [string, string] => !!pair[1])
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return `${page}${page.includes('?') ? '&' : '?'}${query}`;
}

/**
 * The default action of an intent nobody cancelled: inside a mini-program web-view, navigate the mini
 * program; in the WeChat browser or on a phone, open the H5 short link; on a desktop, show it as a QR code
 * (the dialog loads on demand, so pages that never need it never download it).
 */
export async function performIntent(detail: IntentDetail, opener: HTMLElement): Promise<void> {
  const environment = detectEnvironment();
  const bridge = (window as WeChatWindow).wx?.miniProgram;
  if (environment === 'miniprogram') {
    if (bridge) {
      bridge.navigateTo({
        url: miniProgramUrl(detail),
        fail: (error) => console.warn('[xiaodian] wx.miniProgram.navigateTo failed', error),
      });
      return;
    }
    // A web-view cannot open outside links (they are not on the mini program's domain list).
    console.warn('[xiaodian] In a mini-program web-view without the JS-SDK (wx.miniProgram): load jweixin ≥ 1.3.2.');
  } else if (environment !== 'desktop' && isWeChatLink(detail.h5Url)) {
    options.openUrl(detail.h5Url);
    return;
  }
  const { showQrDialog } = await import('./qr-dialog.js');
  showQrDialog(detail, opener);
}
