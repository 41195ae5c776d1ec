export { createGateway, createGatewayApp, type Gateway } from './app.js';
export { startGateway, type RunningGateway, type StartGatewayOptions } from './serve.js';
export {
  defaultCachePolicies,
  defaultRateLimit,
  type CacheKind,
  type GatewayAsset,
  type GatewayBackend,
  type GatewayOptions,
  type LogEntry,
  type ReadinessCheck,
  type ShareLinks,
} from './options.js';
export {
  ResponseCache,
  memoryResponseStore,
  type CachePolicy,
  type CachedBody,
  type ResponseCacheStore,
} from './cache/response-cache.js';
export { GatewayMetrics } from './observability/metrics.js';
export { redisResponseStore, type RedisResponseStore, type RedisStoreOptions } from './cache/redis-store.js';
export { connectRedis, type RedisConnection, type RedisConnectionOptions } from './cache/redis-connection.js';
export * from './wechat/index.js';
