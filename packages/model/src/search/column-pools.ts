/**
 * Typed per-product (or per-vocabulary-unit) columns that a query's plans and groups fill, kept from one
 * query to the next: a 100,000-product index would otherwise allocate and zero megabytes per query. An
 * entry belongs to a plan or group when it carries that one's stamp, so nothing is cleared.
 */

/**
 * The fewest columns of one shape a pool keeps between queries (more when the query just ended used more,
 * since the next is likely alike). Common queries use a few (a group or plan per word and reading); a long
 * one (the gateway allows 100 characters) may use dozens, each as long as the catalog, and keeping those
 * for good would hold megabytes per 100,000 products that the next short query never touches.
 */
export const columnsKeptPerPool = 8;

/**
 * Columns of one shape, reused: `take` hands out the next unused ones, `reset` starts a new query and lets go
 * of the columns beyond `columnsKeptPerPool` that the query just ended did not use either.
 */
export class ColumnPool<Columns> {
  private readonly pool: Columns[] = [];
  /** Columns in use by the current query (`reset` starts again from none). */
  private used = 0;

  constructor(
    private readonly make: (size: number) => Columns,
    private readonly lengthOf: (columns: Columns) => number,
  ) {}

  /** How many columns the pool holds now, in use or not. */
  get held(): number {
    return this.pool.length;
  }

  /** Columns of at least `needed` entries (made `size` long when they must be made), unused this query. */
  take(needed: number, size = needed): Columns {
    let columns = this.pool[this.used];
    if (!columns || this.lengthOf(columns) < needed) {
      columns = this.make(size);
      this.pool[this.used] = columns;
    }
    this.used += 1;
    return columns;
  }

  reset(): void {
    // Keep what the last query used (the next is likely alike) and a few more; a long query's extra columns go
    // once a shorter one follows it.
    const keep = Math.max(this.used, columnsKeptPerPool);
    if (this.pool.length > keep) this.pool.length = keep;
    this.used = 0;
  }
}

/** Per product, a count for one plan: the plan's where `owner` holds its stamp. Reused by every query. */
export interface TripleColumns {
  owner: Int32Array;
  count: Uint8Array;
}

/**
 * Per product: at most how many units of its title a reading can match, from its witness keys' title
 * counts (`unknownTitleMatch` when a count is too high to say; 0: its title adds nothing), and how many
 * of the reading's adjacent pairs its title has. Reused by every query: an entry is a plan's when `owner`
 * holds the plan's stamp (0 otherwise).
 */
export interface TitleColumns {
  owner: Int32Array;
  mark: Uint8Array;
  pairs: Uint8Array;
}

/** Per vocabulary unit, a plan's `unitMask`: the plan's where `owner` holds its stamp. Reused by every query. */
export interface MaskColumns {
  owner: Int32Array;
  mask: Int32Array;
}

/**
 * Per-document columns for one group's hits, reused by every query (a group of a 100,000-product index
 * would otherwise allocate and zero half a megabyte per query): an entry counts only where `stamp` holds
 * the group's own stamp, so a new group needs no clearing.
 */
export interface GroupColumns {
  stamp: Int32Array;
  /** The product's tier in the group. */
  tier: Uint8Array;
  /** How it matched: its reading's index times two, plus one when read loosely (homophones). */
  how: Int32Array;
  /** The BM25 field score before the group's idf; NaN until computed (`scoreInto`). */
  base: Float64Array;
}

export const titleColumnPool = () =>
  new ColumnPool<TitleColumns>(
    (size) => ({ owner: new Int32Array(size), mark: new Uint8Array(size), pairs: new Uint8Array(size) }),
    (columns) => columns.owner.length,
  );

export const tripleColumnPool = () =>
  new ColumnPool<TripleColumns>(
    (size) => ({ owner: new Int32Array(size), count: new Uint8Array(size) }),
    (columns) => columns.owner.length,
  );

export const maskColumnPool = () =>
  new ColumnPool<MaskColumns>(
    (size) => ({ owner: new Int32Array(size), mask: new Int32Array(size) }),
    (columns) => columns.owner.length,
  );

export const groupColumnPool = () =>
  new ColumnPool<GroupColumns>(
    (size) => ({
      stamp: new Int32Array(size),
      tier: new Uint8Array(size),
      how: new Int32Array(size),
      base: new Float64Array(size),
    }),
    (columns) => columns.stamp.length,
  );
