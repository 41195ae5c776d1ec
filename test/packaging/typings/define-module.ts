// What a page gets from importing one define module and nothing else (the static suite compiles this file
// alone, tsconfig.define-module.json): the element type from querySelector, its events on addEventListener.
import '@xiaodian/elements/product-card/define';

const card = document.querySelector('xd-product-card');
if (card) {
  const position: 'bottom-left' | 'bottom-right' = card.logoPosition;
  card.addEventListener('xd-open', (event) => {
    const { intent, ref } = event.detail;
    // @ts-expect-error the intent is one of the intents' names, never a number (nor `any`).
    const wrong: number = intent;
    console.log(position, wrong, ref);
  });
  // @ts-expect-error `logoPosition` is its union, not any string.
  card.logoPosition = 'top-left';
}
// Every element's tag is typed from any define module: they share the generated maps.
document.querySelector('xd-shop-entry')?.addEventListener('xd-impression', (event) => event.detail.ref);
