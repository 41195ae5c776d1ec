import { css } from 'lit';

/*
 * Every state draws the same box: the media keeps its aspect ratio and each text row has a fixed height,
 * so nothing on the page moves when data arrives (zero layout shift).
 */
export const productCardStyles = css`
  :host {
    --_bg: var(--xd-product-card-background, var(--xd-color-surface, #fff));
    --_title-color: var(--xd-product-card-title-color, var(--xd-color-text, rgba(0, 0, 0, 0.9)));
    --_price-color: var(--xd-product-card-price-color, var(--xd-color-price, #e02e24));
    --_muted: var(--xd-color-text-secondary, rgba(0, 0, 0, 0.55));
    --_placeholder: var(--xd-color-placeholder, #ededed);
    --_radius: var(--xd-radius, 8px);
    display: block;
    max-width: 100%;
    font-family: var(
      --xd-font-family,
      -apple-system,
      BlinkMacSystemFont,
      'PingFang SC',
      'Helvetica Neue',
      'Microsoft YaHei',
      sans-serif
    );
    font-size: 14px;
    line-height: 20px;
    color: var(--_title-color);
  }

  .card {
    position: relative;
    display: flex;
    flex-direction: column;
    background: var(--_bg);
    border-radius: var(--_radius);
    overflow: hidden;
    box-shadow: 0 0 0 1px rgba(0, 0, 0, 0.06);
  }

  .media {
    position: relative;
    aspect-ratio: 16 / 9;
    background: var(--_placeholder);
  }
  .media img {
    position: absolute;
    inset: 0;
    display: block;
    width: 100%;
    height: 100%;
    object-fit: cover;
  }

  .body {
    display: grid;
    gap: 6px;
    padding: 10px 12px 12px;
  }

  .title {
    margin: 0;
    height: 44px; /* two lines, always */
    font-size: 15px;
    line-height: 22px;
    font-weight: 500;
    overflow: hidden;
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow-wrap: anywhere;
  }

  .meta {
    display: flex;
    align-items: baseline;
    justify-content: space-between;
    gap: 8px;
    height: 24px;
  }
  .price {
    color: var(--_price-color);
    font-size: 18px;
    line-height: 24px;
    font-weight: 600;
    white-space: nowrap;
  }
  .sales,
  .availability {
    color: var(--_muted);
    font-size: 12px;
    white-space: nowrap;
  }

  .shop {
    display: flex;
    align-items: center;
    gap: 6px;
    height: 20px;
    color: var(--_muted);
    font-size: 12px;
    overflow: hidden;
  }
  .shop img {
    width: 20px;
    height: 20px;
    border-radius: 50%;
    flex: none;
  }
  .shop span {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  /* Loading: grey bars in the exact boxes the text will take. */
  .bar {
    display: block;
    background: var(--_placeholder);
    border-radius: 4px;
  }
  .title .bar {
    height: 16px;
    margin: 3px 0;
  }
  .title .bar + .bar {
    width: 60%;
    margin-top: 6px;
  }
  .meta .bar {
    width: 30%;
    height: 18px;
  }
  .shop .bar {
    width: 40%;
    height: 14px;
  }
  @media (prefers-reduced-motion: no-preference) {
    :host([state='loading']) .bar,
    :host([state='loading']) .media {
      animation: pulse 1.4s ease-in-out infinite;
    }
  }
  @keyframes pulse {
    50% {
      opacity: 0.55;
    }
  }

  .error {
    position: absolute;
    inset: 0;
    display: flex;
    flex-direction: column;
    align-items: center;
    justify-content: center;
    gap: 8px;
    padding: 12px;
    text-align: center;
    color: var(--_muted);
    background: var(--_bg);
  }
  .error button {
    min-height: 44px;
    min-width: 88px;
    padding: 0 16px;
    border: 1px solid rgba(0, 0, 0, 0.15);
    border-radius: 6px;
    background: transparent;
    color: var(--_title-color);
    font: inherit;
    cursor: pointer;
  }
  .error button:focus-visible {
    outline: 2px solid var(--xd-color-focus, #07c160);
    outline-offset: 2px;
  }
`;
