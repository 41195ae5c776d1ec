import { XiaodianError, formatProductRef } from '@xiaodian/model';
import type { CallOptions, ClientCore, PageItem, ProductPage } from './client.js';
import type { ResourceKind } from './events.js';
import { createSharedRequests, type SharedRequests } from './shared-requests.js';
import { checkProduct } from './validate.js';

/**
 * What the lazily loaded resources share: one request per key, and checked lists of products. Shops and
 * lives (resources.ts) and search (search-resources.ts) load apart, so a search page never downloads the
 * shop and live checks, nor a shop the search ones.
 */

const sharedByClient = new WeakMap<ClientCore, SharedRequests>();

/** One in-flight request per key and client: identical asks share it. */
export function share<V>(
  core: ClientCore,
  key: string,
  start: (signal: AbortSignal) => Promise<V>,
  signal?: AbortSignal,
) {
  let shared = sharedByClient.get(core);
  if (!shared) sharedByClient.set(core, (shared = createSharedRequests()));
  return shared(key, start, signal);
}

export function unsupported(method: string): XiaodianError {
  return new XiaodianError('bad_request', `This client's backend does not provide ${method}`);
}

export function checkItems(items: readonly unknown[], what: string): PageItem[] {
  return items.map((item, i): PageItem => {
    try {
      return { ok: true, product: checkProduct(item, `${what} ${i}`) };
    } catch (error) {
      return { ok: false, error: XiaodianError.from(error) };
    }
  });
}

export async function list<P extends ProductPage>(
  core: ClientCore,
  resource: ResourceKind,
  key: string,
  what: string,
  run: ((signal: AbortSignal) => Promise<unknown>) | undefined,
  options: CallOptions,
  check: (answer: unknown, what: string) => P,
): Promise<P> {
  const answer = await core.cached(
    resource,
    key,
    core.policies.lists,
    // Memory only: what this client checked and cached itself; lists are never read from storage.
    undefined,
    (signal) =>
      share(
        core,
        key,
        async (shared) => {
          if (!run) throw unsupported(resource);
          const checked = check(await core.call(resource, 1, run, shared), what);
          // Lists change often and are cheap to ask again: memory only, never persisted.
          core.cache.write(key, checked, false);
          // A card for a product just listed costs no request (memory only, like the list).
          for (const item of checked.items) {
            if (item.ok) core.cache.write(`product:${formatProductRef(item.product)}`, item.product, false);
          }
          return checked;
        },
        signal,
      ),
    options,
  );
  return answer.value;
}
