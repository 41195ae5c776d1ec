import { html, nothing, type TemplateResult } from 'lit';
import { boxClass, type BoxOptions } from './box.js';
import type { DataController } from './data-controller.js';

/** The words every data-bound element needs before it has data. */
export interface PendingMessages {
  loading: string;
  notFound: string;
  offline: string;
  loadFailed: string;
  retry: string;
}

/**
 * What a data-bound element draws until it has data: its grey skeleton (which holds the final box) with a
 * page's `placeholder` slot over it while loading, or the error over it with a retry where retrying can
 * help. `box` names the element's outer part and class (`card`, `entry`) and whether it is inline (see
 * box.ts); `t` is undefined while the element's words are still loading, which shows as loading.
 */
export function renderPending(
  box: BoxOptions,
  skeleton: TemplateResult,
  resource: Pick<DataController<readonly unknown[], unknown>, 'error' | 'reload'>,
  t: PendingMessages | undefined,
): TemplateResult {
  const error = resource.error;
  if (t && error) {
    const code = error.code;
    const message = code === 'not_found' ? t.notFound : code === 'offline' ? t.offline : t.loadFailed;
    // Retrying cannot help what does not exist or a ref that is malformed.
    const retry =
      code === 'not_found' || code === 'invalid_ref'
        ? nothing
        : html`<button class="retry" type="button" @click=${() => resource.reload()}>${t.retry}</button>`;
    // prettier-ignore
    return html`<div part=${box.part} class=${boxClass(box)}>${skeleton}<div class="error"><slot name="error">${message}</slot>${retry}</div></div>`;
  }
  // prettier-ignore
  return html`<div part=${box.part} class=${boxClass(box)} role="status" aria-label=${t?.loading ?? '…'} aria-busy="true">${skeleton}<slot name="placeholder"></slot></div>`;
}
