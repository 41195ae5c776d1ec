import { XiaodianError, type SearchQuery, type Suggestion } from '@xiaodian/model';
import type { CallOptions, ClientCore, SearchResultPage } from './client.js';
import { searchKey, suggestKey } from './keys.js';
import { checkItems, list, share, unsupported } from './resource-requests.js';
import { abortedError } from './signals.js';
import { checkSearchEnvelope, checkSuggestions } from './validate-search.js';

/** Search and suggestions: loaded on first use by the client, apart from shops and lives. */

function checkSearchPage(answer: unknown, what: string): SearchResultPage {
  const { items, hits, facets, total, nextCursor, didYouMean } = checkSearchEnvelope(answer, what);
  return {
    items: checkItems(items, what),
    total,
    ...(nextCursor === undefined ? {} : { nextCursor }),
    hits,
    facets,
    ...(didYouMean === undefined ? {} : { didYouMean }),
  };
}

// The call each `supersede` key is waiting for, per client and method, so the next one with that key can
// abort it. Here, not in the client's core: product cards never search.
const latestCalls = new WeakMap<ClientCore, Map<string, AbortController>>();

/** Runs a call that a newer one with the same `supersede` key aborts; it then rejects with `aborted` at once. */
async function latestOnly<T>(
  core: ClientCore,
  method: string,
  options: CallOptions,
  run: (options: CallOptions) => Promise<T>,
): Promise<T> {
  if (options.supersede === undefined) return run(options);
  let calls = latestCalls.get(core);
  if (!calls) latestCalls.set(core, (calls = new Map()));
  const key = `${method}:${options.supersede}`;
  calls.get(key)?.abort(new XiaodianError('aborted', `A newer ${method} call superseded this one`));
  const controller = new AbortController();
  calls.set(key, controller);
  const outer = options.signal;
  const forward = () => controller.abort(abortedError());
  if (outer?.aborted) forward();
  else outer?.addEventListener('abort', forward);
  const superseded = new Promise<never>((_resolve, reject) => {
    const fail = () => reject(XiaodianError.from(controller.signal.reason));
    if (controller.signal.aborted) fail();
    else controller.signal.addEventListener('abort', fail);
  });
  try {
    return await Promise.race([run({ ...options, signal: controller.signal }), superseded]);
  } finally {
    outer?.removeEventListener('abort', forward);
    if (calls.get(key) === controller) calls.delete(key);
  }
}

export function search(core: ClientCore, query: SearchQuery, options: CallOptions): Promise<SearchResultPage> {
  return latestOnly(core, 'search', options, (latest) => searchOnce(core, query, latest));
}

function searchOnce(core: ClientCore, query: SearchQuery, options: CallOptions): Promise<SearchResultPage> {
  const method = core.backend.search?.bind(core.backend);
  return list(
    core,
    'search',
    searchKey(query),
    'Search result',
    method && ((signal) => method(query, { signal })),
    options,
    checkSearchPage,
  );
}

export function suggest(core: ClientCore, prefix: string, options: CallOptions): Promise<Suggestion[]> {
  return latestOnly(core, 'suggest', options, (latest) => suggestOnce(core, prefix, latest));
}

async function suggestOnce(core: ClientCore, prefix: string, options: CallOptions): Promise<Suggestion[]> {
  const key = suggestKey(prefix);
  const answer = await core.cached(
    'suggest',
    key,
    core.policies.lists,
    undefined,
    (signal) =>
      share(
        core,
        key,
        async (shared) => {
          const method = core.backend.suggest?.bind(core.backend);
          if (!method) throw unsupported('suggest');
          const suggestions = await core.call('suggest', 1, (s) => method(prefix, { signal: s }), shared);
          const checked = checkSuggestions(suggestions, 'Suggestions');
          core.cache.write(key, checked, false);
          return checked;
        },
        signal,
      ),
    options,
  );
  return answer.value;
}
