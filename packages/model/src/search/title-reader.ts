import { readingsOf } from './chinese.js';
import type { ColumnPool, MaskColumns, TitleColumns, TripleColumns } from './column-pools.js';

/**
 * Reading one field text for a reading's matchers (`coverField`): the part of the index's `cover` that
 * runs once per candidate title, over the flat column of every field text's units.
 */

/** What one query unit accepts of one index unit. */
export type Matcher =
  | { type: 'char'; char: string }
  | { type: 'pinyin'; text: string; prefix: boolean }
  | { type: 'word'; text: string; prefix: boolean }
  | { type: 'words'; words: ReadonlySet<string> };

/** A reading's matchers as `cover` reads them, with what each shared field text gave (asked once). */
export interface CoverPlan {
  matchers: readonly Matcher[];
  loose: boolean;
  /** Per matcher, what it accepts of each vocabulary unit (see `acceptTable`). */
  tables: Int8Array[];
  /** A number no other plan has: `cover`'s kept answers for shared texts are this plan's when they carry it. */
  stamp: number;
  /** Which of the `sharedLanes` its kept answers use (plans alive at once take different ones). */
  lane: number;
  /**
   * What the reading's witness keys say of each product's title (`titleMayMatch`), in columns where the
   * entries stamped with this plan's `stamp` are its own. Null when the keys cannot tell. Made when first
   * needed.
   */
  title?: TitleColumns | null;
  /** Per vocabulary unit, which matchers accept it (`unitMask`): made when first needed. */
  masks?: MaskColumns;
  /** How many of the reading's initial triples each title has (`titleTriplesOf`); null when keys cannot tell. */
  triples?: TripleColumns | null;
}

/** A field text as the index keeps it: its number, and the UTF-16 span of each unit (for the title's highlights). */
export interface FieldSpans {
  start: Int32Array;
  end: Int32Array;
}

/**
 * The index's field texts, read where they are now (the columns are replaced when they grow): per text
 * number its length in units and where its units start in `units` (each unit's vocabulary number times
 * two, plus one when the next unit follows it without a gap); the vocabulary's texts and readings.
 */
export interface FieldStore {
  size: Int32Array;
  start: Int32Array;
  units: Int32Array;
  list: readonly FieldSpans[];
  unitTexts: readonly string[];
  unitReadings: ReadonlyArray<readonly string[]>;
}

export function createTitleReader(store: FieldStore, maskPool: ColumnPool<MaskColumns>) {
  const { unitTexts, unitReadings } = store;

  function accepts(matcher: Matcher, unit: string, readings: readonly string[], loose: boolean): boolean {
    switch (matcher.type) {
      case 'char': {
        if (unit === matcher.char) return true;
        if (!loose || readings.length === 0) return false;
        const wanted = readingsOf(matcher.char);
        for (const reading of readings) if (wanted.includes(reading)) return true;
        return false;
      }
      case 'pinyin':
        for (const reading of readings) {
          if (matcher.prefix ? reading.startsWith(matcher.text) : reading === matcher.text) return true;
        }
        return false;
      case 'word':
        return readings.length === 0 && (matcher.prefix ? unit.startsWith(matcher.text) : unit === matcher.text);
      case 'words':
        return readings.length === 0 && matcher.words.has(unit);
    }
  }

  // Reused buffers for `cover`: it runs once per candidate product, and allocation would dominate.
  let runBuffers = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];
  let matchedBuffer = new Uint8Array(64);

  /**
   * One field's part of `cover`: the longest run from each matcher (into `fieldLongest`), and how many
   * units runs of at least `minRun` matched (0 when none did); the title's spans when asked.
   */
  function coverField(
    plan: CoverPlan,
    field: number,
    fieldLongest: Int32Array,
    spans?: Array<[number, number]>,
  ): number {
    // No closure in this function: one capturing its locals would cost a context per call (per field
    // of every candidate), even on the path that does not use it.
    if (plan.matchers.length <= maxMaskMatchers) return coverFieldByMasks(plan, field, fieldLongest, spans);
    return coverFieldByRuns(plan, field, fieldLongest, spans);
  }

  /** `coverField` for readings of more than `maxMaskMatchers` units: once per matcher. */
  function coverFieldByRuns(
    plan: CoverPlan,
    field: number,
    fieldLongest: Int32Array,
    spans?: Array<[number, number]>,
  ): number {
    const { matchers, tables, loose } = plan;
    const n = matchers.length;
    const minRun = Math.min(2, n);
    fieldLongest.fill(0, 0, n);
    const size = store.size[field]!;
    if (size === 0) return 0;
    const from = store.start[field]!;
    const ids = Int32Array.from(store.units.subarray(from, from + size), (unit) => unit >> 1);
    const adjacent = Uint8Array.from(store.units.subarray(from, from + size), (unit) => unit & 1);
    if (runBuffers[0]!.length < size + 1) runBuffers = runBuffers.map(() => new Int32Array(size * 2 + 2));
    if (matchedBuffer.length < size + 1) matchedBuffer = new Uint8Array(size * 2 + 2);
    const matched = matchedBuffer;
    matched.fill(0, 0, size);
    // run[p] for matcher i: how many matchers from i on match the units from p on, one for one.
    let next = runBuffers[0]!;
    next.fill(0, 0, size + 1);
    let any = false;
    for (let i = n - 1; i >= 0; i -= 1) {
      const run = runBuffers[1 + (i % 2)]!;
      run[size] = 0;
      const accepted = tables[i]!;
      const matcher = matchers[i]!;
      for (let p = size - 1; p >= 0; p -= 1) {
        const id = ids[p]!;
        let verdict = accepted[id]!;
        if (verdict === 0) {
          verdict = accepts(matcher, unitTexts[id]!, unitReadings[id]!, loose) ? 2 : 1;
          accepted[id] = verdict;
        }
        if (verdict === 1) {
          run[p] = 0;
          continue;
        }
        const length = 1 + (adjacent[p] ? next[p + 1]! : 0);
        run[p] = length;
        if (length > fieldLongest[i]!) fieldLongest[i] = length;
        if (length >= minRun) {
          any = true;
          for (let q = p; q < p + length; q += 1) matched[q] = 1;
        }
      }
      next = run;
    }
    if (!any) return 0;
    return countMatched(plan, field, matched, spans);
  }

  /** How many units `matched` marks (of the field's first units), with their spans when asked. */
  function countMatched(plan: CoverPlan, id: number, matched: Uint8Array, spans?: Array<[number, number]>) {
    const { matchers } = plan;
    let tf = 0;
    const only = matchers.length === 1 ? matchers[0]! : undefined;
    const size = store.size[id]!;
    for (let p = 0; p < size; p += 1) {
      if (!matched[p]) continue;
      tf += 1;
      if (!spans) continue;
      const field = store.list[id]!;
      const end =
        only?.type === 'word' && only.prefix
          ? Math.min(field.end[p]!, field.start[p]! + only.text.length)
          : field.end[p]!;
      const last = spans[spans.length - 1];
      if (last && field.start[p]! <= last[1]) last[1] = Math.max(last[1], end);
      else spans.push([field.start[p]!, end]);
    }
    return tf;
  }

  const maxMaskMatchers = 30;
  let maskBuffer = new Int32Array(64);
  let chainBuffer = new Int32Array(64);
  let adjacentBuffer = new Uint8Array(64);

  /** Which of the plan's matchers accept a vocabulary unit, one bit each (asked once per plan and unit). */
  function unitMask(plan: CoverPlan, id: number): number {
    const masks = (plan.masks ??= maskPool.take(unitTexts.length, Math.max(unitTexts.length, 64)));
    let mask = masks.mask[id]!;
    if (masks.owner[id] !== plan.stamp) {
      mask = 0;
      const { matchers, tables, loose } = plan;
      for (let i = 0; i < matchers.length; i += 1) {
        const accepted = tables[i]!;
        let verdict = accepted[id]!;
        if (verdict === 0) {
          verdict = accepts(matchers[i]!, unitTexts[id]!, unitReadings[id]!, loose) ? 2 : 1;
          accepted[id] = verdict;
        }
        if (verdict === 2) mask |= 1 << i;
      }
      masks.owner[id] = plan.stamp;
      masks.mask[id] = mask;
    }
    return mask;
  }

  /**
   * `coverField` for readings of up to `maxMaskMatchers` units, all matchers at once: bit i of
   * `chain[p]` after step k says matcher i starts a run of at least k units at p (matcher i at p,
   * matcher i + 1 at p + 1 next to it, …), so the field is read once per run length instead of once
   * per matcher. A unit is in a run of two or more when a two-unit run starts at it or just before it.
   */
  function coverFieldByMasks(
    plan: CoverPlan,
    field: number,
    fieldLongest: Int32Array,
    spans?: Array<[number, number]>,
  ): number {
    const n = plan.matchers.length;
    for (let i = 0; i < n; i += 1) fieldLongest[i] = 0;
    const size = store.size[field]!;
    if (size === 0) return 0;
    const from = store.start[field]!;
    if (maskBuffer.length < size + 1) {
      maskBuffer = new Int32Array(size * 2 + 2);
      chainBuffer = new Int32Array(size * 2 + 2);
      adjacentBuffer = new Uint8Array(size * 2 + 2);
    }
    if (matchedBuffer.length < size + 1) matchedBuffer = new Uint8Array(size * 2 + 2);
    const masks = maskBuffer;
    const chain = chainBuffer;
    const adjacent = adjacentBuffer;
    let bits = 0;
    for (let p = 0; p < size; p += 1) {
      const unit = store.units[from + p]!;
      adjacent[p] = unit & 1;
      const mask = unitMask(plan, unit >> 1);
      masks[p] = mask;
      chain[p] = mask;
      bits |= mask;
    }
    chain[size] = 0;
    if (bits === 0) return 0;
    for (let i = 0; i < n; i += 1) if (bits & (1 << i)) fieldLongest[i] = 1;
    const matched = matchedBuffer;
    if (n === 1) {
      // One matcher: every unit it accepts is matched.
      for (let p = 0; p < size; p += 1) matched[p] = masks[p] === 0 ? 0 : 1;
      return countMatched(plan, field, matched, spans);
    }
    for (let k = 2; ; k += 1) {
      // In place, p ascending: chain[p + 1] still holds step k - 1 when chain[p] is computed.
      bits = 0;
      for (let p = 0; p < size; p += 1) {
        const longer = adjacent[p] ? masks[p]! & (chain[p + 1]! >>> 1) : 0;
        chain[p] = longer;
        bits |= longer;
      }
      if (bits === 0) {
        if (k === 2) return 0;
        break;
      }
      for (let i = 0; i < n; i += 1) if (bits & (1 << i)) fieldLongest[i] = k;
      if (k === 2) {
        for (let p = 0; p < size; p += 1) matched[p] = chain[p] !== 0 || (p > 0 && chain[p - 1] !== 0) ? 1 : 0;
      }
    }
    return countMatched(plan, field, matched, spans);
  }

  return { coverField };
}
