import { fixture, html, waitUntil } from '@open-wc/testing';
import { createClient, type XiaodianClient } from '@xiaodian/client';
import type { LiveScheduler, XdLiveWidget } from '@xiaodian/elements/live-widget';
import '@xiaodian/elements/define';
import {
  XiaodianError,
  applyLiveEvent,
  type LiveEvent,
  type LiveEventsOptions,
  type LiveRoom,
  type StorefrontBackend,
} from '@xiaodian/model';
import { demo } from '../../stories/fixtures.js';
import { liveSource, liveStates, type LiveState } from '../../stories/live-fixtures.js';

type Draft = LiveEvent extends infer E ? (E extends LiveEvent ? Omit<E, 'id' | 'at'> : never) : never;

/** A live room in a given state, built from a live demo room so its products are real. */
export async function roomLike(changes: Partial<LiveRoom>, without: Array<keyof LiveRoom> = []): Promise<LiveRoom> {
  const base = await demo.getLive(liveSource);
  const room: LiveRoom = { ...structuredClone(base), ...changes };
  for (const key of without) delete room[key];
  return room;
}

/** One room per state the widget shows (the states Storybook shows), at the device's time now. */
export async function roomsByState(): Promise<Record<LiveState, LiveRoom>> {
  const source = await demo.getLive(liveSource);
  const now = Date.now();
  const states = Object.keys(liveStates) as LiveState[];
  return Object.fromEntries(states.map((state) => [state, liveStates[state](source, now)])) as Record<
    LiveState,
    LiveRoom
  >;
}

/**
 * A backend whose one live room the test drives event by event: `push` an event, `cut` every open stream
 * (a forced disconnect), `remove` the room (it is gone). It serves `Last-Event-ID` resumption as the
 * gateway does, and records what each stream was asked, so a test can see what the widget consumed.
 */
export function drivenRoom(initial: LiveRoom, serverClock: () => number = () => Date.now()) {
  let room: LiveRoom = { ...initial, lastEventId: 'e-0' };
  const history: LiveEvent[] = [];
  let wake: () => void = () => {};
  let changed = new Promise<void>((resolve) => (wake = resolve));
  let cuts = 0;
  let gone = false;
  const notify = () => {
    wake();
    changed = new Promise<void>((resolve) => (wake = resolve));
  };
  const stats = { open: 0, opened: 0, resumedFrom: [] as Array<string | undefined>, yielded: [] as string[] };

  async function* follow(options: LiveEventsOptions): AsyncGenerator<LiveEvent> {
    const myCut = cuts;
    const signal = options.signal;
    stats.open += 1;
    stats.opened += 1;
    stats.resumedFrom.push(options.lastEventId);
    // As the gateway does: a heartbeat with the server's clock when the stream opens.
    options.onHeartbeat?.({ time: serverClock() });
    try {
      let next = options.lastEventId === undefined ? history.length : Number(options.lastEventId.slice(2));
      while (!signal?.aborted) {
        if (gone) throw new XiaodianError('not_found', 'No live room');
        if (cuts !== myCut) throw new XiaodianError('offline', 'Connection cut');
        const event = history[next];
        if (event) {
          next += 1;
          stats.yielded.push(event.id);
          yield { ...event, time: serverClock() }; // when it is sent
          continue;
        }
        const aborted = new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve()));
        await Promise.race([changed, aborted]);
      }
    } finally {
      stats.open -= 1;
    }
  }

  // In-process, the backend is the server: its clock is the server's, as the demo's is.
  const backend: StorefrontBackend & { now(): number } = {
    now: serverClock,
    getProducts: (refs, options) => demo.getProducts(refs, options),
    getShop: (appid, options) => demo.getShop(appid, options),
    listShopProducts: (appid, page, options) => demo.listShopProducts(appid, page, options),
    search: (query, options) => demo.search(query, options),
    suggest: (prefix, options) => demo.suggest(prefix, options),
    resolveLinks: (links, options) => demo.resolveLinks(links, options),
    async getLive(name) {
      if (gone || name !== room.finderUserName) throw new XiaodianError('not_found', `No live room ${name}`);
      return room;
    },
    liveEvents: (_name, options = {}) => ({ [Symbol.asyncIterator]: () => follow(options) }),
  };

  return {
    backend,
    client: createClient({ backend, retry: false }) as XiaodianClient,
    stats,
    get room() {
      return room;
    },
    push(...drafts: Draft[]) {
      for (const draft of drafts) {
        const event = { ...draft, id: `e-${history.length + 1}`, at: serverClock() } as LiveEvent;
        history.push(event);
        room = applyLiveEvent(room, event);
      }
      notify();
    },
    cut() {
      cuts += 1;
      notify();
    },
    remove() {
      gone = true;
      notify();
    },
  };
}

/** A scheduler the test steps by hand: frames run when `frame()` is called, timers when `fireTimers()` is. */
export function manualScheduler() {
  let frames: Array<() => void> = [];
  let timers: Array<{ ms: number; callback: () => void }> = [];
  const scheduler: LiveScheduler = {
    frame: (callback) => void frames.push(callback),
    after: (ms, callback) => {
      const timer = { ms, callback };
      timers.push(timer);
      return () => (timers = timers.filter((other) => other !== timer));
    },
  };
  return {
    scheduler,
    /** The delays of the timers waiting now. */
    get timers() {
      return timers.map((timer) => timer.ms);
    },
    get pendingFrames() {
      return frames.length;
    },
    fireTimers() {
      const due = timers;
      timers = [];
      for (const timer of due) timer.callback();
    },
    /** Runs the frame callbacks waiting and lets the commit they allow finish. */
    async frame(widget: XdLiveWidget) {
      // An update requested just now asks for its frame a few microtasks later: let it.
      await new Promise((resolve) => setTimeout(resolve));
      const due = frames;
      frames = [];
      for (const callback of due) callback();
      await widget.updateComplete;
    },
  };
}

/** Steps frames (and lets tasks run between them) until `done`, for a widget on a manual scheduler. */
export async function stepUntil(
  widget: XdLiveWidget,
  steps: ReturnType<typeof manualScheduler>,
  done: () => boolean,
  what: string,
) {
  for (let i = 0; i < 200 && !done(); i += 1) {
    await steps.frame(widget);
    await new Promise((resolve) => setTimeout(resolve));
  }
  if (!done()) throw new Error(`never happened: ${what}`);
}

/** Counts DOM commits of an element's shadow root: mutation records delivered, batched per task. */
export function commitCounter(widget: XdLiveWidget) {
  let commits = 0;
  const observer = new MutationObserver(() => (commits += 1));
  observer.observe(widget.shadowRoot!, { subtree: true, childList: true, characterData: true, attributes: true });
  return {
    get commits() {
      return commits;
    },
    stop: () => observer.disconnect(),
  };
}

export async function mountWidget(
  client: XiaodianClient,
  finderUserName: string,
  options: { variant?: string; lang?: string; theme?: string; scheduler?: LiveScheduler } = {},
): Promise<XdLiveWidget> {
  const widget = options.scheduler
    ? html`<xd-live-widget
        variant=${options.variant ?? 'full'}
        finder-user-name=${finderUserName}
        .scheduler=${options.scheduler}
      ></xd-live-widget>`
    : html`<xd-live-widget variant=${options.variant ?? 'full'} finder-user-name=${finderUserName}></xd-live-widget>`;
  const store = await fixture(
    html`<xd-store
      lang=${options.lang ?? 'zh-CN'}
      theme=${options.theme ?? ''}
      .client=${client}
      style="display:block;width:343px"
      >${widget}</xd-store
    >`,
  );
  return store.querySelector('xd-live-widget') as XdLiveWidget;
}

export const liveReady = (widget: Element) =>
  waitUntil(() => widget.hasAttribute('live-status'), 'the room is shown', { timeout: 5000 });

export const announcer = () => document.querySelector('[data-xiaodian-announcer]')?.textContent ?? '';
