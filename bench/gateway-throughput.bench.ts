/**
 * The gateway's cost over the bytes it serves: a cached 20-ref products request through the real gateway
 * (routing, validation, rate-limit bookkeeping off, cache lookup, ETag, logging off) against a bare
 * node:http server answering the same bytes, side by side, with autocannon as the load generator.
 * Each server runs in its own process; autocannon runs here.
 */
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDemoBackend } from '@xiaodian/demo';
import { formatProductRef } from '@xiaodian/model';

const durationSeconds = Number(process.env['BENCH_SECONDS'] ?? 8);
const connections = 32;

async function startServer(...args: string[]): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/lib/bench-server.ts', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const [chunk] = (await once(child.stdout!, 'data')) as [Buffer];
  return { url: chunk.toString().trim(), child };
}

async function stop(child: ChildProcess) {
  child.kill('SIGTERM');
  await once(child, 'exit');
}

async function load(url: string) {
  // Warm-up: JIT, keep-alive sockets, and (for the gateway) the response cache.
  await autocannon({ url, connections, duration: 2 });
  const result = await autocannon({ url, connections, duration: durationSeconds });
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
  }
  return result;
}

const refs = createDemoBackend()
  .products.slice(0, 20)
  .map((product) => formatProductRef(product))
  .join(',');
const path = `/v1/products?refs=${refs}`;

const gateway = await startServer('gateway');
const gatewayUrl = `${gateway.url}${path}`;
const sample = await fetch(gatewayUrl);
const body = await sample.text();
if (sample.status !== 200) throw new Error(`gateway answered ${sample.status}: ${body}`);
const bodyFile = join(mkdtempSync(join(tmpdir(), 'xd-bench-')), 'body.json');
writeFileSync(bodyFile, body);
// The same bytes on the wire: the bare server sends the gateway's headers too (but a fixed request id).
const headerFile = `${bodyFile}.headers.json`;
const headers = Object.fromEntries(
  [...sample.headers].filter(([name]) => !['date', 'connection', 'keep-alive', 'transfer-encoding'].includes(name)),
);
writeFileSync(headerFile, JSON.stringify(headers));

const viaGateway = await load(gatewayUrl);
await stop(gateway.child);
const bare = await startServer('bare', bodyFile, headerFile);
const viaBare = await load(`${bare.url}${path}`);
await stop(bare.child);

const row = (name: string, result: autocannon.Result) => ({
  server: name,
  'requests/s': Math.round(result.requests.average),
  'p50 ms': result.latency.p50,
  'p99 ms': result.latency.p99,
  'MB/s': Number((result.throughput.average / 1e6).toFixed(1)),
});
console.log(
  `Cached GET /v1/products with 20 refs (${body.length} bytes), ${connections} connections, ${durationSeconds} s each, Node ${process.version}`,
);
console.table([row('gateway (Hono, cached)', viaGateway), row('bare node:http, same bytes', viaBare)]);
console.log(
  `The gateway serves ${((viaGateway.requests.average / viaBare.requests.average) * 100).toFixed(0)}% of the bare server's throughput.`,
);
