import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createDemoBackend } from '@xiaodian/demo';
import type { Product } from '@xiaodian/model';
import { createSearchIndex, type SearchWork } from '@xiaodian/model/search';

/**
 * What a query leaves for the collector, measured as the heap it uses with a minor collection just
 * before (nothing is freed while it runs, so the figure is the same on a busy machine). A query's own
 * setup allocates (its readings, its page); checking one more candidate must not: a collection landing
 * inside a query was most of the bench's slowest timings.
 */
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as (options: { type: 'minor'; execution: 'sync' }) => void;

function heapUsedBy(run: () => void): number {
  collect({ type: 'minor', execution: 'sync' });
  const before = getHeapStatistics().used_heap_size;
  run();
  return getHeapStatistics().used_heap_size - before;
}

describe('search index allocation', () => {
  const { products } = createDemoBackend();
  const copies = 8;
  /** The demo catalog `copies` over, each copy its own products (same titles, so the same matches). */
  const repeated: Product[] = Array.from({ length: copies }, (_, copy) =>
    products.map((product) => (copy === 0 ? product : { ...product, productId: `${product.productId}-${copy}` })),
  ).flat();
  const indexes = [products, repeated].map((catalog) => {
    const work: SearchWork = { postings: 0, checked: 0, scored: 0, titleScans: 0, titleSteps: 0 };
    return { work, index: createSearchIndex(catalog, { work }) };
  });

  /**
   * The heap a query uses on each index (the least of several runs, the two indexes in turn: a run may
   * also compile code) and the candidates it checks there.
   */
  function measure(q: string) {
    for (let run = 0; run < 10; run += 1) for (const { index } of indexes) index.search({ q, limit: 10 });
    const least = indexes.map(() => Infinity);
    const checked = indexes.map(() => 0);
    for (let run = 0; run < 7; run += 1) {
      indexes.forEach(({ work, index }, i) => {
        const before = work.checked;
        least[i] = Math.min(
          least[i]!,
          heapUsedBy(() => index.search({ q, limit: 10 })),
        );
        checked[i] = work.checked - before;
      });
    }
    return { heap: least, checked };
  }

  it('allocates nothing per candidate checked: eight times the candidates, about the same heap', () => {
    for (const q of ['fsy', 'dzx', '五常大米正宗']) {
      const { heap, checked } = measure(q);
      const [small, large] = checked as [number, number];
      assert.ok(large === copies * small && small > 40, `${q}: ${small} → ${large} checks`);
      const perCheck = (heap[1]! - heap[0]!) / (large - small);
      // main's build before this round: 159 bytes per further check of `fsy` (a closure context per
      // call of the per-candidate functions, a growing candidate array).
      assert.ok(perCheck < 48, `${q}: ${perCheck.toFixed(0)} bytes of heap per further candidate checked`);
    }
  });
});
