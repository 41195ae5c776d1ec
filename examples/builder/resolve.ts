// One pasted text through the gateway's POST /v1/resolve, answered as what the builder can show: a target,
// or a problem with the pasted text (a `hint` code, localised by the page), or a failure of the service.
import {
  isErrorCode,
  pasteProblems,
  productSchema,
  shopSchema,
  type ErrorCode,
  type PasteProblem,
} from '@xiaodian/model';
import type { Target } from './snippets.js';

export interface ShopChoice {
  appid: string;
  name: string;
}

export type Resolution =
  | { ok: true; target: Target }
  | { ok: false; kind: 'problem'; problem: PasteProblem; message: string; shops?: ShopChoice[] }
  | { ok: false; kind: 'live' }
  | { ok: false; kind: 'failure'; code: ErrorCode | 'unknown'; message: string };

function isProblem(value: unknown): value is PasteProblem {
  return typeof value === 'string' && (pasteProblems as readonly string[]).includes(value);
}

function shopChoices(value: unknown): ShopChoice[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.flatMap((shop: unknown) => {
    const { appid, name } = (shop ?? {}) as Record<string, unknown>;
    return typeof appid === 'string' && typeof name === 'string' ? [{ appid, name }] : [];
  });
}

/** Reads one item of the gateway's answer; anything malformed is a failure, never a crash. */
export function readResolveItem(item: unknown): Resolution {
  const { ok, ref, product, shop, error } = (item ?? {}) as Record<string, unknown>;
  if (ok === true) {
    const kind = (ref as { kind?: unknown } | undefined)?.kind;
    if (kind === 'live') return { ok: false, kind: 'live' };
    if (kind === 'product') {
      const parsed = productSchema.safeParse(product);
      if (parsed.success) {
        const { appid, productId, title, shortTitle, minPrice, maxPrice, h5Url } = parsed.data;
        const { promotionLink, mediaId } = ref as { promotionLink?: unknown; mediaId?: unknown };
        return {
          ok: true,
          target: {
            kind: 'product',
            ref: {
              appid,
              productId,
              ...(typeof promotionLink === 'string' ? { promotionLink } : {}),
              ...(typeof mediaId === 'string' ? { mediaId } : {}),
            },
            title,
            ...(shortTitle ? { shortTitle } : {}),
            minPrice,
            maxPrice,
            ...(h5Url ? { h5Url } : {}),
          },
        };
      }
    }
    if (kind === 'shop') {
      const parsed = shopSchema.safeParse(shop);
      if (parsed.success) {
        const { appid, name, h5Url } = parsed.data;
        return { ok: true, target: { kind: 'shop', appid, name, ...(h5Url ? { h5Url } : {}) } };
      }
    }
    return { ok: false, kind: 'failure', code: 'invalid_response', message: 'The gateway answered without the data' };
  }
  const { code, message, hint, shops } = (error ?? {}) as Record<string, unknown>;
  const text = typeof message === 'string' ? message : '';
  if (isProblem(hint)) {
    const choices = shopChoices(shops);
    return { ok: false, kind: 'problem', problem: hint, message: text, ...(choices ? { shops: choices } : {}) };
  }
  return { ok: false, kind: 'failure', code: isErrorCode(code) ? code : 'unknown', message: text };
}

/** Asks the gateway about one pasted text (and the shop picked for a product id alone). */
export async function resolvePasted(
  gateway: string,
  pasted: string,
  options: { appid?: string; signal?: AbortSignal } = {},
): Promise<Resolution> {
  let response: Response;
  try {
    response = await fetch(new URL('/v1/resolve', gateway), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ links: [pasted], ...(options.appid ? { appid: options.appid } : {}) }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (options.signal?.aborted) throw error;
    return { ok: false, kind: 'failure', code: 'offline', message: String(error) };
  }
  const body = (await response.json().catch(() => undefined)) as { items?: unknown[]; error?: unknown } | undefined;
  if (!response.ok || !Array.isArray(body?.items)) {
    // A 400 about the request itself (a malformed appid typed into the shop picker) reads like an item's error.
    return readResolveItem({
      ok: false,
      error: body?.error ?? { code: 'upstream', message: `HTTP ${response.status}` },
    });
  }
  return readResolveItem(body.items[0]);
}
