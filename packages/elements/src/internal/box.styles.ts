import { css } from 'lit';

/*
 * The box every data-bound element draws in every state (`.box`: its outer part, a button when it can be
 * opened), and what it shows before it has data (see pending-view.ts): grey bars that pulse while loading,
 * a page's placeholder over them, the error over them with its retry button. Each component sets
 * `--_box-bg` to its background, and its own layout, padding and bars; the box's rules have no specificity
 * (`:where`), so a component's own always win.
 */
export const boxStyles = css`
  :where(.box) {
    position: relative;
    box-sizing: border-box;
    width: 100%;
    margin: 0;
    padding: 0;
    border: 0;
    border-radius: var(--_radius);
    overflow: hidden;
    background: var(--_box-bg);
    box-shadow: 0 0 0 1px var(--_line);
    color: inherit;
    font: inherit;
    text-align: start;
  }
  button.box {
    cursor: pointer;
  }
  button.box:focus-visible,
  .retry:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  ::slotted([slot='placeholder']) {
    position: absolute;
    inset: 0;
    box-sizing: border-box;
    display: flex;
    align-items: center;
    justify-content: center;
    background: var(--_box-bg);
  }
  .bar {
    display: block;
    height: 14px;
    border-radius: 4px;
    background: var(--_placeholder);
  }
  @media (prefers-reduced-motion: no-preference) {
    :host([state='loading']) .bar,
    :host([state='loading']) .pulse {
      animation: pulse 1.4s ease-in-out infinite;
    }
  }
  /* Behind an error the skeleton only holds the box. */
  :host([state='error']) .bar,
  :host([state='error']) .pulse {
    visibility: hidden;
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
    align-items: center;
    gap: 8px;
    color: var(--_muted);
    background: var(--_box-bg);
  }
  .retry {
    flex: none;
    min-height: 44px;
    min-width: 72px;
    padding: 0 16px;
    border: 1px solid var(--_line);
    border-radius: 6px;
    background: transparent;
    color: var(--_text);
    font: inherit;
    cursor: pointer;
  }

  /*
   * The inline variant (the card's 'text', the shop entry's 'inline'): a link in a sentence, the
   * same in every element; its error and retry are words in the line, not a panel and a button. The
   * element sizes its host (an inline-block one line high, as wide as what the page wrote inside it) and
   * hides what a link omits. That written text is copied, invisible, into the flow (.sizer, after the
   * logo's room) to give the link its width, and the box is drawn over it; while loading it reads in place.
   */
  .sizer {
    display: inline-block;
    padding-inline-start: 1.25em;
    color: var(--_link);
    visibility: hidden;
  }
  :host([state='loading']) .sizer {
    visibility: visible;
  }
  .inline.box {
    position: absolute;
    inset: 0;
    display: flex;
    flex-direction: row;
    align-items: center;
    gap: 0.25em;
    height: 100%;
    /* A link in a sentence: no padding of its own and one line, so it sits in the text like a word. */
    padding: 0;
    white-space: nowrap;
    box-shadow: none;
    background: transparent;
    color: var(--_link);
  }
  .inline .error {
    flex-direction: row;
    justify-content: space-between;
    gap: 0.25em;
    padding: 0;
    background: transparent;
    text-align: start;
    white-space: nowrap;
    overflow: hidden;
  }
  .inline .retry {
    min-height: 0;
    min-width: 0;
    padding: 0;
    border: 0;
    color: var(--_link);
    text-decoration: underline;
  }
`;
