import { XiaodianError } from './errors.js';
import { parseRef } from './ref-links.js';
import { isAppid, isId, type ArticleRef } from './refs.js';

// What a creator pastes into the embed builder is rarely a clean ref: WeChat's share text around a short
// link, a link without its scheme, a product id without its shop. This reads it as far as it can without
// the server and, where it cannot, says which problem it is, so the gateway can answer it and the builder
// can say it in the creator's language.

/**
 * Everything that can be wrong with pasted text, as a code the builder localises (the gateway's English
 * message says the same). `as const` data: the type, the tests and the builder's messages derive from it.
 */
export const pasteProblems = [
  /** Nothing but spaces. */
  'empty',
  /** A product id alone: it does not say which shop sells it. */
  'product_id_needs_shop',
  /** Something shaped like an appid that is not `wx` + 16 lowercase hex characters. */
  'invalid_appid',
  /** A product id that is not a decimal uint64. */
  'invalid_product_id',
  /** A link that is neither a WeChat product or shop short link nor a gateway link. */
  'unknown_link',
  /** A WeChat short link whose code the gateway does not know (gone, mistyped, or not on sale). */
  'short_link_not_found',
  /** A promoter's short link the gateway could not map back to a product. */
  'promoter_link_not_found',
  /** A well-formed ref to a product or shop that does not exist. */
  'not_found',
  /** Text that is no ref, id or link at all. */
  'unrecognised',
] as const;
export type PasteProblem = (typeof pasteProblems)[number];

/** What pasted text turned out to be, before anything is asked of a backend. */
export type PastedInput =
  /** A ref read from the text itself: `APPID:PRODUCT_ID`, an appid, a finder user name, a gateway link. */
  | { kind: 'ref'; text: string; ref: ArticleRef }
  /** A WeChat H5 short link (`https://channels.weixin.qq.com/shop/a/<code>`) or a promoter's (`store.…`). */
  | { kind: 'short_link'; text: string; link: string; promoter: boolean }
  /** A product id alone: the shop must come from elsewhere (the request's `appid`). */
  | { kind: 'product_id'; text: string; productId: string }
  /** A link only a backend could know (a merchant's own link scheme); unknown to the model. */
  | { kind: 'other_link'; text: string; link: string }
  | { kind: 'problem'; text: string; problem: PasteProblem; message: string };

/** The `/shop/a/` forms, said in every message that turns a link away. */
export const shortLinkForms =
  'https://channels.weixin.qq.com/shop/a/… (the link WeChat gives when you share a product or shop)';

const wechatShortLink = /^https?:\/\/(channels|store)\.weixin\.qq\.com\/shop\/a\/([0-9A-Za-z_-]+)\/?(?:[?#].*)?$/i;
const wechatHost = /^https?:\/\/([a-z0-9-]+\.)*(weixin\.qq\.com|wechat\.com)(?:[/?#:]|$)/i;
/** A link inside share text; it ends at whitespace, quotes, brackets or CJK punctuation. */
const embeddedLink = /https?:\/\/[^\s"'<>()[\]{}，。；！？、“”‘’（）【】《》]+/i;
/** WeChat's hosts written without a scheme, as people often copy them. */
const schemelessWeChat = /^(?:channels|store)\.weixin\.qq\.com\//i;
const canonicalProduct = /\/p\/([^/?#]+)\/([^/?#]+)\/?$/;
const canonicalShop = /\/s\/([^/?#]+)\/?$/;

function problem(text: string, code: PasteProblem, message: string): PastedInput {
  return { kind: 'problem', text, problem: code, message };
}

function appidProblem(text: string, appid: string): PastedInput {
  return problem(
    text,
    'invalid_appid',
    `"${appid}" is not a shop appid: an appid is "wx" followed by 16 hex characters (wx3f8a2c1d9e7b6a54)`,
  );
}

function productIdProblem(text: string, productId: string): PastedInput {
  return problem(
    text,
    'invalid_product_id',
    `"${productId}" is not a product id: WeChat's product ids are digits only, at most 20 (10000201001001)`,
  );
}

/** The pasted text itself, or the one link inside WeChat's share text ("【…】https://… 复制打开微信"). */
function linkOrText(text: string): string {
  if (/^https?:\/\//i.test(text)) return text;
  if (schemelessWeChat.test(text)) return `https://${text}`;
  return embeddedLink.exec(text)?.[0] ?? text;
}

function readLink(text: string, link: string): PastedInput {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return problem(text, 'unknown_link', `"${link}" is not a complete link. Paste a link like ${shortLinkForms}`);
  }
  const short = wechatShortLink.exec(link);
  if (short) {
    const host = short[1]!.toLowerCase();
    // One spelling per link (https, no query, no trailing slash): the backend's lookup is by exact text.
    return {
      kind: 'short_link',
      text,
      link: `https://${host}.weixin.qq.com/shop/a/${short[2]}`,
      promoter: host === 'store',
    };
  }
  if (wechatHost.test(link)) {
    return problem(
      text,
      'unknown_link',
      `${link} is a WeChat link, but not to a product or a shop. Share the product (or the shop) in WeChat and ` +
        `paste that link: ${shortLinkForms}, or a promoter's https://store.weixin.qq.com/shop/a/…`,
    );
  }
  // A gateway link with a broken id says which id; other sites' /p/… and /s/… paths are theirs to read.
  const product = canonicalProduct.exec(url.pathname);
  if (product && /^wx/i.test(product[1]!)) {
    const [, appid = '', productId = ''] = product;
    if (!isAppid(appid)) return appidProblem(text, appid);
    if (!isId(productId)) return productIdProblem(text, productId);
  }
  const shop = canonicalShop.exec(url.pathname);
  if (shop && /^wx/i.test(shop[1]!) && !isAppid(shop[1]!)) return appidProblem(text, shop[1]!);
  try {
    return { kind: 'ref', text, ref: parseRef(link) };
  } catch (error) {
    if (!(error instanceof XiaodianError)) throw error;
    // Not a shape the model knows; a backend may still know its own links.
    return { kind: 'other_link', text, link };
  }
}

/** The message for a link nobody could read: it names the forms that work, the short link first. */
export function unknownLinkMessage(link: string): string {
  return (
    `${link} is not a link the gateway can read. Paste a product's or shop's WeChat link, ${shortLinkForms}, ` +
    `or APPID:PRODUCT_ID`
  );
}

/**
 * Reads whatever a creator pasted: a WeChat short link (alone or inside share text, with or without
 * `https://`), a promoter's short link, `APPID:PRODUCT_ID` (a full-width colon too), an appid, a finder
 * user name, a gateway link (`…/p/APPID/ID`, `…/s/APPID`), or a product id alone. Never throws for bad
 * input: a `problem` says what was wrong and what would work.
 */
export function readPastedInput(input: string): PastedInput {
  const text = input.trim();
  if (text === '') {
    return problem(
      text,
      'empty',
      `Nothing was pasted. Paste a product or shop link (${shortLinkForms}), or APPID:PRODUCT_ID`,
    );
  }
  const candidate = linkOrText(text);
  if (/^https?:\/\//i.test(candidate)) return readLink(text, candidate);

  const compact = candidate.replace(/\s+/g, '').replace(/：/g, ':');
  if (/^[0-9]+$/.test(compact)) {
    if (!isId(compact)) return productIdProblem(text, compact);
    return { kind: 'product_id', text, productId: compact };
  }
  if (compact.includes(':')) {
    const parts = compact.split(':');
    const [appid = '', productId = ''] = parts;
    if (parts.length !== 2) {
      return problem(
        text,
        'unrecognised',
        `"${text}" has more than one ":". Write it as APPID:PRODUCT_ID (wx3f8a2c1d9e7b6a54:10000201001001)`,
      );
    }
    if (!isAppid(appid)) return appidProblem(text, appid);
    if (!isId(productId)) return productIdProblem(text, productId);
    return { kind: 'ref', text, ref: { kind: 'product', appid, productId } };
  }
  if (/^wx/i.test(compact)) {
    return isAppid(compact)
      ? { kind: 'ref', text, ref: { kind: 'shop', appid: compact } }
      : appidProblem(text, compact);
  }
  if (/^sph/.test(compact)) {
    try {
      return { kind: 'ref', text, ref: parseRef(compact) };
    } catch (error) {
      if (!(error instanceof XiaodianError)) throw error;
    }
  }
  return problem(
    text,
    'unrecognised',
    `"${text.length > 60 ? `${text.slice(0, 60)}…` : text}" is not a link, an id or a ref. Paste a product's or ` +
      `shop's WeChat link (${shortLinkForms}), APPID:PRODUCT_ID, or a shop's appid`,
  );
}

/** The message for a product id sent without its shop. */
export function productIdNeedsShopMessage(productId: string): string {
  return (
    `${productId} is a product id alone, and ids do not say which shop sells them. Pick the shop ` +
    `(send "appid" with the links), or paste APPID:PRODUCT_ID (wx3f8a2c1d9e7b6a54:${productId}) or the product's ` +
    `link, ${shortLinkForms}`
  );
}
