import type { Context, MiddlewareHandler } from 'hono';
import { rateLimiter } from 'hono-rate-limiter';
import { errorResponse } from '../http/errors.js';
import type { GatewayMetrics } from '../observability/metrics.js';

/**
 * Per-client fixed-window limit (hono-rate-limiter: RateLimit headers, and Retry-After on refusal). A
 * refused request gets our error body, so clients back off by the same rules as any other 429.
 */
export function rateLimit(
  options: { limit: number; windowMs: number },
  clientKey: (c: Context) => string,
  metrics: GatewayMetrics,
): MiddlewareHandler {
  return rateLimiter({
    windowMs: options.windowMs,
    limit: options.limit,
    standardHeaders: 'draft-6',
    keyGenerator: clientKey,
    handler: (c) => {
      metrics.recordRateLimited();
      return errorResponse(
        c,
        429,
        'rate_limited',
        `Too many requests: at most ${options.limit} every ${options.windowMs / 1000} s per client; retry after the seconds in Retry-After`,
      );
    },
  });
}
