import {
  XiaodianError,
  type LiveBagItem,
  type LiveEvent,
  type LiveEventsOptions,
  type LiveRoom,
} from '@xiaodian/model';
import type { WeChatApi } from './api.js';

export interface FinderLiveOptions {
  /** The 视频号助手 account's API (its own appid, secret and token). */
  api: WeChatApi;
  /** The 视频号 these credentials belong to (`sph…`): the one room this source serves. */
  finderUserName: string;
  /** The shop whose products the room sells. */
  shopAppid: string;
  /** How often WeChat is read while someone watches: three calls a poll, so 10 s is ~26,000 calls a day. */
  pollMs?: number;
  /** Events kept for subscribers that resume with `Last-Event-ID`; older ids get a snapshot. */
  retainEvents?: number;
  now?: () => number;
}

type Change = LiveEvent extends infer E ? (E extends LiveEvent ? Omit<E, 'id' | 'at'> : never) : never;

/**
 * A 视频号's live room read from WeChat with the 视频号助手 credentials (WECHAT.md "Live data on the
 * server"): notices, the current live and its products with price and stock. WeChat pushes nothing for
 * live rooms, so the room is polled, only while someone watches, and each poll's differences become the
 * same events the demo streams (status, stock, price, product added/removed), with resumable ids.
 *
 * No server API gives viewers, heat, the product being explained or a replay: those stay 0, unset and
 * `unknown` rather than invented.
 */
export class FinderLive {
  private room: LiveRoom | undefined;
  private readonly events: Array<{ sequence: number; event: LiveEvent }> = [];
  private subscribers = 0;
  /** Ids are `<epoch>-<sequence>`: an id from before a restart is unknown, and gets a snapshot. */
  private readonly epoch: string;
  private sequence = 0;
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private polling: Promise<LiveRoom> | undefined;
  private readonly pollMs: number;
  private readonly retain: number;
  private readonly now: () => number;

  constructor(private readonly options: FinderLiveOptions) {
    this.pollMs = options.pollMs ?? 10_000;
    this.retain = options.retainEvents ?? 500;
    this.now = options.now ?? Date.now;
    this.epoch = this.now().toString(36);
  }

  async getLive(name: string, signal?: AbortSignal): Promise<LiveRoom> {
    this.own(name);
    if (this.room && this.timer !== undefined) return this.room; // someone watches: the poller keeps it current
    return this.poll(signal);
  }

  liveEvents(name: string, options: LiveEventsOptions = {}): AsyncIterable<LiveEvent> {
    this.own(name);
    return { [Symbol.asyncIterator]: () => this.follow(options) };
  }

  private own(name: string): void {
    if (name !== this.options.finderUserName) {
      throw new XiaodianError(
        'not_found',
        `This gateway's 视频号助手 credentials are for ${this.options.finderUserName}, not ${name}`,
      );
    }
  }

  private async *follow(options: LiveEventsOptions): AsyncGenerator<LiveEvent> {
    const signal = options.signal;
    if (!this.room) await this.poll(signal);
    let seen = this.sequence;
    if (options.lastEventId !== undefined) {
      const from = this.sequenceOf(options.lastEventId);
      if (from === undefined) {
        yield { type: 'snapshot', room: this.room!, id: this.idOf(this.sequence), at: this.now() };
      } else seen = from;
    }
    this.subscribers += 1;
    this.schedule();
    try {
      while (!signal?.aborted) {
        const waiting = this.nextChange(signal);
        for (const { sequence, event } of this.events) if (sequence > seen) yield event;
        seen = this.sequence;
        await waiting;
      }
    } finally {
      this.subscribers -= 1;
      if (this.subscribers === 0) this.stop();
    }
  }

  private nextChange(signal: AbortSignal | undefined): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        this.listeners.delete(wake);
        signal?.removeEventListener('abort', wake);
        resolve();
      };
      this.listeners.add(wake);
      signal?.addEventListener('abort', wake, { once: true });
    });
  }

  private schedule(): void {
    if (this.timer !== undefined) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.poll()
        .catch(() => undefined) // the next poll tries again; subscribers keep the last room
        .finally(() => {
          if (this.subscribers > 0) this.schedule();
        });
    }, this.pollMs);
    this.timer.unref?.();
  }

  private stop(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private poll(signal?: AbortSignal): Promise<LiveRoom> {
    this.polling ??= this.read(signal)
      .then((room) => this.update(room))
      .finally(() => (this.polling = undefined));
    return this.polling;
  }

  private update(next: LiveRoom): LiveRoom {
    const previous = this.room;
    if (previous) {
      for (const change of diff(previous, next)) this.record(change);
    }
    this.room = { ...next, lastEventId: this.idOf(this.sequence) };
    for (const wake of [...this.listeners]) wake();
    return this.room;
  }

  private record(change: Change): void {
    this.sequence += 1;
    const event = { ...change, id: this.idOf(this.sequence), at: this.now() } as LiveEvent;
    this.events.push({ sequence: this.sequence, event });
    if (this.events.length > this.retain) this.events.splice(0, this.events.length - this.retain);
  }

  private idOf(sequence: number): string {
    return `${this.epoch}-${sequence}`;
  }

  /** The sequence an id names, when every event after it is still retained; undefined otherwise. */
  private sequenceOf(id: string): number | undefined {
    const match = /^([0-9a-z]+)-([0-9]{1,9})$/.exec(id);
    if (!match || match[1] !== this.epoch) return undefined;
    const sequence = Number(match[2]);
    if (sequence > this.sequence || sequence < this.sequence - this.events.length) return undefined;
    return sequence;
  }

  /** One poll: the notices, the current live, and (when live) its products. */
  private async read(signal?: AbortSignal): Promise<LiveRoom> {
    const { api, finderUserName, shopAppid } = this.options;
    const [notices, records] = await Promise.all([
      api.call('POST', '/channels/ec/finderlive/getfinderlivenoticerecordlist', {}, signal),
      api.call('POST', '/channels/ec/finderlive/getfinderliverecordlist', {}, signal),
    ]);
    const lives = records['live_list'];
    const live = Array.isArray(lives) ? (lives[0] as Record<string, unknown> | undefined) : undefined;
    const noticeList = notices['notice_record_list'] ?? notices['list'];
    const notice = Array.isArray(noticeList)
      ? (noticeList as Array<Record<string, unknown>>).find((item) => Number(item['status']) === 0)
      : undefined;
    const exportId = typeof live?.['export_id'] === 'string' ? live['export_id'] : undefined;
    let living = false;
    let bag: LiveBagItem[] = [];
    if (exportId) {
      const data = await api.call('POST', '/channels/livedashboard/getlivedata', { export_id: exportId }, signal);
      // WeChat says 1, "1" or true: Number() reads each as 1.
      living = Number(data['is_living']) === 1;
      bag = readBag(data['product_list'], shopAppid);
    }
    const text = (value: unknown) => (typeof value === 'string' ? value : '');
    const room: LiveRoom = {
      finderUserName,
      nickname: text(live?.['nickname']) || text(notice?.['nickname']) || finderUserName,
      avatarUrl: text(live?.['head_url']) || text(notice?.['head_url']),
      description: text(live?.['description']) || text(notice?.['description']),
      status: living ? 'live' : notice ? 'not_started' : 'ended',
      statusCode: living ? 2 : notice ? 1 : 3,
      replay: 'unknown',
      shopAppid,
      viewers: 0,
      heat: 0,
      bag,
    };
    if (exportId) room.feedId = exportId;
    if (notice && typeof notice['notice_id'] === 'string') {
      const startAt = Number(notice['start_time']) * 1000;
      room.notice = {
        noticeId: notice['notice_id'],
        status: 'open',
        startAt: Number.isFinite(startAt) ? startAt : 0,
        reservable: true,
        ...(text(notice['description']) ? { description: text(notice['description']) } : {}),
      };
    }
    return room;
  }
}

/** `product_list` of getlivedata: the products sold in the live, with price (fen) and stock. */
function readBag(value: unknown, appid: string): LiveBagItem[] {
  if (!Array.isArray(value)) return [];
  return (value as Array<Record<string, unknown>>).flatMap((item, i) => {
    const productId = String(item['product_id'] ?? '');
    const price = Number(item['price'] ?? item['sale_price']);
    if (!/^[1-9][0-9]{0,19}$/.test(productId) || !Number.isInteger(price) || price < 0) return [];
    const stock = Number(item['stock'] ?? item['stock_num'] ?? 0);
    return [
      {
        appid,
        productId,
        index: i + 1,
        title: typeof item['title'] === 'string' ? item['title'] : '',
        image: typeof item['head_img'] === 'string' ? item['head_img'] : '',
        price,
        stock: Number.isInteger(stock) ? Math.max(stock, 0) : 0,
      },
    ];
  });
}

/** What changed between two polls, as the events the widget already understands. */
function diff(before: LiveRoom, after: LiveRoom): Change[] {
  const changes: Change[] = [];
  if (before.status !== after.status || before.replay !== after.replay) {
    changes.push({ type: 'status', status: after.status, statusCode: after.statusCode, replay: after.replay });
  }
  const old = new Map(before.bag.map((item) => [item.productId, item]));
  const now = new Map(after.bag.map((item) => [item.productId, item]));
  for (const item of before.bag)
    if (!now.has(item.productId)) changes.push({ type: 'product_removed', productId: item.productId });
  for (const item of after.bag) {
    const was = old.get(item.productId);
    if (!was) {
      changes.push({ type: 'product_added', item });
      continue;
    }
    if (was.stock !== item.stock) changes.push({ type: 'stock', productId: item.productId, stock: item.stock });
    if (was.price !== item.price) changes.push({ type: 'price', productId: item.productId, price: item.price });
  }
  return changes;
}
