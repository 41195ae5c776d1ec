import { html, type TemplateResult } from 'lit';

/** The outer box of a data-bound element: its part and class name, and whether it sits inline in text. */
export interface BoxOptions {
  /** The part and class of the box (`card`, `entry`). */
  part: string;
  /** The inline variant (the card's `text`, the shop entry's `inline`): a link in a sentence. */
  inline?: boolean;
}

/** What the box does when it holds data: opens (a button) or, when nothing can be opened, says why. */
export type BoxAction = { open: () => void; describedBy: string } | { label: string };

/** The box's classes: `box`, its part, and `inline` for the inline variant (box.styles.ts). */
export const boxClass = ({ part, inline }: BoxOptions) => `box ${part}${inline ? ' inline' : ''}`;

/**
 * The box with data in it, written once for every element: one button when it can be opened (its name is
 * the visible text; `describedBy` names the rest), else a group whose label says why it cannot.
 */
export function renderBox(box: BoxOptions, action: BoxAction, content: TemplateResult): TemplateResult {
  // prettier-ignore
  return 'label' in action
    ? html`<div part=${box.part} class=${boxClass(box)} role="group" aria-label=${action.label}>${content}</div>`
    : html`<button part=${box.part} class=${boxClass(box)} type="button" aria-describedby=${action.describedBy} @click=${action.open}>${content}</button>`;
}
