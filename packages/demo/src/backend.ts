import {
  XiaodianError,
  formatProductRef,
  maxPageSize,
  defaultPageSize,
  parseRef,
  type ArticleRef,
  type LinkResolution,
  type LiveEvent,
  type LiveEventsOptions,
  type LiveRoom,
  type Page,
  type Product,
  type ProductRef,
  type ProductResult,
  type RequestOptions,
  type Shop,
  type StorefrontBackend,
} from '@xiaodian/model';
import { createSearchIndex } from '@xiaodian/model/search';
import { buildCatalog, defaultSeed } from './catalog/index.js';
import { categories } from './catalog/vocabulary.js';
import { avatarSvg, dataUri, type DemoImage } from './images.js';
import { realClock, type DemoClock } from './live/clock.js';
import { initialRoom, roomDefinitions, type RoomDefinition } from './live/rooms.js';
import { RoomTimeline } from './live/timeline.js';
import { hash32 } from './catalog/ids.js';
import { seededRandom } from './random.js';

export interface DemoBackendOptions {
  /** Same seed, same catalog and same live events. */
  seed?: number;
  /**
   * Where pictures come from: a URL prefix the gateway serves them under, or `'inline'` for data URIs
   * (Storybook, browser tests, no server). The default, `/demo-images`, works only for pages on the
   * gateway's own origin; `xiaodian-gateway` passes an absolute one (`https://gateway.example/demo-images`)
   * so pages on any origin show them.
   */
  images?: { base: string } | 'inline';
  /** Time for the live simulator; the simulation starts at `clock.now()` when the backend is created. */
  clock?: DemoClock;
}

export interface DemoBackend extends StorefrontBackend {
  /** Every product of the catalog, in every status: real refs for examples, stories and tests. */
  readonly products: readonly Product[];
  readonly shops: readonly Shop[];
  /** Finder user names of the live rooms (`demoLiveAccounts` says what each shows). */
  readonly liveRooms: readonly string[];
  /**
   * Every 视频号 the demo knows: the rooms, then every other account a shop links, which is not live and
   * has nothing announced (`GET /v1/lives/{it}` answers 200 with status `not_started`).
   */
  readonly liveAccounts: readonly string[];
  /** The simulation's clock (its `clock.now()`): the server's time for live countdowns. */
  now(): number;
  /** An image by path under the image base (`products/<id>.svg`), for the gateway to serve. */
  renderImage(path: string): DemoImage | undefined;
}

function checkAborted(options: RequestOptions | undefined): void {
  if (options?.signal?.aborted) throw new XiaodianError('aborted', 'The request was aborted');
}

function readOffset(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  if (!/^[0-9]{1,7}$/.test(cursor)) throw new XiaodianError('bad_request', `Invalid cursor "${cursor}"`);
  return Number(cursor);
}

/**
 * The embedded demo marketplace as a `StorefrontBackend`: 32 shops, about 2,400 products, search,
 * short links and eight live rooms with a deterministic simulator. Pure TypeScript: runs in Node, in
 * browsers and in mini programs alike.
 */
export function createDemoBackend(options: DemoBackendOptions = {}): DemoBackend {
  const seed = options.seed ?? defaultSeed;
  const clock = options.clock ?? realClock;
  const imageMode = options.images ?? { base: '/demo-images' };
  const pictures = new Map<string, () => string>();
  const imageUrl = (path: string) => {
    if (imageMode !== 'inline') return `${imageMode.base}/${path}`;
    const draw = pictures.get(path);
    return draw ? dataUri(draw()) : '';
  };
  // Inline pictures need their drawings before products reference them: build the drawings first.
  const catalog = buildCatalog(seed, imageMode === 'inline' ? (path) => `inline:${path}` : imageUrl);
  for (const [path, draw] of catalog.images) pictures.set(path, draw);
  if (imageMode === 'inline') inlineImages(catalog.products, catalog.shops, (path) => imageUrl(path));

  const products = catalog.products;
  const byRef = new Map(products.map((product) => [formatProductRef(product), product]));
  const shopsByAppid = new Map(catalog.shops.map((shop) => [shop.appid, shop]));
  // Item names are what people type; they rank by what their products sell.
  const itemNames = categories.flatMap((category) => category.items.map((item) => item.name));
  const index = createSearchIndex(products, {
    suggestions: itemNames.map((text) => ({
      text,
      kind: 'query' as const,
      popularity: products.reduce((sum, product) => sum + (product.title.includes(text) ? product.sales : 0), 0),
    })),
  });

  const start = clock.now();
  const timelines = new Map<string, RoomTimeline>();
  const idleAccounts = catalog.shops.flatMap((shop, shopIndex) =>
    shop.linkedAccounts.channels
      .filter((account) => !roomDefinitions.some((definition) => definition.finderUserName === account.id))
      .map((account): RoomDefinition => ({
        finderUserName: account.id,
        nickname: account.name,
        description: '',
        shop: shopIndex,
        script: { kind: 'idle' },
      })),
  );
  [...roomDefinitions, ...idleAccounts].forEach((definition, i) => {
    const shop = catalog.shops[definition.shop]!;
    const avatarPath = `lives/${definition.finderUserName}.svg`;
    pictures.set(avatarPath, () => avatarSvg(definition.nickname ?? shop.name, (i * 47) % 360));
    const random = seededRandom(hash32(`${seed}:${definition.finderUserName}`));
    const room = initialRoom(definition, shop, products, imageUrl(avatarPath), start, random);
    const inBag = new Set(room.bag.map((item) => item.productId));
    const spare = products.filter(
      (product) =>
        product.appid === shop.appid && product.availability === 'available' && !inBag.has(product.productId),
    );
    timelines.set(
      definition.finderUserName,
      new RoomTimeline(
        room,
        definition.script,
        spare.slice(0, 12),
        hash32(`${seed}/${definition.finderUserName}`),
        start,
      ),
    );
  });

  function timeline(name: string): RoomTimeline {
    const found = timelines.get(name);
    if (!found) throw new XiaodianError('not_found', `No live room ${name}`);
    found.advanceTo(clock.now());
    return found;
  }

  const shortLinkPattern = /^https:\/\/(?:channels|store)\.weixin\.qq\.com\/shop\/a\/([0-9A-Za-z_-]+)\/?(?:[?#].*)?$/;

  return {
    products,
    shops: catalog.shops,
    liveRooms: roomDefinitions.map((definition) => definition.finderUserName),
    liveAccounts: [...timelines.keys()],
    now: () => clock.now(),

    renderImage(path) {
      const draw = pictures.get(path.replace(/^\/+/, ''));
      return draw ? { body: draw(), contentType: 'image/svg+xml' } : undefined;
    },

    async getProducts(refs: readonly ProductRef[], requestOptions?: RequestOptions): Promise<ProductResult[]> {
      return refs.map((ref): ProductResult => {
        if (requestOptions?.signal?.aborted)
          return { ok: false, error: { code: 'aborted', message: 'The request was aborted' } };
        const product = byRef.get(formatProductRef(ref));
        return product
          ? { ok: true, product }
          : { ok: false, error: { code: 'not_found', message: `No product ${ref.productId} in shop ${ref.appid}` } };
      });
    },

    async getShop(appid, requestOptions) {
      checkAborted(requestOptions);
      const shop = shopsByAppid.get(appid);
      if (!shop) throw new XiaodianError('not_found', `No shop ${appid}`);
      return shop;
    },

    async listShopProducts(appid, page, requestOptions): Promise<Page<Product>> {
      checkAborted(requestOptions);
      if (!shopsByAppid.has(appid)) throw new XiaodianError('not_found', `No shop ${appid}`);
      const onSale = products
        .filter((product) => product.appid === appid && product.status === 5)
        .sort((a, b) => b.sales - a.sales || a.productId.localeCompare(b.productId));
      const offset = readOffset(page.cursor);
      const limit = Math.min(Math.max(1, page.limit ?? defaultPageSize), maxPageSize);
      const items = onSale.slice(offset, offset + limit);
      const end = offset + items.length;
      return { items, total: onSale.length, ...(end < onSale.length ? { nextCursor: String(end) } : {}) };
    },

    async search(query, requestOptions) {
      checkAborted(requestOptions);
      return index.search(query);
    },

    async suggest(prefix, requestOptions) {
      checkAborted(requestOptions);
      return index.suggest(prefix);
    },

    async getLive(name, requestOptions): Promise<LiveRoom> {
      checkAborted(requestOptions);
      return timeline(name).state;
    },

    liveEvents(name: string, eventOptions: LiveEventsOptions = {}): AsyncIterable<LiveEvent> {
      return {
        [Symbol.asyncIterator]: () => follow(timeline(name), eventOptions, clock),
      };
    },

    async resolveLinks(links, requestOptions): Promise<LinkResolution[]> {
      checkAborted(requestOptions);
      return links.map((link): LinkResolution => {
        const code = shortLinkPattern.exec(link.trim())?.[1];
        if (code !== undefined) {
          const ref = catalog.shortLinks.get(code);
          return ref
            ? { ok: true, ref }
            : { ok: false, error: { code: 'not_found', message: `No product or shop behind ${link}` } };
        }
        try {
          const ref: ArticleRef = parseRef(link);
          const known =
            ref.kind === 'product'
              ? byRef.has(formatProductRef(ref))
              : ref.kind === 'shop'
                ? shopsByAppid.has(ref.appid)
                : timelines.has(ref.finderUserName);
          return known
            ? { ok: true, ref }
            : { ok: false, error: { code: 'not_found', message: `Nothing in the demo catalog for ${link}` } };
        } catch (error) {
          return {
            ok: false,
            error: error instanceof XiaodianError ? error.toJSON() : { code: 'invalid_ref', message: String(error) },
          };
        }
      });
    },
  };
}

/**
 * A subscriber's view of a room: what it missed since `lastEventId` (or a snapshot when that is unknown or
 * no longer retained), then each event as it happens, until the signal aborts.
 */
async function* follow(
  timeline: RoomTimeline,
  options: LiveEventsOptions,
  clock: DemoClock,
): AsyncGenerator<LiveEvent> {
  const signal = options.signal;
  // Each event says when it was sent, on the simulation's clock: subscribers learn the server's time from it.
  const sent = (event: LiveEvent): LiveEvent => ({ ...event, time: clock.now() });
  options.onHeartbeat?.({ time: clock.now() });
  let seen = timeline.lastSequence;
  if (options.lastEventId !== undefined) {
    const from = timeline.sequenceOf(options.lastEventId);
    const missed = from === undefined ? undefined : timeline.eventsAfter(from);
    if (missed === undefined) {
      yield sent(timeline.snapshot());
    } else {
      for (const event of missed) yield sent(event);
    }
    seen = timeline.lastSequence;
  }
  while (!signal?.aborted) {
    const next = timeline.nextAt;
    if (next === undefined) {
      // Nothing will ever happen in this room: wait for the subscriber to leave.
      if (!signal) return;
      await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
      return;
    }
    await clock.sleep(next - clock.now(), signal);
    if (signal?.aborted) return;
    timeline.advanceTo(clock.now());
    const events = timeline.eventsAfter(seen);
    if (events === undefined) {
      yield sent(timeline.snapshot());
    } else {
      for (const event of events) yield sent(event);
    }
    seen = timeline.lastSequence;
  }
}

/** Replaces placeholder image URLs with data URIs (`images: 'inline'`). */
function inlineImages(products: Product[], shops: Shop[], url: (path: string) => string): void {
  const resolve = (value: string) => (value.startsWith('inline:') ? url(value.slice('inline:'.length)) : value);
  for (const product of products) {
    product.images = product.images.map(resolve);
    product.shop.logoUrl = resolve(product.shop.logoUrl);
  }
  for (const shop of shops) shop.logoUrl = resolve(shop.logoUrl);
}
