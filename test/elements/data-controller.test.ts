import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createClient, type XiaodianClient } from '@xiaodian/client';
import { DataController, debounced, XdElement, type Loaded, type Scheduler, type Task } from '@xiaodian/elements/base';
import '@xiaodian/elements/define';
import type { ProductRef } from '@xiaodian/model';
import { demo, pendingClient, products } from '../../stories/fixtures.js';

/** A run of the task that the test answers by hand. */
interface Run {
  args: readonly [string];
  signal: AbortSignal;
  answer(value: string): void;
}

/** A scheduler the test steps by hand: `flush()` runs what is due, in order. */
function manualScheduler() {
  const due: { run: () => void; cancelled: boolean }[] = [];
  const scheduler: Scheduler = (run) => {
    const entry = { run, cancelled: false };
    due.push(entry);
    return () => (entry.cancelled = true);
  };
  return {
    scheduler,
    flush: () => due.splice(0).forEach((entry) => entry.cancelled || entry.run()),
  };
}

const runs: Run[] = [];
let hostOptions: { keepPrevious?: boolean; debounce?: { ms: number; scheduler: Scheduler } } = {};

const withOptions = (task: Task<readonly [string], string>) =>
  hostOptions.debounce ? debounced(hostOptions.debounce.ms, task, hostOptions.debounce.scheduler) : task;

/** A minimal element on the data controller: its `query` property is the task's args. */
class DataHost extends XdElement {
  static override properties = { query: { type: String } };
  declare query: string | undefined;
  readonly data = new DataController(this, {
    args: () => (this.query === undefined ? undefined : ([this.query] as const)),
    task: withOptions(
      (args, { signal }) =>
        new Promise<Loaded<string>>((resolve) => runs.push({ args, signal, answer: (value) => resolve({ value }) })),
    ),
    keepPrevious: hostOptions.keepPrevious ?? false,
  });
}

let defined = 0;
const mounted: DataHost[] = [];
/** A fresh element class per test, built with that test's options. */
async function mount(options: typeof hostOptions = {}, query = 'a'): Promise<DataHost> {
  hostOptions = options;
  const name = `test-data-host-${++defined}`;
  customElements.define(name, class extends DataHost {});
  const element = document.createElement(name) as DataHost;
  element.query = query;
  document.body.append(element);
  mounted.push(element);
  await element.updateComplete;
  return element;
}

const lastRun = () => runs[runs.length - 1]!;

describe('DataController', () => {
  beforeEach(() => (runs.length = 0));
  afterEach(() => mounted.splice(0).forEach((element) => element.remove()));

  it('aborts the superseded run when the args change, and ignores its late answer', async () => {
    const element = await mount();
    const first = lastRun();
    element.query = 'b';
    await element.updateComplete;
    const second = lastRun();
    expect(first.signal.aborted, 'the superseded run is aborted').to.equal(true);
    expect(second.signal.aborted).to.equal(false);
    expect(second.args).to.deep.equal(['b']);
    first.answer('answer for a');
    second.answer('answer for b');
    await waitUntil(() => element.data.state === 'ready', 'ready');
    expect(element.data.value).to.equal('answer for b');
    expect(element.getAttribute('state')).to.equal('ready');
  });

  it('aborts the running task when the element leaves the page, and runs again when it comes back', async () => {
    const element = await mount();
    const first = lastRun();
    element.remove();
    expect(first.signal.aborted).to.equal(true);
    document.body.append(element);
    await element.updateComplete;
    expect(runs).to.have.length(2);
    lastRun().answer('back');
    await waitUntil(() => element.data.value === 'back', 'loaded again');
  });

  it('drops the previous value while the next loads, unless told to keep it (result pages)', async () => {
    for (const keepPrevious of [false, true]) {
      const element = await mount({ keepPrevious });
      lastRun().answer('page 1');
      await waitUntil(() => element.data.value === 'page 1', 'first page');
      element.query = 'next';
      await element.updateComplete;
      expect(element.data.state).to.equal('loading');
      expect(element.data.value, `keepPrevious: ${keepPrevious}`).to.equal(keepPrevious ? 'page 1' : undefined);
    }
  });

  it('debounces: args changed three times in a row run the task once, with the last', async () => {
    const clock = manualScheduler();
    const element = await mount({ debounce: { ms: 200, scheduler: clock.scheduler } }, 'x');
    for (const query of ['xi', 'xia', 'xiao']) {
      element.query = query;
      await element.updateComplete;
    }
    expect(runs, 'nothing runs before the pause').to.have.length(0);
    clock.flush();
    expect(runs.map((run) => run.args[0])).to.deep.equal(['xiao']);
  });

  it("the product card passes each run's signal to the client, and aborts it when its product changes", async () => {
    const signals: (AbortSignal | undefined)[] = [];
    const spy: XiaodianClient = {
      ...pendingClient,
      readProduct: (ref: ProductRef, options) => {
        signals.push(options?.signal);
        return pendingClient.readProduct(ref, options);
      },
    };
    const store = await fixture(
      html`<xd-store .client=${spy}>
        <xd-product-card appid=${products.available.appid} product-id=${products.available.productId}></xd-product-card>
      </xd-store>`,
    );
    const card = store.querySelector('xd-product-card')!;
    await card.updateComplete;
    card.productId = products.soldOut.productId;
    await card.updateComplete;
    expect(signals).to.have.length(2);
    expect(signals[0]?.aborted, "the first product's read is abandoned").to.equal(true);
    expect(signals[1]?.aborted).to.equal(false);
  });

  it('the shop entry loads through it too, and reflects ready', async () => {
    const client = createClient({ backend: demo });
    const store = await fixture(
      html`<xd-store .client=${client}><xd-shop-entry appid=${products.available.appid}></xd-shop-entry></xd-store>`,
    );
    const entry = store.querySelector('xd-shop-entry')!;
    await waitUntil(() => entry.getAttribute('state') === 'ready', 'ready', { timeout: 3000 });
    expect(entry.matches(':state(ready)'), 'exposed as a custom state too').to.equal(true);
  });
});
