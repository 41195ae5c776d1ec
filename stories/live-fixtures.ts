// The live widget's states, as the data that puts a room in each: Storybook shows them, the browser tests
// check them. Rooms are a live demo room changed into each state (so products and pictures are real);
// `live (simulated)` is the demo's own simulator, in real time.
import { createClient, type XiaodianClient } from '@xiaodian/client';
import { XiaodianError, type LiveRoom, type StorefrontBackend } from '@xiaodian/model';
import { demo, demoClient } from './fixtures.js';

/** The demo room every state is made from. */
export const liveSource = 'sphShanyeOutdoor';

const hour = 3_600_000;
const notice = (now: number, startsIn: number, reservable: boolean) => ({
  noticeId: 'notice_story',
  status: 'open' as const,
  startAt: now + startsIn,
  reservable,
  description: '周末家居焕新 提前预约抽免单',
});

function without(room: LiveRoom, ...keys: Array<keyof LiveRoom>): LiveRoom {
  const copy: LiveRoom = structuredClone(room);
  for (const key of keys) delete copy[key];
  return copy;
}

const ended = (replay: LiveRoom['replay']) => (room: LiveRoom) => ({
  ...without(room, 'pinnedProductId'),
  status: 'ended' as const,
  statusCode: 3,
  replay,
  viewers: 0,
});

/** Each state of a live room, from a live room at `now` (server time). */
export const liveStates = {
  not_started: (room: LiveRoom, now: number): LiveRoom => ({
    ...without(room, 'pinnedProductId', 'startedAt'),
    status: 'not_started',
    statusCode: 1,
    viewers: 0,
    heat: 0,
    notice: notice(now, 3 * hour, true),
  }),
  preparing: (room: LiveRoom, now: number): LiveRoom => ({
    ...without(room, 'pinnedProductId', 'startedAt'),
    status: 'preparing',
    statusCode: 4,
    viewers: 120,
    heat: 0,
    notice: notice(now, 2 * 60_000, false),
  }),
  live: (room: LiveRoom): LiveRoom => structuredClone(room),
  'ended, replay ready': ended('ready'),
  'ended, replay generating': ended('generating'),
  'ended, replay expired': ended('expired'),
  'ended, no replay': ended('none'),
} satisfies Record<string, (room: LiveRoom, now: number) => LiveRoom>;
export type LiveState = keyof typeof liveStates;

/** The demo backend, with its live room answered in one state and no events (a still picture of it). */
export function stillLiveClient(state: LiveState): XiaodianClient {
  const backend: StorefrontBackend = {
    getProducts: (refs, options) => demo.getProducts(refs, options),
    getShop: (appid, options) => demo.getShop(appid, options),
    listShopProducts: (appid, page, options) => demo.listShopProducts(appid, page, options),
    search: (query, options) => demo.search(query, options),
    suggest: (prefix, options) => demo.suggest(prefix, options),
    resolveLinks: (links, options) => demo.resolveLinks(links, options),
    async getLive(name, options) {
      if (name !== liveSource) throw new XiaodianError('not_found', `No live room ${name}`);
      return liveStates[state](await demo.getLive(name, options), Date.now());
    },
    // Nothing happens in a still room: the stream ends only when the subscriber leaves.
    liveEvents: (_name, options = {}) => ({
      [Symbol.asyncIterator]: () => ({
        next: () =>
          new Promise<IteratorResult<never>>((resolve) =>
            options.signal?.addEventListener('abort', () => resolve({ done: true, value: undefined })),
          ),
      }),
    }),
  };
  return createClient({ backend });
}

/** A live room that never answers (loading), one the network cannot reach (offline). */
const never = () => new Promise<never>(() => {});
export const pendingLiveClient: XiaodianClient = createClient({
  backend: { getProducts: never, getLive: never },
});
export const offlineLiveClient: XiaodianClient = createClient({
  backend: {
    getProducts: () => Promise.reject(new XiaodianError('offline', 'The gateway cannot be reached')),
    getLive: () => Promise.reject(new XiaodianError('offline', 'The gateway cannot be reached')),
  },
  retry: false,
});

/** Every state a widget can be in, as [client, finder user name]. */
const still = {} as Record<LiveState, readonly [XiaodianClient, string]>;
for (const state of Object.keys(liveStates) as LiveState[]) still[state] = [stillLiveClient(state), liveSource];

export const liveWidgetStates = {
  ...still,
  'live (simulated)': [demoClient, liveSource],
  loading: [pendingLiveClient, liveSource],
  offline: [offlineLiveClient, liveSource],
  'not found': [demoClient, 'sphNobodyKnowsThis'],
} satisfies Record<string, readonly [XiaodianClient, string]>;
export type LiveWidgetState = keyof typeof liveWidgetStates;
