#!/usr/bin/env node
import { createRequire } from 'node:module';
import { createDemoBackend } from '@xiaodian/demo';
import { ConfigError, HelpRequested, VersionRequested, readConfig, usage, type GatewayConfig } from './config.js';
import { connectRedis, type RedisConnection } from './cache/redis-connection.js';
import { redisResponseStore, type RedisResponseStore } from './cache/redis-store.js';
import { jsonLineLog, type LogEntry } from './options.js';
import { createWeChatBackend, redisTokenStore } from './wechat/index.js';
import { startGateway, type RunningGateway } from './serve.js';
import { freePort, listenUrl } from './public-url.js';

/** Read from the package itself, so `--version` never drifts from what was installed. */
const { version } = createRequire(import.meta.url)('../package.json') as { version: string };

function fail(message: string): never {
  console.error(`xiaodian-gateway: ${message}\n\n${usage}`);
  process.exit(2);
}

let config: GatewayConfig;
try {
  config = readConfig(process.argv.slice(2), process.env);
} catch (error) {
  if (error instanceof HelpRequested) {
    console.log(usage);
    process.exit(0);
  }
  if (error instanceof VersionRequested) {
    console.log(`xiaodian-gateway ${version}`);
    process.exit(0);
  }
  fail(error instanceof ConfigError ? error.message : String(error));
}

// `--quiet` drops the per-request lines; what an operator must hear (Redis, WeChat errors) is still said.
const log = config.quiet ? (entry: LogEntry) => entry.msg !== 'request' && jsonLineLog(entry) : jsonLineLog;

// Redis connects in the background: the gateway listens and serves from memory until it answers.
let redis: RedisConnection | undefined;
let cacheStore: RedisResponseStore | undefined;
let tokenStore: Awaited<ReturnType<typeof redisTokenStore>> | undefined;
if (config.redisUrl) {
  redis = connectRedis(config.redisUrl, { log });
  cacheStore = await redisResponseStore(redis);
  if (config.wechat) {
    tokenStore = await redisTokenStore(redis, {
      onError: (error) => log({ level: 'warn', msg: 'redis token store failed; using memory', error: String(error) }),
    });
  }
}

// The demo's picture URLs are absolute, so a page served from another origin (a Vite dev server, a CDN)
// shows them too: from --public-base-url, or else the address this process listens on.
const port = config.port === 0 && !config.publicBaseUrl ? await freePort(config.host) : config.port;
const publicBaseUrl = config.publicBaseUrl ?? listenUrl(config.host, port);
const demo = config.wechat ? undefined : createDemoBackend({ images: { base: `${publicBaseUrl}/demo-images` } });
const backend = config.wechat
  ? createWeChatBackend({
      appid: config.wechat.appid,
      secret: config.wechat.secret,
      ...(config.wechat.apiBase ? { baseUrl: config.wechat.apiBase } : {}),
      ...(config.wechat.finder ? { finder: config.wechat.finder } : {}),
      pushesConfigured: config.wechat.push !== undefined,
      log,
      ...(tokenStore ? { tokenStore } : {}),
    })
  : demo!;

let running: RunningGateway;
try {
  running = await startGateway({
    backend,
    ...(demo ? { assets: (path: string) => demo.renderImage(path) } : {}),
    backendName: config.backend,
    port,
    host: config.host,
    corsOrigins: config.corsOrigins,
    rateLimit: config.ratePerMinute > 0 ? { limit: config.ratePerMinute, windowMs: 60_000 } : false,
    trustProxy: config.trustProxy,
    ...(cacheStore ? { cacheStore } : {}),
    ...(redis ? { redis } : {}),
    ...(config.wechat?.push ? { push: { ...config.wechat.push, appid: config.wechat.appid } } : {}),
    ...(config.staticDir ? { staticDir: config.staticDir } : {}),
    log,
  });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === 'EADDRINUSE'
      ? `xiaodian-gateway: port ${port} on ${config.host} is already in use; choose another with --port or PORT.`
      : `xiaodian-gateway: could not listen on ${config.host}:${port}: ${error instanceof Error ? error.message : String(error)}`,
  );
  await redis?.close();
  process.exit(1);
}
console.log(`Xiaodian gateway ${version} (${config.backend} backend) listening on ${running.url}`);
if (config.staticDir) console.log(`Article example: ${running.url}/article.html`);
if (demo)
  console.log(`Demo pictures: ${publicBaseUrl}/demo-images/ (set --public-base-url or PUBLIC_BASE_URL to change)`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(
    signal,
    () =>
      void running.close().then(async () => {
        await redis?.close();
        process.exit(0);
      }),
  );
}
