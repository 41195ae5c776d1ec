import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, readConfig } from '../../packages/gateway/src/config.ts';

describe('xiaodian-gateway configuration', () => {
  it('has defaults that run the demo on loopback', () => {
    assert.deepEqual(readConfig([], {}), {
      port: 8787,
      host: '127.0.0.1',
      backend: 'demo',
      corsOrigins: '*',
      ratePerMinute: 600,
      trustProxy: false,
      quiet: false,
    });
  });

  it('reads the environment, and flags win over it', () => {
    const env = {
      PORT: '9000',
      HOST: '0.0.0.0',
      CORS_ORIGINS: 'https://a.example, https://b.example:8443',
      RATE_LIMIT_PER_MINUTE: '0',
      TRUST_PROXY: 'true',
      REDIS_URL: 'redis://127.0.0.1:6379',
    };
    const config = readConfig(['--port', '9100', '--quiet'], env);
    assert.equal(config.port, 9100);
    assert.equal(config.host, '0.0.0.0');
    assert.deepEqual(config.corsOrigins, ['https://a.example', 'https://b.example:8443']);
    assert.equal(config.ratePerMinute, 0);
    assert.equal(config.trustProxy, true);
    assert.equal(config.redisUrl, 'redis://127.0.0.1:6379');
    assert.equal(config.quiet, true);
  });

  it('takes WeChat credentials from the environment only', () => {
    const config = readConfig(['--backend', 'wechat'], { WECHAT_APPID: 'wx3f8a2c1d9e7b6a54', WECHAT_SECRET: 's' });
    assert.deepEqual(config.wechat, { appid: 'wx3f8a2c1d9e7b6a54', secret: 's' });
    assert.equal(config.backend, 'wechat');
  });

  it('rejects bad values with a reason', () => {
    const cases: Array<[string[], Record<string, string>, RegExp]> = [
      [['--port', 'abc'], {}, /invalid port "abc"/],
      [[], { PORT: '70000' }, /invalid port "70000"/],
      [['--backend', 'nope'], {}, /unknown backend "nope"/],
      [['--rate-limit=-5'], {}, /invalid rate limit/],
      [['--rate-limit', '1.5'], {}, /invalid rate limit/],
      [['--cors-origins', 'https://a.example/path'], {}, /invalid CORS origin/],
      [[], { REDIS_URL: 'http://localhost' }, /invalid Redis URL/],
      [['--backend', 'wechat'], {}, /needs WECHAT_APPID/],
      [['--backend', 'wechat'], { WECHAT_APPID: 'wx3f8a2c1d9e7b6a54' }, /needs WECHAT_SECRET/],
      [['--frobnicate'], {}, /Unknown option/],
    ];
    for (const [args, env, message] of cases) {
      assert.throws(
        () => readConfig(args, env),
        (error: unknown) => error instanceof ConfigError && message.test(error.message),
      );
    }
  });
});
