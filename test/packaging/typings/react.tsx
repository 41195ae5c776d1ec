// React 19 JSX with the generated typings (compiled alone).
import type {} from '@xiaodian/elements/react';
import type { Intent, XdOpenEvent } from '@xiaodian/elements';

export function Card({ onOpen }: { onOpen: (event: XdOpenEvent) => void }) {
  return (
    <xd-store gateway="https://gateway.example" locale="en-US">
      <xd-product-card
        appid="wx3f8a2c1d9e7b6a54"
        product-id="10000201001001"
        variant="small"
        logo-position="bottom-right"
        onxd-open={(event) => {
          const intent: Intent = event.detail.intent;
          if (intent === 'buy') onOpen(event);
        }}
      />
      {/* @ts-expect-error `logo-position` takes its union only. */}
      <xd-product-card appid="wx3f8a2c1d9e7b6a54" product-id="1" logo-position="top" />
      {/* @ts-expect-error `variant` takes its union only. */}
      <xd-shop-entry appid="wx3f8a2c1d9e7b6a54" variant="poster" />
    </xd-store>
  );
}
