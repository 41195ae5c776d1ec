import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { XdSearch, XdSearchResults } from '@xiaodian/elements';
import '@xiaodian/elements/search-page/define';
import type { Suggestion } from '@xiaodian/model';
import { searchBackend } from '../../stories/search-fixtures.js';

const suggestions: Suggestion[] = [
  { text: '防晒衣', kind: 'query' },
  { text: '防晒衣女款', kind: 'query' },
  { text: '山野户外官方旗舰店', kind: 'shop' },
  { text: '冰丝防晒衣 UPF50+', kind: 'product' },
  { text: '户外服饰', kind: 'category' },
];

async function mountBox(options: { syncUrl?: boolean } = {}) {
  const search = searchBackend({ suggestions, total: 5 });
  const store = await fixture(
    html`<xd-store lang="zh-CN" .client=${search.client} style="display:block;width:343px">
      <xd-search for="results" ?sync-url=${options.syncUrl ?? false}></xd-search>
      <xd-search-results id="results"></xd-search-results>
    </xd-store>`,
  );
  const box = store.querySelector('xd-search') as XdSearch;
  const results = store.querySelector('xd-search-results') as XdSearchResults;
  const input = box.shadowRoot!.querySelector('input')!;
  return { search, store, box, results, input };
}

const optionTexts = (box: Element) =>
  [...box.shadowRoot!.querySelectorAll('[role=option]')].map((option) => option.textContent!.trim());
const activeOption = (box: Element, input: HTMLInputElement) => {
  const id = input.getAttribute('aria-activedescendant');
  return id ? box.shadowRoot!.getElementById(id)!.textContent!.trim() : undefined;
};
const deepActive = () => {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
};

describe('<xd-search>', () => {
  afterEach(() => history.replaceState(null, '', location.pathname));

  it('with the keyboard only: type, arrows through the grouped suggestions, Enter searches; focus stays in the input', async () => {
    const { box, results, input, search } = await mountBox();
    input.focus();
    await sendKeys({ type: 'fang' });
    await waitUntil(() => input.getAttribute('aria-expanded') === 'true', 'suggestions open', { timeout: 3000 });
    expect(search.prefixes.at(-1)).to.equal('fang');
    // Grouped by kind in a fixed order, each group labelled.
    expect(optionTexts(box)).to.deep.equal([
      '防晒衣',
      '防晒衣女款',
      '冰丝防晒衣 UPF50+',
      '山野户外官方旗舰店',
      '户外服饰',
    ]);
    const groups = [...box.shadowRoot!.querySelectorAll('[role=group]')].map(
      (group) => box.shadowRoot!.getElementById(group.getAttribute('aria-labelledby')!)!.textContent,
    );
    expect(groups).to.deep.equal(['猜你想搜', '商品', '店铺', '分类']);
    await sendKeys({ press: 'ArrowDown' });
    await box.updateComplete;
    expect(activeOption(box, input)).to.equal('防晒衣');
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'ArrowDown' });
    await box.updateComplete;
    expect(activeOption(box, input)).to.equal('冰丝防晒衣 UPF50+');
    await sendKeys({ press: 'ArrowUp' });
    await box.updateComplete;
    expect(activeOption(box, input)).to.equal('防晒衣女款');
    expect(deepActive() === input, 'focus in the input').to.equal(true);
    const submitted: string[] = [];
    box.addEventListener('xd-search', (event) => submitted.push(event.detail.query));
    await sendKeys({ press: 'Enter' });
    await box.updateComplete;
    expect(submitted).to.deep.equal(['防晒衣女款']);
    expect(input.value).to.equal('防晒衣女款');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
    expect(results.query).to.equal('防晒衣女款');
    await waitUntil(() => search.queries.some((q) => q.q === '防晒衣女款'), 'results searched');
    expect(deepActive() === input, 'focus in the input').to.equal(true);
  });

  it('Escape closes the suggestions, a second Escape clears the text', async () => {
    const { box, input } = await mountBox();
    input.focus();
    await sendKeys({ type: 'fang' });
    await waitUntil(() => input.getAttribute('aria-expanded') === 'true', 'open', { timeout: 3000 });
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Escape' });
    await box.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.value).to.equal('fang');
    await sendKeys({ press: 'Escape' });
    await box.updateComplete;
    expect(input.value).to.equal('');
  });

  it('a screen reader finds one combobox that names its listbox and active option', async () => {
    const { box, input } = await mountBox();
    input.focus();
    await sendKeys({ type: 'fang' });
    await waitUntil(() => input.getAttribute('aria-expanded') === 'true', 'open', { timeout: 3000 });
    await sendKeys({ press: 'ArrowDown' });
    await box.updateComplete;
    const tree = await executeServerCommand<string, { selector: string }>('aria-snapshot', { selector: 'xd-search' });
    // One combobox, named, expanded, then its listbox of options grouped under their kind; the active one selected.
    expect(tree).to.equal(
      [
        '- combobox "搜索商品" [expanded]: fang',
        '- button "搜索"',
        '- listbox "搜索建议":',
        '  - group "猜你想搜":',
        '    - option "防晒衣" [selected]',
        '    - option "防晒衣女款"',
        '  - group "商品":',
        '    - option "冰丝防晒衣 UPF50+"',
        '  - group "店铺":',
        '    - option "山野户外官方旗舰店"',
        '  - group "分类":',
        '    - option "户外服饰"',
      ].join('\n'),
    );
    expect(deepActive() === input, 'focus in the input').to.equal(true);
    const page = box.closest('xd-store')!;
    await expect(page).to.be.accessible();
  });

  it('sends nothing while an IME composition is open, and asks once for the composed text after it ends', async () => {
    const { box, input, search } = await mountBox();
    // The pause before asking, stepped by hand: a composition can last longer than any debounce.
    const waiting: Array<() => void> = [];
    box.scheduler = (run) => {
      waiting.push(run);
      return () => waiting.splice(waiting.indexOf(run), 1);
    };
    input.focus();
    input.dispatchEvent(new CompositionEvent('compositionstart', { data: '' }));
    for (const text of ['f', 'fa', 'fan', 'fang', 'fang s', 'fang sh', 'fang shai']) {
      input.value = text;
      input.dispatchEvent(new InputEvent('input', { data: text, isComposing: true, bubbles: true, composed: true }));
      await box.updateComplete;
    }
    // Nothing asked, and nothing waiting to be asked, however long the composition lasts.
    expect(waiting).to.have.length(0);
    expect(search.prefixes).to.deep.equal([]);
    input.value = '防晒';
    input.dispatchEvent(new CompositionEvent('compositionend', { data: '防晒' }));
    await box.updateComplete;
    expect(waiting).to.have.length(1);
    waiting[0]!();
    await waitUntil(() => search.prefixes.length > 0, 'asked after the composition', { timeout: 3000 });
    expect(search.prefixes).to.deep.equal(['防晒']);
  });

  it('suggestions for an older text never replace those for the newer one', async () => {
    const search = searchBackend({ suggestions: (prefix) => [{ text: `${prefix}的建议`, kind: 'query' }] });
    const store = await fixture(
      html`<xd-store lang="zh-CN" .client=${search.client}><xd-search></xd-search></xd-store>`,
    );
    const box = store.querySelector('xd-search')!;
    const input = box.shadowRoot!.querySelector('input')!;
    input.focus();
    const releaseOlder = search.holdSuggestions();
    await sendKeys({ type: 'fa' });
    await waitUntil(() => search.prefixes.includes('fa'), 'asked for fa', { timeout: 3000 });
    search.letThrough();
    await sendKeys({ type: 'n' });
    await waitUntil(() => optionTexts(box)[0] === 'fan的建议', 'newer suggestions', { timeout: 3000 });
    releaseOlder();
    // The older answer has come back once the client's next request (any) is answered after it.
    await search.client.suggest('probe');
    await box.updateComplete;
    expect(optionTexts(box)).to.deep.equal(['fan的建议']);
  });

  it('sync-url: starts from ?q= and writes the submitted query back with replaceState', async () => {
    history.replaceState(null, '', `${location.pathname}?q=${encodeURIComponent('帐篷')}`);
    const before = history.length;
    const { box, results, input } = await mountBox({ syncUrl: true });
    await waitUntil(() => results.query === '帐篷', 'results searched the URL query');
    expect(input.value).to.equal('帐篷');
    box.submit('防晒衣');
    expect(new URLSearchParams(location.search).get('q')).to.equal('防晒衣');
    expect(history.length).to.equal(before);
  });
});
