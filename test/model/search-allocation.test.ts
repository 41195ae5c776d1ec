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
  /** The demo catalog `times` over, each copy its own products (same titles, so the same matches). */
  const repeated = (times: number): Product[] =>
    Array.from({ length: times }, (_, copy) =>
      products.map((product) => (copy === 0 ? product : { ...product, productId: `${product.productId}-${copy}` })),
    ).flat();

  /** The heap a query uses (the least of a few runs: a run may also compile code) and the candidates it checks. */
  function measure(catalog: readonly Product[], q: string) {
    const work: SearchWork = { postings: 0, checked: 0, scored: 0, titleScans: 0, titleSteps: 0 };
    const index = createSearchIndex(catalog, { work });
    for (let run = 0; run < 5; run += 1) index.search({ q, limit: 10 });
    let least = Infinity;
    let checked = 0;
    for (let run = 0; run < 5; run += 1) {
      const checkedBefore = work.checked;
      least = Math.min(
        least,
        heapUsedBy(() => index.search({ q, limit: 10 })),
      );
      checked = work.checked - checkedBefore;
    }
    return { heap: least, checked };
  }

  it('allocates nothing per candidate checked: three times the candidates, about the same heap', () => {
    for (const q of ['fsy', 'dzx', '五常大米正宗']) {
      const small = measure(products, q);
      const large = measure(repeated(3), q);
      assert.ok(
        large.checked >= 3 * small.checked && small.checked > 40,
        `${q}: ${small.checked} → ${large.checked} checks`,
      );
      const perCheck = (large.heap - small.heap) / (large.checked - small.checked);
      assert.ok(perCheck < 16, `${q}: ${perCheck.toFixed(0)} bytes of heap per further candidate checked`);
    }
  });
});
