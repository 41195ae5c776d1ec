/**
 * What the client saves on an article page: a 50-card page resolved through the real client over HTTP
 * against a gateway on loopback, versus the naive one-request-per-card approach; and what it costs to
 * resolve 1,000 refs that are already cached.
 */
import { performance } from 'node:perf_hooks';
import { createClient } from '@xiaodian/client';
import { createDemoBackend } from '@xiaodian/demo';
import { startGateway } from '@xiaodian/gateway';
import { formatProductRef, type ProductRef } from '@xiaodian/model';

const rounds = 30;
const cards = 50;
const backend = createDemoBackend();
const catalog = backend.products.map((p) => ({ appid: p.appid, productId: p.productId }));
// A page of 50 cards: distinct products while the catalog has them, repeated cards beyond (an article may
// show one product twice).
const page: ProductRef[] = Array.from({ length: cards }, (_, i) => catalog[i % catalog.length]!);
// No rate limit: the naive approach alone sends 1,550 requests in a few seconds.
const gateway = await startGateway({ backend, port: 0, host: '127.0.0.1', rateLimit: false, log: false });

let httpRequests = 0;
const countingFetch = (input: string, init?: RequestInit) => {
  httpRequests += 1;
  return fetch(input, init);
};

function percentile(sorted: number[], p: number): number {
  return Number(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!.toFixed(3));
}

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
    cards,
    'requests per page': httpRequests / rounds,
    'p50 ms': percentile(times, 0.5),
    'p90 ms': percentile(times, 0.9),
  };
}

/** 1,000 refs resolved from a warm cache: the client's own cost with no network at all. */
async function cachedCost() {
  const thousand = Array.from({ length: 1000 }, (_, i) => catalog[i % catalog.length]!);
  const client = createClient({ gateway: gateway.url, fetch: countingFetch });
  await Promise.all(thousand.map((ref) => client.getProduct(ref)));
  httpRequests = 0;
  const times: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const start = performance.now();
    await Promise.all(thousand.map((ref) => client.getProduct(ref)));
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return {
    approach: 'client, 1,000 cached refs',
    cards: 1000,
    'requests per page': httpRequests / rounds,
    'p50 ms': percentile(times, 0.5),
    'p90 ms': percentile(times, 0.9),
  };
}

try {
  const batched = await measure('client (batched per tick)', () => {
    // A fresh client per page load, as a new page would have.
    const client = createClient({ gateway: gateway.url, fetch: countingFetch, cache: { store: false } });
    return Promise.all(page.map((ref) => client.getProduct(ref)));
  });
  const naive = await measure('naive (one request per card)', () =>
    Promise.all(
      page.map((ref) =>
        countingFetch(`${gateway.url}/v1/products?refs=${formatProductRef(ref)}`).then((r) => r.json()),
      ),
    ),
  );
  const cached = await cachedCost();
  console.table([batched, naive, cached]);
  console.log(
    `Rounds: ${rounds}. ${new Set(page.map(formatProductRef)).size} distinct products on the ${cards}-card page. ` +
      `Gateway with the demo catalog on ${gateway.url}.`,
  );
} finally {
  await gateway.close();
}
