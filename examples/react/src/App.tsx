import { useState } from 'react';
import type { Intent, XdOpenEvent } from '@xiaodian/elements';

const appid = 'wx3f8a2c1d9e7b6a54';
const products = ['10000201001001', '10000201001002'];

interface Opened {
  intent: Intent;
  ref: string;
  title: string;
}

/**
 * A React 19 page with the elements as JSX: React sets attributes and properties on custom elements and
 * listens to `xd-open` through the `onxd-open` prop. The app handles intents itself (a SPA would route);
 * without `preventDefault()` the card's own bridge would open the product.
 */
export function App({ gateway }: { gateway: string }) {
  const [opened, setOpened] = useState<Opened | undefined>();
  const [variant, setVariant] = useState<'large' | 'small'>('large');

  function open(event: XdOpenEvent) {
    event.preventDefault();
    const { intent, ref, title = '' } = event.detail;
    const where =
      'productId' in ref ? `${ref.appid}:${ref.productId}` : 'appid' in ref ? ref.appid : ref.finderUserName;
    setOpened({ intent, ref: where, title });
  }

  return (
    <main>
      <h1>React 19</h1>
      <button type="button" onClick={() => setVariant(variant === 'large' ? 'small' : 'large')}>
        {variant === 'large' ? '小卡' : '大卡'}
      </button>
      <xd-store gateway={gateway} locale="zh-CN">
        {products.map((productId) => (
          <xd-product-card
            key={productId}
            appid={appid}
            product-id={productId}
            variant={variant}
            logo-position="bottom-right"
            onxd-open={open}
          />
        ))}
        <xd-shop-entry appid={appid} variant="banner" onxd-open={open} />
      </xd-store>
      <p>
        Opened: <output id="opened">{opened ? `${opened.intent} ${opened.ref} ${opened.title}` : ''}</output>
      </p>
    </main>
  );
}
