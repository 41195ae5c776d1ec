import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { XiaodianError } from '@xiaodian/model';
import type { Cached, XiaodianClient } from '@xiaodian/client';
import { clientContext, defaultClient } from './context.js';

/** `stale`: cached data is shown while a refresh runs. */
export type ResourceState = 'loading' | 'ready' | 'stale' | 'error';

export interface ResourceOptions<T> {
  /** Identifies what to load; `undefined` means the host is not configured yet. A new key reloads. */
  key(): string | undefined;
  /** Reads through the client's cache: a stale answer comes with the refresh already running. */
  load(client: XiaodianClient): Promise<Cached<T>>;
}

function toError(error: unknown): XiaodianError {
  return error instanceof XiaodianError ? error : new XiaodianError('upstream', String(error), { cause: error });
}

/**
 * Loads one piece of data for an element through the client from the nearest `<xd-store>` (or the page
 * default), tracks loading/ready/stale/error, and reflects it as the host's `state` attribute so pages and
 * tests can style and select on it. An `offline` error retries by itself when the browser is back online.
 */
export class ResourceController<T> implements ReactiveController {
  state: ResourceState = 'loading';
  value: T | undefined;
  error: XiaodianError | undefined;

  private loadedKey: string | undefined;
  private loadedClient: XiaodianClient | undefined;
  private generation = 0;
  private readonly consumer: ContextConsumer<{ __context__: XiaodianClient }, ReactiveControllerHost & HTMLElement>;
  /** A refresh that failed for want of a network: the cached data stays, and is refreshed once online. */
  private refreshOffline = false;
  private readonly retryOnline = () => {
    if (this.error?.code === 'offline') this.reload();
    else if (this.refreshOffline) this.start(this.options.key(), true);
  };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: ResourceOptions<T>,
  ) {
    host.addController(this);
    this.consumer = new ContextConsumer(host, {
      context: clientContext,
      subscribe: true,
      callback: () => host.requestUpdate(),
    });
  }

  get client(): XiaodianClient {
    return this.consumer.value ?? defaultClient();
  }

  hostConnected(): void {
    this.reflect();
    addEventListener('online', this.retryOnline);
  }

  hostDisconnected(): void {
    removeEventListener('online', this.retryOnline);
  }

  hostUpdate(): void {
    const key = this.options.key();
    if (key !== this.loadedKey || this.client !== this.loadedClient) this.start(key);
  }

  /** Loads again (the error state's retry). */
  reload(): void {
    this.start(this.options.key());
  }

  /** `keepShown`: refresh what is on screen (stale) instead of going back to the loading state. */
  private start(key: string | undefined, keepShown = false): void {
    this.loadedKey = key;
    this.loadedClient = this.client;
    const generation = ++this.generation;
    const current = () => generation === this.generation; // a newer load owns the element otherwise
    this.refreshOffline = false;
    this.error = undefined;
    if (!(keepShown && this.value !== undefined)) {
      this.value = undefined;
      this.setState('loading');
    }
    if (key === undefined) return;
    // Through a promise, so that a synchronous throw (an invalid ref) lands in the error state too.
    new Promise<Cached<T>>((resolve) => resolve(this.options.load(this.client))).then(
      ({ value, stale, refresh }) => {
        if (!current()) return;
        this.value = value;
        this.setState(stale ? 'stale' : 'ready');
        refresh?.then(
          (fresh) => {
            if (!current()) return;
            this.value = fresh;
            this.setState('ready');
          },
          (error: unknown) => {
            if (!current()) return;
            // Only an answer that the data is gone or broken replaces it; any other failed refresh (offline,
            // timeout, rate limit, upstream trouble) leaves the cached data on screen, still `stale`.
            const code = toError(error).code;
            if (code === 'not_found' || code === 'invalid_ref' || code === 'invalid_response') this.fail(error);
            else if (code === 'offline') this.refreshOffline = true;
          },
        );
      },
      (error: unknown) => {
        if (current()) this.fail(error);
      },
    );
  }

  private fail(error: unknown): void {
    this.value = undefined;
    this.error = toError(error);
    this.setState('error');
  }

  private setState(state: ResourceState): void {
    this.state = state;
    this.reflect();
    this.host.requestUpdate();
  }

  private reflect(): void {
    if (this.host.getAttribute('state') !== this.state) this.host.setAttribute('state', this.state);
  }
}
