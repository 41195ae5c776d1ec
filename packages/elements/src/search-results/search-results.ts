import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { PageItem, SearchResultPage, XiaodianClient } from '@xiaodian/client';
import {
  formatFen,
  formatFenRange,
  searchSorts,
  XiaodianError,
  type Guarantee,
  type SearchFacets,
  type SearchHitInfo,
  type SearchQuery,
  type SearchSort,
} from '@xiaodian/model';
import { checkOption } from '../internal/attribute-check.js';
import { DataController } from '../internal/data-controller.js';
import { XdElement } from '../internal/element.js';
import { formatCount } from '../internal/i18n.js';
import { announce } from '../internal/live-announcer.js';
import { isMisconfiguredGateway } from '../internal/pending-view.js';
import { dispatchSearch } from '../events/xd-search.js';
import { productCardMessages, zhCN } from '../product-card/product-card.messages.js';
import '../search-tile/define.js';
import {
  listTileHeight,
  searchTileLayouts,
  tileBodyHeight,
  type SearchTileLayout,
} from '../search-tile/search-tile.options.js';
import { searchResultsMessages, type SearchResultsMessages } from './search-results.messages.js';
import { searchResultsStyles } from './search-results.styles.js';

/** Results asked for at a time (the gateway's maximum is 50); divisible by the 2, 3 and 5 columns of a grid. */
const pageSize = 30;
/** Rows drawn beyond the visible ones on each side, so a fast flick does not show blank rows. */
const overscanRows = 2;
const gap = 8;
const minTileWidth = 160;
/** At most one count announcement a second: typing a query must not make a screen reader chatter. */
const announceEveryMs = 1000;

const emptyFacets: SearchFacets = { category: [], shop: [], guarantee: [], price: [] };

interface VisibleRows {
  first: number;
  last: number;
}

/**
 * @tagname xd-search-results
 * @summary Search results as a grid or a list of `<xd-search-tile>`s, with sort and filter controls that show
 * facet counts. Loads further pages as it scrolls and draws only the tiles near the screen (fixed-size tiles,
 * laid out by arithmetic), so 10,000 results keep a few dozen tiles in the DOM. Arrow keys move between tiles.
 * `<xd-search for>` sets its `query`.
 *
 * @csspart controls - The sort and filter controls.
 * @csspart status - The line under the controls: the count, updating, the empty state, or the error.
 * @csspart list - The results' box.
 *
 *
 * @event {XdSearchEvent} xd-search - The shopper chose a did-you-mean or a suggested query (the results search it).
 * @event {XdClickEvent} xd-click - A tile was activated (from the tile).
 * @event {XdOpenEvent} xd-open - A tile asks to open its product (from the tile).
 *
 * @attr {DataState} state - Read-only, reflected: where the first page of the current query is.
 * @cssstate loading - No results yet for this query (the previous results, if any, stay dimmed).
 * @cssstate ready - The results are shown.
 * @cssstate stale - Not used by the results: the client may answer from its cache, but says nothing of
 * how old the page is, so results always show as `ready`.
 * @cssstate error - The search failed: the error with a retry.
 */
export class XdSearchResults extends XdElement {
  static override styles = searchResultsStyles;

  static override properties = {
    query: { type: String },
    sort: { type: String },
    layout: { type: String, reflect: true },
    category: { type: String },
    shop: { type: String },
    guarantee: { type: String },
    minPrice: { type: Number, attribute: 'min-price' },
    maxPrice: { type: Number, attribute: 'max-price' },
    inStock: { type: Boolean, attribute: 'in-stock' },
  };

  /** What the shopper typed. Empty: no search, an invitation to type. */
  declare query: string;
  /** `relevance` (default), `sales`, `price_asc` or `price_desc`. */
  declare sort: SearchSort;
  /** `grid` (default) or `list`. */
  declare layout: SearchTileLayout;
  /** Only this category (a facet value). */
  declare category: string | undefined;
  /** Only this shop's products (its appid). */
  declare shop: string | undefined;
  /** Only products with this guarantee (e.g. `seven_day_return`). */
  declare guarantee: string | undefined;
  /** Lowest price, in fen. */
  declare minPrice: number | undefined;
  /** Highest price, in fen (exclusive, as the price bands are). */
  declare maxPrice: number | undefined;
  /** Only products in stock. */
  declare inStock: boolean;
  /** The rows near the screen, which are drawn (not reactive properties: the manifest lists none of them). */
  #visibleRows: VisibleRows = { first: 0, last: 3 };
  /** The list's width in px, which sets the columns and the tiles' height. */
  #width = 343;
  private get visibleRows(): VisibleRows {
    return this.#visibleRows;
  }
  private set visibleRows(value: VisibleRows) {
    this.#visibleRows = value;
    this.requestUpdate();
  }
  private get width(): number {
    return this.#width;
  }
  private set width(value: number) {
    this.#width = value;
    this.requestUpdate();
  }

  constructor() {
    super();
    this.query = '';
    this.sort = 'relevance';
    this.layout = 'grid';
    this.inStock = false;
  }

  /** The current query's results: the first page's answer, then every further page appended. */
  #items: Array<PageItem | undefined> = [];
  #hits: Array<SearchHitInfo | undefined> = [];
  #firstPage: SearchResultPage | undefined;
  #cursor: string | undefined;
  #more: AbortController | undefined;
  #moreError: XiaodianError | undefined;
  #suggestions: string[] = [];
  #focusIndex = -1;

  private readonly results = new DataController(this, {
    args: () => [this.searchKey] as const,
    task: async ([key], { signal, client }) => {
      const query = JSON.parse(key) as SearchQuery;
      if (!query.q) return { value: { items: [], total: 0, hits: [], facets: emptyFacets } satisfies SearchResultPage };
      const page: SearchResultPage = await client.search(query, { signal });
      return { value: page };
    },
    // The previous results stay (dimmed) while the next query loads: nothing jumps while typing.
    keepPrevious: true,
  });

  /** The query as the gateway takes it, as a string: the controller compares its args by identity. */
  private get searchKey(): string {
    const query: SearchQuery = {
      q: this.query.trim(),
      sort: this.sort,
      limit: pageSize,
      ...(this.shop ? { appid: this.shop } : {}),
      ...(this.category ? { category: this.category } : {}),
      // Checked against the card's words for the guarantees (the model's list would bring its schemas along).
      ...(this.guarantee && Object.hasOwn(zhCN.guarantee, this.guarantee)
        ? { guarantees: [this.guarantee as Guarantee] }
        : {}),
      ...(Number.isFinite(this.minPrice) ? { minPrice: this.minPrice } : {}),
      ...(Number.isFinite(this.maxPrice) ? { maxPrice: this.maxPrice } : {}),
      ...(this.inStock ? { inStock: true } : {}),
    };
    return JSON.stringify(query);
  }

  // ---- the window: which rows are near the screen -------------------------------------------------------

  #frame = 0;
  readonly #onViewportChange = () => {
    if (this.#frame) return;
    this.#frame = requestAnimationFrame(() => {
      this.#frame = 0;
      this.measure();
    });
  };
  #resize: ResizeObserver | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // Capture: scrolls of any scrolling ancestor reach the window in the capture phase, not only the page's.
    addEventListener('scroll', this.#onViewportChange, { capture: true, passive: true });
    addEventListener('resize', this.#onViewportChange, { passive: true });
    this.#resize = new ResizeObserver(this.#onViewportChange);
    this.#resize.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('scroll', this.#onViewportChange, { capture: true });
    removeEventListener('resize', this.#onViewportChange);
    this.#resize?.disconnect();
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#more?.abort();
    // A results list taken off the page says nothing more: its count would be read over the next page's.
    clearTimeout(this.#announceTimer);
    this.#announceTimer = undefined;
    this.#pendingCount = undefined;
    this.#more = undefined;
  }

  private get columns(): number {
    return this.layout === 'list' ? 1 : Math.max(2, Math.floor((this.width + gap) / (minTileWidth + gap)));
  }

  private get rowHeight(): number {
    if (this.layout === 'list') return listTileHeight;
    const columns = this.columns;
    const tileWidth = (this.width - gap * (columns - 1)) / columns;
    return tileWidth + tileBodyHeight;
  }

  /** Reads where the list is on screen; the rows near it are drawn on the next update. */
  measure(): void {
    const list = this.renderRoot.querySelector<HTMLElement>('[part=list]');
    if (!list) return;
    const rect = list.getBoundingClientRect();
    if (rect.width > 0 && Math.abs(rect.width - this.width) > 0.5) this.width = rect.width;
    const stride = this.rowHeight + gap;
    const top = Math.max(0, -rect.top);
    const bottom = Math.max(top, Math.min(rect.height, innerHeight - rect.top));
    const first = Math.max(0, Math.floor(top / stride) - overscanRows);
    const last = Math.ceil(bottom / stride) + overscanRows;
    if (first !== this.visibleRows.first || last !== this.visibleRows.last) this.visibleRows = { first, last };
    this.#loadAhead();
  }

  // ---- pages ---------------------------------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('sort')) this.sort = checkOption(this, 'sort', this.sort, searchSorts);
    if (changed.has('layout')) this.layout = checkOption(this, 'layout', this.layout, searchTileLayouts);
    const page = this.results.value as SearchResultPage | undefined;
    if (page !== this.#firstPage) this.#startResults(page);
  }

  #startResults(page: SearchResultPage | undefined): void {
    this.#more?.abort();
    this.#more = undefined;
    this.#moreError = undefined;
    this.#firstPage = page;
    this.#items = page ? [...page.items] : [];
    this.#hits = page ? [...page.hits] : [];
    this.#cursor = page?.nextCursor;
    this.#suggestions = [];
    this.#focusIndex = -1;
    if (page) {
      this.#announceCount(page.total);
      if (page.total === 0 && this.query.trim()) void this.#loadSuggestions(this.query.trim(), page);
    }
    // A new query starts at the top of its results.
    queueMicrotask(() => this.measure());
  }

  /** Loads the next page while the drawn rows reach past what is loaded. */
  #loadAhead(): void {
    const page = this.#firstPage;
    if (!page || this.#more || this.#moreError || !this.#cursor) return;
    const needed = Math.min(page.total, (this.visibleRows.last + 1) * this.columns);
    if (this.#items.length >= needed) return;
    const run = (this.#more = new AbortController());
    const query = { ...(JSON.parse(this.searchKey) as SearchQuery), cursor: this.#cursor };
    this.results.client.search(query, { signal: run.signal }).then(
      (next: SearchResultPage) => {
        if (this.#more !== run) return; // a newer query took over: its answer is not this one's
        this.#more = undefined;
        this.#items.push(...next.items);
        // hits[i] belongs to items[i]: kept aligned even if an answer's hits fall short.
        this.#hits.length = this.#items.length - next.items.length;
        this.#hits.push(...next.hits);
        this.#cursor = next.nextCursor;
        this.requestUpdate();
        queueMicrotask(() => this.#loadAhead());
      },
      (error: unknown) => {
        if (this.#more !== run) return;
        this.#more = undefined;
        this.#moreError =
          error instanceof XiaodianError ? error : new XiaodianError('upstream', String(error), { cause: error });
        this.requestUpdate();
      },
    );
  }

  async #loadSuggestions(query: string, page: SearchResultPage): Promise<void> {
    const client: XiaodianClient = this.results.client;
    try {
      // A no-hit query's first characters still name what the shopper is after (防晒衣女裙 → 防晒…).
      const found = await client.suggest(Array.from(query).slice(0, 2).join(''));
      if (this.#firstPage !== page) return;
      this.#suggestions = found
        .map((suggestion) => suggestion.text)
        .filter((text) => text !== query && text !== page.didYouMean)
        .slice(0, 5);
      this.requestUpdate();
    } catch {
      // Suggestions are a help; the empty state reads fine without them.
    }
  }

  // ---- announcements ---------------------------------------------------------------------------------------

  #lastAnnounced = -Infinity;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  #pendingCount: number | undefined;

  /** The count, politely, at most once a second: the latest one wins when several come close together. */
  #announceCount(total: number): void {
    this.#pendingCount = total;
    if (this.#announceTimer !== undefined) return;
    const wait = this.#lastAnnounced + announceEveryMs - performance.now();
    const speak = () => {
      this.#announceTimer = undefined;
      const count = this.#pendingCount;
      this.#pendingCount = undefined;
      if (count === undefined || !this.isConnected) return;
      this.#lastAnnounced = performance.now();
      const t = searchResultsMessages(this.locale, () => {});
      const query = this.query.trim();
      if (!t || !query) return;
      void announce(count === 0 ? t.noResults(query) : t.count(formatCount(count, this.locale)));
    };
    if (wait <= 0) speak();
    else this.#announceTimer = setTimeout(speak, wait);
  }

  // ---- keyboard --------------------------------------------------------------------------------------------

  readonly #onKeydown = (event: KeyboardEvent) => {
    const from = this.#indexOf(event);
    if (from === undefined) return;
    const columns = this.columns;
    const total = this.#firstPage?.total ?? 0;
    const step: Record<string, number> = {
      ArrowRight: 1,
      ArrowLeft: -1,
      ArrowDown: columns,
      ArrowUp: -columns,
      Home: -from,
      End: total - 1 - from,
    };
    const delta = step[event.key];
    if (delta === undefined) return;
    event.preventDefault();
    const to = Math.max(0, Math.min(total - 1, from + delta));
    void this.focusResult(to);
  };

  #indexOf(event: Event): number | undefined {
    for (const target of event.composedPath()) {
      if (target instanceof HTMLElement && target.dataset['index'] !== undefined)
        return Number(target.dataset['index']);
    }
    return undefined;
  }

  /** Moves focus to the result at `index`, scrolling it into view (drawn first if it was off screen). */
  async focusResult(index: number): Promise<void> {
    const list = this.renderRoot.querySelector<HTMLElement>('[part=list]');
    if (!list) return;
    this.#focusIndex = index;
    const stride = this.rowHeight + gap;
    const row = Math.floor(index / this.columns);
    const rect = list.getBoundingClientRect();
    const top = rect.top + row * stride;
    if (top < 0) scrollBy(0, top);
    else if (top + this.rowHeight > innerHeight) scrollBy(0, top + this.rowHeight - innerHeight);
    this.measure();
    await this.updateComplete;
    const item = this.renderRoot.querySelector<HTMLElement>(`[data-index="${index}"]`);
    const tile = item?.querySelector('xd-search-tile');
    // A tile handed its product shows it an update later (its data controller resolves it in a microtask).
    for (let round = 0; tile && round < 3 && tile.getAttribute('state') === 'loading'; round += 1) {
      await tile.updateComplete;
      await Promise.resolve();
    }
    const target = tile?.shadowRoot?.querySelector<HTMLElement>('button[part=tile]') ?? item;
    target?.focus();
  }

  // ---- rendering ---------------------------------------------------------------------------------------------

  protected override render() {
    const t = searchResultsMessages(this.locale, () => this.requestUpdate());
    const words = productCardMessages(this.locale, () => this.requestUpdate());
    if (!t || !words) return html`<div part="list" class="list" aria-busy="true"></div>`;
    const page = this.#firstPage;
    const state = this.results.state;
    const updating = state === 'loading' && page !== undefined;
    return html`${this.renderControls(t, words.guarantee, page?.facets ?? emptyFacets)}
      <div part="status" class="status">${this.renderStatus(t, page, updating)}</div>
      ${this.renderList(t, page, updating)}`;
  }

  private renderStatus(t: SearchResultsMessages, page: SearchResultPage | undefined, updating: boolean) {
    const error = this.results.error;
    const query = this.query.trim();
    if (error) {
      const message = error.code === 'offline' ? t.offline : t.loadFailed;
      if (isMisconfiguredGateway(error)) console.warn('[xiaodian] the gateway does not answer the search API', error);
      return html`<span class="message">${message}</span>${this.retryButton(t, () => this.results.reload())}`;
    }
    if (!query) return html`<span class="message">${t.idle}</span>`;
    if (!page) return html`<span class="message">${t.loading}</span>`;
    if (updating) return html`<span class="message">${t.updating}</span>`;
    if (page.total === 0) return this.renderEmpty(t, query, page);
    return html`<span class="message">${t.count(formatCount(page.total, this.locale))}</span>${
        this.#moreError ? html` · ${t.moreFailed}${this.retryButton(t, () => this.#retryMore())}` : nothing
      }`;
  }

  private retryButton(t: SearchResultsMessages, retry: () => void) {
    return html`<button class="retry" type="button" aria-label=${t.retryLabel} @click=${retry}>${t.retry}</button>`;
  }

  #retryMore(): void {
    this.#moreError = undefined;
    this.#loadAhead();
    this.requestUpdate();
  }

  private renderEmpty(t: SearchResultsMessages, query: string, page: SearchResultPage) {
    const choose = (text: string) => () => this.#searchFor(text);
    const didYouMean = page.didYouMean
      ? html`<span class="hint"
          >${t.didYouMean}<button class="link" type="button" @click=${choose(page.didYouMean)}>
            ${page.didYouMean}
          </button></span
        >`
      : nothing;
    const suggestions = this.#suggestions.length
      ? html`<span class="hint"
          >${t.trySuggestions}${this.#suggestions.map(
            (text) => html`<button class="link" type="button" @click=${choose(text)}>${text}</button>`,
          )}</span
        >`
      : nothing;
    return html`<span class="message empty">${t.noResults(query)}</span>${didYouMean}${suggestions}`;
  }

  /** A did-you-mean or suggestion: the box (if any) learns of it from the event, and the results search it. */
  #searchFor(query: string): void {
    if (!dispatchSearch(this, query)) return;
    this.query = query;
  }

  private renderControls(t: SearchResultsMessages, guaranteeNames: Record<string, string>, facets: SearchFacets) {
    const count = (label: string, n: number) => t.withCount(label, formatCount(n, this.locale));
    const change = (apply: (value: string) => void) => (event: Event) =>
      apply((event.target as HTMLSelectElement).value);
    const band = (min: number, max: number | undefined) =>
      max === undefined ? t.priceFrom(formatFen(min, this.locale)) : formatFenRange(min, max, this.locale);
    const priceValue =
      this.minPrice !== undefined || this.maxPrice !== undefined ? `${this.minPrice ?? 0}-${this.maxPrice ?? ''}` : '';
    return html`<div part="controls" class="controls" role="group" aria-label=${t.controls}>
      <select aria-label=${t.sort} .value=${this.sort} @change=${change((value) => (this.sort = value as SearchSort))}>
        ${searchSorts.map(
          (sort) => html`<option value=${sort} ?selected=${sort === this.sort}>${t.sorts[sort]}</option>`,
        )}
      </select>
      <select aria-label=${t.category} @change=${change((value) => (this.category = value || undefined))}>
        <option value="" ?selected=${!this.category}>${t.allCategories}</option>
        ${facets.category.map(
          (facet) =>
            html`<option value=${facet.value} ?selected=${facet.value === this.category}>
              ${count(facet.value, facet.count)}
            </option>`,
        )}
      </select>
      <select aria-label=${t.shop} @change=${change((value) => (this.shop = value || undefined))}>
        <option value="" ?selected=${!this.shop}>${t.allShops}</option>
        ${facets.shop.map(
          (facet) =>
            html`<option value=${facet.value} ?selected=${facet.value === this.shop}>
              ${count(facet.name, facet.count)}
            </option>`,
        )}
      </select>
      <select aria-label=${t.guarantee} @change=${change((value) => (this.guarantee = value || undefined))}>
        <option value="" ?selected=${!this.guarantee}>${t.anyGuarantee}</option>
        ${facets.guarantee.map(
          (facet) =>
            html`<option value=${facet.value} ?selected=${facet.value === this.guarantee}>
              ${count(guaranteeNames[facet.value] ?? facet.value, facet.count)}
            </option>`,
        )}
      </select>
      <select
        aria-label=${t.price}
        @change=${change((value) => {
          const [min, max] = value.split('-');
          this.minPrice = min ? Number(min) : undefined;
          this.maxPrice = max ? Number(max) : undefined;
        })}
      >
        <option value="" ?selected=${!priceValue}>${t.anyPrice}</option>
        ${facets.price.map((facet) => {
          const value = `${facet.min}-${facet.max ?? ''}`;
          return html`<option value=${value} ?selected=${value === priceValue}>
            ${count(band(facet.min, facet.max), facet.count)}
          </option>`;
        })}
      </select>
      <label class="check"
        ><input
          type="checkbox"
          .checked=${this.inStock}
          @change=${(event: Event) => (this.inStock = (event.target as HTMLInputElement).checked)}
        />${t.inStock}</label
      >
      <span class="layouts" role="group" aria-label=${t.layout}>
        ${searchTileLayouts.map(
          (layout) =>
            html`<button
              type="button"
              class="layout"
              aria-pressed=${layout === this.layout ? 'true' : 'false'}
              @click=${() => (this.layout = layout)}
            >
              ${t.layouts[layout]}
            </button>`,
        )}
      </span>
    </div>`;
  }

  private renderList(t: SearchResultsMessages, page: SearchResultPage | undefined, updating: boolean) {
    const columns = this.columns;
    const stride = this.rowHeight + gap;
    // Before the first answer, one page of skeleton tiles; after it, the room of every result.
    const total = page ? page.total : this.query.trim() && !this.results.error ? pageSize : 0;
    const rows = Math.ceil(total / columns);
    const height = Math.max(0, rows * stride - gap);
    const first = Math.min(this.visibleRows.first, rows) * columns;
    const last = Math.min(total, (this.visibleRows.last + 1) * columns);
    const indexes: number[] = [];
    for (let i = first; i < last; i += 1) indexes.push(i);
    const tileWidth = this.layout === 'list' ? this.width : (this.width - gap * (columns - 1)) / columns;
    return html`<div
      part="list"
      class="list"
      role="list"
      aria-label=${t.results}
      aria-busy=${!page || updating ? 'true' : 'false'}
      style="height:${height}px"
      @keydown=${this.#onKeydown}
    >
      ${repeat(
        indexes,
        (index) => index,
        (index) => this.renderItem(index, total, columns, stride, tileWidth),
      )}
    </div>`;
  }

  private renderItem(index: number, total: number, columns: number, stride: number, tileWidth: number): TemplateResult {
    const item = this.#items[index];
    const hit = this.#hits[index];
    const x = (index % columns) * (tileWidth + gap);
    const y = Math.floor(index / columns) * stride;
    // The tile is given the results' language: from inside this shadow root it cannot find the [lang] or
    // <xd-store locale> around the results by itself.
    return html`<div
      role="listitem"
      class="item"
      data-index=${index}
      aria-setsize=${total}
      aria-posinset=${index + 1}
      tabindex=${index === this.#focusIndex ? '-1' : nothing}
      style="transform:translate(${x}px,${y}px);width:${tileWidth}px;height:${this.rowHeight}px"
    >
      <xd-search-tile
        lang=${this.locale}
        layout=${this.layout}
        .product=${item?.ok ? item.product : undefined}
        .itemError=${item && !item.ok ? item.error : undefined}
        .ranges=${hit?.titleRanges}
      ></xd-search-tile>
    </div>`;
  }
}
