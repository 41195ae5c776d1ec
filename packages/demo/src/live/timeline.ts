import { applyLiveEvent, type LiveBagItem, type LiveEvent, type LiveRoom, type Product } from '@xiaodian/model';
import { between, pick, seededRandom } from '../random.js';
import { bagItem, scriptedLive, scriptedLiveSteps, type RoomScript, type ScriptedLiveStep } from './rooms.js';

/** Events kept for resuming subscribers; an older `Last-Event-ID` gets a snapshot instead. */
export const retainedEvents = 500;

type Draft = LiveEvent extends infer E ? (E extends LiveEvent ? Omit<E, 'id' | 'at'> : never) : never;

interface Scheduled {
  at: number;
  draft: () => Draft | undefined;
}

/**
 * One room's simulated broadcast. Events are a pure function of the seed and of time since the
 * simulation started: every subscriber (and every machine) sees the same ones. Time only moves forward
 * when someone asks (`advanceTo`), so nothing runs in the background.
 *
 * Ids are `<epoch>-<n>`: the epoch (simulation start, base 36) keeps ids from a previous run, or from
 * another replica, from being mistaken for this one's.
 */
export class RoomTimeline {
  private room: LiveRoom;
  private readonly history: LiveEvent[] = [];
  private readonly random: () => number;
  private readonly epoch: string;
  private sequence = 0;
  private nextRandomAt: number | undefined;
  private readonly scheduled: Scheduled[] = [];
  private flashSaleOn = false;
  private alwaysFlashSale = false;

  constructor(
    initial: LiveRoom,
    script: RoomScript,
    private readonly spare: Product[],
    seed: number,
    start: number,
  ) {
    this.random = seededRandom(seed);
    this.epoch = start.toString(36);
    this.room = { ...initial, lastEventId: this.id(0) };
    if (script.kind === 'live') {
      this.nextRandomAt = start + this.interval();
      if (script.alwaysFlashSale) this.alwaysFlashSale = true;
      // A room that always has a flash sale has one running from the start.
      const item = this.alwaysFlashSale ? this.room.bag.find((bagged) => this.saleable(bagged)) : undefined;
      const draft = item && this.flashSale(item, start);
      if (item && draft?.type === 'price') {
        // Applied as the room's starting state, not as an event: the sale was running before anyone watched.
        const before: LiveRoom = { ...this.room };
        delete before.lastEventId;
        this.room = { ...applyLiveEvent(before, { ...draft, id: '0', at: start }), lastEventId: this.id(0) };
      }
    }
    // Rooms that show a state keep showing it: a notice that comes due slips on (the host postponed).
    if (script.kind === 'preparing') this.slipNotice(script.liveInMs, 0);
    if (script.kind === 'not_started') this.slipNotice(24 * 60 * 60_000, 10 * 60_000);
    if (script.kind === 'scripted') this.scriptSteps(start);
  }

  /** Moves the notice on by `byMs` each time it is `aheadMs` from coming due. */
  private slipNotice(byMs: number, aheadMs: number, at = (this.room.notice?.startAt ?? 0) - aheadMs): void {
    if (!this.room.notice) return;
    this.schedule(at, () => {
      const current = this.room.notice;
      if (!current) return undefined;
      const startAt = current.startAt + byMs;
      this.slipNotice(byMs, aheadMs, startAt - aheadMs);
      // The snapshot's own id says which event it reflects: the room inside carries none.
      const room: LiveRoom = { ...this.room, notice: { ...current, startAt } };
      delete room.lastEventId;
      return { type: 'snapshot', room };
    });
  }

  /** The scripted room's steps (see `scriptedLive`), from its bag's first three products. */
  private scriptSteps(start: number): void {
    const [first, second, third] = this.room.bag;
    if (!first || !second || !third) return;
    const sale = Math.max(100, Math.round((second.price * 0.7) / 100) * 100 - 10);
    const drafts: Record<ScriptedLiveStep, () => Draft[]> = {
      notice: () => [],
      preparing: () => [{ type: 'status', status: 'preparing', statusCode: 4, replay: 'none' }],
      live: () => [
        { type: 'status', status: 'live', statusCode: 2, replay: 'none' },
        { type: 'viewers', viewers: 1_280 },
        { type: 'pin', productId: first.productId },
      ],
      explain_next: () => [{ type: 'pin', productId: second.productId }],
      flash_sale: () => [
        {
          type: 'price',
          productId: second.productId,
          price: sale,
          originalPrice: second.originalPrice ?? second.price,
          flashSaleEndsAt: start + scriptedLive.flashSaleEndsAfterMs,
        },
      ],
      sold_out: () => [{ type: 'stock', productId: third.productId, stock: 0 }],
      flash_sale_end: () => [
        {
          type: 'price',
          productId: second.productId,
          price: second.price,
          ...(second.originalPrice !== undefined ? { originalPrice: second.originalPrice } : {}),
        },
      ],
      ended_replay_generating: () => [
        { type: 'pin', productId: null },
        { type: 'status', status: 'ended', statusCode: 3, replay: 'generating' },
      ],
      replay_ready: () => [{ type: 'status', status: 'ended', statusCode: 3, replay: 'ready' }],
    };
    for (const { afterMs, step } of scriptedLiveSteps) {
      for (const draft of drafts[step]()) this.schedule(start + afterMs, () => draft);
    }
  }

  get state(): LiveRoom {
    return this.room;
  }

  get lastSequence(): number {
    return this.sequence;
  }

  /** When the next event happens, or undefined when the room will stay as it is. */
  get nextAt(): number | undefined {
    const times = [this.nextRandomAt, ...this.scheduled.map((s) => s.at)].filter((t) => t !== undefined);
    return times.length ? Math.min(...times) : undefined;
  }

  advanceTo(time: number): void {
    for (let at = this.nextAt; at !== undefined && at <= time; at = this.nextAt) {
      const due = this.scheduled.findIndex((s) => s.at === at);
      let draft: Draft | undefined;
      if (due >= 0) {
        draft = this.scheduled.splice(due, 1)[0]!.draft();
      } else {
        this.nextRandomAt = at + this.interval();
        draft = this.randomEvent(at);
      }
      if (draft) this.append(draft, at);
    }
  }

  /** The sequence number an id names in this run, or undefined for an id from elsewhere. */
  sequenceOf(id: string): number | undefined {
    const [epoch, n] = id.split('-');
    if (epoch !== this.epoch || n === undefined || !/^[0-9]+$/.test(n)) return undefined;
    const sequence = Number(n);
    return sequence <= this.sequence ? sequence : undefined;
  }

  /** Events after a sequence number, or undefined when some of them are no longer retained. */
  eventsAfter(sequence: number): LiveEvent[] | undefined {
    const firstRetained = this.sequence - this.history.length + 1;
    if (sequence < firstRetained - 1) return undefined;
    return this.history.slice(sequence - firstRetained + 1);
  }

  snapshot(): LiveEvent {
    return { id: this.id(this.sequence), at: this.history.at(-1)?.at ?? 0, type: 'snapshot', room: this.room };
  }

  private id(sequence: number): string {
    return `${this.epoch}-${sequence}`;
  }

  private append(draft: Draft, at: number): void {
    this.sequence += 1;
    const event = { ...draft, id: this.id(this.sequence), at } as LiveEvent;
    this.room = applyLiveEvent(this.room, event);
    this.history.push(event);
    if (this.history.length > retainedEvents) this.history.shift();
  }

  private schedule(at: number, draft: () => Draft | undefined): void {
    this.scheduled.push({ at, draft });
  }

  private interval(): number {
    return 700 + Math.floor(this.random() * 2_300);
  }

  private randomEvent(at: number): Draft | undefined {
    const room = this.room;
    const roll = this.random() * 100;
    const inStock = room.bag.filter((item) => item.stock > 0);
    if (roll < 32) {
      // Audiences grow through a live and churn all the time.
      const change = Math.round(room.viewers * (this.random() * 0.08 - 0.03)) + between(this.random, -20, 60);
      return { type: 'viewers', viewers: Math.max(0, room.viewers + change) };
    }
    if (roll < 56) return { type: 'heat', heat: room.heat + between(this.random, 50, 900) };
    if (roll < 64 && room.bag.length > 1) {
      const next = pick(
        this.random,
        room.bag.filter((item) => item.productId !== room.pinnedProductId),
      );
      return { type: 'pin', productId: next.productId };
    }
    if (roll < 84 && inStock.length > 0) {
      const item = pick(this.random, inStock);
      // Now and then the host announces the last units and they go at once. The last item in stock never
      // sells out entirely, so the bag always has something to buy.
      const last = inStock.length === 1;
      const sold = last
        ? Math.min(item.stock - 1, between(this.random, 0, 3))
        : this.random() < 0.08
          ? item.stock
          : between(this.random, 1, Math.min(item.stock, 12));
      if (sold <= 0) return { type: 'heat', heat: room.heat + between(this.random, 50, 900) };
      return { type: 'stock', productId: item.productId, stock: item.stock - sold };
    }
    if (roll < 90 && !this.flashSaleOn && inStock.length > 0) return this.flashSale(pick(this.random, inStock), at);
    if (roll < 95 && this.spare.length > 0) {
      const product = this.spare.shift()!;
      const index = Math.max(0, ...room.bag.map((item) => item.index)) + 1;
      return { type: 'product_added', item: bagItem(product, index, this.random() < 0.5) };
    }
    // Sold-out items get restocked (补货) or taken off the bag, but one always stays to show 已抢光.
    const soldOut = room.bag.filter((item) => item.stock === 0);
    if (roll < 97.5 && soldOut.length > 1) {
      return {
        type: 'stock',
        productId: pick(this.random, soldOut).productId,
        stock: between(this.random, 20, 200),
        restock: true,
      };
    }
    const removable = soldOut.filter((item) => item.productId !== room.pinnedProductId);
    // The bag stays a bag: products are taken off only while it holds more than six.
    if (removable.length > 1 && room.bag.length > 6)
      return { type: 'product_removed', productId: pick(this.random, removable).productId };
    return { type: 'heat', heat: room.heat + between(this.random, 50, 900) };
  }

  /** 秒杀: the price drops for one to three minutes with a countdown, then returns. */
  private salePrice(item: LiveBagItem): number {
    return Math.round((item.price * 0.7) / 100) * 100 - 10;
  }

  /** In stock, and cheap enough to cut without going under ¥1. */
  private saleable(item: LiveBagItem): boolean {
    const price = this.salePrice(item);
    return item.stock > 0 && price >= 100 && price < item.price;
  }

  private flashSale(item: LiveBagItem, at: number): Draft {
    const salePrice = this.salePrice(item);
    if (!this.saleable(item)) return { type: 'heat', heat: this.room.heat + 100 };
    this.flashSaleOn = true;
    const endsAt = at + between(this.random, 60, 180) * 1_000;
    const before = { price: item.price, originalPrice: item.originalPrice };
    this.schedule(endsAt, () => {
      this.flashSaleOn = false;
      // In a room that always has one, the next flash sale starts as this one ends.
      if (this.alwaysFlashSale) {
        this.schedule(endsAt, () => {
          const saleable = this.room.bag.filter((bagged) => this.saleable(bagged));
          // Another product if there is one; the same one again if it is the only one left to sell.
          const others = saleable.filter((bagged) => bagged.productId !== item.productId);
          const next = others.length > 0 ? others : saleable;
          return next.length > 0 ? this.flashSale(pick(this.random, next), endsAt) : undefined;
        });
      }
      if (!this.room.bag.some((bagged) => bagged.productId === item.productId)) return undefined;
      return {
        type: 'price',
        productId: item.productId,
        price: before.price,
        ...(before.originalPrice !== undefined ? { originalPrice: before.originalPrice } : {}),
      };
    });
    return {
      type: 'price',
      productId: item.productId,
      price: salePrice,
      originalPrice: before.originalPrice ?? item.price,
      flashSaleEndsAt: endsAt,
    };
  }
}
