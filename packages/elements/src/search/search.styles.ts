import { css } from 'lit';
import { tokenStyles } from '../theme/tokens.styles.js';

/* The box is one 40 px row; the suggestions open over the page below it, so nothing on the page moves. */
export const searchStyles = [
  tokenStyles,
  css`
    :host {
      position: relative;
      display: block;
      color: var(--_text);
      font-size: 15px;
      line-height: 20px;
    }
    :host([hidden]) {
      display: none;
    }
    .field {
      display: flex;
      align-items: center;
      gap: 8px;
      box-sizing: border-box;
      height: 40px;
      padding: 0 4px 0 14px;
      border-radius: 20px;
      background: var(--xd-search-background, var(--_placeholder));
    }
    .field:focus-within {
      outline: 2px solid var(--_focus);
      outline-offset: 1px;
    }
    input {
      flex: 1;
      min-width: 0;
      height: 100%;
      padding: 0;
      border: 0;
      background: transparent;
      color: inherit;
      font: inherit;
      outline: none;
    }
    input::placeholder {
      color: var(--_muted);
    }
    input::-webkit-search-cancel-button {
      display: none;
    }
    .submit {
      flex: none;
      height: 32px;
      padding: 0 14px;
      border: 0;
      border-radius: 16px;
      background: var(--xd-search-button-background, var(--_buy));
      color: #fff;
      font: inherit;
      font-size: 14px;
      cursor: pointer;
    }
    .submit:focus-visible {
      outline: 2px solid var(--_focus);
      outline-offset: 2px;
    }
    [role='listbox'] {
      position: absolute;
      z-index: 10;
      top: 44px;
      left: 0;
      right: 0;
      box-sizing: border-box;
      max-height: min(60vh, 360px);
      overflow-y: auto;
      margin: 0;
      padding: 4px 0;
      border-radius: var(--_radius);
      background: var(--_surface);
      box-shadow:
        0 0 0 1px var(--_line),
        0 6px 20px rgba(0, 0, 0, 0.12);
    }
    [role='listbox'][hidden] {
      display: none;
    }
    .heading {
      padding: 6px 14px 2px;
      color: var(--_muted);
      font-size: 12px;
      line-height: 16px;
    }
    [role='option'] {
      padding: 10px 14px;
      min-height: 20px;
      cursor: pointer;
      overflow: hidden;
      text-overflow: ellipsis;
      white-space: nowrap;
    }
    [role='option'][aria-selected='true'] {
      background: var(--_placeholder);
      box-shadow: inset 3px 0 0 var(--_focus);
    }
  `,
];
