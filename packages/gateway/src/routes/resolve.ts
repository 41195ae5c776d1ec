import { Hono, type Context } from 'hono';
import {
  XiaodianError,
  articleRefKey,
  extractArticleRefs,
  formatProductRef,
  isAppid,
  maxRefsPerRequest,
  maxResolveLinks,
  productIdNeedsShopMessage,
  readPastedInput,
  resolveRequestSchema,
  shortLinkForms,
  unknownLinkMessage,
  type ArticleRef,
  type ErrorBody,
  type PasteProblem,
  type ProductRef,
} from '@xiaodian/model';
import { BadRequest, NotServed, publicError } from '../http/errors.js';
import { method, type RouteDeps } from './deps.js';

/** A shop a creator can pick for a product id pasted alone. */
interface ShopChoice {
  appid: string;
  name: string;
}

/**
 * An item's failure: the error, plus what was wrong with the pasted text as a code the embed builder
 * localises (`hint`), and for a product id alone the shops that sell one with that id (`shops`).
 */
interface ResolveFailure extends ErrorBody {
  hint?: PasteProblem;
  shops?: ShopChoice[];
}

type ResolveItem =
  | { source: string; ok: true; ref: ArticleRef; product?: unknown; shop?: unknown; live?: unknown }
  | { source: string; ok: false; ref?: ArticleRef; error: ResolveFailure };

/** What one source turned into before the backend is asked: a ref, a link for the backend, or a failure. */
type Pending =
  | { source: string; ref: ArticleRef }
  | { source: string; link: string; whenUnknown: PasteProblem }
  | { source: string; productId: string }
  | { source: string; failure: ResolveFailure };

/** Shops and live rooms are read one by one; a page of them must not flood the backend. */
const concurrency = 8;
/** Product ids alone are looked for in at most this many (shop, id) pairs: four batched reads. */
const maxShopsSearched = 4 * maxRefsPerRequest;

/**
 * `POST /v1/resolve` with `{"html": "…"}` or `{"links": ["…"], "appid"?: "wx…"}`: every reference found, in
 * document order, with its data (for CMS pipelines, server rendering and the embed builder). `?include=refs`
 * answers refs only (the client fetches data itself, batched and cached). WeChat's H5 short links carry no
 * ids: only the backend can read them. A link may be anything a creator pastes (see `readPastedInput`);
 * `appid` names the shop of product ids given alone. A failed item says what was wrong in `message` and as
 * a `hint` code, and for a product id alone lists the shops selling one (`shops`, when the backend knows its
 * shops).
 */
export function resolveRoutes(deps: RouteDeps): Hono {
  return new Hono().post('/', async (c) => {
    const pending = readPending(await readBody(c));
    const include = c.req.query('include') ?? 'data';
    if (include !== 'data' && include !== 'refs') throw new BadRequest('"include" must be "data" or "refs"');
    const items = await resolvePending(deps, pending);
    if (include === 'data') await attachData(deps, items);
    c.header('Cache-Control', 'no-store');
    // WeChat's words for a failure go to the log; the caller gets ours and the request id.
    return c.json({
      items: items.map((item) => {
        if (item.ok) return item;
        const { hint, shops } = item.error;
        const error = publicError(c, deps.log, item.error, { source: item.source });
        return { ...item, error: { ...error, ...(hint ? { hint } : {}), ...(shops ? { shops } : {}) } };
      }),
    });
  });
}

async function readBody(c: Context): Promise<unknown> {
  if (!(c.req.header('content-type') ?? '').toLowerCase().startsWith('application/json')) {
    throw new BadRequest('Send a JSON body ({"html": "…"} or {"links": ["…"]}) with Content-Type: application/json');
  }
  try {
    return await c.req.json();
  } catch {
    throw new BadRequest('The body is not valid JSON');
  }
}

function readPending(body: unknown): Pending[] {
  const parsed = resolveRequestSchema.safeParse(body);
  if (!parsed.success || (parsed.data.html === undefined) === (parsed.data.links === undefined)) {
    throw new BadRequest('The body must be exactly one of {"html": string} or {"links": string[]}');
  }
  const { html, links, appid } = parsed.data;
  if (appid !== undefined && links === undefined) {
    throw new BadRequest('"appid" names the shop of product ids in "links"; send it with "links", not "html"');
  }
  if (appid !== undefined && !isAppid(appid)) {
    throw new BadRequest(
      `"appid" must be a shop appid, "wx" followed by 16 hex characters; got ${JSON.stringify(appid)}`,
      'invalid_ref',
    );
  }
  let pending: Pending[];
  if (html !== undefined) {
    pending = extractArticleRefs(html).map((match) => ('ref' in match ? match : linkPending(match.source, match.link)));
  } else {
    const list = links ?? [];
    if (list.length > maxResolveLinks) {
      throw new BadRequest(`At most ${maxResolveLinks} links per request; got ${list.length}`);
    }
    pending = [...new Set(list)].map((link) => pastedPending(link, appid));
  }
  if (pending.length > maxResolveLinks) {
    throw new BadRequest(`At most ${maxResolveLinks} references per request; found ${pending.length}`);
  }
  return pending;
}

/** A link found in HTML: the backend reads it; if it cannot, the hint says which kind of link it was. */
function linkPending(source: string, link: string): Pending {
  const read = readPastedInput(link);
  if (read.kind === 'short_link') return { source, link, whenUnknown: shortLinkProblem(read.promoter) };
  return { source, link, whenUnknown: 'unknown_link' };
}

function shortLinkProblem(promoter: boolean): PasteProblem {
  return promoter ? 'promoter_link_not_found' : 'short_link_not_found';
}

/** One pasted text: read here when it can be, left for the backend when only it can read it. */
function pastedPending(source: string, appid: string | undefined): Pending {
  const read = readPastedInput(source);
  switch (read.kind) {
    case 'ref':
      return { source, ref: read.ref };
    case 'short_link':
      return { source, link: read.link, whenUnknown: shortLinkProblem(read.promoter) };
    case 'other_link':
      return { source, link: read.link, whenUnknown: 'unknown_link' };
    case 'product_id':
      return appid
        ? { source, ref: { kind: 'product', appid, productId: read.productId } }
        : { source, productId: read.productId };
    case 'problem':
      return { source, failure: { code: 'invalid_ref', message: read.message, hint: read.problem } };
  }
}

/** Our words for a link the backend could not read: what kind of link it was, and what would work. */
function linkFailure(link: string, problem: PasteProblem, backendError: ErrorBody): ResolveFailure {
  // A backend that failed (WeChat down, a quota) did not say the link is wrong: keep its error as it is.
  if (backendError.code !== 'not_found' && backendError.code !== 'invalid_ref') return backendError;
  const upstream = backendError.upstream ? { upstream: backendError.upstream } : {};
  const message =
    problem === 'short_link_not_found'
      ? `No product or shop behind ${link}: it may be off sale or gone, or the link is cut short. Copy the ` +
        `link again from WeChat (${shortLinkForms}), or paste APPID:PRODUCT_ID`
      : problem === 'promoter_link_not_found'
        ? `The promoter's link ${link} could not be mapped back to a product (only a gateway with an affiliate ` +
          `organisation's token can read promoters' links, and only while the promotion runs). Paste the ` +
          `product's own link, https://channels.weixin.qq.com/shop/a/…, or APPID:PRODUCT_ID`
        : unknownLinkMessage(link);
  return { code: 'not_found', message, hint: problem, ...upstream };
}

async function resolvePending(deps: RouteDeps, pending: Pending[]): Promise<ResolveItem[]> {
  const links = [...new Set(pending.flatMap((item) => ('link' in item ? [item.link] : [])))];
  const answers = new Map<string, { ok: true; ref: ArticleRef } | { ok: false; error: ErrorBody }>();
  if (links.length > 0) {
    const resolved = deps.backend.resolveLinks
      ? await deps.backend.resolveLinks(links)
      : links.map(() => ({
          ok: false as const,
          error: { code: 'not_found' as const, message: "This gateway's backend cannot resolve short links" },
        }));
    links.forEach((link, i) =>
      answers.set(link, resolved[i] ?? { ok: false, error: { code: 'not_found', message: `Nothing for ${link}` } }),
    );
  }
  const productIds = [...new Set(pending.flatMap((item) => ('productId' in item ? [item.productId] : [])))];
  const sellers = await shopsSelling(deps, productIds);
  return pending.map((item): ResolveItem => {
    if ('ref' in item) return { source: item.source, ok: true, ref: item.ref };
    if ('failure' in item) return { source: item.source, ok: false, error: item.failure };
    if ('productId' in item) {
      const shops = sellers.get(item.productId);
      return {
        source: item.source,
        ok: false,
        error: {
          code: 'invalid_ref',
          message: productIdNeedsShopMessage(item.productId),
          hint: 'product_id_needs_shop',
          ...(shops ? { shops } : {}),
        },
      };
    }
    const answer = answers.get(item.link)!;
    return answer.ok
      ? { source: item.source, ok: true, ref: answer.ref }
      : { source: item.source, ok: false, error: linkFailure(item.link, item.whenUnknown, answer.error) };
  });
}

/**
 * For product ids pasted alone: the shops that have a product with each id, when the backend lists the
 * shops it serves (asked in batches, as `/v1/products` is). Without such a list, no choices are offered.
 */
async function shopsSelling(deps: RouteDeps, productIds: string[]): Promise<Map<string, ShopChoice[]>> {
  const found = new Map<string, ShopChoice[]>();
  const shops = deps.backend.shops ?? [];
  // Too many to ask: offer no list rather than one that may miss the right shop.
  if (shops.length === 0 || shops.length * productIds.length > maxShopsSearched) return found;
  for (const productId of productIds) found.set(productId, []);
  const asks = productIds.flatMap((productId) => shops.map((shop) => ({ shop, productId })));
  for (let start = 0; start < asks.length; start += maxRefsPerRequest) {
    const chunk = asks.slice(start, start + maxRefsPerRequest);
    const results = await deps.backend.getProducts(
      chunk.map(({ shop, productId }) => ({ appid: shop.appid, productId })),
    );
    chunk.forEach(({ shop, productId }, i) => {
      if (results[i]?.ok) found.get(productId)!.push({ appid: shop.appid, name: shop.name });
    });
  }
  return found;
}

/** Adds each item's data: every product in batches of 50, shops and rooms with bounded concurrency. */
async function attachData(deps: RouteDeps, items: ResolveItem[]): Promise<void> {
  const resolved = items.filter((item): item is ResolveItem & { ok: true } => item.ok);
  const productRefs = new Map<string, ProductRef>();
  for (const item of resolved) if (item.ref.kind === 'product') productRefs.set(formatProductRef(item.ref), item.ref);
  const productResults = new Map<string, { ok: true; product: unknown } | { ok: false; error: ErrorBody }>();
  const refs = [...productRefs.values()];
  for (let start = 0; start < refs.length; start += maxRefsPerRequest) {
    const chunk = refs.slice(start, start + maxRefsPerRequest);
    const results = await deps.backend.getProducts(chunk);
    chunk.forEach((ref, i) => {
      const result = results[i];
      productResults.set(
        formatProductRef(ref),
        result ?? { ok: false, error: { code: 'upstream', message: 'No answer' } },
      );
    });
  }

  const others = new Map<string, ArticleRef>();
  for (const item of resolved) if (item.ref.kind !== 'product') others.set(articleRefKey(item.ref), item.ref);
  const otherData = new Map<string, { ok: true; value: unknown } | { ok: false; error: ErrorBody }>();
  const tasks = [...others].map(([key, ref]) => async () => {
    try {
      const value =
        ref.kind === 'shop'
          ? await method(deps, 'getShop')(ref.appid)
          : await method(deps, 'getLive')((ref as ArticleRef & { kind: 'live' }).finderUserName);
      otherData.set(key, { ok: true, value });
    } catch (error) {
      otherData.set(key, { ok: false, error: bodyOf(error) });
    }
  });
  await runBounded(tasks, concurrency);

  for (const [index, item] of items.entries()) {
    if (!item.ok) continue;
    const result =
      item.ref.kind === 'product'
        ? productResults.get(formatProductRef(item.ref))
        : otherData.get(articleRefKey(item.ref));
    if (!result) continue;
    if (!result.ok) {
      items[index] = { source: item.source, ok: false, ref: item.ref, error: dataFailure(item.ref, result.error) };
    } else if (item.ref.kind === 'product') {
      item.product = (result as { product: unknown }).product;
    } else if (item.ref.kind === 'shop') {
      item.shop = (result as { value: unknown }).value;
    } else {
      item.live = (result as { value: unknown }).value;
    }
  }
}

/** A well-formed ref to nothing: say so, and what to check. */
function dataFailure(ref: ArticleRef, error: ErrorBody): ResolveFailure {
  if (error.code !== 'not_found') return error;
  const what =
    ref.kind === 'product'
      ? `the shop ${ref.appid} has no product ${ref.productId}`
      : ref.kind === 'shop'
        ? `there is no shop ${ref.appid}`
        : `there is no live room ${ref.finderUserName}`;
  return {
    ...error,
    message: `Nothing found: ${what}. Check the ids, or paste the product's or shop's WeChat link (${shortLinkForms})`,
    hint: 'not_found',
  };
}

function bodyOf(error: unknown): ErrorBody {
  if (error instanceof XiaodianError) return error.toJSON();
  if (error instanceof NotServed) return { code: 'not_found', message: error.message };
  return { code: 'upstream', message: error instanceof Error ? error.message : String(error) };
}

async function runBounded(tasks: Array<() => Promise<void>>, limit: number): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) await tasks[next++]!();
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}
