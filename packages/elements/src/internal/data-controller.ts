import { ContextConsumer } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { XiaodianError } from '@xiaodian/model';
import type { XiaodianClient } from '@xiaodian/client';
import { clientContext, defaultClient, ensureContextRoot, undefinedStoreAround } from './context.js';
import { onBackOnline } from './shared-listeners.js';

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

/** Runs `run` after `ms`; returns the cancel function. Tests pass their own to step time by hand. */
export type Scheduler = (run: () => void, ms: number) => () => void;

const timeoutScheduler: Scheduler = (run, ms) => {
  const timer = setTimeout(run, ms);
  return () => clearTimeout(timer);
};

export interface DataOptions<A extends readonly unknown[], T> {
  /** What to load, compared item by item (`Object.is`); `undefined` while the host is not configured. */
  args(): A | undefined;
  /** Loads it. Pass `signal` on to the client: a superseded run is aborted. */
  task(args: A, context: TaskContext): Promise<Loaded<T>>;
  /** Keep showing the previous value while the next loads (result pages); cards drop it (default). */
  keepPrevious?: boolean;
  /** Wait this long after the last change of `args` before running (suggestions as one types). */
  debounceMs?: number;
  scheduler?: Scheduler;
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
  if (a === undefined || b === undefined) return a === b;
  return a.length === b.length && a.every((item, i) => Object.is(item, b[i]));
}

/** No run yet (or the last one was abandoned): differs from every args, `undefined` included. */
const notRun = Symbol('not run');

/**
 * The one way an element loads data: `args` say what, `task` loads it through the client of the nearest
 * `<xd-store>` (or the page default). It tracks loading/ready/stale/error and reflects it on the host;
 * aborts the superseded run when the args or the client change, and the running one when the element
 * leaves the page (running again if it comes back); retries an `offline` failure when the browser is back
 * online. Built for this library's reads rather than on `@lit/task`, whose runs know no `stale` answer
 * with its refresh running, and which keeps running after its element is removed.
 */
export class DataController<A extends readonly unknown[], T> implements ReactiveController {
  private currentState: DataState = 'loading';
  private currentValue: T | undefined;
  private currentError: XiaodianError | undefined;

  private ranArgs: A | undefined | typeof notRun = notRun;
  private ranClient: XiaodianClient | undefined;
  private run: AbortController | undefined;
  private cancelDebounce: (() => void) | undefined;
  /** Whether the current run (or its refresh) is still out; abandoned on disconnect. */
  private settled = true;
  /** A refresh that failed for want of a network: the cached data stays, and is refreshed once online. */
  private refreshOffline = false;
  private stopOnline: (() => void) | undefined;
  private waitingForStore = false;
  private readonly consumer: ContextConsumer<{ __context__: XiaodianClient }, Host>;

  constructor(
    private readonly host: Host,
    private readonly options: DataOptions<A, T>,
  ) {
    ensureContextRoot();
    host.addController(this);
    this.consumer = new ContextConsumer(host, {
      context: clientContext,
      subscribe: true,
      callback: () => host.requestUpdate(),
    });
  }

  get state(): DataState {
    return this.currentState;
  }

  /** The data; with `keepPrevious`, the previous data while the next loads. */
  get value(): T | undefined {
    return this.currentValue;
  }

  get error(): XiaodianError | undefined {
    return this.currentError;
  }

  /** The client the task runs with: the nearest store's, else the page default. */
  get client(): XiaodianClient {
    return this.consumer.value ?? defaultClient();
  }

  hostConnected(): void {
    this.reflect();
    this.stopOnline = onBackOnline(this.retryOnline);
    // Back on the page after a run was abandoned: run again.
    if (this.ranArgs === notRun) this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.stopOnline?.();
    this.stopOnline = undefined;
    if (!this.settled) {
      // Nobody will see the answer; a reconnected element asks again.
      this.abort();
      this.ranArgs = notRun;
    }
  }

  hostUpdate(): void {
    if (!this.consumer.value && undefinedStoreAround(this.host)) {
      // A store is coming (defined after this element): load with its client, not the page default.
      this.waitForStore();
      return;
    }
    const args = this.options.args();
    if (this.ranArgs === notRun || !sameArgs(args, this.ranArgs) || this.client !== this.ranClient) this.start(args);
  }

  /** Loads again (the error state's retry). */
  reload(): void {
    this.start(this.options.args());
  }

  private readonly retryOnline = () => {
    if (this.currentError?.code === 'offline') this.reload();
    else if (this.refreshOffline) this.start(this.options.args(), true);
  };

  private waitForStore(): void {
    if (this.waitingForStore) return;
    this.waitingForStore = true;
    void customElements.whenDefined('xd-store').then(() => {
      this.waitingForStore = false;
      this.host.requestUpdate();
    });
  }

  private abort(): void {
    this.cancelDebounce?.();
    this.cancelDebounce = undefined;
    this.run?.abort();
    this.run = undefined;
    this.settled = true;
  }

  /** `keepShown`: refresh what is on screen (stale) instead of going back to the loading state. */
  private start(args: A | undefined, keepShown = false): void {
    this.abort();
    this.ranArgs = args;
    this.ranClient = this.client;
    this.refreshOffline = false;
    this.currentError = undefined;
    const showing = this.currentValue !== undefined && (keepShown || this.options.keepPrevious === true);
    if (!showing) this.currentValue = undefined;
    if (!keepShown) this.setState('loading');
    if (args === undefined) return;
    this.settled = false;
    const run = new AbortController();
    this.run = run;
    const go = () => {
      this.cancelDebounce = undefined;
      this.execute(args, run);
    };
    const wait = this.options.debounceMs ?? 0;
    if (wait > 0) this.cancelDebounce = (this.options.scheduler ?? timeoutScheduler)(go, wait);
    else go();
  }

  private execute(args: A, run: AbortController): void {
    const current = () => this.run === run && !run.signal.aborted; // a newer run owns the element otherwise
    const context: TaskContext = { signal: run.signal, client: this.ranClient ?? this.client };
    // Through a promise, so that a synchronous throw (an invalid ref) lands in the error state too.
    new Promise<Loaded<T>>((resolve) => resolve(this.options.task(args, context))).then(
      ({ value, stale, refresh }) => {
        if (!current()) return;
        this.currentValue = value;
        this.setState(stale ? 'stale' : 'ready');
        if (!refresh) {
          this.settled = true;
          return;
        }
        refresh.then(
          (fresh) => {
            if (!current()) return;
            this.settled = true;
            this.currentValue = fresh;
            this.setState('ready');
          },
          (error: unknown) => {
            if (!current()) return;
            this.settled = true;
            // Only an answer that the data is gone or broken replaces it; any other failed refresh (offline,
            // timeout, rate limit, upstream trouble) leaves the cached data on screen, still `stale`.
            const code = toError(error).code;
            if (code === 'not_found' || code === 'invalid_ref' || code === 'invalid_response') this.fail(error);
            else if (code === 'offline') this.refreshOffline = true;
          },
        );
      },
      (error: unknown) => {
        if (!current()) return;
        this.settled = true;
        this.fail(error);
      },
    );
  }

  private fail(error: unknown): void {
    this.currentValue = undefined;
    this.currentError = toError(error);
    this.setState('error');
  }

  private setState(state: DataState): void {
    this.currentState = state;
    this.reflect();
    this.host.requestUpdate();
  }

  private reflect(): void {
    if (this.host.getAttribute('state') !== this.currentState) this.host.setAttribute('state', this.currentState);
    const states = this.host.customStates;
    if (!states) return;
    for (const state of dataStates) {
      if (state === this.currentState) states.add(state);
      else states.delete(state);
    }
  }
}
