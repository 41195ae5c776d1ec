import {
  XiaodianError,
  articleRefKey,
  isErrorBody,
  extractArticleRefs,
  parseRef,
  type ArticleRef,
  type ExtractOptions,
  type LiveRoom,
  type Product,
  type Shop,
} from '@xiaodian/model';
import type { CallOptions, XiaodianClient } from './client.js';
import { coreOf } from './internal.js';

/** Anything with markup: an HTML string, an element, or a document. No DOM API is called. */
export type ArticleInput = string | { outerHTML: string } | { documentElement: { outerHTML: string } };

export type ResolvedItem =
  | { source: string; ok: true; kind: 'product'; ref: ArticleRef & { kind: 'product' }; product: Product }
  | { source: string; ok: true; kind: 'shop'; ref: ArticleRef & { kind: 'shop' }; shop: Shop }
  | { source: string; ok: true; kind: 'live'; ref: ArticleRef & { kind: 'live' }; live: LiveRoom }
  | { source: string; ok: false; ref?: ArticleRef; error: XiaodianError };

export interface ResolveArticleOptions extends ExtractOptions, Pick<CallOptions, 'signal'> {
  /**
   * An item for every link, even for two different links to one ref (a product's short link on both of
   * WeChat's hosts), for callers that put something in each link's place (the link upgrader). By default
   * a ref is answered once, for the first reference to it.
   */
  eachLink?: boolean;
}

function htmlOf(input: ArticleInput): string {
  if (typeof input === 'string') return input;
  return 'outerHTML' in input ? input.outerHTML : input.documentElement.outerHTML;
}

async function settle(
  source: string,
  ref: ArticleRef,
  client: XiaodianClient,
  options: CallOptions,
): Promise<ResolvedItem> {
  try {
    switch (ref.kind) {
      case 'product':
        return { source, ok: true, kind: 'product', ref, product: await client.getProduct(ref, options) };
      case 'shop':
        return { source, ok: true, kind: 'shop', ref, shop: await client.getShop(ref, options) };
      case 'live':
        return { source, ok: true, kind: 'live', ref, live: await client.getLive(ref, options) };
    }
  } catch (error) {
    return { source, ok: false, ref, error: XiaodianError.from(error) };
  }
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * What the backend said a link names, checked like any input: only a valid ref goes further, and a failure
 * is the backend's own error only when it has the shape of one.
 */
function checkResolution(answer: unknown, link: string): ArticleRef | XiaodianError {
  if (answer === undefined) return new XiaodianError('not_found', `Nothing found for ${link}`);
  const { ok, ref, error } = (typeof answer === 'object' && answer !== null ? answer : {}) as Record<string, unknown>;
  if (ok === false) {
    return error instanceof XiaodianError || isErrorBody(error)
      ? XiaodianError.from(error)
      : new XiaodianError('invalid_response', `The answer for ${link} is a failure without a valid error`);
  }
  if (ok !== true || typeof ref !== 'object' || ref === null) {
    return new XiaodianError('invalid_response', `The answer for ${link} is neither a ref nor an error`);
  }
  const fields = ref as Record<string, unknown>;
  try {
    const parsed = parseRef(
      fields['kind'] === 'live'
        ? text(fields['finderUserName'])
        : fields['kind'] === 'shop'
          ? text(fields['appid'])
          : `${text(fields['appid'])}:${text(fields['productId'])}`,
    );
    if (parsed.kind === 'product') {
      if (fields['promotionLink'] && typeof fields['promotionLink'] === 'string') {
        parsed.promotionLink = fields['promotionLink'];
      }
      if (fields['mediaId'] && typeof fields['mediaId'] === 'string') parsed.mediaId = fields['mediaId'];
    }
    return parsed;
  } catch (failure) {
    return XiaodianError.from(failure);
  }
}

/**
 * Finds the product, shop and live references in an article (`xd-*` and WeChat's elements, `data-xd-*`
 * attributes, links matching the patterns) in document order without duplicates, and resolves them:
 * every product in one batched request, short links through one call to the backend. Each reference
 * gets its own result or its own error.
 */
export async function resolveArticle(
  client: XiaodianClient,
  input: ArticleInput,
  options: ResolveArticleOptions = {},
): Promise<ResolvedItem[]> {
  const matches = extractArticleRefs(htmlOf(input), options);
  const callOptions: CallOptions = options.signal ? { signal: options.signal } : {};
  const links = matches.flatMap((match) => ('link' in match ? [match.link] : []));
  let resolutions: readonly unknown[] = [];
  if (links.length > 0) {
    const core = coreOf(client);
    const resolveLinks = core.backend.resolveLinks?.bind(core.backend);
    try {
      if (!resolveLinks) throw new XiaodianError('bad_request', "This client's backend cannot resolve links");
      resolutions = await core.call(
        'resolve',
        links.length,
        (signal) => resolveLinks(links, { signal }),
        options.signal ?? new AbortController().signal,
      );
    } catch (error) {
      const failure = XiaodianError.from(error);
      resolutions = links.map(() => ({ ok: false, error: failure }));
    }
  }
  const linkResults = new Map(links.map((link, i) => [link, resolutions[i]]));

  // A short link may name a product also present as a card: keep the first occurrence only.
  const seen = new Set<string>();
  const pending: Array<Promise<ResolvedItem>> = [];
  for (const match of matches) {
    let ref: ArticleRef;
    if ('ref' in match) ref = match.ref;
    else {
      const resolved = checkResolution(linkResults.get(match.link), match.link);
      if (resolved instanceof XiaodianError) {
        pending.push(Promise.resolve({ source: match.source, ok: false, error: resolved }));
        continue;
      }
      ref = resolved;
    }
    const key = articleRefKey(ref);
    if (seen.has(key) && !(options.eachLink && 'link' in match)) continue;
    seen.add(key);
    // All product asks start in this same tick, so the batcher sends them as one request.
    pending.push(settle(match.source, ref, client, callOptions));
  }
  return Promise.all(pending);
}
