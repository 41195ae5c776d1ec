import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

/** How the `xiaodian-gateway` command was asked to run: flags first, then the environment, then defaults. */
export interface GatewayConfig {
  port: number;
  host: string;
  backend: BackendName;
  staticDir?: string;
  corsOrigins: string[] | '*';
  /** Requests per minute per client on `/v1/*`; 0 turns the limit off. */
  ratePerMinute: number;
  trustProxy: boolean;
  redisUrl?: string;
  /**
   * The absolute URL browsers reach this gateway at (no trailing slash), for the URLs it hands out (the demo
   * catalog's pictures). Unset: derived from the listen address.
   */
  publicBaseUrl?: string;
  quiet: boolean;
  /** For `--backend wechat`: secrets from the environment or a file only, so they never show in `ps`. */
  wechat?: WeChatConfig;
}

export interface WeChatConfig {
  appid: string;
  secret: string;
  /** Another API base (a stand-in, or a forwarding proxy with a fixed egress IP); WeChat's by default. */
  apiBase?: string;
  /** The 视频号助手 account's own credentials and its 视频号: they enable the live routes. */
  finder?: { appid: string; secret: string; finderUserName: string };
  /** 消息推送's Token and EncodingAESKey: they enable `/v1/wechat/push`. */
  push?: { token: string; encodingAesKey: string };
}

export const backendNames = ['demo', 'wechat'] as const;
export type BackendName = (typeof backendNames)[number];

export const usage = `Usage: xiaodian-gateway [options]

  --port N             port to listen on (env PORT; default 8787)
  --host ADDR          address to bind (env HOST; default 127.0.0.1)
  --backend NAME       data source: ${backendNames.join(' | ')} (env XIAODIAN_BACKEND; default demo, the embedded catalog);
                       wechat reads WECHAT_APPID and WECHAT_SECRET (or WECHAT_SECRET_FILE) from the environment,
                       for live rooms WECHAT_FINDER_APPID, WECHAT_FINDER_SECRET(_FILE), WECHAT_FINDER_USERNAME,
                       for pushes WECHAT_PUSH_TOKEN(_FILE) and WECHAT_PUSH_AES_KEY(_FILE)
  --wechat-api-base URL  WeChat's API base, e.g. a stand-in or a forwarding proxy (env WECHAT_API_BASE;
                       default https://api.weixin.qq.com)
  --static DIR         folder of built pages to serve on the same port
  --cors-origins LIST  comma-separated origins allowed to call the API from browsers, or * (env CORS_ORIGINS; default *)
  --rate-limit N       requests per minute per client on /v1, 0 for none (env RATE_LIMIT_PER_MINUTE; default 600)
  --trust-proxy        rate-limit by the first X-Forwarded-For address (env TRUST_PROXY=1); only behind your own proxy
  --redis-url URL      share the response cache between replicas (env REDIS_URL)
  --public-base-url URL  the absolute URL browsers reach this gateway at, for the demo pictures' URLs
                       (env PUBLIC_BASE_URL; default http://HOST:PORT of the listen address)
  --quiet              no request logs
  --version            print the version and exit
  -h, --help           this text`;

export class ConfigError extends Error {}

export function readConfig(args: readonly string[], env: Readonly<Record<string, string | undefined>>): GatewayConfig {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        backend: { type: 'string' },
        static: { type: 'string' },
        'cors-origins': { type: 'string' },
        'rate-limit': { type: 'string' },
        'trust-proxy': { type: 'boolean' },
        'redis-url': { type: 'string' },
        'public-base-url': { type: 'string' },
        'wechat-api-base': { type: 'string' },
        quiet: { type: 'boolean' },
        version: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (error) {
    throw new ConfigError(error instanceof Error ? error.message : String(error));
  }
  if (values.help) throw new HelpRequested();
  if (values.version) throw new VersionRequested();

  const portText = values.port ?? env['PORT'] ?? '8787';
  const port = Number(portText);
  if (!/^[0-9]+$/.test(portText) || port > 65535) throw new ConfigError(`invalid port "${portText}"`);

  const backend = values.backend ?? env['XIAODIAN_BACKEND'] ?? 'demo';
  if (!(backendNames as readonly string[]).includes(backend)) {
    throw new ConfigError(`unknown backend "${backend}" (available: ${backendNames.join(', ')})`);
  }

  let wechat: GatewayConfig['wechat'];
  if (backend === 'wechat') {
    const appid = env['WECHAT_APPID'];
    if (!appid || !/^wx[0-9a-f]{16}$/.test(appid)) {
      throw new ConfigError('--backend wechat needs WECHAT_APPID, the shop\'s appid ("wx" and 16 hex digits)');
    }
    const secret = readSecret(env, 'WECHAT_SECRET');
    if (!secret)
      throw new ConfigError('--backend wechat needs WECHAT_SECRET (or WECHAT_SECRET_FILE) in the environment');
    const apiBase = values['wechat-api-base'] ?? env['WECHAT_API_BASE'];
    if (apiBase !== undefined && !/^https?:\/\/[^\s/]+(\/[^\s]*)?$/.test(apiBase)) {
      throw new ConfigError(`invalid WeChat API base "${apiBase}" (expected http(s)://host[:port][/path])`);
    }
    wechat = { appid, secret, ...(apiBase ? { apiBase } : {}), ...readFinder(env), ...readPush(env) };
  }

  const rateText = values['rate-limit'] ?? env['RATE_LIMIT_PER_MINUTE'] ?? '600';
  if (!/^[0-9]{1,9}$/.test(rateText)) throw new ConfigError(`invalid rate limit "${rateText}" (requests per minute)`);

  const originsText = (values['cors-origins'] ?? env['CORS_ORIGINS'] ?? '*').trim();
  const corsOrigins = originsText === '*' ? '*' : originsText.split(',').map((origin) => origin.trim());
  if (corsOrigins !== '*') {
    for (const origin of corsOrigins) {
      if (!/^https?:\/\/[^/\s]+$/.test(origin)) {
        throw new ConfigError(`invalid CORS origin "${origin}" (expected scheme://host[:port], no path)`);
      }
    }
  }

  const redisUrl = values['redis-url'] ?? env['REDIS_URL'];
  if (redisUrl !== undefined && !/^rediss?:\/\//.test(redisUrl)) {
    throw new ConfigError('invalid Redis URL (expected redis://… or rediss://…)');
  }

  const publicBaseText = values['public-base-url'] ?? env['PUBLIC_BASE_URL'];
  const publicBaseUrl = publicBaseText === undefined ? undefined : readPublicBaseUrl(publicBaseText);

  return {
    port,
    host: values.host ?? env['HOST'] ?? '127.0.0.1',
    backend: backend as BackendName,
    ...(values.static ? { staticDir: values.static } : {}),
    corsOrigins,
    ratePerMinute: Number(rateText),
    trustProxy: values['trust-proxy'] ?? ['1', 'true', 'yes'].includes((env['TRUST_PROXY'] ?? '').toLowerCase()),
    ...(redisUrl ? { redisUrl } : {}),
    ...(publicBaseUrl ? { publicBaseUrl } : {}),
    quiet: values.quiet ?? false,
    ...(wechat ? { wechat } : {}),
  };
}

/** An absolute http(s) URL without query or fragment; a trailing slash is dropped so paths join with one. */
function readPublicBaseUrl(text: string): string {
  const problem = `invalid public base URL "${text}" (expected http(s)://host[:port][/path], as browsers reach the gateway)`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ConfigError(problem);
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.search || url.hash || url.username || url.password) {
    throw new ConfigError(problem);
  }
  return url.href.replace(/\/+$/, '');
}

/** All three of WECHAT_FINDER_APPID, _SECRET (or _SECRET_FILE) and _USERNAME, or none. */
function readFinder(env: Readonly<Record<string, string | undefined>>): Pick<WeChatConfig, 'finder'> {
  const appid = env['WECHAT_FINDER_APPID'];
  const secret = readSecret(env, 'WECHAT_FINDER_SECRET');
  const finderUserName = env['WECHAT_FINDER_USERNAME'];
  if (!appid && !secret && !finderUserName) return {};
  if (!appid || !/^wx[0-9a-f]{16}$/.test(appid)) {
    throw new ConfigError('WECHAT_FINDER_APPID must be the 视频号助手 appid ("wx" and 16 hex digits)');
  }
  if (!secret) throw new ConfigError('WECHAT_FINDER_APPID needs WECHAT_FINDER_SECRET (or WECHAT_FINDER_SECRET_FILE)');
  if (!finderUserName || !/^sph[0-9A-Za-z_-]{3,40}$/.test(finderUserName)) {
    throw new ConfigError('WECHAT_FINDER_USERNAME must be the 视频号 id the credentials belong to ("sph…")');
  }
  return { finder: { appid, secret, finderUserName } };
}

/** WECHAT_PUSH_TOKEN and WECHAT_PUSH_AES_KEY (each or its _FILE), both or neither. */
function readPush(env: Readonly<Record<string, string | undefined>>): Pick<WeChatConfig, 'push'> {
  const token = readSecret(env, 'WECHAT_PUSH_TOKEN');
  const encodingAesKey = readSecret(env, 'WECHAT_PUSH_AES_KEY');
  if (!token && !encodingAesKey) return {};
  if (!token || !encodingAesKey) {
    throw new ConfigError(
      'pushes need both WECHAT_PUSH_TOKEN and WECHAT_PUSH_AES_KEY (what 消息推送 in 小店后台 shows)',
    );
  }
  if (!/^[A-Za-z0-9+/]{43}$/.test(encodingAesKey)) {
    throw new ConfigError('WECHAT_PUSH_AES_KEY must be the 43-character EncodingAESKey 小店后台 shows');
  }
  return { push: { token, encodingAesKey } };
}

export class HelpRequested extends Error {}
export class VersionRequested extends Error {}

/**
 * A secret from `NAME` or from the file `NAME_FILE` names (Docker and Kubernetes secrets are files), never
 * from a flag. Both set is a mistake worth stopping for; the message names the variables, not the value.
 */
export function readSecret(env: Readonly<Record<string, string | undefined>>, name: string): string | undefined {
  const direct = env[name];
  const file = env[`${name}_FILE`];
  if (direct && file) throw new ConfigError(`set ${name} or ${name}_FILE, not both`);
  if (!file) return direct || undefined;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ConfigError(`${name}_FILE names a file that cannot be read (${code}): ${file}`);
  }
  // Files written by `echo` end in a newline that is not part of the secret.
  const secret = text.replace(/\r?\n$/, '');
  if (!secret) throw new ConfigError(`${name}_FILE names an empty file: ${file}`);
  return secret;
}
