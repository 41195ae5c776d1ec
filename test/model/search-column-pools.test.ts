// The search index's reused per-product columns (column-pools.ts): reused from one query to the next, and let
// go after a long query, so one 100-character query does not hold catalog-sized columns for good.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ColumnPool,
  columnsKeptPerPool,
  groupColumnPool,
  maskColumnPool,
  titleColumnPool,
  tripleColumnPool,
} from '../../packages/model/src/search/column-pools.ts';

function countingPool() {
  const made: number[] = [];
  const pool = new ColumnPool<Int32Array>(
    (size) => {
      made.push(size);
      return new Int32Array(size);
    },
    (columns) => columns.length,
  );
  return { pool, made };
}

/** One query's worth of `take`s: `count` columns of `needed` entries. */
function query(pool: ColumnPool<Int32Array>, count: number, needed = 100): Int32Array[] {
  pool.reset();
  return Array.from({ length: count }, () => pool.take(needed));
}

describe('search column pools', () => {
  it('hands the same columns to the next query, and longer ones when the catalog grew', () => {
    const { pool, made } = countingPool();
    const first = query(pool, 3);
    const second = query(pool, 3);
    assert.deepEqual(second, first);
    assert.ok(second.every((columns, i) => columns === first[i]));
    assert.deepEqual(made, [100, 100, 100]);
    const grown = query(pool, 1, 150);
    assert.notEqual(grown[0], first[0]);
    assert.deepEqual(made, [100, 100, 100, 150]);
  });

  it('lets go of a long query’s extra columns once a shorter query has followed it', () => {
    const { pool } = countingPool();
    query(pool, columnsKeptPerPool + 12);
    assert.equal(pool.held, columnsKeptPerPool + 12);
    // The next query may be as long: the columns stay until a query has started and used fewer.
    query(pool, 2);
    assert.equal(pool.held, columnsKeptPerPool + 12);
    query(pool, 2);
    assert.equal(pool.held, columnsKeptPerPool);
  });

  it('holds only the columns made when fewer than it may keep were ever needed', () => {
    const { pool } = countingPool();
    query(pool, 3);
    pool.reset();
    assert.equal(pool.held, 3);
  });

  it("makes the index's pools' columns again, longer, once the catalog has grown past them", () => {
    const lengths = [
      (() => {
        const pool = titleColumnPool();
        pool.take(10);
        pool.reset();
        const grown = pool.take(20);
        return [grown.owner.length, grown.mark.length, grown.pairs.length];
      })(),
      (() => {
        const pool = tripleColumnPool();
        pool.take(10);
        pool.reset();
        const grown = pool.take(20);
        return [grown.owner.length, grown.count.length];
      })(),
      (() => {
        const pool = maskColumnPool();
        pool.take(10);
        pool.reset();
        const grown = pool.take(20, 32);
        return [grown.owner.length, grown.mask.length];
      })(),
      (() => {
        const pool = groupColumnPool();
        pool.take(10);
        pool.reset();
        const grown = pool.take(20);
        return [grown.stamp.length, grown.tier.length, grown.how.length, grown.base.length];
      })(),
    ];
    assert.deepEqual(lengths, [
      [20, 20, 20],
      [20, 20],
      [32, 32],
      [20, 20, 20, 20],
    ]);
  });

  it('keeps every column a steady run of long queries uses', () => {
    const { pool, made } = countingPool();
    for (let round = 0; round < 3; round++) query(pool, columnsKeptPerPool + 4);
    assert.equal(made.length, columnsKeptPerPool + 4);
    assert.equal(pool.held, columnsKeptPerPool + 4);
  });
});
