/**
 * How the index reads one field text for a reading's matchers (search/title-reader.ts), held to a plain
 * definition written out below: which units each matcher accepts, the longest run from each matcher, which
 * units are in runs of two or more (one, for a one-matcher reading), and the merged spans to highlight.
 * The reader has two ways to do it (bit masks for up to 30 matchers, runs per matcher beyond), and both are
 * checked: the same reading (of two matchers or more) padded with 31 matchers that accept nothing goes the
 * second way and must give the same answer. Seeded random fields and readings over a small vocabulary, plus hand-picked cases.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readingsOf } from '../../packages/model/src/search/chinese.ts';
import { ColumnPool, type MaskColumns } from '../../packages/model/src/search/column-pools.ts';
import {
  createTitleReader,
  type CoverPlan,
  type FieldStore,
  type Matcher,
} from '../../packages/model/src/search/title-reader.ts';

/** The vocabulary: Han characters (with their readings, as the index keeps them) and Latin words (none). */
const unitTexts = ['防', '晒', '衣', '房', '杀', '女', '款', 'upf50', 'upf', 'lite', 'pro', '一', '蓝', '牙'];
const unitReadings = unitTexts.map((text) => (/^[a-z0-9]+$/.test(text) ? [] : readingsOf(text)));

/** A field: its units (vocabulary numbers) and whether each is followed by the next without a gap. */
interface Field {
  units: number[];
  adjacent: boolean[];
}

/** Spans as the index keeps them: one UTF-16 unit per Han character, a word's length, a gap of one after a unit not adjacent. */
function spansOf(field: Field): { start: number[]; end: number[] } {
  const start: number[] = [];
  const end: number[] = [];
  let offset = 0;
  field.units.forEach((unit, p) => {
    start.push(offset);
    offset += unitTexts[unit]!.length;
    end.push(offset);
    if (!field.adjacent[p]) offset += 1;
  });
  return { start, end };
}

/**
 * Eight Han units in a row, after every set of fields in its store: read with `dirtying` before each call,
 * so the reader's buffers hold an answer for another text when the call under test begins.
 */
const dirtyField: Field = {
  units: [0, 1, 2, 3, 4, 5, 6, 12],
  adjacent: [true, true, true, true, true, true, true, false],
};

function storeOf(given: readonly Field[]): FieldStore {
  const fields = [...given, dirtyField];
  const units: number[] = [];
  const starts: number[] = [];
  for (const field of fields) {
    starts.push(units.length);
    field.units.forEach((unit, p) => units.push(unit * 2 + (field.adjacent[p] ? 1 : 0)));
  }
  return {
    size: Int32Array.from(fields, (field) => field.units.length),
    start: Int32Array.from(starts),
    units: Int32Array.from(units),
    list: fields.map((field) => {
      const { start, end } = spansOf(field);
      return { start: Int32Array.from(start), end: Int32Array.from(end) };
    }),
    unitTexts,
    unitReadings,
  };
}

let stamps = 0;
function planOf(matchers: readonly Matcher[], loose: boolean): CoverPlan {
  stamps += 1;
  return {
    matchers,
    loose,
    tables: matchers.map(() => new Int8Array(unitTexts.length)),
    stamp: stamps,
    lane: 0,
  };
}

/** The plain definition of what a matcher accepts of a unit. */
function accepts(matcher: Matcher, unit: number, loose: boolean): boolean {
  const text = unitTexts[unit]!;
  const readings = unitReadings[unit]!;
  switch (matcher.type) {
    case 'char':
      return text === matcher.char || (loose && readingsOf(matcher.char).some((r) => readings.includes(r)));
    case 'pinyin':
      return readings.some((r) => (matcher.prefix ? r.startsWith(matcher.text) : r === matcher.text));
    case 'word':
      return readings.length === 0 && (matcher.prefix ? text.startsWith(matcher.text) : text === matcher.text);
    case 'words':
      return readings.length === 0 && matcher.words.has(text);
  }
}

interface Covered {
  tf: number;
  longest: number[];
  spans: Array<[number, number]>;
}

/**
 * The definition: matcher i starts a run of k at unit p when matchers i … i+k-1 accept units p … p+k-1, each
 * adjacent to the next. A unit is matched when it is in a run of at least two (one, for one matcher).
 */
function expected(matchers: readonly Matcher[], loose: boolean, field: Field): Covered {
  const n = matchers.length;
  const size = field.units.length;
  const longest = matchers.map(() => 0);
  const matched = field.units.map(() => false);
  const minRun = Math.min(2, n);
  for (let i = 0; i < n; i += 1) {
    for (let p = 0; p < size; p += 1) {
      let k = 0;
      while (
        i + k < n &&
        p + k < size &&
        accepts(matchers[i + k]!, field.units[p + k]!, loose) &&
        (k === 0 || field.adjacent[p + k - 1])
      ) {
        k += 1;
      }
      longest[i] = Math.max(longest[i]!, k);
      if (k >= minRun) for (let q = p; q < p + k; q += 1) matched[q] = true;
    }
  }
  const { start, end } = spansOf(field);
  const only = n === 1 ? matchers[0]! : undefined;
  const spans: Array<[number, number]> = [];
  matched.forEach((isMatched, p) => {
    if (!isMatched) return;
    const to = only?.type === 'word' && only.prefix ? Math.min(end[p]!, start[p]! + only.text.length) : end[p]!;
    const last = spans[spans.length - 1];
    if (last && start[p]! <= last[1]) last[1] = Math.max(last[1], to);
    else spans.push([start[p]!, to]);
  });
  return { tf: matched.filter(Boolean).length, longest, spans };
}

const nothing: Matcher = { type: 'words', words: new Set() };

/** What the reader says, both ways: as given, and padded past 30 matchers (the runs way). */
const readers = new WeakMap<readonly Field[], ReturnType<typeof createTitleReader>>();

/**
 * One reader per set of fields, kept for every call as the index keeps its own: the reader reuses its
 * buffers from one call to the next, and what an earlier call left in them must not show in a later answer.
 */
function readerOf(fields: readonly Field[]) {
  let reader = readers.get(fields);
  if (!reader) {
    const pool = new ColumnPool<MaskColumns>(
      (size) => ({ owner: new Int32Array(size), mask: new Int32Array(size) }),
      (columns) => columns.owner.length,
    );
    reader = createTitleReader(storeOf(fields), pool);
    readers.set(fields, reader);
  }
  return reader;
}

function covered(fields: readonly Field[], matchers: readonly Matcher[], loose: boolean, field: number) {
  const { coverField } = readerOf(fields);
  const ways: Covered[] = [];
  // One matcher counts single units (runs of one): padded, it would need runs of two, so it is read one way only.
  const padding = matchers.length > 1 ? [[...matchers, ...Array.from({ length: 31 }, () => nothing)]] : [];
  for (const padded of [matchers, ...padding]) {
    // Every Han unit, in runs as long as the text: the buffers are left full of matches.
    const dirtying = planOf(
      padded.map((): Matcher => ({ type: 'pinyin', text: '', prefix: true })),
      false,
    );
    assert.equal(coverField(dirtying, fields.length, new Int32Array(padded.length)), 8);
    const longest = new Int32Array(padded.length + 2).fill(99);
    const spans: Array<[number, number]> = [];
    const tf = coverField(planOf(padded, loose), field, longest, spans);
    coverField(dirtying, fields.length, new Int32Array(padded.length));
    const withoutSpans = coverField(planOf(padded, loose), field, new Int32Array(padded.length));
    assert.equal(withoutSpans, tf, 'the same count without spans');
    ways.push({ tf, longest: [...longest.subarray(0, matchers.length)], spans });
  }
  return ways;
}

function assertCovers(fields: readonly Field[], matchers: readonly Matcher[], loose: boolean, field: number) {
  const want = expected(matchers, loose, fields[field]!);
  const [byMasks, byRuns = want] = covered(fields, matchers, loose, field);
  const what = `${JSON.stringify(matchers, (_, v: unknown) => (v instanceof Set ? [...v] : v))} loose=${loose} in ${fields[field]!.units.map((u) => unitTexts[u]).join('|')}`;
  assert.deepEqual(byMasks, want, `by masks: ${what}`);
  assert.deepEqual(byRuns, want, `by runs: ${what}`);
}

const unit = (text: string) => unitTexts.indexOf(text);
/** A field of the given units, adjacent unless a space stands between them. */
function field(text: string): Field {
  const tokens = text.match(/\s|[^\s]+?(?=\s|$|[\u4e00-\u9fff])|[\u4e00-\u9fff]/gu) ?? [];
  const units: number[] = [];
  const adjacent: boolean[] = [];
  for (const token of tokens) {
    if (token.trim() === '') {
      if (adjacent.length) adjacent[adjacent.length - 1] = false;
      continue;
    }
    units.push(unit(token));
    adjacent.push(true);
  }
  if (adjacent.length) adjacent[adjacent.length - 1] = false;
  return { units, adjacent };
}

const char = (c: string): Matcher => ({ type: 'char', char: c });
const pinyin = (text: string, prefix = false): Matcher => ({ type: 'pinyin', text, prefix });
const word = (text: string, prefix = false): Matcher => ({ type: 'word', text, prefix });

describe('the title reader (coverField)', () => {
  const fields = [
    field('防晒衣女款 upf50'),
    field('女款防晒衣 蓝牙 lite'),
    field(''),
    field('防 晒 衣'),
    field('一房杀衣'),
  ];

  it('counts the units in runs of two or more, with the longest run from each matcher and merged spans', () => {
    for (const f of [0, 1, 3]) assertCovers(fields, [char('防'), char('晒'), char('衣')], false, f);
    assert.deepEqual(covered(fields, [char('防'), char('晒'), char('衣')], false, 0)[0], {
      tf: 3,
      longest: [3, 2, 1],
      spans: [[0, 3]],
    });
    // Apart, 防 晒 衣 are no run: nothing counts, though each matcher found one unit.
    assert.deepEqual(covered(fields, [char('防'), char('晒'), char('衣')], false, 3)[0], {
      tf: 0,
      longest: [1, 1, 1],
      spans: [],
    });
  });

  it('counts every accepted unit for one matcher, and highlights only the typed part of a word prefix', () => {
    assertCovers(fields, [word('upf', true)], false, 0);
    assert.deepEqual(covered(fields, [word('upf', true)], false, 0)[0], { tf: 1, longest: [1], spans: [[6, 9]] });
    assertCovers(fields, [word('upf')], false, 0);
    assertCovers(fields, [word('li', true)], false, 1);
    assertCovers(fields, [char('衣')], false, 1);
    assertCovers(fields, [pinyin('fang')], false, 0);
  });

  it('reads homophones only when loose, and pinyin by whole reading or by prefix', () => {
    // 房 and 杀 read fang and sha: 防晒衣 loosely is 房 (fang) 杀 (sha ≠ shai) 衣.
    for (const loose of [false, true]) {
      assertCovers(fields, [char('防'), char('晒'), char('衣')], loose, 4);
      assertCovers(fields, [char('一'), char('防')], loose, 4);
    }
    assertCovers(fields, [pinyin('fang'), pinyin('sha', true), pinyin('yi')], false, 0);
    assertCovers(fields, [pinyin('fang'), pinyin('sha'), pinyin('yi')], false, 4);
    assertCovers(fields, [pinyin('f', true), pinyin('s', true), pinyin('y', true)], false, 0);
    assertCovers(fields, [{ type: 'words', words: new Set(['upf50', 'lite']) }], false, 1);
    // A Latin word never takes a Han unit, nor a Han matcher a word.
    assertCovers(fields, [word('防')], false, 0);
    assertCovers(fields, [pinyin('upf', true)], false, 0);
  });

  it('answers nothing for an empty field, and the same as the definition for 400 seeded random readings', () => {
    assert.deepEqual(covered(fields, [char('防'), char('晒')], false, 2)[0], { tf: 0, longest: [0, 0], spans: [] });
    let seed = 20_261_202;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const randomFields = Array.from({ length: 12 }, (): Field => {
      const size = Math.floor(random() * 9);
      return {
        units: Array.from({ length: size }, () => Math.floor(random() * unitTexts.length)),
        // The last unit of a text is followed by no unit of it.
        adjacent: Array.from({ length: size }, (_, p) => p < size - 1 && random() < 0.8),
      };
    });
    const matchers = (): Matcher[] =>
      Array.from({ length: 1 + Math.floor(random() * 5) }, (): Matcher => {
        const text = pick(unitTexts);
        const readings = unitReadings[unitTexts.indexOf(text)]!;
        switch (pick(['char', 'pinyin', 'word', 'words'] as const)) {
          case 'char':
            return char(/^[a-z0-9]+$/.test(text) ? '防' : text);
          case 'pinyin': {
            const reading = readings[0] ?? 'fang';
            return random() < 0.5
              ? pinyin(reading)
              : pinyin(reading.slice(0, 1 + Math.floor(random() * reading.length)), true);
          }
          case 'word':
            return random() < 0.5 ? word(text) : word(text.slice(0, 1 + Math.floor(random() * text.length)), true);
          case 'words':
            return { type: 'words', words: new Set([text, pick(unitTexts)]) };
        }
      });
    for (let round = 0; round < 400; round += 1) {
      assertCovers(randomFields, matchers(), random() < 0.5, Math.floor(random() * randomFields.length));
    }
  });
});
