import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { XdSearch } from '@xiaodian/elements';
import '@xiaodian/elements/search/define';
import { searchBackend } from '../../stories/search-fixtures.js';

// A file of its own: English words load once per page, and this test needs a page that has not loaded them.
describe('<xd-search> while its English words load', () => {
  it('keeps the field and the button named, in Chinese marked as such (axe found them nameless for that moment), then speaks English', async () => {
    const search = searchBackend({ suggestions: [], total: 0 });
    const store = await fixture(html`<xd-store lang="en-US" .client=${search.client}></xd-store>`);
    const box = document.createElement('xd-search') as XdSearch;
    store.append(box);
    await box.updateComplete;
    const input = box.shadowRoot!.querySelector('input')!;
    const button = box.shadowRoot!.querySelector('button')!;
    // The first render comes before the English catalog can have arrived (it is fetched; this is microtasks).
    expect(button.textContent, 'English not loaded yet').to.equal('');
    expect(input.getAttribute('aria-label')).to.equal('搜索商品');
    expect(button.getAttribute('aria-label')).to.equal('搜索');
    // Chinese names on an English page say they are Chinese, so a screen reader does not read them as English.
    const listbox = box.shadowRoot!.querySelector('[role=listbox]')!;
    expect([input, button, listbox].map((node) => node.getAttribute('lang'))).to.deep.equal([
      'zh-CN',
      'zh-CN',
      'zh-CN',
    ]);
    await waitUntil(() => button.textContent === 'Search', 'the English words', { timeout: 5000 });
    expect(input.getAttribute('aria-label')).to.equal('Search products');
    expect(button.hasAttribute('aria-label'), 'named by its text once it has one').to.equal(false);
    expect([input, button, listbox].map((node) => node.hasAttribute('lang'))).to.deep.equal([false, false, false]);
  });
});
