/**
 * The gateway's configuration at its edges, left untaken by config.test.ts (found by a coverage run of the
 * gateway's tests): --version, the WeChat API base, the 视频号 and push settings (all or none, each with its
 * message), secrets from files, TRUST_PROXY's words, and the limits of a port and a rate.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  ConfigError,
  HelpRequested,
  VersionRequested,
  readConfig,
  readSecret,
} from '../../packages/gateway/src/config.ts';

const wechatEnv = { WECHAT_APPID: 'wx3f8a2c1d9e7b6a54', WECHAT_SECRET: 's' };
const finder = {
  WECHAT_FINDER_APPID: 'wx0b1c2d3e4f5a6b7c',
  WECHAT_FINDER_SECRET: 'fs',
  WECHAT_FINDER_USERNAME: 'sphShanye',
};
const aesKey = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const refuses = (message: string) => (error: unknown) => error instanceof ConfigError && error.message === message;

const dir = mkdtempSync(join(tmpdir(), 'xiaodian-config-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('gateway configuration edges', () => {
  it('asks for help or the version instead of a configuration', () => {
    assert.throws(() => readConfig(['-h'], {}), HelpRequested);
    assert.throws(() => readConfig(['--version'], {}), VersionRequested);
  });

  it('takes ports 0 to 65535 only, and a rate of up to nine digits', () => {
    assert.equal(readConfig(['--port', '65535'], {}).port, 65535);
    assert.throws(() => readConfig(['--port', '65536'], {}), refuses('invalid port "65536"'));
    assert.equal(readConfig(['--rate-limit', '999999999'], {}).ratePerMinute, 999_999_999);
    assert.throws(
      () => readConfig(['--rate-limit', '1000000000'], {}),
      refuses('invalid rate limit "1000000000" (requests per minute)'),
    );
  });

  it('trusts a proxy for "1", "true" and "yes" in any case, and nothing else', () => {
    for (const word of ['1', 'true', 'YES']) assert.equal(readConfig([], { TRUST_PROXY: word }).trustProxy, true, word);
    for (const word of ['0', 'false', 'on', ''])
      assert.equal(readConfig([], { TRUST_PROXY: word }).trustProxy, false, word);
  });

  it('takes a WeChat API base of http(s)://host[:port][/path], from the flag before the environment', () => {
    const config = readConfig(['--backend', 'wechat', '--wechat-api-base', 'http://127.0.0.1:9/wx'], {
      ...wechatEnv,
      WECHAT_API_BASE: 'https://ignored.example',
    });
    assert.deepEqual(config.wechat, { appid: wechatEnv.WECHAT_APPID, secret: 's', apiBase: 'http://127.0.0.1:9/wx' });
    assert.throws(
      () => readConfig(['--backend', 'wechat'], { ...wechatEnv, WECHAT_API_BASE: 'ftp://x' }),
      refuses('invalid WeChat API base "ftp://x" (expected http(s)://host[:port][/path])'),
    );
  });

  it('takes the 视频号 credentials all together, naming what is missing or malformed', () => {
    const config = readConfig(['--backend', 'wechat'], { ...wechatEnv, ...finder });
    assert.deepEqual(config.wechat?.finder, {
      appid: finder.WECHAT_FINDER_APPID,
      secret: 'fs',
      finderUserName: 'sphShanye',
    });
    const cases: Array<[Record<string, string>, string]> = [
      [
        { WECHAT_FINDER_USERNAME: 'sphShanye' },
        'WECHAT_FINDER_APPID must be the 视频号助手 appid ("wx" and 16 hex digits)',
      ],
      [
        { ...finder, WECHAT_FINDER_APPID: 'wxABC' },
        'WECHAT_FINDER_APPID must be the 视频号助手 appid ("wx" and 16 hex digits)',
      ],
      [
        { WECHAT_FINDER_APPID: finder.WECHAT_FINDER_APPID, WECHAT_FINDER_USERNAME: 'sphShanye' },
        'WECHAT_FINDER_APPID needs WECHAT_FINDER_SECRET (or WECHAT_FINDER_SECRET_FILE)',
      ],
      [
        { ...finder, WECHAT_FINDER_USERNAME: '' },
        'WECHAT_FINDER_USERNAME must be the 视频号 id the credentials belong to ("sph…")',
      ],
      [
        { ...finder, WECHAT_FINDER_USERNAME: 'sph<1>' },
        'WECHAT_FINDER_USERNAME must be the 视频号 id the credentials belong to ("sph…")',
      ],
    ];
    for (const [env, message] of cases) {
      assert.throws(() => readConfig(['--backend', 'wechat'], { ...wechatEnv, ...env }), refuses(message), message);
    }
  });

  it('takes the push token and key both or neither, the key as the 43 characters WeChat shows', () => {
    const config = readConfig(['--backend', 'wechat'], {
      ...wechatEnv,
      WECHAT_PUSH_TOKEN: 't',
      WECHAT_PUSH_AES_KEY: aesKey,
    });
    assert.deepEqual(config.wechat?.push, { token: 't', encodingAesKey: aesKey });
    const both = 'pushes need both WECHAT_PUSH_TOKEN and WECHAT_PUSH_AES_KEY (what 消息推送 in 小店后台 shows)';
    assert.throws(() => readConfig(['--backend', 'wechat'], { ...wechatEnv, WECHAT_PUSH_TOKEN: 't' }), refuses(both));
    assert.throws(
      () => readConfig(['--backend', 'wechat'], { ...wechatEnv, WECHAT_PUSH_AES_KEY: aesKey }),
      refuses(both),
    );
    assert.throws(
      () =>
        readConfig(['--backend', 'wechat'], {
          ...wechatEnv,
          WECHAT_PUSH_TOKEN: 't',
          WECHAT_PUSH_AES_KEY: `${aesKey}=`,
        }),
      refuses('WECHAT_PUSH_AES_KEY must be the 43-character EncodingAESKey 小店后台 shows'),
    );
  });
});

describe('secrets from files', () => {
  it('reads NAME_FILE without the newline echo leaves, and NAME when there is no file', () => {
    assert.equal(readSecret({ S_FILE: file('a', 'top secret\n') }, 'S'), 'top secret');
    assert.equal(readSecret({ S_FILE: file('b', 'crlf\r\n') }, 'S'), 'crlf');
    assert.equal(
      readSecret({ S_FILE: file('c', 'two lines\n\n') }, 'S'),
      'two lines\n',
      'only one newline is the file’s',
    );
    assert.equal(readSecret({ S: 'direct' }, 'S'), 'direct');
    assert.equal(readSecret({ S: '' }, 'S'), undefined);
    assert.equal(readSecret({}, 'S'), undefined);
  });

  it('refuses both set, an unreadable file and an empty one, naming the variable and never the value', () => {
    assert.throws(() => readSecret({ S: 'x', S_FILE: file('d', 'y') }, 'S'), refuses('set S or S_FILE, not both'));
    const missing = join(dir, 'missing');
    assert.throws(
      () => readSecret({ S_FILE: missing }, 'S'),
      refuses(`S_FILE names a file that cannot be read (ENOENT): ${missing}`),
    );
    const empty = file('e', '\n');
    assert.throws(() => readSecret({ S_FILE: empty }, 'S'), refuses(`S_FILE names an empty file: ${empty}`));
  });
});
