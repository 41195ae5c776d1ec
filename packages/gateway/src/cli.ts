#!/usr/bin/env node
import { createDemoBackend } from '@xiaodian/demo';
import { ConfigError, HelpRequested, readConfig, usage, type GatewayConfig } from './config.js';
import { redisResponseStore } from './cache/redis-store.js';
import { createWeChatBackend, redisTokenStore } from './wechat/index.js';
import { startGateway, type RunningGateway } from './serve.js';

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
  fail(error instanceof ConfigError ? error.message : String(error));
}

let cacheStore: Awaited<ReturnType<typeof redisResponseStore>> | undefined;
if (config.redisUrl) {
  try {
    cacheStore = await redisResponseStore(config.redisUrl, {
      onError: (error) => console.error(JSON.stringify({ level: 'warn', msg: 'redis', error: String(error) })),
    });
  } catch (error) {
    console.error(
      `xiaodian-gateway: could not connect to Redis: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
}

let tokenStore: Awaited<ReturnType<typeof redisTokenStore>> | undefined;
if (config.wechat && config.redisUrl) {
  try {
    tokenStore = await redisTokenStore(config.redisUrl, {
      onError: (error) => console.error(JSON.stringify({ level: 'warn', msg: 'redis', error: String(error) })),
    });
  } catch (error) {
    console.error(
      `xiaodian-gateway: could not connect to Redis: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(1);
  }
}
const demo = config.wechat ? undefined : createDemoBackend();
const backend = config.wechat
  ? createWeChatBackend({ ...config.wechat, ...(tokenStore ? { tokenStore } : {}) })
  : demo!;

let running: RunningGateway;
try {
  running = await startGateway({
    backend,
    ...(demo ? { assets: (path: string) => demo.renderImage(path) } : {}),
    backendName: config.backend,
    port: config.port,
    host: config.host,
    corsOrigins: config.corsOrigins,
    rateLimit: config.ratePerMinute > 0 ? { limit: config.ratePerMinute, windowMs: 60_000 } : false,
    trustProxy: config.trustProxy,
    ...(cacheStore ? { cacheStore } : {}),
    ...(config.staticDir ? { staticDir: config.staticDir } : {}),
    ...(config.quiet ? { log: false as const } : {}),
  });
} catch (error) {
  const code = (error as NodeJS.ErrnoException).code;
  console.error(
    code === 'EADDRINUSE'
      ? `xiaodian-gateway: port ${config.port} on ${config.host} is already in use; choose another with --port or PORT.`
      : `xiaodian-gateway: could not listen on ${config.host}:${config.port}: ${error instanceof Error ? error.message : String(error)}`,
  );
  process.exit(1);
}
console.log(`Xiaodian gateway (${config.backend} backend) listening on ${running.url}`);
if (config.staticDir) console.log(`Article example: ${running.url}/article.html`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(
    signal,
    () =>
      void running.close().then(async () => {
        await cacheStore?.close();
        await tokenStore?.close();
        process.exit(0);
      }),
  );
}
