// The embed builder's page: paste → resolve → preview in every card type, light and dark, with the looks
// WeChat allows → copy the web snippet, the mini-program markup, or the share link and its QR code.
import { html, nothing, render, type TemplateResult } from 'lit';
import '@xiaodian/elements/define';
import { isAppid } from '@xiaodian/model';
import elementsPackage from '../../packages/elements/package.json' with { type: 'json' };
import { looks, readLook, type Look, type LookValues } from './looks.js';
import { localeFrom, messagesFor, type BuilderMessages, type Locale } from './messages.js';
import { qrPath } from './qr.js';
import { resolvePasted, type Resolution } from './resolve.js';
import {
  embedSpec,
  miniProgramSnippet,
  setupSnippet,
  variantsOf,
  webSnippet,
  type EmbedSpec,
  type Target,
  type Variant,
} from './snippets.js';

const params = new URLSearchParams(location.search);
const locale: Locale = localeFrom(params.get('lang'));
const t: BuilderMessages = messagesFor(locale);
document.documentElement.lang = locale;
document.title = `${t.title} · Xiaodian Kit`;
const gateway = location.origin;

interface State {
  pasted: string;
  busy: boolean;
  resolution?: Resolution;
  target?: Target;
  variant: Variant;
  looks: LookValues;
  /** The appid typed into the shop picker, and whether it was malformed. */
  typedAppid: string;
  typedAppidInvalid: boolean;
  /** Which copy button last succeeded or failed, for its label. */
  copy?: { id: string; ok: boolean };
  /** Copies made so far: a new one is announced even when it repeats the last. */
  copies: number;
}

const state: State = {
  pasted: params.get('q') ?? '',
  busy: false,
  variant: 'large',
  looks: {},
  typedAppid: '',
  typedAppidInvalid: false,
  copies: 0,
};
let pending: AbortController | undefined;

async function resolve(appid?: string): Promise<void> {
  pending?.abort();
  const controller = new AbortController();
  pending = controller;
  state.busy = true;
  update();
  try {
    const resolution = await resolvePasted(gateway, state.pasted, {
      ...(appid ? { appid } : {}),
      signal: controller.signal,
    });
    if (controller.signal.aborted) return;
    state.resolution = resolution;
    if (resolution.ok) {
      // A new product keeps the card type where it can (a shop has its own three).
      if (!variantsOf(resolution.target).includes(state.variant)) state.variant = variantsOf(resolution.target)[0]!;
      state.target = resolution.target;
      state.copy = undefined;
      const url = new URL(location.href);
      url.searchParams.set('q', state.pasted);
      history.replaceState(null, '', url);
    } else {
      state.target = undefined;
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  } finally {
    if (pending === controller) {
      state.busy = false;
      update();
    }
  }
}

/** The words for what went wrong, in the page's language (the gateway's own message is English). */
function messageOf(resolution: Resolution | undefined): string {
  if (!resolution || resolution.ok) return '';
  if (resolution.kind === 'problem') return t.problems[resolution.problem];
  if (resolution.kind === 'live') return t.liveNotSupported;
  return t.failure(resolution.code);
}

/** Preview elements are built from the snippet's own description, and kept while only their looks change. */
const previews = new Map<string, HTMLElement>();
function previewElement(spec: EmbedSpec, theme: string): HTMLElement {
  const key = `${theme}\n${JSON.stringify({ ...spec, style: [] })}`;
  let element = previews.get(key);
  if (!element) {
    element = document.createElement(spec.tag);
    for (const [name, value] of spec.attributes) element.setAttribute(name, value);
    if (spec.text) element.textContent = spec.text;
    previews.set(key, element);
  }
  element.removeAttribute('style');
  for (const [property, value] of spec.style) element.style.setProperty(property, value);
  return element;
}

async function copy(id: string, text: string, source: HTMLElement | null): Promise<void> {
  let ok = false;
  try {
    await navigator.clipboard.writeText(text);
    ok = true;
  } catch {
    // Without the async clipboard (an old WebView), select the text and use the legacy command.
    if (source) {
      getSelection()?.selectAllChildren(source);
      ok = document.execCommand('copy');
    }
  }
  state.copy = { id, ok };
  state.copies += 1;
  update();
}

function copyButton(id: string, text: string, label: string): TemplateResult {
  const done = state.copy?.id === id;
  return html`<button
    type="button"
    class="copy"
    data-copy=${id}
    aria-describedby="${id}-text"
    @click=${() => copy(id, text, document.getElementById(`${id}-text`))}
  >
    ${done && state.copy!.ok ? t.copied : label}
  </button>`;
}

function lookControl(look: Look): TemplateResult {
  const value = state.looks[look.name as keyof LookValues];
  const id = `look-${look.name}`;
  const shown = value === undefined ? t.lookDefault : look.kind === 'size' ? `${value}px` : String(value);
  const onInput = (event: Event) => {
    const read = readLook(look, (event.target as HTMLInputElement).value);
    if (read === undefined) return;
    state.looks = { ...state.looks, [look.name]: read };
    update();
  };
  return html`<div class="look">
    <label for=${id}>${t.lookNames[look.name]}</label>
    ${
      look.kind === 'colour'
        ? html`<input id=${id} type="color" .value=${String(value ?? look.start)} @input=${onInput} />`
        : html`<input
            id=${id}
            type="range"
            min=${look.min}
            max=${look.max}
            step="1"
            .value=${String(value ?? look.start)}
            @input=${onInput}
          />`
    }
    <output for=${id} data-look=${look.name}>${shown}</output>
  </div>`;
}

function shopPicker(resolution: Extract<Resolution, { ok: false; kind: 'problem' }>): TemplateResult | typeof nothing {
  if (resolution.problem !== 'product_id_needs_shop') return nothing;
  const shops = resolution.shops;
  return html`<section class="picker" aria-labelledby="picker-title">
    <h2 id="picker-title">${t.pickShop}</h2>
    <p>${t.pickShopHelp}</p>
    ${
      shops && shops.length > 0
        ? html`<ul class="shops">
            ${shops.map(
              (shop) =>
                html`<li>
                  <button type="button" data-appid=${shop.appid} @click=${() => resolve(shop.appid)}>
                    ${shop.name} <span class="appid">${shop.appid}</span>
                  </button>
                </li>`,
            )}
          </ul>`
        : shops
          ? html`<p>${t.noShopSells}</p>`
          : nothing
    }
    <form
      class="appid-form"
      @submit=${(event: Event) => {
        event.preventDefault();
        state.typedAppidInvalid = !isAppid(state.typedAppid.trim());
        if (state.typedAppidInvalid) update();
        else void resolve(state.typedAppid.trim());
      }}
    >
      <label for="typed-appid">${t.appidLabel}</label>
      <input
        id="typed-appid"
        autocomplete="off"
        spellcheck="false"
        placeholder="wx3f8a2c1d9e7b6a54"
        aria-invalid=${state.typedAppidInvalid ? 'true' : 'false'}
        aria-describedby="typed-appid-error"
        .value=${state.typedAppid}
        @input=${(event: Event) => (state.typedAppid = (event.target as HTMLInputElement).value)}
      />
      <button type="submit">${t.useShop}</button>
      <p id="typed-appid-error" class="error">${state.typedAppidInvalid ? t.problems.invalid_appid : ''}</p>
    </form>
  </section>`;
}

function previewPane(spec: EmbedSpec, theme: 'light' | 'dark'): TemplateResult {
  const element = previewElement(spec, theme);
  const inline = state.variant === 'text' || state.variant === 'inline';
  return html`<figure class="pane ${theme}" data-theme=${theme}>
    <figcaption>${theme === 'light' ? t.light : t.dark}</figcaption>
    <xd-store theme=${theme} locale=${locale}>
      ${inline ? html`<p class="sentence">${t.inSentenceBefore} ${element} ${t.inSentenceAfter}</p>` : element}
    </xd-store>
  </figure>`;
}

function output(target: Target): TemplateResult {
  const spec = embedSpec(target, state.variant, target.kind === 'product' ? state.looks : {}, locale);
  const web = webSnippet(spec);
  const mini = miniProgramSnippet(target, target.kind === 'product' ? state.looks : {});
  const name = target.kind === 'product' ? target.title : target.name;
  const qr = target.h5Url ? qrPath(target.h5Url) : undefined;
  return html`<section class="preview" aria-labelledby="preview-title">
      <h2 id="preview-title">${t.preview}</h2>
      <fieldset class="variants">
        <legend>${t.cardType}</legend>
        ${variantsOf(target).map(
          (variant) =>
            html`<label
              ><input
                type="radio"
                name="variant"
                value=${variant}
                .checked=${state.variant === variant}
                @change=${() => {
                  state.variant = variant;
                  update();
                }}
              />
              ${t.variantNames[variant]}</label
            >`,
        )}
      </fieldset>
      ${
        target.kind === 'product'
          ? html`<fieldset class="looks">
              <legend>${t.looks}</legend>
              <p class="help">${t.looksHelp}</p>
              ${looks.map((look) => lookControl(look))}
              <button
                type="button"
                class="reset"
                @click=${() => {
                  state.looks = {};
                  update();
                }}
              >
                ${t.resetLooks}
              </button>
            </fieldset>`
          : html`<p class="help">${t.shopNoLooks}</p>`
      }
      <div class="panes">${previewPane(spec, 'light')} ${previewPane(spec, 'dark')}</div>
    </section>
    <section class="copy-section" aria-labelledby="copy-title">
      <h2 id="copy-title">${t.copyTitle}</h2>
      <div class="block">
        <h3>${t.webSnippet}</h3>
        <p class="help">${t.webSnippetHelp}</p>
        <pre><code id="web-text">${web}</code></pre>
        ${copyButton('web', web, t.copy)}
        <p class="help">${t.setupSnippet}</p>
        <pre><code id="setup-text">${setupSnippet(gateway, elementsPackage.version)}</code></pre>
      </div>
      <div class="block">
        <h3>${t.miniProgram}</h3>
        <p class="help">${t.miniProgramHelp}</p>
        <pre><code id="mini-text">${mini}</code></pre>
        ${copyButton('mini', mini, t.copy)}
      </div>
      <div class="block">
        <h3>${t.share}</h3>
        ${
          target.h5Url && qr
            ? html`<p class="help">${t.shareHelp}</p>
                <p class="link"><a id="share-text" href=${target.h5Url}>${target.h5Url}</a></p>
                ${copyButton('share', target.h5Url, t.copy)}
                <svg
                  class="qr"
                  role="img"
                  aria-label=${t.qrLabel(name)}
                  viewBox="0 0 ${qr.size} ${qr.size}"
                  shape-rendering="crispEdges"
                >
                  <path d=${qr.d} fill="#000"></path>
                </svg>`
            : html`<p class="help">${t.noShareLink}</p>`
        }
      </div>
    </section>`;
}

function page(): TemplateResult {
  const other: Locale = locale === 'zh-CN' ? 'en-US' : 'zh-CN';
  const switchUrl = new URL(location.href);
  switchUrl.searchParams.set('lang', other);
  const failed = state.resolution && !state.resolution.ok ? state.resolution : undefined;
  return html`<header>
      <h1>${t.title}</h1>
      <a class="language" href=${switchUrl.href} lang=${other} hreflang=${other}>${t.otherLanguage}</a>
    </header>
    <main>
      <p>${t.intro}</p>
      <form
        class="paste"
        @submit=${(event: Event) => {
          event.preventDefault();
          void resolve();
        }}
      >
        <label for="pasted">${t.pasteLabel}</label>
        <textarea
          id="pasted"
          rows="3"
          autocomplete="off"
          spellcheck="false"
          aria-describedby="paste-help"
          aria-invalid=${failed?.kind === 'problem' ? 'true' : 'false'}
          .value=${state.pasted}
          @input=${(event: Event) => (state.pasted = (event.target as HTMLTextAreaElement).value)}
        ></textarea>
        <p id="paste-help" class="help">${t.pasteHelp}</p>
        <button type="submit" ?disabled=${state.busy}>${state.busy ? t.resolving : t.resolve}</button>
      </form>
      <p
        id="message"
        class="error"
        role="alert"
        data-problem=${failed?.kind === 'problem' ? failed.problem : (failed?.kind ?? '')}
      >
        ${messageOf(state.resolution)}
      </p>
      ${failed?.kind === 'problem' ? shopPicker(failed) : nothing} ${state.target ? output(state.target) : nothing}
      <p class="copy-status" role="status" data-copies=${state.copies}>
        ${state.copy ? (state.copy.ok ? t.copied : t.copyFailed) : ''}
      </p>
    </main>`;
}

function update(): void {
  render(page(), document.body);
}

update();
if (state.pasted) void resolve();
