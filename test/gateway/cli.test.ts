import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../../packages/gateway/dist/cli.js', import.meta.url));

describe('xiaodian-gateway command', () => {
  it('starts on the asked port, prints its URL, serves the API and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, [cli, '--port', '0', '--host', '127.0.0.1'], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      const [chunk] = (await Promise.race([
        once(child.stdout, 'data'),
        new Promise((_, reject) => setTimeout(() => reject(new Error('no URL printed within 10 s')), 10_000)),
      ])) as [Buffer];
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(chunk.toString())?.[0];
      assert.ok(url, `printed a URL: ${chunk.toString()}`);
      const response = await fetch(`${url}/healthz`);
      assert.equal(response.status, 200);
    } finally {
      child.kill('SIGTERM');
    }
    const [code] = await once(child, 'exit');
    assert.equal(code, 0);
  });

  it('says clearly when the port is taken', async () => {
    const { createServer } = await import('node:net');
    const blocker = createServer().listen(0, '127.0.0.1');
    await once(blocker, 'listening');
    try {
      const port = String((blocker.address() as { port: number }).port);
      const result = spawnSync(process.execPath, [cli, '--port', port], { encoding: 'utf8', timeout: 10_000 });
      assert.equal(result.status, 1);
      assert.match(result.stderr, new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`));
    } finally {
      blocker.close();
    }
  });

  it('rejects bad flags with exit code 2 and the usage', () => {
    for (const args of [['--port', 'abc'], ['--port', '70000'], ['--backend', 'nope'], ['--frobnicate']]) {
      const result = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 10_000 });
      assert.equal(result.status, 2, args.join(' '));
      assert.match(result.stderr, /Usage: xiaodian-gateway/);
    }
  });
});
