import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcessByStdio } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createClient } from 'redis';
import { pushSettings, signedPush, startFakeWeChat, type FakeWeChat } from './fake-wechat.ts';
import { freePort, startRedis } from './redis-server.ts';

const cli = fileURLToPath(new URL('../../packages/gateway/dist/cli.js', import.meta.url));
const packageJson = fileURLToPath(new URL('../../packages/gateway/package.json', import.meta.url));
const appid = 'wx3f8a2c1d9e7b6a54';

/** A running `xiaodian-gateway` whose every output line is kept, and waited on by content. */
interface Command {
  url: string;
  output: string[];
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

async function startCommand(args: string[], env: Record<string, string> = {}): Promise<Command> {
  const child: ChildProcessByStdio<null, Readable, Readable> = spawn(process.execPath, [cli, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: process.env['PATH'] ?? '', ...env },
  });
  const output: string[] = [];
  const waiters = new Set<() => void>();
  for (const stream of [child.stdout, child.stderr]) {
    let rest = '';
    stream.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString()).split('\n');
      rest = lines.pop() ?? '';
      output.push(...lines);
      for (const wake of waiters) wake();
    });
  }
  const waitFor = (pattern: RegExp, timeoutMs = 15_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const line = output.find((text) => pattern.test(text));
        if (!line) return false;
        waiters.delete(check);
        clearTimeout(timer);
        resolve(line);
        return true;
      };
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`no line matching ${pattern} within ${timeoutMs} ms:\n${output.join('\n')}`));
      }, timeoutMs);
      if (!check()) waiters.add(check);
    });
  const listening = await waitFor(/listening on http:\/\/127\.0\.0\.1:\d+/);
  return {
    url: /http:\/\/127\.0\.0\.1:\d+/.exec(listening)![0],
    output,
    waitFor,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
}

/** Polls until `ready` holds: an awaited signal (the gateway's own answer), bounded by a deadline. */
async function until(ready: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('xiaodian-gateway for an operator', () => {
  it('prints its version from the package', () => {
    const result = spawnSync(process.execPath, [cli, '--version'], { encoding: 'utf8', timeout: 10_000 });
    const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
    assert.equal(result.status, 0);
    assert.equal(result.stdout.trim(), `xiaodian-gateway ${version}`);
  });

  it('answers a URL with raw UTF-8 in its query with the JSON error body, saying to percent-encode', async () => {
    const command = await startCommand(['--quiet']);
    try {
      const { port } = new URL(command.url);
      const socket = connect(Number(port), '127.0.0.1');
      await once(socket, 'connect');
      socket.end(Buffer.from('GET /v1/search?q=防晒 HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n', 'utf8'));
      let raw = '';
      for await (const chunk of socket) raw += (chunk as Buffer).toString('utf8');
      const [head = '', body = ''] = raw.split('\r\n\r\n');
      assert.match(head, /^HTTP\/1\.1 400 /);
      assert.match(head, /content-type: application\/json/i);
      const error = (JSON.parse(body) as { error: { code: string; message: string } }).error;
      assert.equal(error.code, 'bad_request');
      assert.match(error.message, /percent-encoded/);
      // The same query, encoded, is answered.
      assert.equal((await fetch(`${command.url}/v1/search?q=${encodeURIComponent('防晒')}`)).status, 200);
    } finally {
      await command.stop();
    }
  });

  it('starts and serves from memory while Redis is down, says so, and uses Redis once it answers', async () => {
    const port = await freePort();
    const command = await startCommand([], { REDIS_URL: `redis://127.0.0.1:${port}` });
    let redis: Awaited<ReturnType<typeof startRedis>> | undefined;
    try {
      const products = await fetch(`${command.url}/v1/products?refs=${appid}:10000201001001`);
      assert.equal(products.status, 200, 'serves without Redis');
      const ready = await fetch(`${command.url}/readyz`);
      assert.equal(ready.status, 503);
      const checks = ((await ready.json()) as { checks: Array<{ name: string; ok: boolean; detail: string }> }).checks;
      assert.deepEqual(
        checks.map((check) => [check.name, check.ok]),
        [['redis', false]],
      );
      assert.match(checks[0]!.detail, /serving from memory/);
      await command.waitFor(/"msg":"redis unavailable; serving from memory"/);

      redis = await startRedis(port);
      await until(async () => (await fetch(`${command.url}/readyz`)).status === 200, 30_000, 'readiness');
      await command.waitFor(/"msg":"redis connected"/);
      assert.equal((await fetch(`${command.url}/v1/shops/${appid}`)).status, 200);
      const client = createClient({ url: redis.url });
      await client.connect();
      try {
        assert.ok((await client.keys('xd:v1:cache:shops:*')).length > 0, 'the answer went to Redis');
      } finally {
        await client.close();
      }
    } finally {
      await command.stop();
      await redis?.stop();
    }
  });
});

describe('xiaodian-gateway --backend wechat', () => {
  let fake: FakeWeChat;
  let dir: string;
  before(async () => {
    fake = await startFakeWeChat(5);
    dir = mkdtempSync(join(tmpdir(), 'xiaodian-secret-'));
  });
  after(async () => {
    await fake.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('reads secrets from files, talks to another API base, takes pushes, and never prints a secret', async () => {
    const secretFile = join(dir, 'secret');
    writeFileSync(secretFile, `${fake.secret}\n`);
    const tokenFile = join(dir, 'push-token');
    writeFileSync(tokenFile, pushSettings.token);
    const command = await startCommand(['--backend', 'wechat', '--wechat-api-base', fake.url], {
      WECHAT_APPID: appid,
      WECHAT_SECRET_FILE: secretFile,
      WECHAT_PUSH_TOKEN_FILE: tokenFile,
      WECHAT_PUSH_AES_KEY: pushSettings.encodingAesKey,
    });
    const bodies: string[] = [];
    try {
      const ready = await fetch(`${command.url}/readyz`);
      bodies.push(await ready.text());
      assert.equal(ready.status, 200, bodies.at(-1));
      const products = await fetch(`${command.url}/v1/products?refs=${appid}:${fake.productIds[0]}`);
      bodies.push(await products.text());
      assert.equal((JSON.parse(bodies.at(-1)!) as { items: Array<{ ok: boolean }> }).items[0]!.ok, true);
      assert.ok(fake.tokenCalls > 0, 'the stand-in was asked, not api.weixin.qq.com');
      const push = signedPush(
        JSON.stringify({ CreateTime: 1, MsgType: 'event', Event: 'set_shop_headimg', ToUserName: 'gh_shop' }),
      );
      const answer = await fetch(`${command.url}/v1/wechat/push?${push.query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: push.body,
      });
      bodies.push(await answer.text());
      assert.equal(bodies.at(-1), 'success');
      await command.waitFor(/"msg":"push applied"/);
    } finally {
      await command.stop();
    }
    for (const text of [...bodies, ...command.output]) {
      assert.ok(!text.includes(fake.secret), `the secret leaked: ${text}`);
      assert.ok(!text.includes(pushSettings.token), `the push token leaked: ${text}`);
      assert.ok(!text.includes(pushSettings.encodingAesKey), `the AES key leaked: ${text}`);
      assert.doesNotMatch(text, /TOKEN_\d+/);
    }
  });

  it('with a wrong secret: not ready with errcode 40125, callers see no WeChat text, nothing leaks', async () => {
    const wrong = 'wrong-secret-from-env-42';
    const command = await startCommand(['--backend', 'wechat', '--wechat-api-base', fake.url], {
      WECHAT_APPID: appid,
      WECHAT_SECRET: wrong,
    });
    const bodies: string[] = [];
    try {
      const ready = await fetch(`${command.url}/readyz`);
      bodies.push(await ready.text());
      assert.equal(ready.status, 503);
      assert.match(bodies.at(-1)!, /"errcode":40125/);
      const shop = await fetch(`${command.url}/v1/shops/${appid}`);
      bodies.push(await shop.text());
      assert.equal(shop.status, 502);
      assert.doesNotMatch(bodies.at(-1)!, /invalid appsecret|40125/);
      await command.waitFor(/"msg":"wechat error".*"errcode":40125.*"rid":"6745a1b2-0-0"/);
    } finally {
      await command.stop();
    }
    for (const text of [...bodies, ...command.output]) assert.ok(!text.includes(wrong), `the secret leaked: ${text}`);
  });

  it('refuses WECHAT_SECRET and WECHAT_SECRET_FILE together, and an unreadable secret file, without printing either', () => {
    const both = spawnSync(process.execPath, [cli, '--backend', 'wechat'], {
      encoding: 'utf8',
      timeout: 10_000,
      env: { WECHAT_APPID: appid, WECHAT_SECRET: 'in-env-secret', WECHAT_SECRET_FILE: join(dir, 'secret') },
    });
    assert.equal(both.status, 2);
    assert.match(both.stderr, /WECHAT_SECRET or WECHAT_SECRET_FILE, not both/);
    assert.doesNotMatch(both.stderr + both.stdout, /in-env-secret/);
    const missing = spawnSync(process.execPath, [cli, '--backend', 'wechat'], {
      encoding: 'utf8',
      timeout: 10_000,
      env: { WECHAT_APPID: appid, WECHAT_SECRET_FILE: join(dir, 'nope') },
    });
    assert.equal(missing.status, 2);
    assert.match(missing.stderr, /WECHAT_SECRET_FILE names a file that cannot be read \(ENOENT\)/);
  });
});
