import { css } from 'lit';

/*
 * The global design tokens, WeUI's palette by default. Pages set `--xd-*` on any ancestor; components read
 * them through private `--_*` variables. Light and dark follow `prefers-color-scheme` through
 * `light-dark()`; a page that wants one of them sets `--xd-color-scheme: light` (or `dark`), which is what
 * `<xd-store theme>` does. The manifest lists these on every element that includes them (see
 * custom-elements-manifest.config.mjs), one per line:
 *
 * @cssproperty --xd-color-surface - Surface (background) colour.
 * @cssproperty --xd-color-text - Text colour.
 * @cssproperty --xd-color-text-secondary - Secondary text colour (sales, shop name, messages).
 * @cssproperty --xd-color-placeholder - The loading skeleton's bars.
 * @cssproperty --xd-color-line - Hairlines: the box's outline, the retry button's border.
 * @cssproperty --xd-color-price - Price colour.
 * @cssproperty --xd-color-buy - The buy button's colour.
 * @cssproperty --xd-color-link - Link colour (the inline variants).
 * @cssproperty --xd-color-focus - The focus ring.
 * @cssproperty --xd-radius - Corner radius of boxes.
 * @cssproperty --xd-font-family - Font family.
 * @cssproperty --xd-color-scheme - `light`, `dark` or `light dark` (the default: follow the system).
 */
export const tokenStyles = css`
  /* Light values for browsers without light-dark() (Chrome < 123, Safari < 17.5: older WeChat webviews). */
  :host {
    --_surface: var(--xd-color-surface, #fff);
    --_text: var(--xd-color-text, rgba(0, 0, 0, 0.9));
    --_muted: var(--xd-color-text-secondary, rgba(0, 0, 0, 0.55));
    --_placeholder: var(--xd-color-placeholder, #ededed);
    --_line: var(--xd-color-line, rgba(0, 0, 0, 0.08));
    --_price: var(--xd-color-price, #d9281e);
    --_buy: var(--xd-color-buy, #d9281e);
    --_link: var(--xd-color-link, #576b95);
  }
  @supports (color: light-dark(#000, #fff)) {
    :host {
      --_surface: var(--xd-color-surface, light-dark(#fff, #1f1f1f));
      --_text: var(--xd-color-text, light-dark(rgba(0, 0, 0, 0.9), rgba(255, 255, 255, 0.85)));
      --_muted: var(--xd-color-text-secondary, light-dark(rgba(0, 0, 0, 0.55), rgba(255, 255, 255, 0.55)));
      --_placeholder: var(--xd-color-placeholder, light-dark(#ededed, #2c2c2c));
      --_line: var(--xd-color-line, light-dark(rgba(0, 0, 0, 0.08), rgba(255, 255, 255, 0.1)));
      --_price: var(--xd-color-price, light-dark(#d9281e, #ff6a5f));
      --_buy: var(--xd-color-buy, light-dark(#d9281e, #c4271d));
      --_link: var(--xd-color-link, light-dark(#576b95, #7d90a9));
    }
  }
  :host {
    color-scheme: var(--xd-color-scheme, light dark);
    --_focus: var(--xd-color-focus, #07c160);
    --_radius: var(--xd-radius, 8px);
    font-family: var(
      --xd-font-family,
      -apple-system,
      BlinkMacSystemFont,
      'PingFang SC',
      'Helvetica Neue',
      'Microsoft YaHei',
      sans-serif
    );
    -webkit-tap-highlight-color: transparent;
  }
`;
