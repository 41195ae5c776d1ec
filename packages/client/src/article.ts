import {
  XiaodianError,
  articleRefKey,
  extractArticleRefs,
  parseRef,
  type ArticleRef,
  type ExtractOptions,
  type LinkResolution,
  type LiveRoom,
  type Product,
  type Shop,
} from '@xiaodian/model';
import type { CallOptions, XiaodianClient } from './client.js';

/** Anything with markup: an HTML string, an element, or a document. No DOM API is called. */
export type ArticleInput = string | { outerHTML: string } | { documentElement: { outerHTML: string } };

export type ResolvedItem =
  | { source: string; ok: true; kind: 'product'; ref: ArticleRef & { kind: 'product' }; product: Product }
  | { source: string; ok: true; kind: 'shop'; ref: ArticleRef & { kind: 'shop' }; shop: Shop }
  | { source: string; ok: true; kind: 'live'; ref: ArticleRef & { kind: 'live' }; live: LiveRoom }
  | { source: string; ok: false; ref?: ArticleRef; error: XiaodianError };

export interface ResolveArticleOptions extends ExtractOptions, Pick<CallOptions, 'signal'> {}

function htmlOf(input: ArticleInput): string {
  if (typeof input === 'string') return input;
  return 'outerHTML' in input ? input.outerHTML : input.documentElement.outerHTML;
}

function asError(error: unknown): XiaodianError {
  return error instanceof XiaodianError ? error : new XiaodianError('upstream', String(error));
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
        return { source, ok: true, kind: 'shop', ref, shop: await client.getShop(ref.appid, options) };
      case 'live':
        return { source, ok: true, kind: 'live', ref, live: await client.getLive(ref.finderUserName, options) };
    }
  } catch (error) {
    return { source, ok: false, ref, error: asError(error) };
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
  let resolutions: LinkResolution[] = [];
  if (links.length > 0) {
    const resolveLinks = client.core.backend.resolveLinks?.bind(client.core.backend);
    try {
      if (!resolveLinks) throw new XiaodianError('bad_request', "This client's backend cannot resolve links");
      resolutions = await client.core.call(
        'resolve',
        links.length,
        (signal) => resolveLinks(links, { signal }),
        options.signal ?? new AbortController().signal,
      );
    } catch (error) {
      const failure = asError(error);
      resolutions = links.map(() => ({ ok: false, error: failure.toJSON() }));
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
      const resolution = linkResults.get(match.link);
      if (!resolution?.ok) {
        const error = resolution
          ? XiaodianError.from(resolution.error)
          : new XiaodianError('not_found', `Nothing found for ${match.link}`);
        pending.push(Promise.resolve({ source: match.source, ok: false, error }));
        continue;
      }
      try {
        // The backend's answer is checked like any input: only valid refs go further.
        ref = parseRef(
          resolution.ref.kind === 'live'
            ? resolution.ref.finderUserName
            : resolution.ref.kind === 'shop'
              ? resolution.ref.appid
              : `${resolution.ref.appid}:${resolution.ref.productId}`,
        );
        if (resolution.ref.kind === 'product' && ref.kind === 'product') {
          if (resolution.ref.promotionLink) ref.promotionLink = resolution.ref.promotionLink;
          if (resolution.ref.mediaId) ref.mediaId = resolution.ref.mediaId;
        }
      } catch (error) {
        pending.push(Promise.resolve({ source: match.source, ok: false, error: asError(error) }));
        continue;
      }
    }
    const key = articleRefKey(ref);
    if (seen.has(key)) continue;
    seen.add(key);
    // All product asks start in this same tick, so the batcher sends them as one request.
    pending.push(settle(match.source, ref, client, callOptions));
  }
  return Promise.all(pending);
}
