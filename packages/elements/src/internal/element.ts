import { LitElement } from 'lit';
import { resolveLocale, type Locale } from './i18n.js';

const connected = new Set<XdElement>();
let languageWatch: MutationObserver | undefined;

/**
 * Re-renders every Xiaodian element when a `lang` (or `<xd-store locale>`) changes anywhere in the
 * document, so a page that switches language does not have to touch each element. One observer for the
 * page, filtered to those two attributes, and only while an element is on the page.
 */
function watchLanguage(): void {
  if (languageWatch || typeof MutationObserver === 'undefined') return;
  languageWatch = new MutationObserver(() => connected.forEach((element) => element.requestUpdate()));
  languageWatch.observe(document.documentElement, { subtree: true, attributeFilter: ['lang', 'locale'] });
}

function unwatchLanguage(): void {
  languageWatch?.disconnect();
  languageWatch = undefined;
}

/**
 * The one base class of every Xiaodian element: only what all of them share. Behaviour that only some
 * need (loading data, impressions) lives in reactive controllers they add themselves.
 */
export class XdElement extends LitElement {
  /**
   * The element's CSS custom states (`:state(ready)`), where the browser has them; controllers such as
   * the data controller set them. Older WeChat webviews lack them, hence the `state` attribute beside.
   * @internal
   */
  readonly customStates: CustomStateSet | undefined = this.attachInternals?.().states;

  /** The element's own `lang`, the nearest `[lang]` or `<xd-store locale>`, else the document's language. */
  get locale(): Locale {
    const scope = this.closest('[lang], xd-store[locale]');
    return resolveLocale(scope?.getAttribute('lang') || scope?.getAttribute('locale') || document.documentElement.lang);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    connected.add(this);
    watchLanguage();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    connected.delete(this);
    if (connected.size === 0) unwatchLanguage();
  }
}
