import { Hono } from 'hono';
import { etagOf, ifNoneMatchHits } from '../http/etag.js';
import { errorResponse } from '../http/errors.js';
import type { GatewayAsset, ReadinessCheck } from '../options.js';
import type { RouteDeps } from './deps.js';

/**
 * `GET /healthz` (liveness: the process answers), `GET /readyz` (readiness: the backend's upstream accepts
 * our credentials, Redis answers, quota is left; 503 when a check fails) and `GET /metrics` in Prometheus
 * text format.
 */
export function systemRoutes(
  deps: RouteDeps,
  info: { backendName: string; startedAt: number; readiness: () => Promise<ReadinessCheck[]> },
): Hono {
  return new Hono()
    .get('/readyz', async (c) => {
      c.header('Cache-Control', 'no-store');
      const checks = await info.readiness();
      const ready = checks.every((check) => check.ok);
      return c.json({ status: ready ? 'ready' : 'not_ready', backend: info.backendName, checks }, ready ? 200 : 503);
    })
    .get('/healthz', (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({
        status: 'ok',
        backend: info.backendName,
        uptimeSeconds: Math.floor((deps.now() - info.startedAt) / 1000),
      });
    })
    .get('/metrics', (c) => {
      c.header('Cache-Control', 'no-store');
      return c.text(deps.metrics.render(deps.now()), 200, {
        'Content-Type': 'text/plain; version=0.0.4; charset=utf-8',
      });
    });
}

/** `GET /demo-images/*`: pictures drawn by the demo catalog, so no page needs an external host. */
export function assetRoutes(assets: (path: string) => GatewayAsset | undefined): Hono {
  const etags = new Map<string, string>();
  return new Hono().get('/*', async (c) => {
    const path = c.req.path.replace(/^\/demo-images\//, '');
    const asset =
      /^[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_.-]+)*$/.test(path) && !path.includes('..') ? assets(path) : undefined;
    if (!asset) return errorResponse(c, 404, 'not_found', `No demo image ${c.req.path}`);
    let etag = etags.get(path);
    if (!etag) {
      etag = await etagOf(typeof asset.body === 'string' ? asset.body : new TextDecoder().decode(asset.body));
      if (etags.size < 50_000) etags.set(path, etag);
    }
    const headers = { ETag: etag, 'Cache-Control': 'public, max-age=86400, stale-while-revalidate=604800' };
    if (ifNoneMatchHits(c.req.header('if-none-match'), etag)) return c.body(null, 304, headers);
    return c.body(asset.body as string, 200, { ...headers, 'Content-Type': asset.contentType });
  });
}
