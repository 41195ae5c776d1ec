import { XiaodianError, wechatEnvelopeSchema } from '@xiaodian/model';
import { busyErrcode, errorFromErrcode, tokenErrcodes } from './errors.js';
import { TokenSource, type TokenStore } from './token.js';

export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** Whether WeChat accepts the credentials: a token was obtained, or what the last attempt was told. */
export type CredentialsStatus = { ok: true } | { ok: false; errcode?: number; message: string };

/** A rejected secret is not asked about again sooner than this (a readiness probe polls every few seconds). */
const rejectedCredentialsRecheckMs = 30_000;

export interface WeChatApiOptions {
  appid: string;
  secret: string;
  /** Default `https://api.weixin.qq.com`; tests point it at a local stand-in. */
  baseUrl?: string;
  fetch?: FetchLike;
  /** Per call to WeChat. */
  timeoutMs?: number;
  /** Extra tries when WeChat says it is busy (errcode -1), with exponential backoff. */
  busyRetries?: number;
  tokenStore: TokenStore;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Calls WeChat's server API: the access token on every call (refreshed once and retried once when WeChat
 * rejects it), a timeout per call, bounded retries when WeChat is busy, and errcodes turned into typed
 * errors. Neither the secret nor the token ever appears in an error message.
 */
export class WeChatApi {
  readonly appid: string;
  private readonly baseUrl: string;
  private readonly fetch: FetchLike;
  private readonly timeoutMs: number;
  private readonly busyRetries: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly tokens: TokenSource;
  private readonly now: () => number;
  private lastTokenFailure: { at: number; error: XiaodianError } | undefined;

  constructor(private readonly options: WeChatApiOptions) {
    this.appid = options.appid;
    this.baseUrl = (options.baseUrl ?? 'https://api.weixin.qq.com').replace(/\/+$/, '');
    this.fetch = options.fetch ?? ((url, init) => globalThis.fetch(url, init));
    this.timeoutMs = options.timeoutMs ?? 5_000;
    this.busyRetries = options.busyRetries ?? 2;
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
    this.tokens = new TokenSource({
      appid: options.appid,
      store: options.tokenStore,
      now: this.now,
      sleep: this.sleep,
      fetchToken: () =>
        this.fetchToken().then(
          (fresh) => {
            this.lastTokenFailure = undefined;
            return fresh;
          },
          (error: unknown) => {
            const failure =
              error instanceof XiaodianError ? error : new XiaodianError('upstream', 'The token call failed');
            this.lastTokenFailure = { at: this.now(), error: failure };
            throw error;
          },
        ),
    });
  }

  /**
   * For `/readyz`: holds a token (costs no call while one is valid), or says why WeChat refused one. A
   * refusal is remembered for 30 s so a polling probe does not spend the token quota.
   */
  async credentialsStatus(): Promise<CredentialsStatus> {
    const failure = this.lastTokenFailure;
    if (!failure || this.now() - failure.at >= rejectedCredentialsRecheckMs) {
      try {
        await this.tokens.get();
        return { ok: true };
      } catch {
        // recorded by fetchToken's wrapper, or a failure of the store: reported below
      }
    }
    const error = this.lastTokenFailure?.error;
    if (!error) return { ok: false, message: 'No access token could be obtained' };
    return error.upstream
      ? { ok: false, errcode: error.upstream.errcode, message: error.message }
      : { ok: false, message: error.message };
  }

  /** One API call; resolves with WeChat's JSON body when `errcode` is 0 (or absent). */
  async call(
    method: 'GET' | 'POST',
    path: string,
    body?: Record<string, unknown>,
    signal?: AbortSignal,
  ): Promise<Record<string, unknown>> {
    let refreshed = false;
    for (let busy = 0; ;) {
      const token = await this.tokens.get();
      const json = await this.request(method, path, `access_token=${encodeURIComponent(token)}`, body, signal);
      const envelope = wechatEnvelopeSchema.safeParse(json);
      if (!envelope.success) {
        throw new XiaodianError('upstream', `WeChat's answer to ${path} is not a WeChat answer (errcode, errmsg)`);
      }
      const errcode = envelope.data.errcode ?? 0;
      if (errcode === 0) return json;
      if (tokenErrcodes.has(errcode) && !refreshed) {
        refreshed = true;
        await this.tokens.invalidate(token);
        continue;
      }
      if (errcode === busyErrcode && busy < this.busyRetries) {
        await this.sleep(200 * 2 ** busy);
        busy += 1;
        continue;
      }
      throw errorFromErrcode(errcode, envelope.data.errmsg ?? '');
    }
  }

  private async fetchToken(): Promise<{ token: string; expiresInSeconds: number }> {
    const json = await this.request('POST', '/cgi-bin/stable_token', '', {
      grant_type: 'client_credential',
      appid: this.options.appid,
      secret: this.options.secret,
      force_refresh: false,
    });
    const envelope = wechatEnvelopeSchema.safeParse(json);
    const errcode = envelope.success ? (envelope.data.errcode ?? 0) : 0;
    if (errcode !== 0) throw errorFromErrcode(errcode, (envelope.success && envelope.data.errmsg) || '');
    const token = json['access_token'];
    const expiresIn = Number(json['expires_in']);
    if (typeof token !== 'string' || !Number.isFinite(expiresIn) || expiresIn <= 0) {
      throw new XiaodianError('upstream', 'WeChat answered the token call without access_token and expires_in');
    }
    return { token, expiresInSeconds: Math.min(expiresIn, 7200) };
  }

  private async request(
    method: 'GET' | 'POST',
    path: string,
    query: string,
    body: Record<string, unknown> | undefined,
    signal?: AbortSignal,
  ): Promise<Record<string, unknown>> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const init: RequestInit = {
      method,
      signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      ...(method === 'POST'
        ? { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body ?? {}) }
        : {}),
    };
    let response: Response;
    try {
      response = await this.fetch(`${this.baseUrl}${path}${query ? `?${query}` : ''}`, init);
    } catch {
      // The URL holds the token: report the path only.
      if (signal?.aborted) throw new XiaodianError('aborted', `The call to ${path} was aborted`);
      if (timeout.aborted)
        throw new XiaodianError('timeout', `WeChat did not answer ${path} within ${this.timeoutMs} ms`);
      throw new XiaodianError('upstream', `WeChat could not be reached for ${path}`, { retryable: true });
    }
    if (!response.ok) {
      throw new XiaodianError('upstream', `WeChat answered ${path} with HTTP ${response.status}`, {
        retryable: response.status >= 500,
      });
    }
    let json: unknown;
    try {
      json = await response.json();
    } catch {
      throw new XiaodianError('upstream', `WeChat's answer to ${path} is not JSON`);
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json)) {
      throw new XiaodianError('upstream', `WeChat's answer to ${path} is not an object`);
    }
    return json as Record<string, unknown>;
  }
}
