// What the builder copies, made from one description of the element (`EmbedSpec`): the preview is built
// from the same description, so the copied snippet renders the card the creator saw.
import type { ProductCardVariant, ShopEntryVariant } from '@xiaodian/elements';
import { formatFen, type ProductRef } from '@xiaodian/model';
import { cssDeclarations, customStyle, type LookValues } from './looks.js';
import type { Locale } from './messages.js';

export const productVariants = ['large', 'small', 'text', 'strip'] as const satisfies readonly ProductCardVariant[];
export const shopVariants = ['card', 'banner', 'inline'] as const satisfies readonly ShopEntryVariant[];
export type Variant = ProductCardVariant | ShopEntryVariant;

/** What was resolved: the few fields the snippets need. */
export type Target =
  | {
      kind: 'product';
      ref: ProductRef;
      title: string;
      shortTitle?: string;
      minPrice: number;
      maxPrice: number;
      h5Url?: string;
    }
  | { kind: 'shop'; appid: string; name: string; h5Url?: string };

/** One element as markup: its tag, attributes, custom properties and the text written inside it. */
export interface EmbedSpec {
  tag: 'xd-product-card' | 'xd-shop-entry';
  attributes: Array<[name: string, value: string]>;
  style: Array<[property: string, value: string]>;
  text?: string;
}

export function variantsOf(target: Target): readonly Variant[] {
  return target.kind === 'product' ? productVariants : shopVariants;
}

/**
 * The words a text link holds before its script runs, as the card will show them: the short title and
 * the price (from the lowest, for a range). They set the link's width, so the sentence never moves.
 */
export function textLinkWords(target: Extract<Target, { kind: 'product' }>, locale: Locale): string {
  const price = formatFen(target.minPrice, locale);
  const range = target.minPrice !== target.maxPrice;
  const shown = range ? (locale === 'en-US' ? `from ${price}` : `${price}起`) : price;
  return `${target.shortTitle ?? target.title} ${shown}`;
}

/** The element for a target in a card type, with the looks the creator changed (products only). */
export function embedSpec(target: Target, variant: Variant, looks: LookValues, locale: Locale): EmbedSpec {
  const language: Array<[string, string]> = locale === 'zh-CN' ? [] : [['lang', locale]];
  if (target.kind === 'shop') {
    return {
      tag: 'xd-shop-entry',
      attributes: [['appid', target.appid], ['variant', variant], ...language],
      style: [],
      ...(variant === 'inline' ? { text: target.name } : {}),
    };
  }
  const { ref } = target;
  return {
    tag: 'xd-product-card',
    attributes: [
      ['appid', ref.appid],
      ['product-id', ref.productId],
      ...(ref.promotionLink ? ([['product-promotion-link', ref.promotionLink]] as Array<[string, string]>) : []),
      ...(ref.mediaId ? ([['media-id', ref.mediaId]] as Array<[string, string]>) : []),
      ['variant', variant],
      ...language,
    ],
    style: cssDeclarations(looks),
    ...(variant === 'text' ? { text: textLinkWords(target, locale) } : {}),
  };
}

/** Escapes text for an HTML attribute value or element content (what a title may hold stays text). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The web snippet: the element's markup, ready to paste into an article or a page. */
export function webSnippet(spec: EmbedSpec): string {
  const attributes = spec.attributes.map(([name, value]) => ` ${name}="${escapeHtml(value)}"`).join('');
  const style = spec.style.length
    ? ` style="${escapeHtml(spec.style.map(([property, value]) => `${property}: ${value}`).join('; '))}"`
    : '';
  return `<${spec.tag}${attributes}${style}>${escapeHtml(spec.text ?? '')}</${spec.tag}>`;
}

/** What a page adds once for every snippet: the CDN build, its reserved boxes, and where the gateway is. */
export function setupSnippet(gateway: string, version: string): string {
  const cdn = `https://unpkg.com/@xiaodian/elements@${version}`;
  return [
    `<meta name="xiaodian-gateway" content="${escapeHtml(gateway)}" />`,
    `<link rel="stylesheet" href="${cdn}/reserve.css" />`,
    `<script type="module" src="${cdn}/dist/cdn/xiaodian-elements.js"></script>`,
  ].join('\n');
}

/**
 * The mini program's markup: WeChat's `<store-product>` with the same ref and attribution, and the looks as
 * `custom-style` (an object, bound from the page's data), or `<store-home>`, which takes no restyling.
 */
export function miniProgramSnippet(target: Target, looks: LookValues): string {
  if (target.kind === 'shop') return `<store-home appid="${escapeHtml(target.appid)}"></store-home>`;
  const { ref } = target;
  const style = customStyle(looks);
  const styled = Object.keys(style).length > 0;
  const attributes = [
    `appid="${escapeHtml(ref.appid)}"`,
    `product-id="${escapeHtml(ref.productId)}"`,
    ...(ref.promotionLink ? [`product-promotion-link="${escapeHtml(ref.promotionLink)}"`] : []),
    ...(ref.mediaId ? [`media-id="${escapeHtml(ref.mediaId)}"`] : []),
    ...(styled ? ['custom-style="{{customStyle}}"'] : []),
  ];
  const markup = `<store-product\n  ${attributes.join('\n  ')}\n></store-product>`;
  if (!styled) return markup;
  // Values are #rrggbb colours and px sizes only, so the JSON cannot end the comment early.
  return `${markup}\n<!-- the page's data: Page({ data: { customStyle: ${JSON.stringify(style)} } }) -->`;
}
