import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { defineWhenSeen } from '../../packages/elements/dist/internal/define-when-seen.js';

/** What a page styles a failed element by (reserve.css does). */
const loadFailedAttribute = 'data-xd-load-failed';

// The lazy definition when a module fails to load (offline, a deploy that removed the chunk): the element
// must say so and load again, not stay a blank box for the page's life. Each test uses its own tags.

/** A module for `tag` that fails `failures` times (as a dynamic import does offline), then defines it. */
function flakyModule(tag: string, failures: number) {
  const module = {
    loads: 0,
    load: async () => {
      module.loads += 1;
      if (module.loads <= failures) throw new TypeError('Failed to fetch dynamically imported module');
      customElements.define(tag, class extends HTMLElement {});
    },
  };
  return module;
}

/** console.error's calls while `run` runs (the watcher reports a failed load there). */
async function recordingErrors<T>(run: (errors: unknown[][]) => Promise<T>): Promise<T> {
  const original = console.error;
  const errors: unknown[][] = [];
  console.error = (...args: unknown[]) => void errors.push(args);
  try {
    return await run(errors);
  } finally {
    console.error = original;
  }
}

describe('defineWhenSeen when a module fails to load', () => {
  it('marks the elements, says which tag failed, and loads it again once the browser is back online', async () => {
    const module = flakyModule('xd-test-flaky-online', 1);
    await recordingErrors(async (errors) => {
      defineWhenSeen({ 'xd-test-flaky-online': module.load }, { retryLater: () => {} });
      const page = await fixture<HTMLElement>(html`<div><xd-test-flaky-online></xd-test-flaky-online></div>`);
      const element = page.firstElementChild!;
      await waitUntil(() => element.hasAttribute(loadFailedAttribute), 'marked as failed', { timeout: 5000 });
      expect(errors).to.have.length(1);
      expect(String(errors[0]![0])).to.contain('<xd-test-flaky-online> could not be loaded');
      expect(customElements.get('xd-test-flaky-online')).to.equal(undefined);

      dispatchEvent(new Event('online'));
      const defined = await customElements.whenDefined('xd-test-flaky-online');
      expect(element).to.be.instanceOf(defined);
      expect(element.hasAttribute(loadFailedAttribute), 'mark removed').to.equal(false);
      expect(module.loads).to.equal(2);
    });
  });

  it('tries again after the backoff it is given, with the attempt number', async () => {
    const module = flakyModule('xd-test-flaky-backoff', 2);
    const scheduled: Array<{ retry: () => void; attempt: number }> = [];
    await recordingErrors(async () => {
      defineWhenSeen(
        { 'xd-test-flaky-backoff': module.load },
        { retryLater: (retry, attempt) => void scheduled.push({ retry, attempt }) },
      );
      const page = await fixture<HTMLElement>(html`<div><xd-test-flaky-backoff></xd-test-flaky-backoff></div>`);
      await waitUntil(() => scheduled.length === 1, 'first retry scheduled', { timeout: 5000 });
      scheduled[0]!.retry();
      await waitUntil(() => scheduled.length === 2, 'second retry scheduled', { timeout: 5000 });
      expect(scheduled.map(({ attempt }) => attempt)).to.deep.equal([1, 2]);
      scheduled[1]!.retry();
      expect(page.firstElementChild).to.be.instanceOf(await customElements.whenDefined('xd-test-flaky-backoff'));
      expect(module.loads).to.equal(3);
    });
  });

  it('loads a tag once for many elements inserted at once, and once for one removed before it loaded', async () => {
    const module = flakyModule('xd-test-many', 0);
    defineWhenSeen({ 'xd-test-many': module.load });
    const page = await fixture<HTMLElement>(html`<div></div>`);
    const gone = document.createElement('xd-test-many');
    page.append(gone);
    gone.remove();
    page.innerHTML = '<xd-test-many></xd-test-many>'.repeat(50);
    const defined = await customElements.whenDefined('xd-test-many');
    for (const element of page.children) expect(element).to.be.instanceOf(defined);
    expect(module.loads).to.equal(1);
  });
});
