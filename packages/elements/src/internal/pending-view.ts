import { html, nothing, type TemplateResult } from 'lit';
import type { XiaodianError } from '@xiaodian/model';
import { diagnostics } from './attribute-check.js';
import { boxClass, type BoxOptions } from './box.js';

/** The words every data-bound element needs before it has data. */
export interface PendingMessages {
  loading: string;
  notFound: string;
  offline: string;
  loadFailed: string;
  /** The element's attributes name nothing it can show (the developer gets a console warning). */
  unavailable: string;
  /** The retry button's visible text. */
  retry: string;
  /** The retry button's accessible name: says what it retries, and starts with the visible text. */
  retryLabel: string;
}

/** What the pending view needs of the element's data: its error, and a way to load again. */
export interface PendingResource {
  readonly error: XiaodianError | undefined;
  reload(): void;
}

/**
 * A gateway URL that does not speak the Xiaodian API (a page origin with no gateway answers its own HTML
 * 404; `gateway="not a url"`): the client marks it `misconfigured`, and `not_found` only ever comes from the
 * API's own answer.
 */
export function isMisconfiguredGateway(error: XiaodianError): boolean {
  return error.code === 'misconfigured';
}

const announced = new WeakMap<Element, XiaodianError>();

/**
 * What a data-bound element draws until it has data: its grey skeleton (which holds the final box) with a
 * page's `placeholder` slot over it while loading, or the error over it with a retry where retrying can
 * help. `box` names the element's outer part and class (`card`, `entry`) and whether it is inline (see
 * box.ts); `t` is undefined while the element's words are still loading, which shows as loading.
 *
 * Loading is not a live region (a page of twenty cards would make twenty announcements): it is a labelled,
 * busy group. An error is announced once, politely, through the page's one live region.
 */
export function renderPending(
  host: Element,
  box: BoxOptions,
  skeleton: TemplateResult,
  resource: PendingResource,
  t: PendingMessages | undefined,
): TemplateResult {
  const error = resource.error;
  if (t && error) {
    const misconfigured = isMisconfiguredGateway(error);
    if (misconfigured) void diagnostics().then((words) => words.reportMisconfigured(host, error.message));
    const code = error.code;
    // `not_found` only when the API itself said so; a gateway that is not one is a service problem.
    const message =
      code === 'invalid_ref'
        ? t.unavailable
        : code === 'not_found' && !misconfigured
          ? t.notFound
          : code === 'offline'
            ? t.offline
            : t.loadFailed;
    if (announced.get(host) !== error) {
      announced.set(host, error);
      // Loaded with the first error: a page whose elements all load never downloads it.
      void diagnostics().then(({ announce }) => announce(message));
    }
    // Retrying cannot help what does not exist or a ref that is malformed.
    const reload = () => resource.reload();
    const retry =
      (code === 'not_found' && !misconfigured) || code === 'invalid_ref'
        ? nothing
        : html`<button class="retry" type="button" aria-label=${t.retryLabel} @click=${reload}>${t.retry}</button>`;
    // prettier-ignore
    return html`<div part=${box.part} class=${boxClass(box)}>${skeleton}<div class="error"><slot name="error">${message}</slot>${retry}</div></div>`;
  }
  // prettier-ignore
  return html`<div part=${box.part} class=${boxClass(box)} role="group" aria-label=${t?.loading ?? '…'} aria-busy="true">${skeleton}<slot name="placeholder"></slot></div>`;
}
