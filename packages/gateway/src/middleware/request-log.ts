import type { MiddlewareHandler } from 'hono';
import type { LogEntry } from '../options.js';
import type { GatewayMetrics } from '../observability/metrics.js';

/**
 * One JSON log line and one metrics sample per request, labelled by the matched route (not the raw path)
 * so dashboards stay readable and label cardinality bounded.
 */
export function requestLog(
  log: (entry: LogEntry) => void,
  metrics: GatewayMetrics,
  now: () => number,
): MiddlewareHandler {
  return async (c, next) => {
    const started = now();
    await next();
    const ms = now() - started;
    const route = c.req.routePath && c.req.routePath !== '/*' ? c.req.routePath : 'other';
    metrics.recordRequest(c.req.method, route, c.res.status, ms / 1000);
    const url = c.req.url;
    const query = url.includes('?') ? url.slice(url.indexOf('?')) : '';
    log({
      level: c.res.status >= 500 ? 'error' : c.res.status >= 400 ? 'warn' : 'info',
      msg: 'request',
      requestId: c.get('requestId' as never),
      method: c.req.method,
      path: c.req.path,
      ...(query ? { query: query.length > 300 ? `${query.slice(0, 300)}…` : query } : {}),
      route,
      status: c.res.status,
      ms,
      cache: c.get('cacheState' as never) as string | undefined,
    });
  };
}
