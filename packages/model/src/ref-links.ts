import { XiaodianError } from './errors.js';
import { formatProductRef, liveRef, parseProductRef, productRef, shopRef, type ArticleRef } from './refs.js';

// Reading refs out of links and attributes lives apart from refs.ts: product cards only need the
// small validators there, and the resolver that needs these loads on demand.

/** A stable key for any ref: `product:APPID:ID`, `shop:APPID`, `live:FINDER`. */
export function articleRefKey(ref: ArticleRef): string {
  switch (ref.kind) {
    case 'product':
      return `product:${formatProductRef(ref)}`;
    case 'shop':
      return `shop:${ref.appid}`;
    case 'live':
      return `live:${ref.finderUserName}`;
  }
}

/**
 * The gateway's canonical links: `/p/APPID/PRODUCT_ID`, `/s/APPID` and `/l/FINDER_USER_NAME` on the
 * gateway's origin, with `promotion_link` and `media_id` as query parameters of a product link.
 */
export function formatRefLink(ref: ArticleRef, base: string): string {
  const origin = base.replace(/\/+$/, '');
  switch (ref.kind) {
    case 'product': {
      const query = new URLSearchParams();
      if (ref.promotionLink) query.set('promotion_link', ref.promotionLink);
      if (ref.mediaId) query.set('media_id', ref.mediaId);
      const search = query.toString();
      return `${origin}/p/${ref.appid}/${ref.productId}${search ? `?${search}` : ''}`;
    }
    case 'shop':
      return `${origin}/s/${ref.appid}`;
    case 'live':
      return `${origin}/l/${ref.finderUserName}`;
  }
}

const canonicalPath = /\/(p|s|l)\/([^/?#]+)(?:\/([^/?#]+))?\/?$/;

function parseLink(url: URL, text: string): ArticleRef {
  const match = canonicalPath.exec(url.pathname);
  const [, kind, first = '', second] = match ?? [];
  if (kind === 'p' && second !== undefined) {
    const promotionLink = url.searchParams.get('promotion_link');
    const mediaId = url.searchParams.get('media_id');
    return {
      kind: 'product',
      ...productRef(first, second, {
        ...(promotionLink ? { promotionLink } : {}),
        ...(mediaId ? { mediaId } : {}),
      }),
    };
  }
  if (kind === 's' && second === undefined) return { kind: 'shop', ...shopRef(first) };
  if (kind === 'l' && second === undefined) return { kind: 'live', ...liveRef(first) };
  throw new XiaodianError(
    'invalid_ref',
    `Unrecognised link "${text}": expected a path /p/APPID/PRODUCT_ID, /s/APPID or /l/FINDER_USER_NAME`,
  );
}

/** Element attributes as WeChat's `<store-product>`, `<store-home>` and `<channel-live>` name them. */
export type RefAttributes = Readonly<Record<string, string | null | undefined>>;

function parseAttributes(attributes: RefAttributes): ArticleRef {
  const appid = attributes['appid'] ?? undefined;
  const productId = attributes['product-id'] ?? undefined;
  const finderUserName = attributes['finder-user-name'] ?? undefined;
  if (finderUserName !== undefined) return { kind: 'live', ...liveRef(finderUserName) };
  if (appid === undefined) {
    throw new XiaodianError(
      'invalid_ref',
      'Attributes name no ref: expected appid (and product-id) or finder-user-name',
    );
  }
  if (productId === undefined) return { kind: 'shop', ...shopRef(appid) };
  const promotionLink = attributes['product-promotion-link'];
  const mediaId = attributes['media-id'];
  return {
    kind: 'product',
    ...productRef(appid, productId, {
      ...(promotionLink ? { promotionLink } : {}),
      ...(mediaId ? { mediaId } : {}),
    }),
  };
}

/**
 * Reads any ref a person or a page holds: `APPID:PRODUCT_ID`, a bare appid (a shop), a finder user name
 * (a live room), a canonical gateway link (`…/p/APPID/PRODUCT_ID`), or element attributes
 * (`{appid, 'product-id', 'product-promotion-link', 'media-id'}`). Anything else is `invalid_ref` with
 * the reason, so nothing odd reaches a URL. WeChat's H5 short links carry no ids: only the gateway's
 * resolve route can read them.
 */
export function parseRef(input: string | RefAttributes): ArticleRef {
  if (typeof input !== 'string') return parseAttributes(input);
  const text = input.trim();
  if (/^https?:\/\//i.test(text)) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      throw new XiaodianError('invalid_ref', `Invalid link "${text}"`);
    }
    return parseLink(url, text);
  }
  if (text.includes(':')) return { kind: 'product', ...parseProductRef(text) };
  if (text.startsWith('sph')) return { kind: 'live', ...liveRef(text) };
  if (text.startsWith('wx')) return { kind: 'shop', ...shopRef(text) };
  throw new XiaodianError(
    'invalid_ref',
    `Unrecognised ref "${text}": expected APPID:PRODUCT_ID, an appid, a finder user name or a link`,
  );
}
