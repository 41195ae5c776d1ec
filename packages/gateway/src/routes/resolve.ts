import { Hono, type Context } from 'hono';
import {
  XiaodianError,
  articleRefKey,
  extractArticleRefs,
  formatProductRef,
  maxRefsPerRequest,
  maxResolveLinks,
  parseRef,
  resolveRequestSchema,
  type ArticleMatch,
  type ArticleRef,
  type ErrorBody,
  type ProductRef,
} from '@xiaodian/model';
import { BadRequest, NotServed, publicError } from '../http/errors.js';
import { method, type RouteDeps } from './deps.js';

type ResolveItem =
  | { source: string; ok: true; ref: ArticleRef; product?: unknown; shop?: unknown; live?: unknown }
  | { source: string; ok: false; ref?: ArticleRef; error: ErrorBody };

/** Shops and live rooms are read one by one; a page of them must not flood the backend. */
const concurrency = 8;

/**
 * `POST /v1/resolve` with `{"html": "…"}` or `{"links": ["…"]}`: every reference found, in document order,
 * with its data (for CMS pipelines and server rendering). `?include=refs` answers refs only (the client
 * fetches data itself, batched and cached). WeChat's H5 short links carry no ids: only the backend can
 * read them.
 */
export function resolveRoutes(deps: RouteDeps): Hono {
  return new Hono().post('/', async (c) => {
    const matches = readMatches(await readBody(c));
    const include = c.req.query('include') ?? 'data';
    if (include !== 'data' && include !== 'refs') throw new BadRequest('"include" must be "data" or "refs"');
    const items = await resolveMatches(deps, matches);
    if (include === 'data') await attachData(deps, items);
    c.header('Cache-Control', 'no-store');
    // WeChat's words for a failure go to the log; the caller gets ours and the request id.
    return c.json({
      items: items.map((item) =>
        item.ok ? item : { ...item, error: publicError(c, deps.log, item.error, { source: item.source }) },
      ),
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

function readMatches(body: unknown): ArticleMatch[] {
  const parsed = resolveRequestSchema.safeParse(body);
  if (!parsed.success || (parsed.data.html === undefined) === (parsed.data.links === undefined)) {
    throw new BadRequest('The body must be exactly one of {"html": string} or {"links": string[]}');
  }
  let matches: ArticleMatch[];
  if (parsed.data.html !== undefined) {
    matches = extractArticleRefs(parsed.data.html);
  } else {
    const links = parsed.data.links ?? [];
    if (links.length > maxResolveLinks) {
      throw new BadRequest(`At most ${maxResolveLinks} links per request; got ${links.length}`);
    }
    const seen = new Set<string>();
    matches = [];
    for (const link of links) {
      if (seen.has(link)) continue;
      seen.add(link);
      const ref = tryParseRef(link);
      matches.push(ref ? { source: link, ref } : { source: link, link });
    }
  }
  if (matches.length > maxResolveLinks) {
    throw new BadRequest(`At most ${maxResolveLinks} references per request; found ${matches.length}`);
  }
  return matches;
}

function tryParseRef(text: string): ArticleRef | undefined {
  try {
    return parseRef(text);
  } catch {
    return undefined;
  }
}

async function resolveMatches(deps: RouteDeps, matches: ArticleMatch[]): Promise<ResolveItem[]> {
  const links = matches.flatMap((match) => ('link' in match ? [match.link] : []));
  const resolutions = new Map<string, ResolveItem>();
  if (links.length > 0) {
    const answers = deps.backend.resolveLinks
      ? await deps.backend.resolveLinks(links)
      : links.map(() => ({
          ok: false as const,
          error: { code: 'not_found' as const, message: "This gateway's backend cannot resolve short links" },
        }));
    links.forEach((link, i) => {
      const answer = answers[i];
      resolutions.set(
        link,
        answer?.ok
          ? { source: link, ok: true, ref: answer.ref }
          : { source: link, ok: false, error: answer?.error ?? { code: 'not_found', message: `Nothing for ${link}` } },
      );
    });
  }
  return matches.map((match) =>
    'ref' in match ? { source: match.source, ok: true, ref: match.ref } : resolutions.get(match.link)!,
  );
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
      items[index] = { source: item.source, ok: false, ref: item.ref, error: result.error };
    } else if (item.ref.kind === 'product') {
      item.product = (result as { product: unknown }).product;
    } else if (item.ref.kind === 'shop') {
      item.shop = (result as { value: unknown }).value;
    } else {
      item.live = (result as { value: unknown }).value;
    }
  }
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
