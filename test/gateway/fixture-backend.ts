import {
  XiaodianError,
  computeFacets,
  formatProductRef,
  passesFilters,
  type ErrorBody,
  type LinkResolution,
  type LiveEvent,
  type LiveEventsOptions,
  type LiveRoom,
  type Page,
  type Product,
  type ProductResult,
  type SearchPage,
  type SearchQuery,
  type Shop,
  type StorefrontBackend,
} from '@xiaodian/model';

// A small hand-built backend: each test knows exactly what the gateway should say, and can push live
// events and count backend calls. The demo catalog is exercised by its own end-to-end tests.

export const appid = 'wx3f8a2c1d9e7b6a54';
export const finder = 'sphDemoLive01';

export function product(id: number, overrides: Partial<Product> = {}): Product {
  const n = id % 1000;
  return {
    appid,
    productId: String(id),
    title: `山野 测试商品 ${id}`,
    images: [`/demo-images/products/${id}.svg`],
    minPrice: 1990 + n,
    maxPrice: 2990 + n,
    sales: 100 * n,
    status: 5,
    availability: 'available',
    guarantees: n % 2 === 0 ? ['seven_day_return', 'freight_insurance'] : ['seven_day_return'],
    skus: [{ skuId: `${id}01`, price: 1990 + n, stock: 10, attrs: [{ key: '颜色', value: '白' }] }],
    shop: { appid, name: '山野户外官方旗舰店', logoUrl: '/demo-images/shops/logo.svg' },
    ...overrides,
  };
}

export const shop: Shop = {
  appid,
  name: '山野户外官方旗舰店',
  logoUrl: '/demo-images/shops/logo.svg',
  subjectType: 'enterprise',
  status: 'opening',
  isLocalLife: false,
  scores: { description: 4.8, service: 4.7, logistics: 4.9 },
  linkedAccounts: { officialAccounts: [], channels: [] },
};

/** A live event without its id (the fixture numbers them 1, 2, 3…) and, optionally, its time. */
export type LiveEventInput = LiveEvent extends infer E
  ? E extends LiveEvent
    ? Omit<E, 'id' | 'at'> & { at?: number }
    : never
  : never;

export interface FixtureBackend extends StorefrontBackend {
  calls: Record<string, number>;
  products: Product[];
  room: LiveRoom;
  emit(event: LiveEventInput): LiveEvent;
  /** Live subscribers right now: a stream that ended cleanly leaves none behind. */
  subscribers(): number;
  fail?: Error;
  /** Per-ref failures by `APPID:PRODUCT_ID`: that ref answers this error, its neighbours their products. */
  refFailures: Map<string, ErrorBody>;
  /** Every search query the backend was asked, as it arrived: what the gateway made of the URL. */
  searches: SearchQuery[];
  /** Called when a live subscriber's stream ends, before the gateway closes the HTTP response. */
  onStreamEnd?: () => void;
}

const bySalesThenId = (a: Product, b: Product) => b.sales - a.sales || a.productId.localeCompare(b.productId);
const searchOrders: Record<NonNullable<SearchQuery['sort']>, (a: Product, b: Product) => number> = {
  relevance: (a, b) => a.productId.localeCompare(b.productId),
  sales: bySalesThenId,
  price_asc: (a, b) => a.minPrice - b.minPrice || bySalesThenId(a, b),
  price_desc: (a, b) => b.minPrice - a.minPrice || bySalesThenId(a, b),
};

export function fixtureBackend(): FixtureBackend {
  const products = Array.from({ length: 60 }, (_, i) => product(10000201001001 + i));
  const byRef = new Map(products.map((p) => [formatProductRef(p), p]));
  const calls: Record<string, number> = {};
  const count = (name: string) => (calls[name] = (calls[name] ?? 0) + 1);
  const history: LiveEvent[] = [];
  const waiters = new Set<() => void>();
  let nextId = 1;
  const room: LiveRoom = {
    finderUserName: finder,
    nickname: '山野户外',
    avatarUrl: '/demo-images/lives/avatar.svg',
    description: '秋冬新品首发',
    status: 'live',
    statusCode: 2,
    replay: 'none',
    viewers: 1200,
    heat: 5600,
    bag: [],
  };

  const backend: FixtureBackend = {
    calls,
    products,
    room,
    refFailures: new Map(),
    searches: [],
    async getProducts(refs) {
      count('getProducts');
      if (backend.fail) throw backend.fail;
      return refs.map((ref): ProductResult => {
        const failure = backend.refFailures.get(formatProductRef(ref));
        if (failure) return { ok: false, error: failure };
        return byRef.has(formatProductRef(ref))
          ? { ok: true, product: byRef.get(formatProductRef(ref))! }
          : { ok: false, error: { code: 'not_found', message: `No product ${ref.productId}` } };
      });
    },
    async getShop(id) {
      count('getShop');
      if (backend.fail) throw backend.fail;
      if (id !== appid) throw new XiaodianError('not_found', `No shop ${id}`);
      return shop;
    },
    async listShopProducts(id, page): Promise<Page<Product>> {
      count('listShopProducts');
      if (id !== appid) throw new XiaodianError('not_found', `No shop ${id}`);
      const start = Number(page.cursor ?? 0);
      const limit = page.limit ?? 20;
      const items = products.slice(start, start + limit);
      const end = start + items.length;
      return { items, total: products.length, ...(end < products.length ? { nextCursor: String(end) } : {}) };
    },
    // Honours every filter and sort, so a gateway that drops one changes the answer a test sees.
    async search(query): Promise<SearchPage> {
      count('search');
      backend.searches.push(query);
      const matched = products.filter((p) => p.title.includes(query.q));
      const items = matched.filter((p) => passesFilters(p, query)).sort(searchOrders[query.sort ?? 'relevance']);
      const start = Number(query.cursor ?? 0);
      const end = start + (query.limit ?? 20);
      const page = items.slice(start, end);
      return {
        items: page,
        total: items.length,
        ...(end < items.length ? { nextCursor: String(end) } : {}),
        hits: page.map((p) => {
          const at = p.title.indexOf(query.q);
          return { kind: 'exact' as const, titleRanges: query.q === '' ? [] : [[at, at + query.q.length] as const] };
        }),
        facets: computeFacets(matched, query),
      };
    },
    async suggest(prefix) {
      count('suggest');
      return [{ text: `${prefix}冲锋衣`, kind: 'query' }];
    },
    async getLive(name) {
      count('getLive');
      if (name !== finder) throw new XiaodianError('not_found', `No live room ${name}`);
      return { ...room, ...(history.length ? { lastEventId: history.at(-1)!.id } : {}) };
    },
    liveEvents(name, options: LiveEventsOptions = {}): AsyncIterable<LiveEvent> {
      count('liveEvents');
      if (name !== finder) throw new XiaodianError('not_found', `No live room ${name}`);
      return {
        async *[Symbol.asyncIterator]() {
          let cursor =
            options.lastEventId === undefined
              ? history.length
              : history.findIndex((e) => e.id === options.lastEventId) + 1;
          const signal = options.signal;
          let wake: (() => void) | undefined;
          const onAbort = () => wake?.();
          signal?.addEventListener('abort', onAbort);
          try {
            while (!signal?.aborted) {
              while (cursor < history.length && !signal?.aborted) yield history[cursor++]!;
              await new Promise<void>((resolve) => {
                wake = resolve;
                waiters.add(resolve);
              });
              if (wake) waiters.delete(wake);
            }
          } finally {
            signal?.removeEventListener('abort', onAbort);
            if (wake) waiters.delete(wake);
            backend.onStreamEnd?.();
          }
        },
      };
    },
    async resolveLinks(links): Promise<LinkResolution[]> {
      count('resolveLinks');
      return links.map((link) =>
        link === 'https://channels.weixin.qq.com/shop/a/abc123'
          ? { ok: true, ref: { kind: 'product', appid, productId: products[1]!.productId } }
          : { ok: false, error: { code: 'not_found', message: `Nothing for ${link}` } },
      );
    },
    emit(partial) {
      const event = { at: 1_790_000_000_000 + nextId, ...partial, id: String(nextId++) } as LiveEvent;
      history.push(event);
      for (const wake of [...waiters]) wake();
      return event;
    },
    subscribers: () => waiters.size,
  };
  return backend;
}
