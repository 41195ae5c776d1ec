// Kills StrykerJS mutants (npm run mutation -- gateway) in config.ts left by config.test.ts and
// config-edges.mutants.test.ts: each pattern anchored at both ends (a value with junk before or after is
// refused), the public base URL (checked only by a test of the built command, which the mutation run leaves
// out), the flags read by name, and the usage text.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ConfigError, readConfig, readSecret, usage } from '../../packages/gateway/src/config.ts';

const appid = 'wx3f8a2c1d9e7b6a54';
const wechatEnv = { WECHAT_APPID: appid, WECHAT_SECRET: 's' };
const aesKey = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const refused = (args: string[], env: Record<string, string>, message: RegExp | string) =>
  assert.throws(
    () => readConfig(args, env),
    (error: unknown) =>
      error instanceof ConfigError &&
      (typeof message === 'string' ? error.message === message : message.test(error.message)),
    JSON.stringify({ args, env }),
  );

describe('gateway configuration values', () => {
  it('says how to use the command, naming the backends', () => {
    assert.match(usage, /^Usage: xiaodian-gateway \[options\]\n/);
    assert.match(usage, /--backend NAME {7}data source: demo \| wechat \(env XIAODIAN_BACKEND/);
  });

  it('refuses a port or an appid with anything before or after it', () => {
    refused(['--port', 'x80'], {}, 'invalid port "x80"');
    refused(['--port', '80x'], {}, 'invalid port "80x"');
    for (const bad of [`x${appid}`, `${appid}0`, 'wx123']) {
      refused(['--backend', 'wechat'], { ...wechatEnv, WECHAT_APPID: bad }, /^--backend wechat needs WECHAT_APPID/);
    }
  });

  it('reads the backend from XIAODIAN_BACKEND, and lists the backends when it is unknown', () => {
    refused([], { XIAODIAN_BACKEND: 'wechat' }, /^--backend wechat needs WECHAT_APPID/);
    refused([], { XIAODIAN_BACKEND: 'mock' }, 'unknown backend "mock" (available: demo, wechat)');
  });

  it('takes a WeChat API base with or without a path, and refuses one with junk before or after', () => {
    assert.equal(
      readConfig(['--backend', 'wechat'], { ...wechatEnv, WECHAT_API_BASE: 'https://proxy.example' }).wechat?.apiBase,
      'https://proxy.example',
    );
    for (const bad of ['ftp://https://proxy.example', 'https://proxy.example x']) {
      refused(
        ['--backend', 'wechat'],
        { ...wechatEnv, WECHAT_API_BASE: bad },
        `invalid WeChat API base "${bad}" (expected http(s)://host[:port][/path])`,
      );
    }
  });

  it('reads CORS origins around spaces, http ones too, and refuses one with junk before it', () => {
    assert.equal(readConfig([], { CORS_ORIGINS: ' * ' }).corsOrigins, '*');
    assert.deepEqual(readConfig([], { CORS_ORIGINS: 'http://shop.test:8080' }).corsOrigins, ['http://shop.test:8080']);
    refused([], { CORS_ORIGINS: 'xhttps://shop.test' }, /^invalid CORS origin "xhttps:\/\/shop\.test"/);
  });

  it('reads --redis-url, --static and --trust-proxy by name, and refuses a Redis URL with junk before it', () => {
    const config = readConfig(['--redis-url', 'redis://cache:6379', '--static', 'dist/site', '--trust-proxy'], {});
    assert.equal(config.redisUrl, 'redis://cache:6379');
    assert.equal(config.staticDir, 'dist/site');
    assert.equal(config.trustProxy, true);
    refused(['--redis-url', 'xredis://cache'], {}, 'invalid Redis URL (expected redis://… or rediss://…)');
  });

  it('takes the public base URL from the flag or PUBLIC_BASE_URL, without its trailing slashes', () => {
    assert.equal(
      readConfig(['--public-base-url', 'https://shop.example/kit/'], {}).publicBaseUrl,
      'https://shop.example/kit',
    );
    assert.equal(readConfig([], { PUBLIC_BASE_URL: 'http://10.0.0.5:8787//' }).publicBaseUrl, 'http://10.0.0.5:8787');
    assert.equal(readConfig([], {}).publicBaseUrl, undefined);
  });

  it('refuses a public base URL that is not http(s), or has a query, a fragment or a user', () => {
    for (const bad of [
      'not a url',
      'ftp://shop.example',
      'https://shop.example/?q=1',
      'https://shop.example/#top',
      'https://user@shop.example',
      'https://user:pass@shop.example',
      'https://:pass@shop.example',
    ]) {
      refused(
        ['--public-base-url', bad],
        {},
        `invalid public base URL "${bad}" (expected http(s)://host[:port][/path], as browsers reach the gateway)`,
      );
    }
  });

  it('refuses 视频号 settings with anything missing or junk around an id, and a push key with junk before it', () => {
    const finder = {
      WECHAT_FINDER_APPID: 'wx0b1c2d3e4f5a6b7c',
      WECHAT_FINDER_SECRET: 'fs',
      WECHAT_FINDER_USERNAME: 'sphShanye',
    };
    const args = ['--backend', 'wechat'];
    assert.equal(readConfig(args, { ...wechatEnv, ...finder }).wechat?.finder?.finderUserName, 'sphShanye');
    for (const partial of <Array<Record<string, string>>>[
      { WECHAT_FINDER_APPID: finder.WECHAT_FINDER_APPID },
      { WECHAT_FINDER_APPID: finder.WECHAT_FINDER_APPID, WECHAT_FINDER_USERNAME: 'sphShanye' },
    ]) {
      refused(
        args,
        { ...wechatEnv, ...partial },
        'WECHAT_FINDER_APPID needs WECHAT_FINDER_SECRET (or WECHAT_FINDER_SECRET_FILE)',
      );
    }
    refused(
      args,
      { ...wechatEnv, ...finder, WECHAT_FINDER_APPID: `x${finder.WECHAT_FINDER_APPID}` },
      /^WECHAT_FINDER_APPID must be/,
    );
    refused(
      args,
      { ...wechatEnv, ...finder, WECHAT_FINDER_APPID: `${finder.WECHAT_FINDER_APPID}0` },
      /^WECHAT_FINDER_APPID must be/,
    );
    for (const name of ['xsphShanye', 'sphShanye!']) {
      refused(args, { ...wechatEnv, ...finder, WECHAT_FINDER_USERNAME: name }, /^WECHAT_FINDER_USERNAME must be/);
    }
    refused(
      args,
      { ...wechatEnv, WECHAT_PUSH_TOKEN: 't', WECHAT_PUSH_AES_KEY: `!${aesKey}` },
      'WECHAT_PUSH_AES_KEY must be the 43-character EncodingAESKey 小店后台 shows',
    );
  });
});

describe('secrets from files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xiaodian-secret-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('drops only the newline at the end of the file, not one inside the secret', () => {
    const path = join(dir, 'secret');
    writeFileSync(path, 'line one\nline two\n');
    assert.equal(readSecret({ S_FILE: path }, 'S'), 'line one\nline two');
  });
});
