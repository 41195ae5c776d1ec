import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { XiaodianClient } from '@xiaodian/client';
import type { XdSearchResults, XdSearchTile } from '@xiaodian/elements';
import '@xiaodian/elements/search-page/define';
import { pendingClient } from '../../stories/fixtures.js';
import { offlineSearchClient, searchBackend } from '../../stories/search-fixtures.js';
import { shadowText } from './helpers.js';

async function mountResults(client: XiaodianClient, query = '', width = 343) {
  const store = await fixture(
    html`<xd-store lang="zh-CN" .client=${client} style="display:block;width:${width}px">
      <xd-search-results id="results" query=${query}></xd-search-results>
    </xd-store>`,
  );
  return store.querySelector('xd-search-results') as XdSearchResults;
}

const tiles = (results: Element) => [...results.shadowRoot!.querySelectorAll<XdSearchTile>('xd-search-tile')];
const shownTitles = (results: Element) =>
  tiles(results)
    .filter((tile) => tile.getAttribute('state') === 'ready')
    .map((tile) => tile.shadowRoot!.querySelector('[part=title]')!.textContent!.trim());
const statusText = (results: Element) =>
  (results.shadowRoot!.querySelector('[part=status]')?.textContent ?? '').replace(/\s+/g, ' ').trim();
const ready = (results: Element) =>
  waitUntil(() => results.getAttribute('state') === 'ready', 'results ready', { timeout: 5000 });
const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

describe('<xd-search-results>', () => {
  afterEach(() => scrollTo(0, 0));

  it('its tiles speak the language of the store around the results, across the results’ shadow root', async () => {
    // The page's language is not the store's: a tile that looked only up its own tree would take the page's.
    document.documentElement.lang = 'zh-CN';
    try {
      const search = searchBackend({ total: 3 });
      const store = await fixture(
        html`<xd-store locale="en-US" .client=${search.client} style="display:block;width:343px">
          <xd-search-results query="防晒衣"></xd-search-results>
        </xd-store>`,
      );
      const results = store.querySelector('xd-search-results') as XdSearchResults;
      await ready(results);
      await waitUntil(() => shownTitles(results).length > 0, 'tiles ready');
      const tile = tiles(results)[0]!;
      expect(tile.locale).to.equal('en-US');
      expect(tile.shadowRoot!.querySelector('[part=price]')!.textContent!.trim()).to.match(/^CN¥/);
    } finally {
      document.documentElement.removeAttribute('lang');
    }
  });

  it('shows the first page as tiles, with the count', async () => {
    const search = searchBackend({ total: 45 });
    const results = await mountResults(search.client, '防晒衣');
    await ready(results);
    await waitUntil(() => shownTitles(results).length > 0, 'tiles ready');
    expect(statusText(results)).to.equal('共 45 件商品');
    expect(search.queries[0]).to.include({ q: '防晒衣', sort: 'relevance', limit: 30 });
    expect(shownTitles(results)[0]).to.match(/#0$/);
    // Each tile highlights what its hit says matched (the fixture's hits mark the first two characters).
    const first = tiles(results)[0]!;
    const title = shownTitles(results)[0]!;
    expect([...first.shadowRoot!.querySelectorAll('mark')].map((mark) => mark.textContent)).to.deep.equal([
      title.slice(0, 2),
    ]);
  });

  it('scrolling 10,000 results keeps the DOM bounded, loads the pages it reaches, and reserves their room', async () => {
    const search = searchBackend({ total: 10_000 });
    const results = await mountResults(search.client, '衣');
    await ready(results);
    const list = results.shadowRoot!.querySelector<HTMLElement>('[part=list]')!;
    const fullHeight = list.getBoundingClientRect().height;
    // Two columns at 343 px: 5,000 rows, laid out before any of them loads.
    expect(fullHeight).to.be.greaterThan(5000 * 200);
    const counts: number[] = [];
    for (let step = 1; step <= 12; step += 1) {
      scrollBy(0, innerHeight * 1.5);
      await nextFrame();
      await results.updateComplete;
      counts.push(tiles(results).length);
    }
    await waitUntil(() => shownTitles(results).length === tiles(results).length, 'the reached tiles loaded', {
      timeout: 5000,
    });
    // A screen and two rows each side: never more than a few dozen tiles, wherever the page is.
    expect(Math.max(...counts)).to.be.lessThan(40);
    expect(search.queries.length).to.be.greaterThan(1);
    expect(search.queries.at(-1)?.cursor).to.match(/^\d+$/);
    // The list never changed height as pages arrived: nothing below it moved.
    expect(list.getBoundingClientRect().height).to.equal(fullHeight);
    // Jump far down: still a bounded window, of placeholders until their pages arrive.
    scrollTo(0, list.getBoundingClientRect().top + scrollY + fullHeight / 2);
    await nextFrame();
    await results.updateComplete;
    expect(tiles(results).length).to.be.lessThan(40);
    const first = Number(results.shadowRoot!.querySelector<HTMLElement>('[data-index]')!.dataset['index']);
    expect(first).to.be.greaterThan(4000);
  });

  it('a newer query’s answer is never overwritten by an older one that answers later', async () => {
    const search = searchBackend({ total: 3, titles: ['旧结果'] });
    const results = await mountResults(search.client);
    const releaseOld = search.hold();
    results.query = '旧';
    await waitUntil(() => search.queries.length === 1, 'old query asked');
    search.letThrough();
    const newer = searchBackend({ total: 3, titles: ['新结果'] });
    // The same element, another store client: the newer query goes to the newer backend.
    results.closest('xd-store')!.client = newer.client;
    results.query = '新';
    await ready(results);
    await waitUntil(() => shownTitles(results)[0] === '新结果', 'newer results shown');
    releaseOld();
    await waitUntil(() => search.answered === 1, 'the old answer came back');
    await nextFrame();
    await results.updateComplete;
    expect(shownTitles(results)[0]).to.equal('新结果');
  });

  it('a query with no hits says so, offers the did-you-mean and suggestions, and searches what is chosen', async () => {
    const search = searchBackend({ didYouMean: '防晒衣', suggestions: [{ text: '防晒帽', kind: 'query' }] });
    const results = await mountResults(search.client, 'nothing火箭');
    await ready(results);
    await waitUntil(() => statusText(results).includes('防晒帽'), 'suggestions shown');
    expect(statusText(results)).to.include('没有找到“nothing火箭”相关的商品');
    expect(statusText(results)).to.include('防晒衣');
    const asked: string[] = [];
    results.addEventListener('xd-search', (event) => asked.push(event.detail.query));
    const button = [...results.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part=status] button')].find(
      (b) => b.textContent!.trim() === '防晒衣',
    )!;
    button.click();
    expect(asked).to.deep.equal(['防晒衣']);
    expect(results.query).to.equal('防晒衣');
    await waitUntil(() => statusText(results) === '共 100 件商品', 'searched the did-you-mean');
    const page = results.closest('xd-store')!;
    await expect(page).to.be.accessible();
  });

  it('sort and filter controls show the facet counts and search with them', async () => {
    const search = searchBackend({ total: 10 });
    const results = await mountResults(search.client, '衣');
    await ready(results);
    const selects = [...results.shadowRoot!.querySelectorAll('select')];
    const category = selects.find((s) => s.getAttribute('aria-label') === '分类')!;
    expect([...category.options].map((o) => o.textContent!.trim())).to.deep.equal([
      '全部分类',
      '防晒衣 (7)',
      '帐篷 (3)',
    ]);
    category.value = '帐篷';
    category.dispatchEvent(new Event('change'));
    const sort = selects.find((s) => s.getAttribute('aria-label') === '排序')!;
    sort.value = 'price_asc';
    sort.dispatchEvent(new Event('change'));
    await waitUntil(() => search.queries.some((q) => q.sort === 'price_asc'), 'searched sorted');
    expect(search.queries.at(-1)).to.deep.include({ q: '衣', sort: 'price_asc', category: '帐篷' });
  });

  it('arrow keys move between tiles: right and left by one, down and up by a row', async () => {
    const search = searchBackend({ total: 12 });
    const results = await mountResults(search.client, '衣');
    await ready(results);
    await waitUntil(() => shownTitles(results).length >= 4, 'tiles ready');
    const focusedIndex = () => {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      // The tile's button, or the list item itself while its tile is a placeholder.
      const item = active?.matches('[data-index]')
        ? (active as HTMLElement)
        : (active?.getRootNode() as ShadowRoot).host?.closest<HTMLElement>('[data-index]');
      return item ? Number(item.dataset['index']) : -1;
    };
    await results.focusResult(0);
    expect(focusedIndex()).to.equal(0);
    await sendKeys({ press: 'ArrowRight' });
    await waitUntil(() => focusedIndex() === 1, 'right');
    await sendKeys({ press: 'ArrowDown' });
    await waitUntil(() => focusedIndex() === 3, 'down a row of two');
    await sendKeys({ press: 'ArrowLeft' });
    await waitUntil(() => focusedIndex() === 2, 'left');
    await sendKeys({ press: 'End' });
    await waitUntil(() => focusedIndex() === 11, 'end');
    await sendKeys({ press: 'Home' });
    await waitUntil(() => focusedIndex() === 0, 'home');
  });

  it('announces the count politely, at most once a second, the latest count winning', async () => {
    const search = searchBackend({ total: (q) => q.length });
    const results = await mountResults(search.client, '一');
    const region = () => document.querySelector('[data-xiaodian-announcer]');
    await waitUntil(() => region()?.textContent === '共 1 件商品', 'first count announced', { timeout: 3000 });
    const heard: string[] = [];
    const observer = new MutationObserver(() => heard.push(region()!.textContent ?? ''));
    observer.observe(region()!, { childList: true, characterData: true, subtree: true });
    // Two more answers within the second: only the last is spoken, once the second is over.
    results.query = '一二';
    await waitUntil(() => statusText(results) === '共 2 件商品', 'second answer shown');
    results.query = '一二三';
    await waitUntil(() => statusText(results) === '共 3 件商品', 'third answer shown');
    await waitUntil(() => heard.length > 0, 'the next announcement', { timeout: 3000 });
    observer.disconnect();
    expect(heard).to.deep.equal(['共 3 件商品']);
  });

  describe('every state is axe-clean', () => {
    it('idle (nothing typed)', async () => {
      const results = await mountResults(searchBackend().client);
      await ready(results);
      expect(statusText(results)).to.equal('输入关键词搜索商品');
      const page = results.closest('xd-store')!;
      await expect(page).to.be.accessible();
    });

    it('loading', async () => {
      const results = await mountResults(pendingClient, '衣');
      expect(results.getAttribute('state')).to.equal('loading');
      expect(results.shadowRoot!.querySelector('[part=list]')!.getAttribute('aria-busy')).to.equal('true');
      const page = results.closest('xd-store')!;
      await expect(page).to.be.accessible();
    });

    it('offline, with a retry', async () => {
      const results = await mountResults(offlineSearchClient, '衣');
      await waitUntil(() => results.getAttribute('state') === 'error', 'error');
      expect(statusText(results)).to.include('网络不可用');
      expect(shadowText(results)).to.include('重试');
      const page = results.closest('xd-store')!;
      await expect(page).to.be.accessible();
    });

    it('ready, and updating (the previous results stay, busy, while the next query loads)', async () => {
      const search = searchBackend({ total: 5 });
      const results = await mountResults(search.client, '衣');
      await ready(results);
      await waitUntil(() => shownTitles(results).length === 5, 'tiles ready');
      const page = results.closest('xd-store')!;
      await expect(page).to.be.accessible();
      search.hold();
      results.query = '裙';
      await waitUntil(() => statusText(results) === '正在更新结果…', 'updating');
      expect(shownTitles(results)).to.have.length(5);
      await expect(page).to.be.accessible();
    });

    it('list layout', async () => {
      const search = searchBackend({ total: 5 });
      const results = await mountResults(search.client, '衣');
      results.layout = 'list';
      await ready(results);
      await waitUntil(() => shownTitles(results).length === 5, 'tiles ready');
      expect(tiles(results).every((tile) => tile.getBoundingClientRect().height === 120)).to.equal(true);
      const page = results.closest('xd-store')!;
      await expect(page).to.be.accessible();
    });
  });
});
