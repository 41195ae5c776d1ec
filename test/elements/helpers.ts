import { fixture, html, waitUntil } from '@open-wc/testing';
import type { XiaodianClient } from '@xiaodian/client';
import type { XdProductCard } from '@xiaodian/elements/product-card';
import type { Product, ProductSource } from '@xiaodian/model';

export interface MountOptions {
  variant?: string;
  lang?: string;
  theme?: string;
  openPage?: string;
  promotionLink?: string;
  mediaId?: string;
  width?: number;
}

/** One card inside a store at a phone's content width (375 px less the article's 16 px margins). */
export async function mountCard(
  client: XiaodianClient,
  ref: { appid: string; productId: string },
  options: MountOptions = {},
): Promise<XdProductCard> {
  const store = await fixture(
    html`<xd-store
      lang=${options.lang ?? 'zh-CN'}
      theme=${options.theme ?? ''}
      .client=${client}
      style="display:block;width:${options.width ?? 343}px"
    >
      <p>
        <xd-product-card
          variant=${options.variant ?? 'large'}
          appid=${ref.appid}
          product-id=${ref.productId}
          open-page=${options.openPage ?? 'product-detail'}
          product-promotion-link=${options.promotionLink ?? ''}
          media-id=${options.mediaId ?? ''}
        ></xd-product-card>
      </p>
    </xd-store>`,
  );
  return store.querySelector('xd-product-card') as XdProductCard;
}

export const settled = (element: Element) =>
  waitUntil(() => element.getAttribute('state') !== 'loading', 'left loading', { timeout: 5000 });

/** Waits for words to show: English loads its catalog on demand. */
export const shows = (element: Element, text: string) =>
  waitUntil(() => shadowText(element).includes(text), `shows "${text}"`, { timeout: 5000 });

export const shadowText = (element: Element) => (element.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ');

export const part = (element: Element, name: string) =>
  element.shadowRoot!.querySelector<HTMLElement>(`[part~='${name}']`);

/** A backend whose answers the test releases by hand, to look at loading and stale states. */
export function gatedBackend(inner: ProductSource) {
  let release!: () => void;
  let gate = new Promise<void>((resolve) => (release = resolve));
  let calls = 0;
  const backend: ProductSource = {
    async getProducts(refs, options) {
      calls += 1;
      await gate;
      return inner.getProducts(refs, options);
    },
  };
  return {
    backend,
    get calls() {
      return calls;
    },
    release: () => release(),
    /** Holds the next answers again. */
    hold: () => (gate = new Promise<void>((resolve) => (release = resolve))),
  };
}

export function box(element: Element) {
  const { width, height } = element.getBoundingClientRect();
  return { width: Math.round(width * 10) / 10, height: Math.round(height * 10) / 10 };
}

export type { Product };

/**
 * The elements load their console words on first need; once this test has loaded the same module, every
 * message the elements asked for has been written (their callbacks were queued first).
 */
export const diagnosticsWritten = async (expected?: () => boolean) => {
  await import('../../packages/elements/dist/internal/diagnostics.js');
  await Promise.resolve();
  // On first use the elements may fetch the module under another URL (the package's) than this test does,
  // so where a warning or report is expected, wait for it, boundedly, instead of racing that fetch.
  for (const deadline = Date.now() + 2000; expected && !expected() && Date.now() < deadline;) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};
