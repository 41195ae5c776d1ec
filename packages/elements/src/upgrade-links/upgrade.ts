import type { ResolvedItem, XiaodianClient } from '@xiaodian/client';
import {
  articleRefKey,
  defaultLinkPatterns,
  findTextLinks,
  formatFen,
  parseRef,
  type ArticleRef,
} from '@xiaodian/model';
import type { UpgradeLinksResult } from './upgrade-links.js';

/** A link on the page: an anchor (replaced whole) or a run of a text node. */
type Candidate = { link: string; anchor: HTMLAnchorElement } | { link: string; text: Text; start: number; end: number };

type Upgradable = ResolvedItem & { ok: true; kind: 'product' | 'shop' };

// Where a link is not a link to upgrade: our own elements (a card already), WeChat's, code shown as code,
// form fields and what the page does not render.
const ignoredTags = new Set([
  'code',
  'pre',
  'kbd',
  'samp',
  'textarea',
  'script',
  'style',
  'template',
  'noscript',
  'button',
  'select',
  'svg',
  'math',
  'store-product',
  'store-home',
  'channel-live',
]);

function ignored(element: Element): boolean {
  const name = element.localName;
  return (
    (name.startsWith('xd-') && name !== 'xd-store') ||
    ignoredTags.has(name) ||
    (element instanceof HTMLElement && element.isContentEditable)
  );
}

const matchesPattern = (link: string) => defaultLinkPatterns.some((pattern) => pattern.test(link));

/** Moves the walker past the current node's subtree: to the next node in document order outside it. */
function skipSubtree(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

/** Every candidate link under `root`, in document order: anchors are read whole, their words never. */
function findCandidates(root: Element): Candidate[] {
  const candidates: Candidate[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node instanceof Element && ignored(node) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  let node = walker.nextNode();
  while (node) {
    if (node instanceof HTMLAnchorElement) {
      const link = (node.getAttribute('href') ?? '').trim();
      if (matchesPattern(link)) candidates.push({ link, anchor: node });
      node = skipSubtree(walker);
      continue;
    }
    if (node instanceof Text) {
      for (const found of findTextLinks(node.data)) candidates.push({ ...found, text: node });
    }
    node = walker.nextNode();
  }
  return candidates;
}

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Resolves every distinct link with one call (one resolve request for all short links). */
async function resolveAll(
  client: XiaodianClient,
  links: readonly string[],
  signal: AbortSignal | undefined,
): Promise<Map<string, Upgradable>> {
  // The resolver reads markup; links as anchors are read exactly as written.
  const markup = links.map((link) => `<a href="${escapeAttribute(link)}"></a>`).join('');
  const items = await client.resolveArticle(markup, signal ? { signal } : {});
  const upgradable = items.filter(
    (item): item is Upgradable => item.ok && (item.kind === 'product' || item.kind === 'shop'),
  );
  const bySource = new Map(upgradable.map((item) => [item.source, item]));
  const byRef = new Map(upgradable.map((item) => [articleRefKey(item.ref), item]));
  // The resolver answers a ref once; a second link naming it (a canonical link after the short one) is
  // read here. Two different short links to one product cannot be told apart without the gateway.
  for (const link of links) {
    if (bySource.has(link)) continue;
    let ref: ArticleRef | undefined;
    try {
      ref = parseRef(link);
    } catch {
      continue;
    }
    const item = byRef.get(articleRefKey(ref));
    if (item) bySource.set(link, item);
  }
  return bySource;
}

const isBlank = (node: Node) =>
  (node instanceof Text && node.data.trim() === '') ||
  node instanceof Comment ||
  (node instanceof Element && node.localName === 'br');

/**
 * Whether a link is a paragraph of its own: nothing but blank text beside it, up to the nearest block
 * (inline wrappers such as `<strong>` holding only the link count as the link).
 */
function standsAlone(node: Node, root: Element): boolean {
  let current = node;
  for (let parent = current.parentElement; parent; current = parent, parent = parent.parentElement) {
    for (const sibling of parent.childNodes) if (sibling !== current && !isBlank(sibling)) return false;
    if (parent === root || !getComputedStyle(parent).display.startsWith('inline')) return true;
  }
  return true;
}

function localeOf(node: Element): string {
  const scope = node.closest('[lang], xd-store[locale]');
  return scope?.getAttribute('lang') || scope?.getAttribute('locale') || document.documentElement.lang || 'zh-CN';
}

/**
 * The element that takes a link's place. Inline, it holds the words a reader will see (the short title
 * and price, the shop's name) as text, so it is as wide as it will be before its data renders.
 */
function cardFor(item: Upgradable, inline: boolean, locale: string): Element {
  if (item.kind === 'shop') {
    const entry = document.createElement('xd-shop-entry');
    entry.setAttribute('appid', item.ref.appid);
    if (inline) {
      entry.setAttribute('variant', 'inline');
      entry.textContent = item.shop.name;
    }
    return entry;
  }
  const { ref, product } = item;
  const card = document.createElement('xd-product-card');
  card.setAttribute('appid', ref.appid);
  card.setAttribute('product-id', ref.productId);
  if (ref.promotionLink) card.setAttribute('product-promotion-link', ref.promotionLink);
  if (ref.mediaId) card.setAttribute('media-id', ref.mediaId);
  if (inline) {
    card.setAttribute('variant', 'text');
    const english = locale.toLowerCase().startsWith('en');
    const price = formatFen(product.minPrice, english ? 'en-US' : 'zh-CN');
    // As the card shows a range in running text: its lowest price, "from" it.
    const shown = product.minPrice === product.maxPrice ? price : english ? `from ${price}` : `${price}起`;
    card.textContent = `${product.shortTitle ?? product.title} ${shown}`;
  }
  return card;
}

/** Whether the candidate still stands where it was found (the page may have changed while we waited). */
function stillThere(candidate: Candidate, root: Element): boolean {
  if ('anchor' in candidate) {
    const { anchor } = candidate;
    return (
      root.contains(anchor) &&
      (anchor.getAttribute('href') ?? '').trim() === candidate.link &&
      !ignoredInside(anchor, root)
    );
  }
  const { text, start, end, link } = candidate;
  return root.contains(text) && text.data.slice(start, end) === link && !ignoredInside(text, root);
}

function ignoredInside(node: Node, root: Element): boolean {
  for (let parent = node.parentElement; parent && parent !== root; parent = parent.parentElement) {
    if (ignored(parent)) return true;
  }
  return false;
}

function rectOf(candidate: Candidate): DOMRect {
  if ('anchor' in candidate) return candidate.anchor.getBoundingClientRect();
  const range = document.createRange();
  range.setStart(candidate.text, candidate.start);
  range.setEnd(candidate.text, candidate.end);
  return range.getBoundingClientRect();
}

interface Replacement {
  candidate: Candidate;
  card: Element;
}

/** Puts each card in its link's place; several links in one text node are cut from the last to the first. */
function apply(replacements: readonly Replacement[]): void {
  const byText = new Map<Text, Replacement[]>();
  for (const replacement of replacements) {
    const { candidate } = replacement;
    if ('anchor' in candidate) candidate.anchor.replaceWith(replacement.card);
    else byText.set(candidate.text, [...(byText.get(candidate.text) ?? []), replacement]);
  }
  for (const [text, inText] of byText) {
    inText.sort(
      (a, b) => ('start' in b.candidate ? b.candidate.start : 0) - ('start' in a.candidate ? a.candidate.start : 0),
    );
    for (const { candidate, card } of inText) {
      if (!('start' in candidate)) continue;
      const after = text.splitText(candidate.end);
      const link = text.splitText(candidate.start);
      link.replaceWith(card);
      if (after.data === '') after.remove();
    }
    if (text.data === '') text.remove();
  }
}

/**
 * The first element (in document order, from the body) whose top edge is in the viewport, not fixed or
 * sticky and not about to be replaced: what the reader is looking at. Descends only into elements that
 * straddle the viewport's top edge.
 */
function viewportAnchor(replaced: ReadonlySet<Element>): Element | undefined {
  let element = document.body?.firstElementChild ?? null;
  while (element) {
    const { top, bottom, width, height } = element.getBoundingClientRect();
    const position = getComputedStyle(element).position;
    const skip = replaced.has(element) || position === 'fixed' || position === 'sticky';
    const boxless = width === 0 && height === 0;
    if (!skip && !boxless && top >= 0) return element;
    if (!skip && (boxless || bottom > 0) && element.firstElementChild) {
      element = element.firstElementChild;
      continue;
    }
    while (element && !element.nextElementSibling) {
      element = element.parentElement;
      if (element === document.body) return undefined;
    }
    element = element?.nextElementSibling ?? null;
  }
  return undefined;
}

export async function upgradeLinksIn(
  target: Element | Document,
  client: XiaodianClient,
  signal: AbortSignal | undefined,
): Promise<UpgradeLinksResult> {
  const root = target instanceof Document ? target.body : target;
  if (!root || (root instanceof HTMLElement && root.isContentEditable)) return { upgraded: [], left: [] };
  const candidates = findCandidates(root);
  const links = [...new Set(candidates.map((candidate) => candidate.link))];
  if (links.length === 0) return { upgraded: [], left: [] };

  const resolved = await resolveAll(client, links, signal);
  if (signal?.aborted) return { upgraded: [], left: links };

  // The cards are the page's own elements: defining them here would make every bundle with a store split
  // (and grow); a page that upgrades links loads them as it loads its cards.
  for (const kind of new Set([...resolved.values()].map((item) => item.kind))) {
    const tag = kind === 'product' ? 'xd-product-card' : 'xd-shop-entry';
    if (!customElements.get(tag)) {
      console.warn(`upgrade-links: <${tag}> is not defined on this page; import '@xiaodian/elements/define'`);
    }
  }

  const replacements: Array<Replacement & { rect: DOMRect }> = [];
  const left = new Set<string>();
  for (const candidate of candidates) {
    const item = resolved.get(candidate.link);
    if (!item || !stillThere(candidate, root)) {
      left.add(candidate.link);
      continue;
    }
    const node = 'anchor' in candidate ? candidate.anchor : candidate.text;
    const alone =
      'anchor' in candidate
        ? standsAlone(candidate.anchor, root)
        : candidate.text.data.slice(0, candidate.start).trim() === '' &&
          candidate.text.data.slice(candidate.end).trim() === '' &&
          standsAlone(candidate.text, root);
    const card = cardFor(item, !alone, localeOf(node.parentElement ?? root));
    replacements.push({ candidate, card, rect: rectOf(candidate) });
  }

  // Below the viewport first: nothing the reader sees moves. Then the rest, scrolling by what the cards
  // above the viewport added, measured once they have drawn their boxes (all before the next frame).
  const below = replacements.filter(({ rect }) => rect.top >= innerHeight);
  const rest = replacements.filter(({ rect }) => rect.top < innerHeight);
  apply(below);
  if (rest.length > 0) {
    const replaced = new Set(rest.flatMap(({ candidate }) => ('anchor' in candidate ? [candidate.anchor] : [])));
    const anchor = viewportAnchor(replaced);
    const before = anchor?.getBoundingClientRect().top;
    apply(rest);
    await Promise.all(rest.map(({ card }) => (card as Element & { updateComplete?: Promise<unknown> }).updateComplete));
    if (anchor && before !== undefined && anchor.isConnected) {
      const moved = anchor.getBoundingClientRect().top - before;
      if (Math.abs(moved) >= 0.5) scrollBy(0, moved);
    }
  }

  const upgraded = replacements.map(({ card }) => card);
  // Document order: the order the links were found in.
  return { upgraded, left: [...left].filter((link) => !replacements.some(({ candidate }) => candidate.link === link)) };
}
