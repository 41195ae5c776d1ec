// Every variant of every element in every state, in-process against the demo catalog: the page
// designers and reviewers screenshot at 375 px (`?variant=small`, `?lang=en-US`, `?theme=dark`).
import { html, render } from 'lit';
import '@xiaodian/elements/define';
import { demoClient, malformedClient, offlineClient, pendingClient, products } from '../stories/fixtures.js';

const params = new URLSearchParams(location.search);
const variants = params.get('variant')?.split(',') ?? ['large', 'small', 'strip', 'text'];
const lang = params.get('lang') ?? 'zh-CN';
const theme = params.get('theme') ?? '';

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

render(
  html`${variants.map(
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
                        <xd-product-card
                          variant="text"
                          appid=${product.appid}
                          product-id=${product.productId}
                        ></xd-product-card>
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
  )}`,
  document.querySelector('#gallery')!,
);
