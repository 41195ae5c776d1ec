import { css } from 'lit';
import { tokenStyles } from '../theme/tokens.styles.js';

/*
 * The controls and the status line have fixed heights, and the list is as tall as all its results from the
 * first answer on (tiles not loaded yet are skeletons in their place): nothing moves while pages load.
 */
export const searchResultsStyles = [
  tokenStyles,
  css`
    :host {
      display: block;
      color: var(--_text);
      font-size: 14px;
      line-height: 20px;
    }
    :host([hidden]) {
      display: none;
    }
    .controls {
      display: flex;
      gap: 8px;
      height: 36px;
      align-items: center;
      overflow-x: auto;
      scrollbar-width: none;
      white-space: nowrap;
    }
    select,
    .layout,
    .check {
      flex: none;
      box-sizing: border-box;
      height: 32px;
      max-width: 12em;
      padding: 0 8px;
      border: 1px solid var(--_line);
      border-radius: 16px;
      background: var(--_surface);
      color: var(--_text);
      font: inherit;
      font-size: 13px;
    }
    .check {
      display: inline-flex;
      align-items: center;
      gap: 4px;
    }
    .layouts {
      display: inline-flex;
      gap: 4px;
    }
    .layout[aria-pressed='true'] {
      border-color: var(--_text);
      background: var(--_text);
      color: var(--_surface);
    }
    select:focus-visible,
    button:focus-visible,
    .check:focus-within {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    .status {
      box-sizing: border-box;
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px 8px;
      min-height: 44px;
      padding: 6px 0;
      color: var(--_muted);
      font-size: 13px;
    }
    .empty {
      color: var(--_text);
      font-size: 15px;
      flex-basis: 100%;
    }
    .hint {
      display: inline-flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 4px;
    }
    .link,
    .retry {
      min-height: 32px;
      padding: 0 10px;
      border: 1px solid var(--_line);
      border-radius: 16px;
      background: transparent;
      color: var(--_link);
      font: inherit;
      cursor: pointer;
    }
    .list {
      position: relative;
      contain: strict;
      min-height: 0;
    }
    .item {
      position: absolute;
      top: 0;
      left: 0;
      box-sizing: border-box;
    }
    .item:focus-visible {
      outline: 2px solid var(--_focus);
    }
    xd-search-tile {
      height: 100%;
    }
  `,
];
