import { html, nothing } from 'lit';
import { suggestionKinds, type Suggestion } from '@xiaodian/model';
import { DataController } from '../internal/data-controller.js';
import { debounced, type Scheduler } from '../internal/debounce.js';
import { XdElement } from '../internal/element.js';
import { dispatchSearch, type XdSearchEvent } from '../events/xd-search.js';
import { searchMessages, zhCN } from './search.messages.js';
import { searchStyles } from './search.styles.js';

/** The pause after the last keystroke (or the end of an IME composition) before suggestions are asked for. */
const suggestDelayMs = 150;

/** Whatever searches a query when the box submits one: `<xd-search-results>`, or any element with `query`. */
interface QueryTarget extends Element {
  query?: string;
}

/**
 * @tagname xd-search
 * @summary The search box: the WAI-ARIA combobox pattern in one shadow root (focus stays in the input, the
 * active suggestion is `aria-activedescendant`; arrows, Enter, Escape), suggestions grouped by kind, nothing
 * asked while an IME composition is open. `for` names the `<xd-search-results>` it drives; `sync-url` keeps
 * the query in the page URL (`?q=`).
 *
 * @csspart input - The text input.
 * @csspart submit - The search button.
 * @csspart listbox - The suggestions popup.
 * @csspart option - One suggestion.
 *
 * @cssproperty --xd-search-background - The field's background.
 * @cssproperty --xd-search-button-background - The search button's background.
 *
 * @event {XdSearchEvent} xd-search - Cancelable: the shopper submitted a query (Enter, a suggestion, the button).
 *
 * @attr {DataState} state - Read-only, reflected: where the suggestions for the current text are.
 * @cssstate loading - Suggestions are being asked for (or nothing is typed yet).
 * @cssstate ready - The suggestions for the text are shown.
 * @cssstate stale - Not used by the box: the client may answer suggestions from its cache, but says
 * nothing of how old they are, so they always show as `ready`.
 * @cssstate error - Suggestions could not be loaded (the box still searches).
 */
export class XdSearch extends XdElement {
  static override styles = searchStyles;
  static override shadowRootOptions = { ...XdElement.shadowRootOptions, delegatesFocus: true };

  static override properties = {
    for: { type: String },
    value: { type: String },
    placeholder: { type: String },
    label: { type: String },
    syncUrl: { type: Boolean, attribute: 'sync-url' },
  };

  /** The id of the element that searches what is submitted (an `<xd-search-results>` in the same document). */
  declare for: string | undefined;
  /** The text in the box. */
  declare value: string;
  /** The input's placeholder (default: 搜索商品、店铺). */
  declare placeholder: string | undefined;
  /** The input's accessible name (default: 搜索商品). */
  declare label: string | undefined;
  /** Keep the submitted query in the page URL as `?q=` (history.replaceState), and start from it. */
  declare syncUrl: boolean;
  #expanded = false;
  #active = -1;
  /** Whether the suggestions are open (when there are any); not a reactive property, so not in the manifest. */
  private get expanded(): boolean {
    return this.#expanded;
  }
  private set expanded(value: boolean) {
    this.#expanded = value;
    this.requestUpdate();
  }
  /** The index of the active suggestion, -1 for none. */
  private get active(): number {
    return this.#active;
  }
  private set active(value: number) {
    this.#active = value;
    this.requestUpdate();
  }

  /** The text suggestions are asked for: only set outside an IME composition. */
  #prefix = '';
  #composing = false;

  /**
   * What times the pause before suggestions are asked for (tests step it by hand).
   * @internal
   */
  scheduler: Scheduler = (run, ms) => {
    const timer = setTimeout(run, ms);
    return () => clearTimeout(timer);
  };

  private readonly suggestions = new DataController(this, {
    args: () => [this.#prefix] as const,
    task: debounced(
      suggestDelayMs,
      async ([prefix], { signal, client }) => ({
        value: prefix.trim() ? await client.suggest(prefix.trim(), { signal }) : [],
      }),
      (run, ms) => this.scheduler(run, ms),
    ),
    // The last suggestions stay while the next load, so the popup does not flicker at every keystroke.
    keepPrevious: true,
  });

  constructor() {
    super();
    this.value = '';
    this.syncUrl = false;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.ownerDocument.addEventListener('xd-search', this.#onSearchElsewhere);
    if (this.syncUrl) {
      const query = new URLSearchParams(location.search).get('q');
      if (query) {
        this.value = query;
        // After the page's elements are parsed: the results may come after the box.
        queueMicrotask(() => this.#searchTarget(query));
      }
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.ownerDocument.removeEventListener('xd-search', this.#onSearchElsewhere);
  }

  /** The results searched something else (a did-you-mean): the box shows what they search. */
  readonly #onSearchElsewhere = (event: XdSearchEvent) => {
    const target = this.#target();
    if (!target || event.composedPath()[0] !== target || event.defaultPrevented) return;
    this.value = event.detail.query;
    this.#syncUrl(event.detail.query);
  };

  #target(): QueryTarget | null {
    if (!this.for) return null;
    const root = this.getRootNode() as Document | ShadowRoot;
    return root.getElementById(this.for);
  }

  #searchTarget(query: string): void {
    const target = this.#target();
    if (!target) return;
    if ('query' in target) target.query = query;
    else target.setAttribute('query', query);
  }

  #syncUrl(query: string): void {
    if (!this.syncUrl) return;
    const url = new URL(location.href);
    if (query) url.searchParams.set('q', query);
    else url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
  }

  /** The suggestions in the order they are shown: grouped by kind, most popular first within a kind. */
  private get options(): Suggestion[] {
    const all = this.suggestions.value ?? [];
    return suggestionKinds.flatMap((kind) => all.filter((suggestion) => suggestion.kind === kind));
  }

  protected override updated(): void {
    // Keep the active option in view inside the popup (never scrolls the page: the popup is the scroller).
    const option = this.renderRoot.querySelector<HTMLElement>('[aria-selected=true]');
    const list = option?.closest<HTMLElement>('[role=listbox]');
    if (option && list) {
      if (option.offsetTop < list.scrollTop) list.scrollTop = option.offsetTop;
      else if (option.offsetTop + option.offsetHeight > list.scrollTop + list.clientHeight) {
        list.scrollTop = option.offsetTop + option.offsetHeight - list.clientHeight;
      }
    }
  }

  #ask(text: string): void {
    this.#prefix = text;
    this.active = -1;
    this.expanded = text.trim() !== '';
    this.requestUpdate();
  }

  readonly #onInput = (event: InputEvent) => {
    this.value = (event.target as HTMLInputElement).value;
    // While an IME composes (pinyin being typed), the text is not what the shopper means yet: ask nothing.
    if (event.isComposing || this.#composing) return;
    this.#ask(this.value);
  };

  readonly #onCompositionStart = () => {
    this.#composing = true;
  };

  readonly #onCompositionEnd = (event: CompositionEvent) => {
    this.#composing = false;
    this.value = (event.target as HTMLInputElement).value;
    this.#ask(this.value);
  };

  readonly #onKeydown = (event: KeyboardEvent) => {
    // Keys that confirm an IME candidate belong to the IME.
    if (event.isComposing || this.#composing) return;
    const count = this.options.length;
    const open = this.expanded && count > 0;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!count) return;
        this.expanded = true;
        this.active = open ? (this.active + 1) % count : 0;
        return;
      case 'ArrowUp':
        event.preventDefault();
        if (!count) return;
        this.expanded = true;
        this.active = open ? (this.active <= 0 ? count - 1 : this.active - 1) : count - 1;
        return;
      case 'Enter': {
        event.preventDefault();
        const chosen = open && this.active >= 0 ? this.options[this.active] : undefined;
        this.submit(chosen ? chosen.text : this.value);
        return;
      }
      case 'Escape':
        if (open) {
          event.preventDefault();
          this.expanded = false;
          this.active = -1;
        } else if (this.value) {
          event.preventDefault();
          this.value = '';
          this.#ask('');
        }
        return;
      default:
    }
  };

  /** Searches `query`: tells the page (`xd-search`), then the results element named by `for`. */
  submit(query: string = this.value): void {
    this.value = query;
    this.expanded = false;
    this.active = -1;
    if (!dispatchSearch(this, query)) return;
    this.#searchTarget(query);
    this.#syncUrl(query);
  }

  protected override render() {
    const t = searchMessages(this.locale, () => this.requestUpdate());
    // Until English arrives the box shows no words, but its controls are never nameless: a screen reader
    // gets the bundled Chinese names for that moment rather than an unlabelled field and button.
    const names = t ?? zhCN;
    // Those names are Chinese on a page that may not be: `lang` has a screen reader speak them as Chinese.
    const namesLang = t ? nothing : 'zh-CN';
    const options = this.options;
    const open = this.expanded && options.length > 0;
    const active = open && this.active >= 0 ? `option-${this.active}` : undefined;
    let index = 0;
    const groups = suggestionKinds
      .map((kind) => ({ kind, items: options.filter((option) => option.kind === kind) }))
      .filter((group) => group.items.length > 0);
    return html`<div class="field">
        <input
          part="input"
          id="input"
          type="search"
          role="combobox"
          enterkeyhint="search"
          autocomplete="off"
          spellcheck="false"
          aria-label=${this.label ?? names.label}
          lang=${this.label === undefined ? namesLang : nothing}
          placeholder=${this.placeholder ?? t?.placeholder ?? ''}
          aria-autocomplete="list"
          aria-controls="listbox"
          aria-expanded=${open ? 'true' : 'false'}
          aria-activedescendant=${active ?? nothing}
          .value=${this.value}
          @input=${this.#onInput}
          @compositionstart=${this.#onCompositionStart}
          @compositionend=${this.#onCompositionEnd}
          @keydown=${this.#onKeydown}
          @blur=${() => (this.expanded = false)}
          @focus=${() => (this.expanded = this.value.trim() !== '')}
        />
        <!-- prettier-ignore -->
        <button part="submit" class="submit" type="button" aria-label=${t ? nothing : names.submit} lang=${namesLang} @click=${() => this.submit()}>${t?.submit ?? ''}</button>
      </div>
      <div
        part="listbox"
        id="listbox"
        role="listbox"
        aria-label=${names.suggestions}
        lang=${namesLang}
        ?hidden=${!open}
      >
        ${groups.map(
          (group) =>
            html`<div role="group" aria-labelledby="group-${group.kind}">
              <div class="heading" id="group-${group.kind}" aria-hidden="true">${t?.kinds[group.kind]}</div>
              ${group.items.map((option) => {
                const i = index++;
                return html`<div
                  part="option"
                  role="option"
                  id="option-${i}"
                  aria-selected=${i === this.active ? 'true' : 'false'}
                  @mousedown=${(event: Event) => event.preventDefault()}
                  @click=${() => this.submit(option.text)}
                >
                  ${option.text}
                </div>`;
              })}
            </div>`,
        )}
      </div>`;
  }
}
