import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createClient, type XiaodianClient } from '@xiaodian/client';
import { createDemoBackend } from '@xiaodian/demo';
import { upgradeLinks, type XdStore } from '@xiaodian/elements';
import '@xiaodian/elements/define';
import { formatFen, type Product, type ProductSource, type StorefrontBackend } from '@xiaodian/model';

type Backend = ProductSource & Partial<StorefrontBackend>;

const demo = createDemoBackend();
const onSale = demo.products.filter((p) => p.availability === 'available' && p.h5Url);
const [first, second, third] = onSale as [Product, Product, Product];
const flatPriced = onSale.slice(3).find((p) => p.minPrice === p.maxPrice)!;
const [shopA, shopB] = demo.shops.filter((s) => s.status === 'open_finished' && s.h5Url);
const canonical = (p: Product) => `https://gw.example/p/${p.appid}/${p.productId}`;
const unknownShort = 'https://channels.weixin.qq.com/shop/a/NoSuchCod0';
const unknownShort2 = 'https://store.weixin.qq.com/shop/a/NoSuchCod1';
const unknownCanonical = `https://gw.example/p/${first.appid}/99999999999999999`;

/** The demo catalog as a backend, counting resolve calls (with the links each sent) and product batches. */
function countingBackend(changes: Partial<Backend> = {}) {
  const resolves: string[][] = [];
  let productBatches = 0;
  let liveReads = 0;
  const backend: Backend = {
    getProducts: (refs, options) => {
      productBatches += 1;
      return demo.getProducts(refs, options);
    },
    getShop: (appid, options) => demo.getShop(appid, options),
    resolveLinks: (links, options) => {
      resolves.push([...links]);
      return demo.resolveLinks(links, options);
    },
    getLive: (finderUserName, options) => {
      liveReads += 1;
      return demo.getLive(finderUserName, options);
    },
    ...changes,
  };
  return {
    client: createClient({ backend }),
    resolves,
    get productBatches() {
      return productBatches;
    },
    get liveReads() {
      return liveReads;
    },
  };
}

/** The product with only a (long) title, no short one. */
function withTitle(product: Product, title: string): Product {
  const copy: Product = { ...product, title };
  delete copy.shortTitle;
  return copy;
}

/** A store holding an article as a CMS writes it: markup parsed by the browser, not rendered by a template. */
async function article(
  client: XiaodianClient | undefined,
  markup: string,
  attributes: Record<string, string> = {},
): Promise<XdStore> {
  const store = document.createElement('xd-store');
  if (client) store.client = client;
  for (const [name, value] of Object.entries(attributes)) store.setAttribute(name, value);
  store.innerHTML = markup;
  const container = await fixture(html`<div></div>`);
  container.append(store);
  await store.updateComplete;
  return store;
}

const settled = (elements: Iterable<Element>) =>
  Promise.all(
    [...elements].map((element) =>
      waitUntil(() => element.getAttribute('state') === 'ready', `${element.localName} ready`, { timeout: 5000 }),
    ),
  );

describe('upgradeLinks', () => {
  it('turns <a href> and plain-text links into cards: alone a card, in a sentence a text link', async () => {
    const { client } = countingBackend();
    const store = await article(
      client,
      `
        <p id="alone-a"><a href="${first.h5Url!}">${first.h5Url}</a></p>
        <p id="alone-text">${second.h5Url}</p>
        <p id="sentence">买这件 ${flatPriced.h5Url!}，真不错。</p>
        <p id="shop-alone">
          <strong><a href="${shopA!.h5Url!}">进店</a></strong>
        </p>
        <p id="shop-sentence">店铺是<a href="${shopB!.h5Url!}">这家</a>。</p>
      `,
    );
    const { upgraded, left } = await upgradeLinks(store);
    expect(left).to.deep.equal([]);
    await settled(upgraded);
    // Each element reflects its variant: the default one (a card) where none was set.
    expect(upgraded.map((e) => `${e.localName}:${e.getAttribute('variant')}`)).to.deep.equal([
      'xd-product-card:large',
      'xd-product-card:large',
      'xd-product-card:text',
      'xd-shop-entry:card',
      'xd-shop-entry:inline',
    ]);
    const at = (id: string) => store.querySelector(`#${id}`)!;
    expect(at('alone-a').querySelector('xd-product-card')!.getAttribute('product-id')).to.equal(first.productId);
    expect(at('alone-text').querySelector('xd-product-card')!.getAttribute('product-id')).to.equal(second.productId);
    const sentence = at('sentence');
    expect([...sentence.childNodes].map((n) => (n instanceof Text ? n.data : (n as Element).localName))).to.deep.equal([
      '买这件 ',
      'xd-product-card',
      '，真不错。',
    ]);
    // The text link holds what a reader will see, so it is as wide as it will be before its data draws.
    expect(sentence.querySelector('xd-product-card')!.textContent).to.equal(
      `${flatPriced.shortTitle ?? flatPriced.title} ${formatFen(flatPriced.minPrice)}`,
    );
    expect(at('shop-alone').querySelector('strong > xd-shop-entry')!.getAttribute('appid')).to.equal(shopA!.appid);
    expect(at('shop-sentence').querySelector('xd-shop-entry')!.textContent).to.equal(shopB!.name);
    await settled(upgraded);
  });

  it('sends one resolve request for the whole article, and the cards one product request', async () => {
    const counting = countingBackend();
    const store = await article(
      counting.client,
      `
        <p><a href="${first.h5Url!}">一</a> 和 ${second.h5Url} 和 ${third.h5Url}</p>
        <p>${first.h5Url}</p>
        <p>${shopA!.h5Url} ${canonical(flatPriced)}</p>
      `,
    );
    const { upgraded } = await upgradeLinks(store);
    await settled(upgraded);
    expect(counting.resolves).to.have.length(1);
    // Canonical links name their product themselves: only the short links are sent, each once.
    expect(counting.resolves[0]).to.deep.equal([first.h5Url, second.h5Url, third.h5Url, shopA!.h5Url]);
    expect(counting.productBatches).to.equal(1);
    expect(upgraded).to.have.length(6);
  });

  it('sends the resolve request to the gateway as {links} with include=refs', async () => {
    const original = window.fetch;
    const requests: Array<{ url: string; method: string; body: unknown }> = [];
    window.fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
      const url = new URL(String(input));
      const method = init?.method ?? 'GET';
      const body: unknown = typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
      requests.push({ url: url.href, method, body });
      if (url.pathname === '/v1/resolve') {
        const links = (body as { links: string[] }).links;
        const answers = await demo.resolveLinks(links);
        return Response.json({ items: answers.map((answer, i) => ({ source: links[i], ...answer })) });
      }
      const refs = (url.searchParams.get('refs') ?? '').split(',');
      const results = await demo.getProducts(
        refs.map((r) => ({ appid: r.split(':')[0]!, productId: r.split(':')[1]! })),
      );
      return Response.json({ items: results.map((result, i) => ({ ref: refs[i], ...result })) });
    };
    try {
      const store = await article(
        undefined,
        `
          <p>${first.h5Url} 与 <a href="${second.h5Url!}">二</a> 与 ${unknownShort}</p>
        `,
        { gateway: 'https://upgrade-gw.example' },
      );
      const { upgraded } = await upgradeLinks(store);
      await settled(upgraded);
      const resolves = requests.filter((r) => r.url.includes('/v1/resolve'));
      expect(resolves).to.have.length(1);
      expect(resolves[0]!.method).to.equal('POST');
      expect(resolves[0]!.url).to.equal('https://upgrade-gw.example/v1/resolve?include=refs');
      expect(resolves[0]!.body).to.deep.equal({ links: [first.h5Url, second.h5Url, unknownShort] });
      expect(upgraded).to.have.length(2);
    } finally {
      window.fetch = original;
    }
  });

  it('leaves links it cannot resolve exactly as they were, nodes and bytes', async () => {
    const { client } = countingBackend();
    const store = await article(
      client,
      `
        <p id="anchor">看 <a href="${unknownShort}" class="x" data-n="1">这个</a> 吧</p>
        <p id="canonical">${unknownCanonical}</p>
        <p id="mixed">买 ${unknownShort2}。 和 ${first.h5Url} 吧</p>
      `,
    );
    const anchorParagraph = store.querySelector('#anchor')!;
    const before = anchorParagraph.outerHTML;
    const nodes = [...anchorParagraph.childNodes];
    const canonicalBefore = store.querySelector('#canonical')!.outerHTML;
    const { upgraded, left } = await upgradeLinks(store);
    expect(upgraded).to.have.length(1);
    expect(left).to.deep.equal([unknownShort, unknownCanonical, unknownShort2]);
    expect(anchorParagraph.outerHTML).to.equal(before);
    expect([...anchorParagraph.childNodes]).to.deep.equal(nodes, 'the very same nodes');
    expect(store.querySelector('#canonical')!.outerHTML).to.equal(canonicalBefore);
    const mixed = store.querySelector('#mixed')!;
    expect([...mixed.childNodes].map((n) => (n instanceof Text ? n.data : (n as Element).localName))).to.deep.equal([
      `买 ${unknownShort2}。 和 `,
      'xd-product-card',
      ' 吧',
    ]);
  });

  it('changes nothing when the resolve request fails', async () => {
    const { client } = countingBackend({
      resolveLinks: () => Promise.reject(new Error('the gateway is down')),
    });
    const store = await article(
      client,
      `
        <p><a href="${first.h5Url!}">一</a></p>
        <p>买 ${second.h5Url} 吧</p>
      `,
    );
    const before = store.innerHTML;
    const { upgraded, left } = await upgradeLinks(store);
    expect(upgraded).to.deep.equal([]);
    expect(left).to.deep.equal([first.h5Url, second.h5Url]);
    expect(store.innerHTML).to.equal(before);
  });

  it('is idempotent: a second run changes nothing and asks for nothing', async () => {
    const counting = countingBackend();
    const store = await article(
      counting.client,
      `
        <p><a href="${first.h5Url!}">一</a></p>
        <p>买 ${second.h5Url} 吧，或 ${shopA!.h5Url}</p>
      `,
    );
    const once = await upgradeLinks(store);
    await settled(once.upgraded);
    const after = store.innerHTML;
    const twice = await upgradeLinks(store);
    expect(twice.upgraded).to.deep.equal([]);
    expect(store.innerHTML).to.equal(after);
    expect(counting.resolves).to.have.length(1);
  });

  it('upgrades each link once when two runs overlap', async () => {
    const { client } = countingBackend();
    const store = await article(
      client,
      `
        <p>买 ${first.h5Url} 吧</p>
        <p><a href="${second.h5Url!}">二</a></p>
      `,
    );
    const [a, b] = await Promise.all([upgradeLinks(store), upgradeLinks(store)]);
    expect(a.upgraded.length + b.upgraded.length).to.equal(2);
    expect(store.querySelectorAll('xd-product-card')).to.have.length(2);
    expect(store.querySelector('p')!.childNodes, 'one card between the two words').to.have.length(3);
  });

  it('renders hostile text and hostile titles as text, never as HTML', async () => {
    const hostileTitle = '<img src=x onerror="window.__upgradePwned=1">冲锋衣';
    const { client } = countingBackend({
      getProducts: async (refs, options) =>
        (await demo.getProducts(refs, options)).map((result) =>
          result.ok ? { ...result, product: withTitle(result.product, hostileTitle) } : result,
        ),
    });
    const hostileText = '<img src=x onerror="window.__upgradePwned=1"><script>window.__upgradePwned=1</script>';
    const escaped = hostileText.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const store = await article(client, `<p>${escaped} ${first.h5Url} ${escaped}</p>`);
    const { upgraded } = await upgradeLinks(store);
    expect(upgraded).to.have.length(1);
    const paragraph = store.querySelector('p')!;
    expect(store.querySelectorAll('img, script')).to.have.length(0);
    expect((paragraph.firstChild as Text).data).to.equal(`${hostileText} `);
    expect((paragraph.lastChild as Text).data).to.equal(` ${hostileText}`);
    expect(upgraded[0]!.childNodes).to.have.length(1);
    expect(upgraded[0]!.textContent!.startsWith(hostileTitle)).to.equal(true);
    await settled(upgraded);
    expect((window as { __upgradePwned?: number }).__upgradePwned).to.equal(undefined);
  });

  it('ignores links in cards, code, pre, textarea, editable content and WeChat elements', async () => {
    const counting = countingBackend();
    const store = await article(
      counting.client,
      `
      <xd-shop-entry variant="inline" appid="${shopA!.appid}">${first.h5Url}</xd-shop-entry>
      <p><code>${first.h5Url}</code></p>
      <pre>${second.h5Url} <a href="${third.h5Url}">三</a></pre>
      <textarea>${first.h5Url}</textarea>
      <div contenteditable="true"><p>${second.h5Url}</p><a href="${third.h5Url}">三</a></div>
      <store-product appid="${first.appid}" product-id="${first.productId}">${first.h5Url}</store-product>`,
    );
    await settled([store.querySelector('xd-shop-entry')!]);
    const before = store.innerHTML;
    const { upgraded, left } = await upgradeLinks(store);
    expect(upgraded).to.deep.equal([]);
    expect(left).to.deep.equal([]);
    expect(counting.resolves, 'no request at all').to.have.length(0);
    expect(store.innerHTML).to.equal(before);
  });

  it('uses the client of the store around the content it is given', async () => {
    const counting = countingBackend();
    const store = await article(
      counting.client,
      `
        <article><p>${first.h5Url}</p></article>
      `,
    );
    const { upgraded } = await upgradeLinks(store.querySelector('article')!);
    expect(upgraded).to.have.length(1);
    expect(counting.resolves).to.have.length(1);
  });
  it('asks nothing for links that cannot become a card: a live room, a canonical link with a broken host', async () => {
    const counting = countingBackend();
    const live = `https://gw.example/l/${demo.liveRooms[0]!}`;
    const broken = `https://gw.example:99999/p/${first.appid}/${first.productId}`;
    const store = await article(
      counting.client,
      `
        <p>直播间 ${live} 见</p>
        <p><a href="${broken}">坏链接</a></p>
      `,
    );
    const before = store.innerHTML;
    const { upgraded, left } = await upgradeLinks(store);
    expect(upgraded).to.deep.equal([]);
    expect(left).to.deep.equal([live, broken]);
    expect(counting.resolves, 'resolve requests').to.have.length(0);
    expect(counting.liveReads, 'live-room requests').to.equal(0);
    expect(store.innerHTML).to.equal(before);
  });

  it('upgrades two different short links to one product, each in its place', async () => {
    const counting = countingBackend();
    // The same product's short link on WeChat's two hosts: two links the gateway resolves to one ref.
    const [host, otherHost] = ['channels.weixin.qq.com', 'store.weixin.qq.com'].sort((a) =>
      first.h5Url!.includes(a) ? -1 : 1,
    ) as [string, string];
    const sameOnStore = first.h5Url!.replace(host, otherHost);
    expect(sameOnStore).to.not.equal(first.h5Url);
    const store = await article(
      counting.client,
      `
        <p id="one">${first.h5Url}</p>
        <p id="two">买 <a href="${sameOnStore}">同一件</a> 吧</p>
      `,
    );
    const { upgraded, left } = await upgradeLinks(store);
    expect(left).to.deep.equal([]);
    expect(upgraded.map((card) => card.getAttribute('product-id'))).to.deep.equal([first.productId, first.productId]);
    expect(store.querySelector('#two > xd-product-card')!.getAttribute('variant')).to.equal('text');
    expect(counting.resolves).to.have.length(1);
    await settled(upgraded);
  });

  it('finds a link split across text nodes and inline markup', async () => {
    const { client } = countingBackend();
    const bold = second.h5Url!.replace('/shop/', '/<b>shop</b>/');
    const broken = third.h5Url!.replace('/shop/a/', '/shop/<wbr>a/');
    const store = await article(
      client,
      `
        <p id="bold">${bold}</p>
        <p id="wbr">看 ${broken}。</p>
        <p id="cms">买 </p>
      `,
    );
    // A CMS that writes a paragraph in pieces leaves the link in two text nodes.
    const cms = store.querySelector('#cms')!;
    (cms.firstChild as Text).appendData(first.h5Url!.slice(0, 30));
    cms.append(`${first.h5Url!.slice(30)} 吧`);
    expect(cms.childNodes).to.have.length(2);
    const { upgraded, left } = await upgradeLinks(store);
    expect(left).to.deep.equal([]);
    expect(upgraded.map((card) => card.getAttribute('product-id'))).to.deep.equal([
      second.productId,
      third.productId,
      first.productId,
    ]);
    const shape = (id: string) =>
      [...store.querySelector(`#${id}`)!.childNodes].map((n) =>
        n instanceof Text ? n.data : `${(n as Element).localName}:${(n as Element).getAttribute('variant')}`,
      );
    expect(shape('bold')).to.deep.equal(['xd-product-card:large']);
    expect(shape('wbr')).to.deep.equal(['看 ', 'xd-product-card:text', '。']);
    expect(shape('cms')).to.deep.equal(['买 ', 'xd-product-card:text', ' 吧']);
    await settled(upgraded);
  });

  it('leaves a split link it cannot resolve exactly as it was', async () => {
    const { client } = countingBackend();
    const store = await article(
      client,
      `
        <p id="bold">${unknownShort.replace('/shop/', '/<b>shop</b>/')} 和 ${first.h5Url}</p>
      `,
    );
    const paragraph = store.querySelector('#bold')!;
    const [start, bold, end] = [...paragraph.childNodes] as [Text, HTMLElement, Text];
    const before = [start.data, bold.outerHTML, end.data];
    const { upgraded, left } = await upgradeLinks(store);
    expect(left).to.deep.equal([unknownShort]);
    expect(upgraded).to.have.length(1);
    expect([start.data, bold.outerHTML]).to.deep.equal(before.slice(0, 2));
    // Compared as booleans: a failing comparison of DOM nodes makes the runner serialise the whole page.
    expect(paragraph.childNodes[0] === start && paragraph.childNodes[1] === bold, 'the very same nodes').to.equal(true);
    expect((paragraph.childNodes[2] as Text).data.startsWith('/a/NoSuchCod0 和 ')).to.equal(true);
  });

  it('replaces an anchor with nested markup whole, and reads no link from attributes', async () => {
    const counting = countingBackend();
    const store = await article(
      counting.client,
      `
        <p id="nested"><a href="${first.h5Url!}"><b>一</b> <img alt="图" src="data:,"></a></p>
        <p id="attributes" title="${second.h5Url}" data-link="${second.h5Url}">看</p>
      `,
    );
    const attributes = store.querySelector('#attributes')!.outerHTML;
    const { upgraded } = await upgradeLinks(store);
    expect(counting.resolves).to.deep.equal([[first.h5Url]]);
    expect(upgraded).to.have.length(1);
    expect([...store.querySelector('#nested')!.childNodes].map((node) => node.nodeName)).to.deep.equal([
      'XD-PRODUCT-CARD',
    ]);
    expect(store.querySelector('#attributes')!.outerHTML).to.equal(attributes);
    await settled(upgraded);
  });

  it('leaves links removed or rewritten while they were being resolved, and upgrades the rest', async () => {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const asked: string[][] = [];
    const { client } = countingBackend({
      resolveLinks: async (links, options) => {
        asked.push([...links]);
        await answered;
        return demo.resolveLinks(links, options);
      },
    });
    const store = await article(
      client,
      `
        <p id="removed">${first.h5Url}</p>
        <p id="rewritten">买 ${second.h5Url} 吧</p>
        <p id="kept"><a href="${third.h5Url!}">三</a></p>
      `,
    );
    const run = upgradeLinks(store);
    await waitUntil(() => asked.length === 1, 'resolve asked', { timeout: 5000 });
    store.querySelector('#removed')!.remove();
    (store.querySelector('#rewritten')!.firstChild as Text).data = '买别的吧';
    answer();
    const { upgraded, left } = await run;
    expect(upgraded.map((card) => card.getAttribute('product-id'))).to.deep.equal([third.productId]);
    expect(left).to.deep.equal([first.h5Url, second.h5Url]);
    expect(store.querySelector('#rewritten')!.textContent).to.equal('买别的吧');
    await settled(upgraded);
  });

  it('keeps focus where it is: a focused link becomes a card only once focus leaves it', async () => {
    const { client } = countingBackend();
    const store = await article(
      client,
      `
        <p id="focused"><a href="${first.h5Url!}">一</a></p>
        <p>${second.h5Url}</p>
      `,
    );
    const outside = await fixture<HTMLButtonElement>(html`<button>next</button>`);
    const anchor = store.querySelector('a')!;
    anchor.focus();
    const { upgraded, left } = await upgradeLinks(store);
    expect(document.activeElement === anchor, 'focus stays on the link').to.equal(true);
    expect(anchor.isConnected).to.equal(true);
    expect(upgraded).to.have.length(1);
    expect(left).to.deep.equal([first.h5Url]);
    outside.focus();
    await waitUntil(() => store.querySelector('#focused > xd-product-card'), 'upgraded once focus left', {
      timeout: 5000,
    });
    expect(anchor.isConnected).to.equal(false);
    expect(document.activeElement === outside, 'focus where the reader put it').to.equal(true);
  });
});

describe('<xd-store upgrade-links>', () => {
  it('upgrades the links in its content once the page has loaded', async () => {
    const counting = countingBackend();
    const store = await article(
      counting.client,
      `<p>${first.h5Url}</p>
      <p>店铺：<a href="${shopA!.h5Url}">山野</a>。</p>`,
      { 'upgrade-links': '' },
    );
    await waitUntil(() => store.querySelectorAll('xd-product-card, xd-shop-entry').length === 2, 'links upgraded', {
      timeout: 5000,
    });
    expect(counting.resolves).to.have.length(1);
    expect(store.querySelector('xd-shop-entry')!.getAttribute('variant')).to.equal('inline');
  });
  it('upgrades the links of content added later, one request per addition, never asking twice for a link', async () => {
    const counting = countingBackend();
    const store = await article(counting.client, `<p>${first.h5Url}</p><p>${unknownShort}</p>`, {
      'upgrade-links': '',
    });
    await waitUntil(() => store.querySelector('xd-product-card'), 'first run', { timeout: 5000 });
    const added = document.createElement('section');
    added.innerHTML = `<p>${second.h5Url}</p><p>店铺 <a href="${shopA!.h5Url}">山野</a>，又是 ${unknownShort}</p>`;
    store.append(added);
    await waitUntil(() => added.querySelectorAll('xd-product-card, xd-shop-entry').length === 2, 'added upgraded', {
      timeout: 5000,
    });
    expect(counting.resolves).to.deep.equal([
      [first.h5Url, unknownShort],
      [second.h5Url, shopA!.h5Url],
    ]);
  });

  it('reads no link from words added to an existing anchor or code block later', async () => {
    const counting = countingBackend();
    const store = await article(
      counting.client,
      `<p>${first.h5Url}</p><p><a id="blog" href="https://blog.example/">旧文</a></p><pre id="code">x</pre>`,
      { 'upgrade-links': '' },
    );
    await waitUntil(() => store.querySelector('xd-product-card'), 'first run', { timeout: 5000 });
    const blog = store.querySelector('#blog')!;
    const code = store.querySelector('#code')!;
    blog.append(` ${second.h5Url}`);
    code.append(document.createElement('span'));
    code.lastElementChild!.textContent = ` ${second.h5Url}`;
    // Added in the same batch: once it is a card, the batch has been read.
    const barrier = document.createElement('p');
    barrier.textContent = third.h5Url!;
    store.append(barrier);
    await waitUntil(() => barrier.querySelector('xd-product-card'), 'batch read', { timeout: 5000 });
    expect(blog.textContent).to.equal(`旧文 ${second.h5Url}`);
    expect(code.textContent).to.equal(`x ${second.h5Url}`);
    expect(counting.resolves).to.deep.equal([[first.h5Url], [third.h5Url]]);
  });

  it('stops when the store leaves the page mid-upgrade: its resolve request is aborted', async () => {
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const signals: AbortSignal[] = [];
    const counting = countingBackend({
      resolveLinks: async (links, options) => {
        if (options?.signal) signals.push(options.signal);
        await answered;
        return demo.resolveLinks(links, options);
      },
    });
    const store = await article(counting.client, `<p>${first.h5Url}</p>`, { 'upgrade-links': '' });
    await waitUntil(() => signals.length === 1, 'resolve asked', { timeout: 5000 });
    store.remove();
    expect(signals[0]!.aborted, 'the resolve request is aborted').to.equal(true);
    answer();
  });
});

describe("upgradeLinks and the reader's viewport", () => {
  /** An article taller than the viewport: a link far above where the reader is, one far below. */
  async function tallArticle(client: ReturnType<typeof countingBackend>['client']) {
    const gap = innerHeight * 2;
    const store = await article(
      client,
      `
        <p id="above"><a href="${first.h5Url!}">一</a></p>
        <p>上文 ${second.h5Url} 上文</p>
        <div style="height:${gap}px"></div>
        <p id="reading">读者正在读的这一段。</p>
        <div style="height:${gap}px"></div>
        <p id="below">${shopA!.h5Url}</p>
        <div style="height:${gap}px"></div>
      `,
      { style: 'display:block;width:343px' },
    );
    const reading = store.querySelector('#reading')!;
    scrollBy(0, reading.getBoundingClientRect().top - 100);
    expect(Math.round(reading.getBoundingClientRect().top)).to.equal(100);
    return { store, reading };
  }

  afterEach(() => {
    document.documentElement.style.removeProperty('overflow-anchor');
    scrollTo(0, 0);
  });

  it('keeps what the reader is looking at in place when cards above it grow', async () => {
    const { client } = countingBackend();
    const { reading } = await tallArticle(client);
    const scrolled = scrollY;
    const { upgraded } = await upgradeLinks(reading.parentElement!);
    expect(upgraded).to.have.length(3);
    expect(Math.abs(reading.getBoundingClientRect().top - 100)).to.be.below(1);
    expect(scrollY - scrolled, 'scrolled by what the large card above added').to.be.above(100);
  });

  it('keeps it in place in a browser without scroll anchoring too', async () => {
    // Safari (and so WeChat on iOS) does not anchor scrolling: the upgrader must scroll by itself.
    document.documentElement.style.setProperty('overflow-anchor', 'none');
    const { client } = countingBackend();
    const { reading } = await tallArticle(client);
    await upgradeLinks(reading.parentElement!);
    expect(Math.abs(reading.getBoundingClientRect().top - 100)).to.be.below(1);
  });

  it('replaces the links below the viewport first, those above it last', async () => {
    const { client } = countingBackend();
    const { store } = await tallArticle(client);
    const added: string[] = [];
    const observer = new MutationObserver((records) => {
      for (const record of records) {
        for (const node of record.addedNodes) if (node instanceof Element) added.push(node.localName);
      }
    });
    observer.observe(store, { childList: true, subtree: true });
    await upgradeLinks(store);
    observer.disconnect();
    expect(added).to.deep.equal(['xd-shop-entry', 'xd-product-card', 'xd-product-card']);
  });
});
