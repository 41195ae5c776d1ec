import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { XiaodianError } from '@xiaodian/model';
import type { XiaodianClient } from '@xiaodian/client';
import { clientContext, defaultClient } from './context.js';
import { onBackOnline, onProviderAppears } from './shared-listeners.js';

/** Every data-bound element's states, reflected as its `state` attribute and as `:state()` custom states. */
export const dataStates = ['loading', 'ready', 'stale', 'error'] as const;
/** `stale`: cached data is shown while a refresh runs. */
export type DataState = (typeof dataStates)[number];

/** What a task resolves to: a value, and whether it is a stale one with its refresh already running. */
export interface Loaded<T> {
  value: T;
  stale?: boolean;
  refresh?: Promise<T>;
}

/** What every run of a task gets: aborted when superseded or when the element leaves the page. */
export interface TaskContext {
  signal: AbortSignal;
  client: XiaodianClient;
}

/** Loads what `args` name; a run gets its signal and client (see DataController). */
export type Task<A extends readonly unknown[], T> = (args: A, context: TaskContext) => Promise<Loaded<T>>;

export interface DataOptions<A extends readonly unknown[], T> {
  /** What to load, compared item by item (`Object.is`); `undefined` while the host is not configured. */
  args(): A | undefined;
  /** Loads it. Pass `signal` on to the client: a superseded run is aborted. See also `debounced`. */
  task: Task<A, T>;
  /** Keep showing the previous value while the next loads (result pages); cards drop it (default). */
  keepPrevious?: boolean;
}

/** Elements that expose their state as CSS custom states (`:state(ready)`); see XdElement. */
interface CustomStatesHost {
  readonly customStates?: CustomStateSet | undefined;
}

type Host = ReactiveControllerHost & HTMLElement & CustomStatesHost;

function toError(error: unknown): XiaodianError {
  return error instanceof XiaodianError ? error : new XiaodianError('upstream', String(error), { cause: error });
}

function sameArgs(a: readonly unknown[] | undefined, b: readonly unknown[] | undefined): boolean {
  return a === b || (!!a && !!b && a.length === b.length && a.every((item, i) => item === b[i]));
}

/**
 * The one way an element loads data: `args` say what, `task` loads it through the client of the nearest
 * `<xd-store>` (or the page default). It tracks loading/ready/stale/error and reflects it on the host;
 * aborts the superseded run when the args or the client change, and the running one when the element
 * leaves the page (running again if it comes back); retries an `offline` failure when the browser is back
 * online. Built for this library's reads rather than on `@lit/task`, whose runs know no `stale` answer
 * with its refresh running, and which keeps running after its element is removed.
 */
export class DataController<A extends readonly unknown[], T> implements ReactiveController {
  #currentState: DataState = 'loading';
  #currentValue: T | undefined;
  #currentError: XiaodianError | undefined;

  #ranArgs: A | undefined;
  /** No run yet, or the last one was abandoned: run whatever the args. */
  #mustRun = true;
  #ranClient: XiaodianClient | undefined;
  #run: AbortController | undefined;
  /** A refresh that failed for want of a network: the cached data stays, and is refreshed once online. */
  #refreshOffline = false;
  #stopOnline: (() => void) | undefined;
  #stopAwaitingProvider: (() => void) | undefined;
  /** The nearest store's client, once one answered; `undefined` means the page default. */
  #provided: XiaodianClient | undefined;
  #unsubscribe: (() => void) | undefined;

  readonly #host: Host;
  readonly #options: DataOptions<A, T>;

  constructor(host: Host, options: DataOptions<A, T>) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  get state(): DataState {
    return this.#currentState;
  }

  /** The data; with `keepPrevious`, the previous data while the next loads. */
  get value(): T | undefined {
    return this.#currentValue;
  }

  get error(): XiaodianError | undefined {
    return this.#currentError;
  }

  /** The client the task runs with: the nearest store's, else the page default. */
  get client(): XiaodianClient {
    return this.#provided ?? defaultClient();
  }

  /**
   * Asks the element's ancestors for a client by the context protocol (what `@lit/context`'s
   * ContextConsumer does, in the few lines this controller needs; `<xd-store>` answers with its provider): a store answers now and on every
   * change, and hands over how to stop listening.
   */
  #requestClient(): void {
    // The protocol's event (as @lit/context's ContextEvent builds it), without a class for it in every card.
    const request = { context: clientContext, contextTarget: this.#host, callback: this.#onClient, subscribe: true };
    this.#host.dispatchEvent(Object.assign(new Event('context-request', { bubbles: true, composed: true }), request));
  }

  readonly #onClient = (client: XiaodianClient, unsubscribe?: () => void) => {
    if (this.#unsubscribe !== unsubscribe) this.#unsubscribe?.(); // another store answers now
    this.#unsubscribe = unsubscribe;
    this.#provided = client;
    this.#host.requestUpdate();
  };

  hostConnected(): void {
    this.#requestClient();
    this.#reflect();
    this.#stopOnline = onBackOnline(this.#retryOnline);
    // Back on the page after a run was abandoned: run again.
    if (this.#mustRun) this.#host.requestUpdate();
  }

  hostDisconnected(): void {
    // Calling a stop function twice is harmless, so only the one `??=` relies on is cleared.
    this.#unsubscribe?.();
    this.#stopOnline?.();
    this.#stopAwaitingProvider = void this.#stopAwaitingProvider?.();
    if (this.#run) {
      // Nobody will see the answer; a reconnected element asks again.
      this.#abort();
      this.#mustRun = true;
    }
  }

  hostUpdate(): void {
    this.#awaitProvider();
    // A store is coming (defined after this element): wait for its client rather than load with the page
    // default; its provider announces itself when it is defined, and the request above is made again.
    if (!this.#provided && this.#host.closest('xd-store:not(:defined)')) return;
    const args = this.#options.args();
    if (this.#mustRun || !sameArgs(args, this.#ranArgs) || this.client !== this.#ranClient) this.#start(args);
  }

  /** Loads again (the error state's retry). */
  reload(): void {
    this.#start(this.#options.args());
  }

  readonly #retryOnline = () => {
    if (this.#currentError?.code === 'offline') this.reload();
    else if (this.#refreshOffline) this.#start(this.#options.args(), true);
  };

  /**
   * Without a store yet (none around it, or one defined or inserted after this element), asks again for
   * one whenever a provider appears on the page: provisioning must not depend on definition order.
   */
  #awaitProvider(): void {
    if (this.#provided) this.#stopAwaitingProvider = void this.#stopAwaitingProvider?.();
    else
      this.#stopAwaitingProvider ??= onProviderAppears((event) => {
        if ((event as Event & { context?: unknown }).context === clientContext) this.#requestClient();
      });
  }

  #abort(): void {
    this.#run?.abort();
    this.#run = undefined;
  }

  /** `keepShown`: refresh what is on screen (stale) instead of going back to the loading state. */
  #start(args: A | undefined, keepShown = false): void {
    this.#abort();
    this.#mustRun = false;
    this.#ranArgs = args;
    const client = (this.#ranClient = this.client);
    this.#refreshOffline = false;
    this.#currentError = undefined;
    const showing = this.#currentValue !== undefined && (keepShown || this.#options.keepPrevious);
    if (!showing) this.#currentValue = undefined;
    if (!keepShown) this.#setState('loading');
    if (args === undefined) return;
    // `#run` is the run still out (or its refresh): a newer one replaces it, and a finished one lets go.
    const run = (this.#run = new AbortController());
    const current = () => this.#run === run;
    // Through a promise, so that a synchronous throw (an invalid ref) lands in the error state too.
    new Promise<Loaded<T>>((resolve) => resolve(this.#options.task(args, { signal: run.signal, client }))).then(
      ({ value, stale, refresh }) => {
        if (!current()) return;
        if (!refresh) this.#run = undefined;
        this.#currentValue = value;
        this.#setState(stale ? 'stale' : 'ready');
        refresh?.then(
          (fresh) => {
            if (!current()) return;
            this.#run = undefined;
            this.#currentValue = fresh;
            this.#setState('ready');
          },
          (error: unknown) => {
            if (!current()) return;
            this.#run = undefined;
            // Only an answer that the data is gone or broken replaces it; any other failed refresh (offline,
            // timeout, rate limit, upstream trouble) leaves the cached data on screen, still `stale`.
            const code = toError(error).code;
            if (['not_found', 'invalid_ref', 'invalid_response'].includes(code)) this.#fail(error);
            else this.#refreshOffline = code === 'offline';
          },
        );
      },
      (error: unknown) => {
        if (!current()) return;
        this.#run = undefined;
        this.#fail(error);
      },
    );
  }

  #fail(error: unknown): void {
    this.#currentValue = undefined;
    this.#currentError = toError(error);
    this.#setState('error');
  }

  #setState(state: DataState): void {
    this.#currentState = state;
    this.#reflect();
    this.#host.requestUpdate();
  }

  #reflect(): void {
    this.#host.setAttribute('state', this.#currentState); // only on a change of state, or when connected
    // Only the data state is kept there.
    this.#host.customStates?.clear();
    this.#host.customStates?.add(this.#currentState);
  }
}
