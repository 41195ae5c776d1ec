import { XiaodianError } from './errors.js';
import { articleRefKey, parseRef } from './ref-links.js';
import type { ArticleRef } from './refs.js';
import { defaultLinkPatterns, findTextLinks } from './text-links.js';

/**
 * What an article holds: a ref read straight from the markup, or a link only the gateway can read
 * (WeChat's H5 short links carry no ids).
 */
export type ArticleMatch = { source: string; ref: ArticleRef } | { source: string; link: string };

export interface ExtractOptions {
  /**
   * Links worth reading, tested against each `href` and each URL written as text. A match that is a canonical link (`…/p/APPID/ID`,
   * `…/s/APPID`, `…/l/FINDER`) becomes a ref; any other match is left for the gateway to resolve.
   */
  linkPatterns?: readonly RegExp[];
}

/** Tags whose attributes name a ref, ours and WeChat's own components, with the kind each must name. */
const refTags = new Map<string, ArticleRef['kind']>([
  ['xd-product-card', 'product'],
  ['xd-search-tile', 'product'],
  ['store-product', 'product'],
  ['xd-shop-entry', 'shop'],
  ['store-home', 'shop'],
  ['xd-live-widget', 'live'],
  ['channel-live', 'live'],
]);

/** `data-xd-product="APPID:ID"`, `data-xd-shop="APPID"`, `data-xd-live="FINDER"`, `data-xd-ref="…any…"`. */
const dataAttributes = ['data-xd-ref', 'data-xd-product', 'data-xd-shop', 'data-xd-live'];

// Attribute names and unquoted values never contain "<": a tag cannot run into the next one, which keeps
// matching linear on hostile input (without it, "<a " repeated 60,000 times took 32 s).
const startTag = /<([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s=/>"'<]+(?:\s*=\s*(?:"[^"<]*"|'[^'<]*'|[^\s>"'<]+))?)*)\s*\/?>/g;
const attribute = /([^\s=/>"'<]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>"']+)))?/g;
const blockOpener = /<!--|<(script|style|template)\b/gi;
// A start tag (as above) or an end tag; what lies between them is text. An end tag stops at the next "<",
// so a run of unclosed ones stays linear too.
const tagOrEndTag = new RegExp(`${startTag.source}|<\\/([a-zA-Z][a-zA-Z0-9-]*)[^<>]*>`, 'g');
// What the strict tag pattern refused but a browser may read as a tag (`<a title="x<y" href="…">`) is not
// text either: each such run, to its first ">" (or the end), is dropped. Each character is read once.
const tagLike = /<[A-Za-z/!?][^>]*>?/g;
/** Text in these is not a link to a product: an anchor's own words (its href is), code shown as code. */
const noTextLinksIn = new Set(['a', 'code', 'pre', 'textarea', 'kbd', 'samp']);

/**
 * Blanks out comments, scripts, styles and templates (keeping offsets), scanning each character a
 * bounded number of times: an unclosed block runs to the end, as it does in a browser.
 */
function blankSkippedBlocks(html: string): string {
  const lower = html.toLowerCase();
  let out = '';
  let copied = 0;
  blockOpener.lastIndex = 0;
  for (let match = blockOpener.exec(html); match; match = blockOpener.exec(html)) {
    const start = match.index;
    let end: number;
    if (match[0] === '<!--') {
      const close = lower.indexOf('-->', start + 4);
      end = close < 0 ? html.length : close + 3;
    } else {
      const close = lower.indexOf(`</${match[1]!.toLowerCase()}`, blockOpener.lastIndex);
      const gt = close < 0 ? -1 : lower.indexOf('>', close);
      end = gt < 0 ? html.length : gt + 1;
    }
    out += html.slice(copied, start) + ' '.repeat(end - start);
    copied = end;
    blockOpener.lastIndex = end;
  }
  return out + html.slice(copied);
}

const namedEntities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, body: string) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return namedEntities[body.toLowerCase()] ?? whole;
  });
}

function readAttributes(text: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of text.matchAll(attribute)) {
    const name = match[1]?.toLowerCase();
    if (name && !attributes.has(name)) attributes.set(name, decodeEntities(match[2] ?? match[3] ?? match[4] ?? ''));
  }
  return attributes;
}

function tryParse(input: Parameters<typeof parseRef>[0]): ArticleRef | undefined {
  try {
    return parseRef(input);
  } catch (error) {
    if (error instanceof XiaodianError) return undefined;
    throw error;
  }
}

/**
 * Finds product, shop and live references in article HTML, in document order and without duplicates:
 * our elements and WeChat's (`xd-product-card`, `store-product`, …), `data-xd-*` attributes, and links
 * matching the patterns, in an `href` or written as text (not an anchor's own words, nor text in `<code>`,
 * `<pre>`, `<kbd>`, `<samp>` or `<textarea>`). Malformed references are skipped, never guessed at. Comments,
 * scripts, styles and templates are ignored. This reads text only: it runs in browsers, Node and mini programs alike.
 */
export function extractArticleRefs(html: string, options: ExtractOptions = {}): ArticleMatch[] {
  const patterns = options.linkPatterns ?? defaultLinkPatterns;
  const seen = new Set<string>();
  const found: ArticleMatch[] = [];
  const addRef = (source: string, ref: ArticleRef | undefined) => {
    if (!ref) return;
    const key = articleRefKey(ref);
    if (seen.has(key)) return;
    seen.add(key);
    found.push({ source, ref });
  };

  const addLink = (link: string) => {
    const ref = tryParse(link);
    if (ref) addRef(link, ref);
    else if (!seen.has(`link:${link}`)) {
      seen.add(`link:${link}`);
      found.push({ source: link, link });
    }
  };

  const visible = blankSkippedBlocks(html);
  // How many open elements of each `noTextLinksIn` kind surround the text being read.
  const open = new Map<string, number>();
  let quiet = 0;
  let textStart = 0;
  const readText = (end: number) => {
    if (quiet === 0 && end > textStart) {
      const text = decodeEntities(visible.slice(textStart, end).replace(tagLike, ' '));
      for (const { link } of findTextLinks(text, patterns)) addLink(link);
    }
  };
  for (const tag of visible.matchAll(tagOrEndTag)) {
    readText(tag.index);
    textStart = tag.index + tag[0].length;
    const closing = tag[3]?.toLowerCase();
    if (closing !== undefined) {
      const depth = open.get(closing) ?? 0;
      if (depth > 0) {
        open.set(closing, depth - 1);
        quiet -= 1;
      }
      continue;
    }
    const name = tag[1]?.toLowerCase() ?? '';
    // "<a/>" still opens an anchor in HTML, and an anchor never nests in another (the parser closes it).
    if (noTextLinksIn.has(name) && !(name === 'a' && open.get('a'))) {
      open.set(name, (open.get(name) ?? 0) + 1);
      quiet += 1;
    }
    const attributes = readAttributes(tag[2] ?? '');
    const kind = refTags.get(name);
    if (kind) {
      const ref = tryParse(Object.fromEntries(attributes));
      // A product card missing its product-id is broken markup, not a shop entry.
      if (ref?.kind === kind) addRef(tag[0], ref);
    }
    for (const dataName of dataAttributes) {
      const value = attributes.get(dataName);
      if (value !== undefined) addRef(value, tryParse(value));
    }
    const href = name === 'a' ? attributes.get('href')?.trim() : undefined;
    if (href && patterns.some((pattern) => pattern.test(href))) addLink(href);
  }
  readText(visible.length);
  return found;
}
