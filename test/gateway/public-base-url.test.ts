// The demo's picture URLs work from any origin: `xiaodian-gateway` makes them absolute, from
// --public-base-url / PUBLIC_BASE_URL or else from the address it listens on.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { ConfigError, readConfig } from '../../packages/gateway/src/config.ts';

const cli = fileURLToPath(new URL('../../packages/gateway/dist/cli.js', import.meta.url));
const ref = 'wx3f8a2c1d9e7b6a54:10000201001001';

interface ProductsAnswer {
  items: { ok: boolean; product?: { images: string[]; shop: { logoUrl: string } } }[];
}

/** Runs the command until `use` has finished with the URL it printed; always stops it. */
async function withCli(env: Record<string, string>, use: (url: string) => Promise<void>): Promise<void> {
  const child = spawn(process.execPath, [cli, '--port', '0', '--host', '127.0.0.1', '--quiet'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, ...env },
  });
  try {
    const [chunk] = (await Promise.race([
      once(child.stdout, 'data'),
      once(child, 'exit').then(([code]) => Promise.reject(new Error(`the command exited with ${code}`))),
    ])) as [Buffer];
    const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(chunk.toString())?.[1];
    assert.ok(url, `printed its URL: ${chunk.toString()}`);
    await use(url);
  } finally {
    child.kill('SIGTERM');
  }
  await once(child, 'exit');
}

async function pictures(url: string): Promise<string[]> {
  const answer = (await (await fetch(`${url}/v1/products?refs=${ref}`)).json()) as ProductsAnswer;
  const product = answer.items[0]?.product;
  assert.ok(product, 'the demo product is found');
  return [...product.images, product.shop.logoUrl];
}

describe('absolute demo picture URLs', () => {
  it('by default name the address the gateway listens on, and load from there', async () => {
    await withCli({}, async (url) => {
      const urls = await pictures(url);
      for (const picture of urls) assert.ok(picture.startsWith(`${url}/demo-images/`), picture);
      const image = await fetch(urls[0]!);
      assert.equal(image.status, 200);
      assert.match(image.headers.get('content-type') ?? '', /^image\/svg\+xml/);
    });
  });

  it('use PUBLIC_BASE_URL when it is set (a proxy, a public name)', async () => {
    await withCli({ PUBLIC_BASE_URL: 'https://shop.example/gateway/' }, async (url) => {
      for (const picture of await pictures(url))
        assert.ok(picture.startsWith('https://shop.example/gateway/demo-images/'), picture);
    });
  });

  it('reads --public-base-url over PUBLIC_BASE_URL, without its trailing slash', () => {
    const config = readConfig(['--public-base-url', 'https://a.example/x/'], { PUBLIC_BASE_URL: 'https://b.example' });
    assert.equal(config.publicBaseUrl, 'https://a.example/x');
    assert.equal(readConfig([], { PUBLIC_BASE_URL: 'http://192.0.2.7:8787' }).publicBaseUrl, 'http://192.0.2.7:8787');
    assert.equal(readConfig([], {}).publicBaseUrl, undefined);
  });

  it('refuses a public base URL browsers could not use, naming the form it needs', () => {
    for (const bad of [
      'gateway.example',
      '/relative',
      'ftp://gateway.example',
      'https://g.example/?a=1',
      'https://g.example/#x',
    ])
      assert.throws(
        () => readConfig(['--public-base-url', bad], {}),
        (error: unknown) => {
          assert.ok(error instanceof ConfigError);
          assert.match(error.message, /expected http\(s\):\/\/host\[:port\]\[\/path\]/);
          return true;
        },
      );
  });
});
