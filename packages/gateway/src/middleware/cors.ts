import type { MiddlewareHandler } from 'hono';

export interface CorsOptions {
  /** Origins allowed to read answers from a browser, or `'*'` for any. */
  origins: readonly string[] | '*';
  allowMethods: readonly string[];
  allowHeaders: readonly string[];
  exposeHeaders: readonly string[];
  maxAgeSeconds: number;
}

/**
 * CORS for a read API: answers preflights, sets `Access-Control-Allow-Origin` for allowed origins and
 * `Vary: Origin` whenever the answer depends on the origin, so a CDN in front never serves one origin's
 * headers to another. Written here rather than using hono/cors because that one edits `c.res.headers`
 * on every request, which makes the Node adapter build a full Response and cost a cached GET nearly half
 * its throughput (measured with bench/gateway-throughput); these are prepared headers, as cheap as any.
 */
export function corsPolicy(options: CorsOptions): MiddlewareHandler {
  const any = options.origins === '*';
  const allowed = new Set(any ? [] : options.origins);
  const methods = options.allowMethods.join(',');
  const headers = options.allowHeaders.join(',');
  const expose = options.exposeHeaders.join(',');
  return async (c, next) => {
    const origin = c.req.header('origin');
    const allowOrigin = any ? '*' : origin !== undefined && allowed.has(origin) ? origin : undefined;
    if (!any) c.header('Vary', 'Origin', { append: true });
    if (allowOrigin) {
      c.header('Access-Control-Allow-Origin', allowOrigin);
      if (expose) c.header('Access-Control-Expose-Headers', expose);
    }
    if (c.req.method === 'OPTIONS' && c.req.header('access-control-request-method') !== undefined) {
      if (allowOrigin) {
        c.header('Access-Control-Allow-Methods', methods);
        c.header('Access-Control-Allow-Headers', headers);
        c.header('Access-Control-Max-Age', String(options.maxAgeSeconds));
      }
      return c.body(null, 204);
    }
    await next();
  };
}
