import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { XiaodianError } from '@xiaodian/model';
import type { XiaodianClient } from '@xiaodian/client';
import { clientContext, defaultClient } from './context.js';

export type ResourceState = 'loading' | 'ready' | 'error';

export interface ResourceOptions<T> {
  /** Identifies what to load; `undefined` means the host is not configured yet. A new key reloads. */
  key(): string | undefined;
  load(client: XiaodianClient): Promise<T>;
}

/**
 * Loads one piece of data for an element through the client from the nearest `<xd-store>` (or the page
 * default), tracks loading/ready/error, and reflects it as the host's `state` attribute so pages and
 * tests can style and select on it.
 */
export class ResourceController<T> implements ReactiveController {
  state: ResourceState = 'loading';
  value: T | undefined;
  error: XiaodianError | undefined;

  private loadedKey: string | undefined;
  private loadedClient: XiaodianClient | undefined;
  private generation = 0;
  private readonly consumer: ContextConsumer<{ __context__: XiaodianClient }, ReactiveControllerHost & HTMLElement>;

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
  }

  hostUpdate(): void {
    const key = this.options.key();
    if (key !== this.loadedKey || this.client !== this.loadedClient) this.start(key);
  }

  /** Loads again (the error state's retry). */
  reload(): void {
    this.start(this.options.key());
    this.host.requestUpdate();
  }

  private start(key: string | undefined): void {
    this.loadedKey = key;
    this.loadedClient = this.client;
    const generation = ++this.generation;
    this.value = undefined;
    this.error = undefined;
    this.setState('loading');
    if (key === undefined) return;
    // Through a promise, so that a synchronous throw (an invalid ref) lands in the error state too.
    new Promise<T>((resolve) => resolve(this.options.load(this.client))).then(
      (value) => {
        if (generation !== this.generation) return; // a newer load owns the element now
        this.value = value;
        this.setState('ready');
      },
      (error: unknown) => {
        if (generation !== this.generation) return;
        this.error =
          error instanceof XiaodianError ? error : new XiaodianError('upstream', String(error), { cause: error });
        this.setState('error');
      },
    );
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
