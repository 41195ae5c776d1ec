import { Hono } from 'hono';
import type { ProductSource } from '@xiaodian/model';
import { errorResponse } from './errors.js';
import { productsRoute } from './routes/products.js';

export interface GatewayAppOptions {
  backend: ProductSource;
  /** Where other routes go (the built examples, when served); defaults to a JSON 404. */
  fallback?: Hono;
}

/** The gateway as a Hono app: it runs under Node (see `serve.ts`) or any fetch-based edge runtime. */
export function createGatewayApp(options: GatewayAppOptions): Hono {
  const app = new Hono();
  app.get('/healthz', (c) => c.json({ status: 'ok' }));
  app.route('/v1/products', productsRoute(options.backend));
  app.all('/v1/*', (c) => errorResponse(c, 404, 'not_found', `No route ${c.req.method} ${c.req.path}`));
  if (options.fallback) app.route('/', options.fallback);
  app.notFound((c) => errorResponse(c, 404, 'not_found', `No route ${c.req.method} ${c.req.path}`));
  app.onError((error, c) => {
    console.error(JSON.stringify({ level: 'error', msg: 'unhandled', path: c.req.path, error: String(error) }));
    return errorResponse(c, 500, 'internal', 'Internal error');
  });
  return app;
}
