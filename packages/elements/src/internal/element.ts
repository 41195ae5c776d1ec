import { LitElement } from 'lit';
import { resolveLocale, type Locale } from './i18n.js';

/**
 * The one base class of every Xiaodian element: only what all of them share. Behaviour that only some
 * need (loading data, impressions) lives in reactive controllers they add themselves.
 */
export class XdElement extends LitElement {
  /** The element's own `lang`, the nearest `[lang]` or `<xd-store locale>`, else the document's language. */
  get locale(): Locale {
    const scope = this.closest('[lang], xd-store[locale]');
    return resolveLocale(scope?.getAttribute('lang') || scope?.getAttribute('locale') || document.documentElement.lang);
  }
}
