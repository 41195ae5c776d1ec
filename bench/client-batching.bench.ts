/**
 * What batching saves on an article page: every demo product as a card, resolved through the real client
 * over HTTP against a gateway on loopback, versus the naive one-request-per-card approach.
 */
import { performance } from 'node:perf_hooks';
import { createClient } from '@xiaodian/client';
import { createDemoBackend } from '@xiaodian/demo';
import { startGateway } from '@xiaodian/gateway';
import { formatProductRef } from '@xiaodian/model';

const rounds = 30;
const backend = createDemoBackend();
const refs = backend.products.map((p) => ({ appid: p.appid, productId: p.productId }));
const gateway = await startGateway({ backend, port: 0, host: '127.0.0.1' });

let httpRequests = 0;
const countingFetch = (input: string, init?: RequestInit) => {
  httpRequests += 1;
  return fetch(input, init);
};

async function measure(name: string, loadPage: () => Promise<unknown>) {
  await loadPage(); // warm up connections and JIT
  httpRequests = 0;
  const times: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const start = performance.now();
    await loadPage();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    approach: name,
    cards: refs.length,
    'requests per page': httpRequests / rounds,
    'p50 ms': Number(times[Math.floor(rounds / 2)]!.toFixed(2)),
    'p90 ms': Number(times[Math.floor(rounds * 0.9)]!.toFixed(2)),
  };
}

try {
  const batched = await measure('client (batched per tick)', () => {
    // A fresh client per page load, as a new page would have.
    const client = createClient({ gateway: gateway.url, fetch: countingFetch });
    return Promise.all(refs.map((ref) => client.getProduct(ref)));
  });
  const naive = await measure('naive (one request per card)', () =>
    Promise.all(
      refs.map((ref) =>
        countingFetch(`${gateway.url}/v1/products?refs=${formatProductRef(ref)}`).then((r) => r.json()),
      ),
    ),
  );
  console.table([batched, naive]);
  console.log(`Rounds: ${rounds}. Gateway with the demo catalog on ${gateway.url}.`);
} finally {
  await gateway.close();
}
