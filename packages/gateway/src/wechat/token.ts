import { XiaodianError } from '@xiaodian/model';

export interface StoredToken {
  token: string;
  /** Unix ms. */
  expiresAt: number;
}

/**
 * Where access tokens are kept. In one process, memory; across replicas, Redis, so that one replica
 * refreshes while the others wait for its token (WeChat allows a limited number of token calls a day).
 */
export interface TokenStore {
  get(key: string): Promise<StoredToken | undefined>;
  set(key: string, value: StoredToken): Promise<void>;
  /** Takes the refresh lock for `ttlMs`; false when another holder has it. */
  lock(key: string, ttlMs: number): Promise<boolean>;
  unlock(key: string): Promise<void>;
}

export function memoryTokenStore(now: () => number = Date.now): TokenStore {
  const tokens = new Map<string, StoredToken>();
  const locks = new Map<string, number>();
  return {
    get: async (key) => tokens.get(key),
    set: async (key, value) => void tokens.set(key, value),
    lock: async (key, ttlMs) => {
      const held = locks.get(key);
      if (held !== undefined && held > now()) return false;
      locks.set(key, now() + ttlMs);
      return true;
    },
    unlock: async (key) => void locks.delete(key),
  };
}

export interface TokenSourceOptions {
  appid: string;
  /** Fetches a fresh token from WeChat (`POST /cgi-bin/stable_token`). */
  fetchToken: () => Promise<{ token: string; expiresInSeconds: number }>;
  store: TokenStore;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  /** A token is renewed this long before WeChat's expiry, so no call carries one that expires in flight. */
  renewBeforeMs?: number;
  /** How long a replica waits for another one's refresh before refreshing itself. */
  lockWaitMs?: number;
}

/**
 * The access token, refreshed once however many callers need it at once: single-flight in the process,
 * a store lock across processes. `invalidate` drops a token WeChat rejected (40001/42001) so the next
 * `get` refreshes it.
 */
export class TokenSource {
  private inFlight: Promise<string> | undefined;
  private readonly key: string;
  private readonly renewBeforeMs: number;
  private readonly lockWaitMs: number;

  constructor(private readonly options: TokenSourceOptions) {
    this.key = `xd:v1:wechat-token:${options.appid}`;
    this.renewBeforeMs = options.renewBeforeMs ?? 5 * 60_000;
    this.lockWaitMs = options.lockWaitMs ?? 5_000;
  }

  async get(): Promise<string> {
    const stored = await this.options.store.get(this.key);
    if (stored && stored.expiresAt - this.renewBeforeMs > this.options.now()) return stored.token;
    this.inFlight ??= this.refresh(stored?.token).finally(() => (this.inFlight = undefined));
    return this.inFlight;
  }

  /** Forgets `token` if it is still the current one (a concurrent refresh may already have replaced it). */
  async invalidate(token: string): Promise<void> {
    const stored = await this.options.store.get(this.key);
    if (stored?.token === token) await this.options.store.set(this.key, { token, expiresAt: 0 });
  }

  private async refresh(stale: string | undefined): Promise<string> {
    const { store, now, sleep } = this.options;
    const lockKey = `${this.key}:lock`;
    const deadline = now() + this.lockWaitMs;
    while (!(await store.lock(lockKey, this.lockWaitMs))) {
      // Another replica is refreshing: use its token when it lands.
      await sleep(100);
      const stored = await store.get(this.key);
      if (stored && stored.token !== stale && stored.expiresAt - this.renewBeforeMs > now()) return stored.token;
      if (now() > deadline) break;
    }
    try {
      // It may have landed between our read and our lock.
      const stored = await store.get(this.key);
      if (stored && stored.token !== stale && stored.expiresAt - this.renewBeforeMs > now()) return stored.token;
      const fresh = await this.options.fetchToken();
      if (!fresh.token) throw new XiaodianError('upstream', 'WeChat returned an empty access token');
      await store.set(this.key, { token: fresh.token, expiresAt: now() + fresh.expiresInSeconds * 1000 });
      return fresh.token;
    } finally {
      await store.unlock(lockKey);
    }
  }
}
