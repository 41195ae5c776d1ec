import type { ResolvedItem, XiaodianClient } from '@xiaodian/client';
import {
  articleRefKey,
  defaultLinkPatterns,
  findTextLinks,
  formatFen,
  parseRef,
  shortLinkPattern,
  type ArticleRef,
} from '@xiaodian/model';
import type { UpgradeLinksResult } from './upgrade-links.js';

/**
 * A link on the page: an anchor (replaced whole), or the characters of a link written as text, as a live
 * range (it may span text nodes and inline markup, and follows the page's changes until it is replaced).
 */
type Candidate = { link: string; anchor: HTMLAnchorElement } | { link: string; range: Range; blankAround: boolean };

type Upgradable = ResolvedItem & { ok: true; kind: 'product' | 'shop' };

/** What a link became: the gateway's answer, and the ref the card names (a canonical link's own). */
interface Answer {
  item: Upgradable;
  ref: ArticleRef;
}

/** What earlier runs learnt about links: an answer, or `undefined` for a link that becomes no card. */
export type AnswerCache = Map<string, Answer | undefined>;

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

// Phrasing markup a CMS puts inside a link written as text (`https://…/<b>shop</b>/a/x`, `<wbr>`): text on
// both sides of these reads as one. Any other element (a block, a line break, an image, an anchor) ends it.
const inlineTags = new Set([
  'abbr',
  'b',
  'bdi',
  'bdo',
  'cite',
  'data',
  'dfn',
  'em',
  'font',
  'i',
  'mark',
  'q',
  's',
  'small',
  'span',
  'strong',
  'sub',
  'sup',
  'time',
  'u',
  'var',
  'wbr',
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

/** The element a node's text reads in: its nearest ancestor that is not inline markup (at most `root`). */
function blockOf(node: Node, root: Element): Element {
  let element = node instanceof Element ? node : node.parentElement;
  while (element && element !== root && inlineTags.has(element.localName)) element = element.parentElement;
  return element ?? root;
}

/** Moves the walker past the current node's subtree: to the next node in document order outside it. */
function skipSubtree(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

/**
 * The candidate links in `scope` (under `root`), in document order: anchors are read whole, their words
 * never; text is read in runs (adjacent text in one block, across inline markup), so a link split over
 * text nodes or by `<b>`/`<wbr>` is found.
 */
function findCandidates(scope: Element | Text, root: Element, found: Candidate[]): void {
  let run: Text[] = [];
  let runBlock: Element | undefined;
  const flush = () => {
    if (run.length > 0) findInRun(run, found);
    run = [];
    runBlock = undefined;
  };
  const visit = (node: Node): 'skip' | undefined => {
    if (node instanceof Text) {
      const block = blockOf(node, root);
      if (block !== runBlock) flush();
      runBlock = block;
      run.push(node);
      return undefined;
    }
    if (!(node instanceof Element)) return undefined;
    if (!inlineTags.has(node.localName)) flush();
    if (ignored(node)) return 'skip';
    if (node instanceof HTMLAnchorElement) {
      const link = (node.getAttribute('href') ?? '').trim();
      if (matchesPattern(link)) found.push({ link, anchor: node });
      return 'skip';
    }
    return undefined;
  };
  if (visit(scope) !== 'skip' && scope instanceof Element) {
    const walker = document.createTreeWalker(scope, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let node = walker.nextNode();
    while (node) node = visit(node) === 'skip' ? skipSubtree(walker) : walker.nextNode();
  }
  flush();
}

/** The links in one run of text, each as a range over the text nodes its characters are in. */
function findInRun(run: readonly Text[], found: Candidate[]): void {
  const text = run.map((node) => node.data).join('');
  let index = 0;
  let offset = 0; // Where run[index] starts in `text`.
  // Moves to the node holding `position`; `end` keeps a position at a node's end in that node.
  const seek = (position: number, end: boolean): [Text, number] => {
    while (
      index < run.length - 1 &&
      (end ? position > offset + run[index]!.length : position >= offset + run[index]!.length)
    ) {
      offset += run[index]!.length;
      index += 1;
    }
    return [run[index]!, position - offset];
  };
  for (const { link, start, end } of findTextLinks(text)) {
    const range = document.createRange();
    range.setStart(...seek(start, false));
    range.setEnd(...seek(end, true));
    // Only a link with nothing but blank text beside it in its run can be a paragraph of its own.
    const blankAround = text.slice(0, start).trim() === '' && text.slice(end).trim() === '';
    found.push({ link, range, blankAround });
  }
}

/** Why a link cannot become a card without asking anyone: a live room, or a canonical link that names nothing. */
function answerableLocally(link: string): ArticleRef | 'ask' | undefined {
  if (shortLinkPattern.test(link)) return 'ask';
  try {
    const ref = parseRef(link);
    return ref.kind === 'live' ? undefined : ref;
  } catch {
    return undefined;
  }
}

const escapeAttribute = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * Resolves every link not in `cache` with one call (one resolve request for all short links; canonical
 * links are read here and only their products fetched), and writes the answers into `cache`. Links that
 * can become no card (a live room, a canonical link naming nothing) are never sent.
 */
async function resolveAll(
  client: XiaodianClient,
  links: readonly string[],
  cache: AnswerCache,
  signal: AbortSignal | undefined,
): Promise<void> {
  const toAsk: string[] = [];
  for (const link of links) {
    if (cache.has(link)) continue;
    if (answerableLocally(link) === undefined) cache.set(link, undefined);
    else toAsk.push(link);
  }
  if (toAsk.length === 0) return;
  // The resolver reads markup; links as anchors are read exactly as written.
  const markup = toAsk.map((link) => `<a href="${escapeAttribute(link)}"></a>`).join('');
  const items = await client.resolveArticle(markup, { eachLink: true, ...(signal ? { signal } : {}) });
  if (signal?.aborted) return;
  const bySource = new Map<string, Upgradable>();
  const byRef = new Map<string, Upgradable>();
  for (const item of items) {
    if (!item.ok || (item.kind !== 'product' && item.kind !== 'shop')) continue;
    bySource.set(item.source, item);
    byRef.set(articleRefKey(item.ref), item);
  }
  for (const link of toAsk) {
    const local = answerableLocally(link);
    // A canonical link the reader already named (a second link to one product) is answered once by the
    // resolver; its card still names its own ref (its own promotion link, say).
    const item = bySource.get(link) ?? (typeof local === 'object' ? byRef.get(articleRefKey(local)) : undefined);
    cache.set(link, item && { item, ref: typeof local === 'object' ? local : item.ref });
  }
}

/**
 * Whether a link is a paragraph of its own: its block holds nothing else but blank text, line breaks and
 * the inline markup around it.
 */
function standsAlone(range: Range, root: Element): boolean {
  const block = blockOf(range.startContainer, root);
  const outside = (side: Range) =>
    side.toString().trim() === '' &&
    [...block.querySelectorAll('*')].every(
      (element) =>
        inlineTags.has(element.localName) ||
        element.localName === 'br' ||
        range.intersectsNode(element) ||
        !side.intersectsNode(element),
    );
  const before = document.createRange();
  before.setStart(block, 0);
  before.setEnd(range.startContainer, range.startOffset);
  const after = document.createRange();
  after.setStart(range.endContainer, range.endOffset);
  after.setEnd(block, block.childNodes.length);
  return outside(before) && outside(after);
}

function localeOf(node: Element): string {
  const scope = node.closest('[lang], xd-store[locale]');
  return scope?.getAttribute('lang') || scope?.getAttribute('locale') || document.documentElement.lang || 'zh-CN';
}

const cardTag = (kind: Upgradable['kind']) => (kind === 'product' ? 'xd-product-card' : 'xd-shop-entry');

/**
 * The element that takes a link's place. Inline, it holds the words a reader will see (the short title
 * and price, the shop's name) as text, so it is as wide as it will be before its data renders.
 */
function cardFor({ item, ref }: Answer, inline: boolean, locale: string): Element {
  const card = document.createElement(cardTag(item.kind));
  card.setAttribute('appid', item.ref.appid);
  if (item.kind === 'shop') {
    if (inline) {
      card.setAttribute('variant', 'inline');
      card.textContent = item.shop.name;
    }
    return card;
  }
  const product = item.product;
  const own = ref.kind === 'product' ? ref : item.ref;
  card.setAttribute('product-id', own.productId);
  if (own.promotionLink) card.setAttribute('product-promotion-link', own.promotionLink);
  if (own.mediaId) card.setAttribute('media-id', own.mediaId);
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

/** Whether a node lies where no link is read: in an ignored element, or in an anchor (its words are not links). */
function ignoredInside(node: Node, root: Element): boolean {
  for (let parent = node.parentElement; parent && parent !== root; parent = parent.parentElement) {
    if (ignored(parent) || parent instanceof HTMLAnchorElement) return true;
  }
  return false;
}

/** The candidate's place as a range (an anchor's: the anchor itself). */
function rangeOf(candidate: Candidate): Range {
  if ('range' in candidate) return candidate.range;
  const range = document.createRange();
  range.selectNode(candidate.anchor);
  return range;
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
  const { range, link } = candidate;
  return (
    root.contains(range.commonAncestorContainer) &&
    range.toString() === link &&
    !ignoredInside(range.startContainer, root) &&
    !ignoredInside(range.endContainer, root)
  );
}

/** The focused element the replacement would take away, if any: the link, or an element in its text. */
function focusIn(candidate: Candidate): Element | undefined {
  const focused = document.activeElement;
  if (!focused || focused === document.body) return undefined;
  if ('anchor' in candidate) return candidate.anchor.contains(focused) ? focused : undefined;
  return candidate.range.intersectsNode(focused) ? focused : undefined;
}

interface Replacement {
  candidate: Candidate;
  card: Element;
}

/** Puts the card in its link's place, leaving no empty text node behind. */
function replace({ candidate, card }: Replacement): void {
  if ('anchor' in candidate) {
    candidate.anchor.replaceWith(card);
    return;
  }
  const { range } = candidate;
  range.deleteContents();
  range.insertNode(card);
  for (const side of [card.previousSibling, card.nextSibling])
    if (side instanceof Text && side.data === '') side.remove();
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

/**
 * Replaces a focused link only once focus has left it, so a keyboard or screen-reader user keeps their
 * place (the page moves then, but not under the reader's focus).
 */
function replaceOnceBlurred(replacement: Replacement, focused: Element, root: Element, signal?: AbortSignal): void {
  focused.addEventListener(
    'focusout',
    () => {
      if (!signal?.aborted && stillThere(replacement.candidate, root)) replace(replacement);
    },
    { once: true, ...(signal ? { signal } : {}) },
  );
}

export interface UpgradeScope {
  /** Only these nodes' subtrees are read (content added later), not all of the root. */
  nodes?: readonly Node[];
  /** Answers from earlier runs: links in it are not asked again. */
  cache?: AnswerCache;
}

/** The scope's nodes still under `root`, without those inside another one, in document order. */
function outermost(nodes: readonly Node[], root: Element): Array<Element | Text> {
  const inRoot = nodes.filter(
    (node): node is Element | Text =>
      (node instanceof Element || node instanceof Text) && root.contains(node) && !ignoredInside(node, root),
  );
  inRoot.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
  const kept: Array<Element | Text> = [];
  for (const node of inRoot) if (!kept.at(-1)?.contains(node)) kept.push(node);
  return kept;
}

export async function upgradeLinksIn(
  target: Element | Document,
  client: XiaodianClient,
  signal: AbortSignal | undefined,
  scope: UpgradeScope = {},
): Promise<UpgradeLinksResult> {
  const root = target instanceof Document ? target.body : target;
  if (!root || (root instanceof HTMLElement && root.isContentEditable)) return { upgraded: [], left: [] };
  const candidates: Candidate[] = [];
  for (const node of scope.nodes ? outermost(scope.nodes, root) : [root]) findCandidates(node, root, candidates);
  const links = [...new Set(candidates.map((candidate) => candidate.link))];
  if (links.length === 0) return { upgraded: [], left: [] };

  const cache: AnswerCache = scope.cache ?? new Map();
  await resolveAll(client, links, cache, signal);
  if (signal?.aborted) return { upgraded: [], left: links };
  // The cards are the page's own elements: loading them from here would put the cards' shared code in
  // the first chunk of every bundle that has a store (a search page's +1 kB under esbuild, over its
  // budget); a page that upgrades links defines them as it defines its cards.
  for (const kind of new Set(links.flatMap((link) => cache.get(link)?.item.kind ?? []))) {
    if (!customElements.get(cardTag(kind))) {
      console.warn(`upgrade-links: <${cardTag(kind)}> is not defined on this page; import '@xiaodian/elements/define'`);
    }
  }

  const replacements: Array<Replacement & { rect: DOMRect }> = [];
  const done = new Set<string>();
  for (const candidate of candidates) {
    const answer = cache.get(candidate.link);
    if (!answer || !stillThere(candidate, root)) continue;
    const range = rangeOf(candidate);
    const node = 'anchor' in candidate ? candidate.anchor : range.startContainer;
    const alone = ('anchor' in candidate || candidate.blankAround) && standsAlone(range, root);
    const card = cardFor(answer, !alone, localeOf(node.parentElement ?? root));
    const focused = focusIn(candidate);
    if (focused) replaceOnceBlurred({ candidate, card }, focused, root, signal);
    else {
      replacements.push({ candidate, card, rect: range.getBoundingClientRect() });
      done.add(candidate.link);
    }
  }

  // Below the viewport first: nothing the reader sees moves. Then the rest, scrolling by what the cards
  // above the viewport added, measured once they have drawn their boxes (all before the next frame).
  const below = replacements.filter(({ rect }) => rect.top >= innerHeight);
  const rest = replacements.filter(({ rect }) => rect.top < innerHeight);
  below.forEach(replace);
  if (rest.length > 0) {
    const replaced = new Set(rest.flatMap(({ candidate }) => ('anchor' in candidate ? [candidate.anchor] : [])));
    const anchor = viewportAnchor(replaced);
    const before = anchor?.getBoundingClientRect().top;
    rest.forEach(replace);
    await Promise.all(rest.map(({ card }) => (card as Element & { updateComplete?: Promise<unknown> }).updateComplete));
    if (anchor && before !== undefined && anchor.isConnected) {
      const moved = anchor.getBoundingClientRect().top - before;
      if (Math.abs(moved) >= 0.5) scrollBy(0, moved);
    }
  }

  // Document order: the order the links were found in.
  return { upgraded: replacements.map(({ card }) => card), left: links.filter((link) => !done.has(link)) };
}

/**
 * Upgrades `root` once the page has loaded, then the content added to it later (a CMS that loads the rest
 * of an article, an infinite scroll): each addition's new links with one request, links already answered
 * never asked again. Stops when `signal` aborts.
 */
export async function keepUpgradingIn(
  root: Element,
  clientOf: () => XiaodianClient,
  signal: AbortSignal,
): Promise<void> {
  if (document.readyState !== 'complete') {
    await new Promise<void>((loaded) => {
      addEventListener('load', () => loaded(), { once: true, signal });
      signal.addEventListener('abort', () => loaded(), { once: true });
    });
  }
  if (signal.aborted) return;
  const cache: AnswerCache = new Map();
  let added: Node[] = [];
  const upgrade = (nodes?: Node[]) =>
    upgradeLinksIn(root, clientOf(), signal, { cache, ...(nodes ? { nodes } : {}) }).catch((error: unknown) =>
      console.warn('upgrade-links:', error),
    );
  let running = upgrade();
  const observer = new MutationObserver((records) => {
    const first = added.length === 0;
    for (const record of records) {
      for (const node of record.addedNodes) {
        // The cards this puts in (and any other card) hold no link to read.
        if (node instanceof Text || (node instanceof Element && !ignored(node))) added.push(node);
      }
    }
    if (!first || added.length === 0) return;
    // One run after the one in progress, for everything added meanwhile.
    running = running.then(() => {
      const nodes = added;
      added = [];
      return signal.aborted ? undefined : upgrade(nodes);
    });
  });
  observer.observe(root, { childList: true, subtree: true });
  signal.addEventListener('abort', () => observer.disconnect(), { once: true });
  await running;
}
