import { createHash, randomUUID } from 'node:crypto';
import { LRUCache } from 'lru-cache';
import type { Product } from '@xiaodian/model';
import type { RedisConnection } from '../cache/redis-connection.js';
import type { LogEntry } from '../options.js';
import {
  PushRejected,
  aesKeyFrom,
  decryptPush,
  parseJsonKeepingBigIntegers,
  pushSignature,
  signatureMatches,
} from './push-crypto.js';

/** What the push configuration in 小店后台 holds (服务市场 → 自研 → 消息推送). */
export interface PushSettings {
  token: string;
  encodingAesKey: string;
  /** The shop's appid: every decrypted push must end with it. */
  appid: string;
  /** A push older or newer than this (seconds, against our clock) is refused. */
  maxSkewSeconds?: number;
  /** WeChat waits 5 s for `success`: past this, the answer goes and the work continues. Default 4 s. */
  answerWithinMs?: number;
}

/** What a push changed, as every replica applies it (the replica that received it read WeChat once). */
export type CatalogChange = { kind: 'product'; productId: string; product: Product | null } | { kind: 'shop' };

/** A backend that keeps an index and caches current from pushes (the WeChat backend). */
export interface PushTarget {
  /** Reads what the event changed from WeChat; undefined for events that change nothing we serve. */
  changeFromPush(message: Record<string, unknown>): Promise<CatalogChange | undefined>;
  /** Applies a change read by this or another replica: index, links, shop. */
  applyChange(change: CatalogChange): void;
}

/**
 * Catalog answers in the response cache are keyed by a generation; a push bumps it, so every cached
 * product list, search page and shop that might hold the old data is missed at once on every replica
 * (per-key invalidation cannot work: one product is in many cached multi-ref answers and search pages).
 */
export interface CacheGeneration {
  readonly value: number;
  bump(): Promise<number>;
  /** A generation another replica reached. */
  observe(value: number): void;
}

const channel = 'xd:v1:push';
const generationKey = 'xd:v1:cache-generation';
/** WeChat redelivers for about 3.6 hours: an event is remembered a little longer. */
const eventMemoryMs = 4 * 60 * 60_000;

export function cacheGeneration(redis?: RedisConnection): CacheGeneration {
  let value = 0;
  const observe = (next: number) => {
    if (Number.isSafeInteger(next) && next > value) value = next;
  };
  if (redis) {
    const sync = () =>
      void redis.client
        .get(generationKey)
        .then((stored) => observe(Number(stored ?? 0)))
        .catch(() => undefined);
    redis.client.on('ready', sync);
    if (redis.isReady) sync();
  }
  return {
    get value() {
      return value;
    },
    async bump() {
      if (redis?.isReady) {
        try {
          observe(await redis.client.incr(generationKey));
          return value;
        } catch {
          // fall through: this replica moves on alone
        }
      }
      value += 1;
      return value;
    },
    observe,
  };
}

/** "Have we seen this?" across replicas when Redis answers (SET NX), in this process otherwise. */
function onceStore(redis: RedisConnection | undefined) {
  const local = new LRUCache<string, true>({ max: 100_000, ttl: eventMemoryMs });
  return {
    async claim(key: string, ttlMs: number): Promise<boolean> {
      if (local.has(key)) return false;
      if (redis?.isReady) {
        try {
          const set = await redis.client.set(`xd:v1:once:${key}`, '1', {
            condition: 'NX',
            expiration: { type: 'PX', value: ttlMs },
          });
          if (set !== 'OK') return false;
        } catch {
          // Redis went away mid-call: this process's memory decides
        }
      }
      local.set(key, true, { ttl: ttlMs });
      return true;
    },
    async release(key: string): Promise<void> {
      local.delete(key);
      if (redis?.isReady) await redis.client.del(`xd:v1:once:${key}`).catch(() => undefined);
    },
  };
}

export interface PushHubOptions {
  settings: PushSettings;
  target: PushTarget;
  generation: CacheGeneration;
  redis?: RedisConnection;
  log: (entry: LogEntry) => void;
  now?: () => number;
}

/**
 * Receives WeChat's pushes: checks the signature, the age and the appid, refuses a replayed request,
 * applies each event once (WeChat redelivers), and tells the other replicas through Redis pub/sub so a
 * push that lands on one updates all. Without Redis, one process.
 */
export class PushHub {
  private readonly key: Buffer;
  private readonly once: ReturnType<typeof onceStore>;
  private readonly replica = randomUUID();
  private subscriber: RedisConnection['client'] | undefined;
  private readonly now: () => number;
  private markListening: () => void = () => {};
  /** Resolves once pushes from other replicas are heard (at once without Redis). */
  readonly listening: Promise<void>;

  constructor(private readonly options: PushHubOptions) {
    this.key = aesKeyFrom(options.settings.encodingAesKey);
    this.once = onceStore(options.redis);
    this.now = options.now ?? Date.now;
    this.listening = new Promise((resolve) => (this.markListening = resolve));
    if (options.redis) this.listen(options.redis);
    else this.markListening();
  }

  /** The URL check (GET): the echo, when the signature is right. */
  verifyUrl(query: Record<string, string | undefined>): string {
    const { signature, timestamp = '', nonce = '', echostr } = query;
    if (!signatureMatches(signature, pushSignature(this.options.settings.token, timestamp, nonce))) {
      throw new PushRejected('signature', 'The URL check’s signature does not match the push Token');
    }
    if (echostr === undefined) throw new PushRejected('body', 'The URL check has no echostr');
    return echostr;
  }

  /**
   * One push (POST). Resolves once the event is applied here and published to the other replicas;
   * rejects with `PushRejected` for anything that must not be processed.
   */
  async receive(query: Record<string, string | undefined>, body: string): Promise<{ event: string; applied: boolean }> {
    const { timestamp = '', nonce = '', msg_signature: messageSignature } = query;
    let encrypted: unknown;
    try {
      encrypted = (JSON.parse(body) as Record<string, unknown>)['Encrypt'];
    } catch {
      throw new PushRejected('body', 'The push body is not JSON');
    }
    if (typeof encrypted !== 'string' || encrypted === '') throw new PushRejected('body', 'The push has no Encrypt');
    const expected = pushSignature(this.options.settings.token, timestamp, nonce, encrypted);
    if (!signatureMatches(messageSignature, expected)) {
      throw new PushRejected('signature', 'The push’s msg_signature does not match the push Token');
    }
    const skew = this.options.settings.maxSkewSeconds ?? 300;
    const sentAt = Number(timestamp);
    if (!/^[0-9]{1,12}$/.test(timestamp) || Math.abs(this.now() / 1000 - sentAt) > skew) {
      throw new PushRejected('stale', `The push’s timestamp is more than ${skew} s from now`);
    }
    // The same signed request twice is a replay (WeChat signs each delivery afresh).
    if (!(await this.once.claim(`request:${expected}`, skew * 2 * 1000))) {
      throw new PushRejected('replay', 'This signed push was already received');
    }
    const text = decryptPush(this.key, encrypted, this.options.settings.appid);
    let message: Record<string, unknown>;
    try {
      const parsed = parseJsonKeepingBigIntegers(text);
      if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('not an object');
      message = parsed as Record<string, unknown>;
    } catch {
      throw new PushRejected('body', 'The decrypted push is not a JSON object');
    }
    const event = typeof message['Event'] === 'string' ? message['Event'] : 'unknown';
    const eventKey = `event:${createHash('sha1').update(text).digest('hex')}`;
    if (!(await this.once.claim(eventKey, eventMemoryMs))) return { event, applied: false };
    try {
      const change = await this.options.target.changeFromPush(message);
      if (!change) return { event, applied: false };
      this.options.target.applyChange(change);
      const generation = await this.options.generation.bump();
      await this.publish({ origin: this.replica, change, generation });
      return { event, applied: true };
    } catch (error) {
      // Not applied: let WeChat's redelivery (or the reconcile) try again.
      await this.once.release(eventKey);
      throw error;
    }
  }

  close(): void {
    const subscriber = this.subscriber;
    this.subscriber = undefined;
    if (subscriber?.isOpen) void subscriber.close().catch(() => undefined);
    else subscriber?.destroy();
  }

  private async publish(message: { origin: string; change: CatalogChange; generation: number }): Promise<void> {
    const redis = this.options.redis;
    if (!redis?.isReady) return;
    try {
      await redis.client.publish(channel, JSON.stringify(message));
    } catch (error) {
      this.options.log({ level: 'warn', msg: 'push not shared with other replicas', error: String(error) });
    }
  }

  /** A second connection (a subscribed client can do nothing else); it resubscribes after a reconnect. */
  private listen(redis: RedisConnection): void {
    const subscriber = redis.client.duplicate();
    this.subscriber = subscriber;
    subscriber.on('error', () => undefined); // the main connection already logs Redis trouble
    subscriber.once('ready', () => {
      subscriber
        .subscribe(channel, (raw) => this.fromPeer(raw))
        .then(() => this.markListening())
        .catch((error: unknown) =>
          this.options.log({ level: 'warn', msg: 'push channel unavailable', error: String(error) }),
        );
    });
    subscriber.connect().catch(() => undefined);
  }

  private fromPeer(raw: string): void {
    try {
      const message = JSON.parse(raw) as { origin: string; change: CatalogChange; generation: number };
      if (message.origin === this.replica) return;
      this.options.target.applyChange(message.change);
      this.options.generation.observe(message.generation);
      this.options.log({ level: 'info', msg: 'push applied from another replica', change: message.change.kind });
    } catch (error) {
      this.options.log({ level: 'warn', msg: 'unreadable push from another replica', error: String(error) });
    }
  }
}
