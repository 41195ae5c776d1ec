import { expect, fixture, html } from '@open-wc/testing';

// The root define registers the search elements but loads their code only once the page has one (see
// define-when-seen.ts). This file imports it after counting the observers, with no search element yet.

/** MutationObservers now watching the document's children (the lazy definition's kind of watch). */
const watching = new Set<MutationObserver>();
const NativeMutationObserver = window.MutationObserver;
window.MutationObserver = class extends NativeMutationObserver {
  override observe(target: Node, options?: MutationObserverInit): void {
    if (target === document && options?.childList) watching.add(this);
    super.observe(target, options);
  }
  override disconnect(): void {
    watching.delete(this);
    super.disconnect();
  }
};

const searchTags = ['xd-search', 'xd-search-results', 'xd-search-tile'];
/** Whether the page has fetched any module of the search elements. */
const searchCodeLoaded = () =>
  performance
    .getEntriesByType('resource')
    .some((entry) => /\/elements\/dist\/search(-results|-tile)?\//.test(entry.name));

await import('@xiaodian/elements/define');

describe('the root define and the search elements', () => {
  it('loads no search code on a page without a search element, and watches for one', () => {
    expect(customElements.get('xd-product-card'), 'the eager elements').to.be.a('function');
    for (const tag of searchTags) expect(customElements.get(tag), tag).to.equal(undefined);
    expect(searchCodeLoaded(), 'search modules fetched').to.equal(false);
    expect(watching.size, 'observers watching the document').to.equal(1);
  });

  it('defines a search element inserted later, deep in the page, and upgrades it', async () => {
    const page = await fixture<HTMLElement>(
      html`<section>
        <div><xd-search-results></xd-search-results></div>
      </section>`,
    );
    const results = page.querySelector('xd-search-results')!;
    const XdSearchResults = await customElements.whenDefined('xd-search-results');
    expect(results).to.be.instanceOf(XdSearchResults);
    expect(searchCodeLoaded()).to.equal(true);
    // Its tiles come with it; the box is not on the page, so it is still waiting, and still watched for.
    expect(customElements.get('xd-search-tile')).to.be.a('function');
    expect(customElements.get('xd-search')).to.equal(undefined);
    expect(watching.size).to.equal(1);
  });

  it('defines an element inserted on its own, and stops watching once every search element is defined', async () => {
    const search = document.createElement('xd-search');
    document.body.append(search);
    try {
      expect(search).to.be.instanceOf(await customElements.whenDefined('xd-search'));
      await Promise.resolve();
      expect(watching.size, 'observers watching the document').to.equal(0);
    } finally {
      search.remove();
    }
  });
});
