import { createClient, type RedisClientType } from 'redis';
import type { LogEntry, ReadinessCheck } from '../options.js';

export type RedisClient = RedisClientType;

export interface RedisConnectionOptions {
  /** Told about every state change: down (with the next retry's delay), back up. */
  log?: (entry: LogEntry) => void;
  /** The first retry waits this long; each next one twice as long, up to `maxRetryMs`. */
  firstRetryMs?: number;
  maxRetryMs?: number;
  /** How long `/readyz` waits for a PING. */
  pingTimeoutMs?: number;
}

/**
 * One Redis client shared by the response cache, the token store and push fan-out. It connects in the
 * background: a gateway whose Redis is away at start still listens and serves from memory, and picks
 * Redis up when it answers. Retries back off exponentially (to 30 s by default) and each failed attempt
 * is logged once, so a missing Redis costs a line every half minute, not one a second.
 */
export interface RedisConnection {
  readonly client: RedisClient;
  /** Whether commands can be sent now; while false, callers use their in-memory fallback. */
  readonly isReady: boolean;
  /** Resolves at the first successful connection. */
  readonly ready: Promise<void>;
  readiness(): Promise<ReadinessCheck>;
  close(): Promise<void>;
}

export function connectRedis(url: string, options: RedisConnectionOptions = {}): RedisConnection {
  const log = options.log ?? (() => {});
  const firstRetryMs = options.firstRetryMs ?? 500;
  const maxRetryMs = options.maxRetryMs ?? 30_000;
  const where = redactedUrl(url);
  let nextRetryMs = firstRetryMs;
  let lastError = '';
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const client: RedisClient = createClient({
    url,
    // While Redis is down, commands fail at once (the caller falls back to memory) instead of queueing.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      reconnectStrategy: (retries: number) => {
        nextRetryMs = Math.min(firstRetryMs * 2 ** retries, maxRetryMs);
        return nextRetryMs;
      },
    },
  });
  // Without a listener, a dropped connection would crash the process. One line per failed attempt,
  // and attempts back off, so the log slows down with them.
  client.on('error', (error: unknown) => {
    lastError = errorText(error);
    log({
      level: 'warn',
      msg: 'redis unavailable; serving from memory',
      redis: where,
      error: lastError,
      retryInMs: nextRetryMs,
    });
  });
  // No reset of nextRetryMs here: node-redis starts its retry count over after a connection, and calls the
  // strategy (which sets it) before the 'error' event that logs it.
  client.on('ready', () => {
    lastError = '';
    log({ level: 'info', msg: 'redis connected', redis: where });
    markReady();
  });
  // connect() keeps retrying (the strategy always returns a wait) and rejects only when close() stops a
  // client that never connected; each failed attempt is told through the 'error' event above.
  client.connect().catch(() => {});

  return {
    client,
    get isReady() {
      return client.isReady;
    },
    ready,
    async readiness(): Promise<ReadinessCheck> {
      if (!client.isReady) {
        return {
          name: 'redis',
          ok: false,
          detail: `Redis at ${where} is not answering (${lastError || 'connecting'}); serving from memory`,
        };
      }
      const started = Date.now();
      try {
        await withTimeout(client.ping(), options.pingTimeoutMs ?? 1_000);
        return { name: 'redis', ok: true, detail: `Redis at ${where} answers`, ms: Date.now() - started };
      } catch (error) {
        return { name: 'redis', ok: false, detail: `Redis at ${where} did not answer a PING: ${errorText(error)}` };
      }
    },
    async close() {
      try {
        // Lets a command already sent finish. A client still retrying has none (the offline queue is off),
        // and node-redis closes it at once, without waiting for a connection.
        await client.close();
      } catch {
        // Already closed.
      }
    },
  };
}

/** A Redis URL may hold a password: logs and `/readyz` show host and port only. */
export function redactedUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return 'redis';
  }
}

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
