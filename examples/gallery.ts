// Every variant of every element in every state, in-process against the demo catalog: the page
// designers and reviewers screenshot at 375 px (`?variant=small`, `?lang=en-US`, `?theme=dark`).
import { html, render } from 'lit';
import '@xiaodian/elements/define';
import {
  demoClient,
  malformedClient,
  offlineClient,
  pendingClient,
  products,
  shops,
  textLinkWords,
} from '../stories/fixtures.js';

const params = new URLSearchParams(location.search);
const variants = params.get('variant')?.split(',') ?? ['large', 'small', 'strip', 'text', 'card', 'banner', 'inline'];
const shopVariants = new Set(['card', 'banner', 'inline']);
const lang = params.get('lang') ?? 'zh-CN';
const theme = params.get('theme') ?? '';
// The page's own chrome follows the theme the cards are forced to, not only the system's.
if (theme === 'light' || theme === 'dark') document.documentElement.dataset['theme'] = theme;

const states = [
  ['ready', demoClient, products.available],
  ['long title', demoClient, products.longTitle],
  ['gift', demoClient, products.giftable],
  ['sold out', demoClient, products.soldOut],
  ['delisted', demoClient, products.delisted],
  ['banned', demoClient, products.banned],
  ['loading', pendingClient, products.available],
  ['offline', offlineClient, products.available],
  ['malformed', malformedClient(products.available), products.available],
] as const;

const shopStates = [
  ['official flagship', demoClient, shops.flagship],
  ['individual', demoClient, shops.individual],
  ['closing', demoClient, shops.closing],
  ['loading', pendingClient, shops.flagship],
  ['offline', offlineClient, shops.flagship],
  ['not found', demoClient, { ...shops.flagship, appid: 'wx0000000000000000' }],
] as const;

const shopEntries = (variant: string) =>
  shopStates.map(
    ([name, client, shop]) =>
      html`<section>
        <h2>${variant} · ${name}</h2>
        <xd-store .client=${client} lang=${lang} theme=${theme}>
          ${
            variant === 'inline'
              ? html`<p>
                  推荐一家店 <xd-shop-entry variant="inline" appid=${shop.appid}>${shop.name}</xd-shop-entry> 值得一逛。
                </p>`
              : html`<xd-shop-entry variant=${variant} appid=${shop.appid}></xd-shop-entry>`
          }
        </xd-store>
      </section>`,
  );

render(
  html`${variants.map((variant) =>
    shopVariants.has(variant)
      ? html`<h2>${variant}</h2>
          ${shopEntries(variant)}`
      : productCards(variant),
  )}`,
  document.querySelector('#gallery')!,
);

function productCards(variant: string) {
  return html`${[variant].map(
    (variant) =>
      html`<h2>${variant}</h2>
        ${states.map(
          ([name, client, product]) =>
            html`<section>
              <h2>${variant} · ${name}</h2>
              <xd-store .client=${client} lang=${lang} theme=${theme}>
                ${
                  variant === 'text'
                    ? html`<p>
                        正文里的文字链接
                        <xd-product-card variant="text" appid=${product.appid} product-id=${product.productId}
                          >${textLinkWords(product)}</xd-product-card
                        >
                        接着是后面的文字，看看是否换行。
                      </p>`
                    : html`<xd-product-card
                        variant=${variant}
                        open-page=${name === 'gift' ? 'gift' : 'product-detail'}
                        appid=${product.appid}
                        product-id=${product.productId}
                      ></xd-product-card>`
                }
              </xd-store>
            </section>`,
        )}`,
  )}`;
}
