import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { requestId } from 'hono/request-id';
import { maxResolveBodyBytes } from '@xiaodian/model';
import { ResponseCache, memoryResponseStore } from './cache/response-cache.js';
import { NotServed, errorResponse, notServedResponse, responseForError } from './http/errors.js';
import { corsPolicy } from './middleware/cors.js';
import { rateLimit } from './middleware/rate-limit.js';
import { requestLog } from './middleware/request-log.js';
import { GatewayMetrics } from './observability/metrics.js';
import {
  defaultCachePolicies,
  defaultRateLimit,
  jsonLineLog,
  type GatewayOptions,
  type ReadinessCheck,
} from './options.js';
import type { RouteDeps } from './routes/deps.js';
import { linksRoutes } from './routes/links.js';
import { livesRoutes } from './routes/lives.js';
import { maxPushBytes, pushRoutes } from './routes/push.js';
import { PushHub, cacheGeneration } from './wechat/push.js';
import { productsRoutes } from './routes/products.js';
import { resolveRoutes } from './routes/resolve.js';
import { searchRoutes } from './routes/search.js';
import { shopsRoutes } from './routes/shops.js';
import { assetRoutes, systemRoutes } from './routes/system.js';

export interface Gateway {
  /** The Hono app: `app.fetch` runs under Node (see `serve.ts`) or any fetch-based edge runtime. */
  app: Hono;
  metrics: GatewayMetrics;
  /** Ends every open live stream cleanly (clients resume with `Last-Event-ID` elsewhere). */
  shutdown(): void;
  /** Resolves once pushes applied by other replicas are heard (at once without pushes or Redis). */
  ready: Promise<void>;
}

/** Without a peer address (edge runtimes, `app.request` in tests) all callers share one bucket. */
const anonymousClient = () => 'anonymous';

/** The whole v1 API over any backend, with validation, caching, CORS, rate limits, logs and metrics. */
export function createGateway(options: GatewayOptions): Gateway {
  const now = options.now ?? Date.now;
  const startedAt = now();
  const log = options.log === false ? () => {} : (options.log ?? jsonLineLog);
  const metrics = new GatewayMetrics(startedAt);
  const shutdown = new AbortController();
  const deps: RouteDeps = {
    backend: options.backend,
    cache: new ResponseCache(options.cacheStore ?? memoryResponseStore(), now, (key, error) =>
      log({ level: 'warn', msg: 'cache refresh failed', key, error: String(error) }),
    ),
    policies: { ...defaultCachePolicies, ...options.cachePolicies },
    metrics,
    log,
    now,
    generation: cacheGeneration(options.redis),
  };
  const { backend } = options;
  const hub =
    options.push && backend.changeFromPush && backend.applyChange
      ? new PushHub({
          settings: options.push,
          target: {
            changeFromPush: backend.changeFromPush.bind(backend),
            applyChange: backend.applyChange.bind(backend),
          },
          generation: deps.generation,
          ...(options.redis ? { redis: options.redis } : {}),
          log,
          now,
        })
      : undefined;

  const app = new Hono();
  app.use('*', requestId());
  app.use('*', requestLog(log, metrics, now));
  app.use(
    '/v1/*',
    corsPolicy({
      origins: options.corsOrigins ?? '*',
      allowMethods: ['GET', 'POST', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'If-None-Match', 'Last-Event-ID'],
      exposeHeaders: ['ETag', 'Retry-After', 'X-Request-Id', 'RateLimit', 'RateLimit-Policy', 'Age', 'X-Server-Time'],
      maxAgeSeconds: 600,
    }),
  );
  const limits = options.rateLimit ?? defaultRateLimit;
  if (limits) {
    const limiter = rateLimit(limits, options.clientKey ?? anonymousClient, metrics);
    // WeChat's push servers are few and shared by every shop: their deliveries are not a client's reads.
    app.use('/v1/*', (c, next) => (c.req.path === '/v1/wechat/push' ? next() : limiter(c, next)));
  }
  // Only resolve takes a body. Scoped to it, because checking for a body makes the Node adapter build a
  // full Request object, which costs every GET a quarter of its throughput.
  app.use(
    '/v1/wechat/push',
    bodyLimit({
      maxSize: maxPushBytes,
      onError: (c) => {
        log({ level: 'warn', msg: 'push rejected', requestId: c.get('requestId' as never), reason: 'size' });
        return errorResponse(c, 413, 'bad_request', `The push body is larger than ${maxPushBytes} bytes`);
      },
    }),
  );
  app.use(
    '/v1/resolve',
    bodyLimit({
      maxSize: options.maxBodyBytes ?? maxResolveBodyBytes,
      onError: (c) =>
        errorResponse(
          c,
          413,
          'bad_request',
          `The body is larger than ${options.maxBodyBytes ?? maxResolveBodyBytes} bytes`,
        ),
    }),
  );

  app.route(
    '/',
    systemRoutes(deps, {
      backendName: options.backendName ?? 'custom',
      startedAt,
      readiness: () => readiness(options),
    }),
  );
  app.route('/v1/products', productsRoutes(deps));
  app.route('/v1/shops', linksRoutes(deps));
  app.route('/v1/shops', shopsRoutes(deps));
  app.route('/v1/search', searchRoutes(deps));
  app.route(
    '/v1/lives',
    livesRoutes(deps, {
      heartbeatMs: options.heartbeatMs ?? 15_000,
      maxStreamMs: options.maxStreamMs ?? 10 * 60_000,
      maxStreams: options.maxStreams ?? 2_000,
      shutdown: shutdown.signal,
    }),
  );
  app.route('/v1/resolve', resolveRoutes(deps));
  app.route('/v1/wechat/push', pushRoutes(deps, hub, options.push?.answerWithinMs));
  if (options.assets) app.route('/demo-images', assetRoutes(options.assets));
  app.all('/v1/*', (c) => errorResponse(c, 404, 'not_found', `No route ${c.req.method} ${c.req.path}`));
  if (options.fallback) app.route('/', options.fallback);
  app.notFound((c) => errorResponse(c, 404, 'not_found', `No route ${c.req.method} ${c.req.path}`));
  app.onError((error, c: Context) => {
    if (error instanceof NotServed) return notServedResponse(c, error);
    const answer = responseForError(c, error, log);
    if (answer) return answer;
    log({ level: 'error', msg: 'unhandled', path: c.req.path, error: String(error), stack: (error as Error).stack });
    return errorResponse(c, 500, 'internal', 'Internal error');
  });

  return {
    app,
    metrics,
    ready: hub?.listening ?? Promise.resolve(),
    shutdown: () => {
      shutdown.abort();
      hub?.close();
    },
  };
}

/** A check that hangs must not hang `/readyz`: load balancers poll it every few seconds. */
const readinessTimeoutMs = 3_000;

async function readiness(options: GatewayOptions): Promise<ReadinessCheck[]> {
  const { backend, cacheStore, readinessChecks = [] } = options;
  const sources: Array<[string, () => Promise<ReadinessCheck[]>]> = [];
  if (backend.readiness) sources.push(['backend', () => backend.readiness!()]);
  if (cacheStore?.readiness) sources.push(['cache', async () => [await cacheStore.readiness!()]]);
  for (const check of readinessChecks) sources.push(['check', async () => [await check()]]);
  const lists = await Promise.all(
    sources.map(async ([name, run]) => {
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        return await Promise.race([
          run(),
          new Promise<never>((_, reject) => {
            timer = setTimeout(
              () => reject(new Error(`no answer within ${readinessTimeoutMs} ms`)),
              readinessTimeoutMs,
            );
          }),
        ]);
      } catch (error) {
        return [
          { name, ok: false, detail: `The check failed: ${error instanceof Error ? error.message : String(error)}` },
        ];
      } finally {
        clearTimeout(timer);
      }
    }),
  );
  return lists.flat();
}

/** The gateway app alone, for tests and edge runtimes. */
export function createGatewayApp(options: GatewayOptions): Hono {
  return createGateway(options).app;
}
