import { html, type TemplateResult } from 'lit';
import type { XiaodianClient } from '@xiaodian/client';

/**
 * Every variant of an element in every state, one store per state (each state is its own client), as a
 * designer reviews them at 375 px. The inline variant sits in a paragraph, as it would in an article.
 */
export function stateMatrix<Variant extends string, State extends string>(options: {
  variants: readonly Variant[];
  inlineVariant: Variant;
  states: Record<State, readonly [XiaodianClient, unknown]>;
  lang: string;
  theme: string;
  render: (state: State, variant: Variant) => TemplateResult;
}): TemplateResult {
  const { variants, inlineVariant, states, lang, theme, render } = options;
  return html`${variants.map(
    (variant) =>
      html`<h3 style="font:500 13px sans-serif">${variant}</h3>
        ${(Object.keys(states) as State[]).map(
          (state) =>
            html`<xd-store
              lang=${lang}
              theme=${theme}
              .client=${states[state][0]}
              style="display:block;max-width:343px;margin-bottom:12px"
            >
              ${variant === inlineVariant ? html`<p>${state}: ${render(state, variant)}</p>` : render(state, variant)}
            </xd-store>`,
        )}`,
  )}`;
}
