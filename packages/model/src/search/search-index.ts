import { XiaodianError } from '../errors.js';
import { defaultPageSize, maxPageSize } from '../domain/common.js';
import type { Product } from '../domain/product.js';
import {
  matchKinds,
  type MatchKind,
  type MatchRange,
  type SearchHitInfo,
  type SearchPage,
  type SearchQuery,
  type Suggestion,
} from '../domain/search.js';
import { formatProductRef, type ProductRef } from '../refs.js';
import { readingsOf, toSimplified } from './chinese.js';
import {
  groupColumnPool,
  maskColumnPool,
  titleColumnPool,
  tripleColumnPool,
  type GroupColumns,
  type TitleColumns,
  type TripleColumns,
} from './column-pools.js';
import { DocTable, type FilterPlan } from './doc-table.js';
import { pinyinKind, segmentPinyin } from './pinyin-query.js';
import { buildSuggester, type Suggester, type SuggestionSource } from './suggest.js';
import { allowedTypos, editDistance, isHan, querySegments, toUnits } from './text.js';
import { createTitleReader, type CoverPlan, type FieldStore, type Matcher } from './title-reader.js';
import { warmUpQueries } from './warm-up.js';

export type { SuggestionSource } from './suggest.js';

/** Where a query matched, and what that is worth: a short title names the thing, an SKU value less so. */
const fieldWeights = [4, 3, 2, 1.5, 1] as const;
const titleField = 1;
/** BM25's usual constants: term-frequency saturation and length normalisation. */
const k1 = 1.2;
const b = 0.75;

function fieldTexts(product: Product): string[] {
  const attrs = new Set(product.skus.flatMap((sku) => sku.attrs.map((attr) => attr.value)));
  return [product.shortTitle ?? '', product.title, product.category ?? '', product.shop.name, [...attrs].join(' ')];
}

/**
 * One field's text as the index keeps it: its number, and the UTF-16 span of each unit (for the title's
 * highlights); its units are in the index's `fields.units`. Products that share a text (a shop's name, a
 * category, a colour and size list, a short title) share one of these, and `cover` answers for it once
 * per query.
 */
interface FieldText {
  /** Its number among the index's field texts (`cover`'s answers for shared texts are kept by it). */
  id: number;
  start: Int32Array;
  end: Int32Array;
}

interface Doc {
  id: number;
  product: Product;
  fields: FieldText[];
  live: boolean;
}

const noReadings: readonly string[] = [];

/**
 * A posting list entry: the product's number and how often the key occurs in its title (up to
 * `maxTitleCount`), in one small integer. Whether a title has a key at all tells `cover` when a
 * product's own title cannot add to a match, without reading it. The loops that read posting lists
 * while a query runs take an entry apart in place (`entry >> titleCountBits`, `entry & maxTitleCount`)
 * instead of calling `docOf`: until V8 has optimised them (a server's first queries), each call per
 * entry of a list of tens of thousands costs more than the rest of the loop.
 */
const titleCountBits = 3;
const maxTitleCount = (1 << titleCountBits) - 1;
const entryOf = (doc: number, titleCount: number) => (doc << titleCountBits) | titleCount;
const docOf = (entry: number) => entry >> titleCountBits;
const titleCountOf = (entry: number) => entry & maxTitleCount;
/** A title match bound too high to count (`TitleColumns.mark`): the title's length bounds it. */
const unknownTitleMatch = 255;

/** One way to read a query segment: `fangshaiyi` as three syllables, `upf5` as a word prefix… */
interface Reading {
  matchers: Matcher[];
  kind: MatchKind;
  /** `cover`'s plans for this reading, exact and loose: made when first needed. */
  plans: [CoverPlan | undefined, CoverPlan | undefined] | undefined;
}

/**
 * A reading with every field it will ever have, set now: an object that gains a field later changes hidden
 * class, and code optimised on one class fails its check on the other (see `inOrder`).
 */
const readingOf = (matchers: Matcher[], kind: MatchKind): Reading => ({ matchers, kind, plans: undefined });

interface SegmentHit {
  tier: number;
  /** The BM25 field score before the group's idf; NaN until a product in every group needs it. */
  base: number;
  /** What matched, to find the title's spans again for the products on the page only. */
  reading: Reading;
  loose: boolean;
}

/**
 * The hits that pass a query's filters, one column per property, a hit being a position in them (no
 * object per hit: a broad query has tens of thousands, and their garbage was most of its time).
 */
interface Hits {
  size: number;
  doc: Int32Array;
  tier: Uint8Array;
  /** NaN until a relevance sort needs it (`scoreInto`). */
  score: Float64Array;
}

/**
 * What the index's queries cost, counted in steps that do not depend on how busy the machine is (for the
 * profiler and the tests that hold the hot paths to their budget). The index adds to the counts.
 */
export interface SearchWork {
  /** Posting list entries read to find candidates. */
  postings: number;
  /** Candidates checked against a reading with their field texts (`cover`). */
  checked: number;
  /** Hits given a relevance score. */
  scored: number;
  /** Scans of a product's own title (the per-product part of `cover`; shared field texts are scanned once). */
  titleScans: number;
  /** Unit-by-matcher steps of those title scans. */
  titleSteps: number;
}

export interface SearchIndexOptions {
  /** Extra suggestion texts (item names people type, for instance); products, shops and categories are added. */
  suggestions?: readonly SuggestionSource[];
  maxSuggestions?: number;
  /** Counts to add this index's work to (see `SearchWork`). */
  work?: SearchWork;
  /**
   * Whether the index runs a few queries made from its own products when it is built (`warmUpQueries`),
   * so that its first real queries run optimised code (default true). Their work is not counted.
   */
  warmUp?: boolean;
}

export interface SearchIndex {
  search(query: SearchQuery): SearchPage;
  suggest(prefix: string): Suggestion[];
  /** Adds a product, or replaces the one with its ref; one that cannot be bought any more leaves the index. */
  upsert(product: Product): void;
  /** Takes a product out; unknown refs are ignored. */
  remove(ref: Pick<ProductRef, 'appid' | 'productId'>): void;
  readonly size: number;
}

/** Search shows what a buyer can act on: products on sale, and sold-out ones (they come back). */
function searchable(product: Product): boolean {
  return product.availability !== 'unavailable';
}

/** Page cursors are plain offsets; anything else is not ours. */
function readCursor(cursor: string | undefined): number {
  if (cursor === undefined || cursor === '') return 0;
  if (!/^[0-9]{1,7}$/.test(cursor)) throw new XiaodianError('bad_request', `Invalid cursor "${cursor}"`);
  return Number(cursor);
}

/** The shortest Han query that may match in part. */
const partialFrom = 4;

const tierOf = new Map(matchKinds.map((kind, i) => [kind, i]));

/**
 * An in-memory index over products for shoppers' queries: Chinese words and parts of words, full pinyin
 * (with or without spaces), initials, half-typed Chinese (`防晒yi`), Latin words by prefix in any case or
 * width, typos in Latin and pinyin, homophone characters, traditional characters, and queries longer than
 * what they should find. Hits rank by how they matched (`matchKinds` order), then a BM25 score per field,
 * then in stock, sales and product id. Filters, facets, sorts and offset cursors as `SearchQuery` says;
 * products can be added, replaced and removed one at a time.
 */
export function createSearchIndex(products: readonly Product[], options: SearchIndexOptions = {}): SearchIndex {
  const docs: Doc[] = [];
  const byRef = new Map<string, number>();
  const postings = new Map<string, number[]>();
  /** Latin words and the Han phrases of titles (space separated words), with how many products use each. */
  const latinWords = new Map<string, number>();
  const phrases = new Map<string, number>();
  const syllables = new Set<string>();
  const syllablePrefixes = new Set<string>();
  // Average field lengths for BM25, over the products that have the field (an absent short title is no
  // evidence that short titles are short).
  const fieldLengthSums = fieldWeights.map(() => 0);
  const fieldCounts = fieldWeights.map(() => 0);
  let liveCount = 0;
  let suggester: Suggester | undefined;
  const maxSuggestions = options.maxSuggestions ?? 10;
  const noWork = (): SearchWork => ({ postings: 0, checked: 0, scored: 0, titleScans: 0, titleSteps: 0 });
  // Swapped for a throwaway while the index warms up: the caller counts its own queries' work only.
  let work: SearchWork = options.work ?? noWork();

  const table = new DocTable();
  /** The vocabulary: every unit (a Han character or a Latin word) the index has seen, by number. */
  const unitNumbers = new Map<string, number>();
  const unitTexts: string[] = [];
  /** The readings of a Han unit (shared arrays); none for a Latin word. */
  const unitReadings: Array<readonly string[]> = [];
  const fieldsByText = new Map<string, FieldText>();
  /** Field texts by number, and each one's length in units. */
  const fieldList: FieldText[] = [];
  /**
   * Each field text's length (`size`), and every field text's units back to back (`units`), from
   * `start` of its number: each unit's vocabulary number times two, plus one when the next unit follows
   * it without a gap. A title scan reads one run of memory instead of following a text's objects.
   */
  const fields: FieldStore = {
    size: new Int32Array(1024),
    start: new Int32Array(1024),
    units: new Int32Array(1 << 16),
    list: fieldList,
    unitTexts,
    unitReadings,
  };
  let fieldUnitsUsed = 0;
  /**
   * Each product's field texts by number, `fieldCount` a product: the hot paths read these small
   * integers in place of following a product's objects (thousands of products a query, each a cache miss).
   */
  const fieldCount = fieldWeights.length;
  let docFields = new Int32Array(1024 * fieldCount);

  function unitNumber(text: string, han: boolean): number {
    let number = unitNumbers.get(text);
    if (number === undefined) {
      number = unitTexts.length;
      unitNumbers.set(text, number);
      unitTexts.push(text);
      unitReadings.push(han ? readingsOf(text) : noReadings);
    }
    return number;
  }

  function internField(text: string): FieldText {
    let field = fieldsByText.get(text);
    if (!field) {
      const units = toUnits(text);
      const size = units.text.length;
      field = {
        id: fieldList.length,
        start: Int32Array.from(units.start),
        end: Int32Array.from(units.end),
      };
      fieldsByText.set(text, field);
      if (field.id === fields.size.length) {
        const sizes = new Int32Array(fields.size.length * 2);
        sizes.set(fields.size);
        fields.size = sizes;
        const starts = new Int32Array(fields.start.length * 2);
        starts.set(fields.start);
        fields.start = starts;
      }
      if (fieldUnitsUsed + size > fields.units.length) {
        const next = new Int32Array(Math.max(fields.units.length * 2, fieldUnitsUsed + size));
        next.set(fields.units.subarray(0, fieldUnitsUsed));
        fields.units = next;
      }
      fields.size[field.id] = size;
      fields.start[field.id] = fieldUnitsUsed;
      for (let p = 0; p < size; p += 1) {
        const adjacent = p + 1 < size && units.start[p + 1] === units.end[p] ? 1 : 0;
        fields.units[fieldUnitsUsed + p] = (unitNumber(units.text[p]!, units.han[p]!) << 1) | adjacent;
      }
      fieldUnitsUsed += size;
      fieldList.push(field);
    }
    return field;
  }

  const noDocs: readonly number[] = [];
  /** A posting list, to read through (counted as work); its entries are `entryOf`'s. */
  function listOf(key: string): readonly number[] {
    const list = postings.get(key) ?? noDocs;
    work.postings += list.length;
    return list;
  }

  function post(key: string, doc: number, inTitle: boolean) {
    let list = postings.get(key);
    if (!list) postings.set(key, (list = []));
    const last = list.length - 1;
    if (last < 0 || docOf(list[last]!) !== doc) list.push(entryOf(doc, inTitle ? 1 : 0));
    else if (inTitle && titleCountOf(list[last]!) < maxTitleCount) list[last]! += 1;
  }

  function learnReading(reading: string) {
    if (syllables.has(reading)) return;
    syllables.add(reading);
    for (let i = 1; i <= reading.length; i += 1) syllablePrefixes.add(reading.slice(0, i));
  }

  function add(product: Product) {
    if (!searchable(product)) return;
    const id = docs.length;
    const texts = fieldTexts(product);
    const fields = texts.map(internField);
    docs.push({ id, product, fields, live: true });
    if ((id + 1) * fieldCount > docFields.length) {
      const next = new Int32Array(docFields.length * 2);
      next.set(docFields);
      docFields = next;
    }
    fields.forEach((field, f) => (docFields[id * fieldCount + f] = field.id));
    table.set(id, product);
    byRef.set(formatProductRef(product), id);
    liveCount += 1;
    texts.forEach((text, f) => {
      const inTitle = f === titleField;
      const units = toUnits(text);
      fieldLengthSums[f]! += units.text.length;
      if (units.text.length > 0) fieldCounts[f]! += 1;
      for (let p = 0; p < units.text.length; p += 1) {
        const unit = units.text[p]!;
        if (!units.han[p]) {
          post(`w:${unit}`, id, inTitle);
          latinWords.set(unit, (latinWords.get(unit) ?? 0) + 1);
          continue;
        }
        post(`c:${unit}`, id, inTitle);
        const readings = readingsOf(unit);
        for (const reading of readings) {
          learnReading(reading);
          post(`p:${reading}`, id, inTitle);
          post(`i:${reading[0]}`, id, inTitle);
        }
        if (p + 1 < units.text.length && units.han[p + 1] && units.start[p + 1] === units.end[p]) {
          post(`c:${unit}${units.text[p + 1]}`, id, inTitle);
          const next = readingsOf(units.text[p + 1]!);
          for (const a of readings) {
            for (const z of next) {
              post(`p:${a} ${z}`, id, inTitle);
              post(`i:${a[0]}${z[0]}`, id, inTitle);
            }
          }
          const third = p + 2;
          if (inTitle && third < units.text.length && units.han[third] && units.start[third] === units.end[p + 1]) {
            // Initials of three adjacent title characters (`titleTriplesOf`), each combination once.
            const after = readingsOf(units.text[third]!);
            const keys = new Set<string>();
            for (const a of readings) for (const z of next) for (const y of after) keys.add(`t:${a[0]}${z[0]}${y[0]}`);
            for (const key of keys) post(key, id, true);
          }
        }
      }
    });
    for (const phrase of `${product.title} ${product.shortTitle ?? ''}`.match(/\p{Script=Han}{2,}/gu) ?? []) {
      phrases.set(phrase, (phrases.get(phrase) ?? 0) + 1);
    }
    suggester = undefined;
  }

  function removeRef(ref: Pick<ProductRef, 'appid' | 'productId'>) {
    const key = formatProductRef(ref);
    const id = byRef.get(key);
    if (id === undefined) return;
    const doc = docs[id]!;
    doc.live = false;
    table.live[id] = 0;
    doc.fields.forEach((field, f) => {
      fieldLengthSums[f]! -= fields.size[field.id]!;
      if (fields.size[field.id]! > 0) fieldCounts[f]! -= 1;
    });
    byRef.delete(key);
    liveCount -= 1;
    suggester = undefined;
  }

  for (const product of products) {
    removeRef(product);
    add(product);
  }

  // ——— reading a query ———

  function latinReadings(segment: string): Reading[] {
    const readings: Reading[] = [readingOf([{ type: 'word', text: segment, prefix: true }], 'latin')];
    if (/^[a-z]+$/.test(segment)) {
      for (const pieces of segmentPinyin(segment, syllables, syllablePrefixes)) {
        readings.push(
          readingOf(
            pieces.map((piece) => ({ type: 'pinyin', text: piece.text, prefix: piece.prefix })),
            pinyinKind(pieces),
          ),
        );
      }
    }
    return readings;
  }

  /** Han characters with letters (`防晒yi`): the letters read as pinyin in place. */
  function mixedReadings(segment: string): Reading[] {
    const parts = segment.match(/\p{Script=Han}+|[a-z]+/gu) ?? [];
    let partial: Matcher[][] = [[]];
    for (const part of parts) {
      if (isHan(part[0]!)) {
        partial = partial.map((matchers) => [
          ...matchers,
          ...Array.from(part, (char): Matcher => ({ type: 'char', char })),
        ]);
        continue;
      }
      const ways = segmentPinyin(part, syllables, syllablePrefixes, 3);
      partial = partial.flatMap((matchers) =>
        ways.map((pieces) => [
          ...matchers,
          ...pieces.map((piece): Matcher => ({ type: 'pinyin', text: piece.text, prefix: piece.prefix })),
        ]),
      );
    }
    return partial.filter((matchers) => matchers.length > 0).map((matchers) => readingOf(matchers, 'mixed'));
  }

  /** The readings of one segment (text between spaces and punctuation), the traditional form already converted. */
  function readingsOfSegment(segment: string, traditional: boolean): Reading[][] {
    if (/^\p{Script=Han}+$/u.test(segment)) {
      const kind = traditional ? 'traditional' : 'exact';
      return [
        [
          readingOf(
            Array.from(segment, (char): Matcher => ({ type: 'char', char })),
            kind,
          ),
        ],
      ];
    }
    if (/^[a-z0-9]+$/.test(segment)) {
      // Tone numbers (`chong2dian4bao3`) are read as pinyin without them.
      const toneless = /^(?:[a-z]+[1-5])+[a-z]*$/.test(segment) ? segment.replace(/[1-5]/g, '') : undefined;
      return [[...latinReadings(segment), ...(toneless ? latinReadings(toneless).slice(1) : [])]];
    }
    if (/^[\p{Script=Han}a-z]+$/u.test(segment)) {
      const mixed = mixedReadings(segment);
      if (mixed.some((reading) => candidates(reading).length > 0)) return [mixed];
    }
    // Words of two scripts (`upf50防晒`): each part on its own.
    return (segment.match(/\p{Script=Han}+|[a-z0-9]+/gu) ?? []).flatMap((part) => readingsOfSegment(part, traditional));
  }

  // ——— candidates and matching ———

  function keysOf(matcher: Matcher, level: 'c' | 'p' | 'i'): string[] {
    if (matcher.type === 'char') {
      if (level === 'c') return [matcher.char];
      const readings = readingsOf(matcher.char);
      return level === 'p' ? [...readings] : [...new Set(readings.map((reading) => reading[0]!))];
    }
    if (matcher.type === 'pinyin') return level === 'i' ? [matcher.text[0]!] : [matcher.text];
    return [];
  }

  function wordKeys(matcher: Matcher): string[] {
    if (matcher.type === 'words') return [...matcher.words].map((word) => `w:${word}`);
    if (matcher.type !== 'word') return [];
    if (!matcher.prefix) return [`w:${matcher.text}`];
    const keys: string[] = [];
    for (const word of latinWords.keys()) if (word.startsWith(matcher.text)) keys.push(`w:${word}`);
    return keys;
  }

  function levelOf(matcher: Matcher): 'c' | 'p' | 'i' {
    if (matcher.type === 'pinyin') return matcher.prefix ? 'i' : 'p';
    return 'p';
  }

  /** Pair keys of adjacent matchers: a product matching the pair in place has one of them. */
  function pairKeys(a: Matcher, z: Matcher): string[] | undefined {
    if (a.type === 'word' || a.type === 'words' || z.type === 'word' || z.type === 'words') return undefined;
    const level = levelOf(a) === 'i' || levelOf(z) === 'i' ? 'i' : 'p';
    const pair: string[] = [];
    for (const x of keysOf(a, level)) {
      for (const y of keysOf(z, level)) pair.push(level === 'i' ? `i:${x}${y}` : `p:${x} ${y}`);
    }
    return pair;
  }

  // Per-document scratch columns for `candidates`, stamped per pass instead of cleared (typed: a plain
  // array written at scattered indices falls back to a dictionary).
  let seen = new Int32Array(0);
  let counts = new Int32Array(0);
  let placeSeen = new Int32Array(0);
  let placeCounts = new Int32Array(0);
  let placeLast = new Int32Array(0);
  /** Per product, which places (`1 << i` for the pair of matchers i and i + 1) `piecewiseCandidates` found. */
  let placeMask = new Int32Array(0);
  /** The stamp in `placeSeen` of the products the last `piecewiseCandidates` found a place in. */
  let lastPlaceStamp = 0;
  let stamp = 0;
  /** Products a reading's characters as typed were checked against (`matchGroup`), by stamp. */
  let checkedBy = new Int32Array(0);
  let checkStamp = 0;

  function ensureScratch() {
    if (seen.length >= docs.length) return;
    const size = docs.length * 2;
    const copy = (column: Int32Array) => {
      const next = new Int32Array(size);
      next.set(column);
      return next;
    };
    seen = copy(seen);
    counts = copy(counts);
    placeSeen = copy(placeSeen);
    placeCounts = copy(placeCounts);
    placeLast = copy(placeLast);
    placeMask = copy(placeMask);
    checkedBy = copy(checkedBy);
  }

  /**
   * Products that may match a reading in full: each adjacent pair of its units occurs in them (a
   * superset; `cover` decides). For Han characters also those with any two of them side by side, which a
   * partial match needs.
   */
  function candidates(reading: Reading, loose = false): Int32Array {
    ensureScratch();
    // Set again only where `piecewiseCandidates` runs: a caller reading places from another call sees 0.
    lastPlaceStamp = 0;
    const { matchers } = reading;
    const strictWords = !loose && matchers.every((matcher) => matcher.type === 'char');
    const groups: string[][] = [];
    if (matchers.length === 1) {
      const only = matchers[0]!;
      if (only.type === 'char') groups.push([`c:${only.char}`]);
      else if (only.type === 'pinyin') groups.push(only.prefix ? [`i:${only.text[0]}`] : [`p:${only.text}`]);
      else groups.push(wordKeys(only));
    } else {
      for (let i = 0; i + 1 < matchers.length; i += 1) {
        const a = matchers[i]!;
        const z = matchers[i + 1]!;
        // Exact characters: the pair itself (far fewer products than every pair that sounds the same).
        const keys = strictWords && a.type === 'char' && z.type === 'char' ? [`c:${a.char}${z.char}`] : pairKeys(a, z);
        if (keys) groups.push(keys);
      }
      // Characters typed among letters (`防晒yi`) must be there as typed: their own postings are far
      // shorter than the initials' pairs around them.
      if (!loose && !strictWords) {
        for (const matcher of matchers) if (matcher.type === 'char') groups.push([`c:${matcher.char}`]);
      }
    }
    const { live } = table;
    if (groups.length === 1 && groups[0]!.length === 1) {
      // One posting list (a character, a syllable, a word): its products, each once, are the candidates.
      const list = listOf(groups[0]![0]!);
      const only = foundDocsBuffer(list.length);
      let count = 0;
      for (let e = 0; e < list.length; e += 1) {
        const entry = list[e]!;
        const doc = entry >> titleCountBits;
        if (live[doc]) only[count++] = doc;
      }
      return only.subarray(0, count);
    }
    let count = collect(groups);
    if ((reading.kind === 'exact' || reading.kind === 'traditional') && matchers.length >= partialFrom) {
      // Products `collect` stamped are candidates already (four characters make three groups, never one).
      count = piecewiseCandidates(matchers, loose, stamp, count);
    }
    return foundDocs.subarray(0, count);
  }

  /**
   * Where `candidates` puts what it finds (`foundDocs`), reused by every call (a growing array per call was most of
   * what a query allocated): what it returns is valid until the next call, which its callers finish
   * reading before they make.
   */
  let foundDocs = new Int32Array(1024);
  function foundDocsBuffer(size: number): Int32Array {
    if (foundDocs.length < size) foundDocs = new Int32Array(Math.max(size, foundDocs.length * 2));
    return foundDocs;
  }
  /** Adds a candidate at `count` of `foundDocs` (growing it when full); returns the new count. */
  function addFound(count: number, doc: number): number {
    if (count === foundDocs.length) {
      const next = new Int32Array(foundDocs.length * 2);
      next.set(foundDocs);
      foundDocs = next;
    }
    foundDocs[count] = doc;
    return count + 1;
  }

  /** The live products with a key of every group (each group's keys are alternatives), into `foundDocs`: their count. */
  function collect(groups: readonly string[][]): number {
    const { live } = table;
    stamp += 1;
    // Smallest group first: later groups only count products the first one had.
    const sized = groups
      .map((keys) => ({ keys, size: keys.reduce((sum, key) => sum + (postings.get(key)?.length ?? 0), 0) }))
      .sort((x, y) => x.size - y.size);
    sized.forEach(({ keys }, g) => {
      for (const key of keys) {
        const list = listOf(key);
        for (let e = 0; e < list.length; e += 1) {
          const entry = list[e]!;
          const doc = entry >> titleCountBits;
          if (g === 0) {
            if (seen[doc] === stamp) continue;
            seen[doc] = stamp;
            counts[doc] = 1;
          } else if (seen[doc] === stamp && counts[doc] === g) counts[doc] = g + 1;
        }
      }
    });
    const need = sized.length;
    stamp += 1;
    let count = 0;
    for (const { keys } of sized.slice(0, 1)) {
      for (const key of keys) {
        const list = listOf(key);
        for (let e = 0; e < list.length; e += 1) {
          const entry = list[e]!;
          const doc = entry >> titleCountBits;
          if (seen[doc] !== stamp - 1 || counts[doc] !== need) continue;
          seen[doc] = stamp;
          if (live[doc]) count = addFound(count, doc);
        }
      }
    }
    return count;
  }

  /**
   * Products that may match a Han reading of `partialFrom` characters or more in pieces (山野 … 防晒衣) or
   * in part: those with one of its character pairs, and, as `cover` needs runs of two or more covering at
   * least three characters for either, pairs at two or more places of the query or more. That second
   * condition only drops products `matchSegment` would reject, at the character level (exact pairs) or,
   * for homophones, at the reading level; it keeps `cover` off the thousands of products that merely
   * share one word with a long query. Products stamped `foundStamp` are already candidates. Which
   * places each product has is left in `placeMask` (`lastPlaceStamp`). They go into `foundDocs` from `count`
   * on; returns the count after them.
   */
  function piecewiseCandidates(
    matchers: readonly Matcher[],
    loose: boolean,
    foundStamp: number,
    count: number,
  ): number {
    const places: string[][] = [];
    /** The matcher each place starts at. */
    const placeAt: number[] = [];
    for (let i = 0; i + 1 < matchers.length; i += 1) {
      const a = matchers[i]!;
      const z = matchers[i + 1]!;
      if (a.type !== 'char' || z.type !== 'char') continue;
      const exact = `c:${a.char}${z.char}`;
      places.push(loose ? [exact, ...(pairKeys(a, z) ?? [])] : [exact]);
      placeAt.push(i);
    }
    stamp += 1;
    const placeStamp = stamp;
    lastPlaceStamp = placeStamp;
    for (const [place, keys] of places.entries()) {
      const bit = placeAt[place]! < 31 ? 1 << placeAt[place]! : 0;
      for (const key of keys) {
        const list = listOf(key);
        for (let e = 0; e < list.length; e += 1) {
          const entry = list[e]!;
          const doc = entry >> titleCountBits;
          if (placeSeen[doc] !== placeStamp) {
            placeSeen[doc] = placeStamp;
            placeCounts[doc] = 0;
            placeLast[doc] = -1;
            placeMask[doc] = 0;
          }
          // Each place counts once, however many of its readings' pairs a product has.
          if (placeLast[doc] === place) continue;
          placeLast[doc] = place;
          placeCounts[doc]! += 1;
          placeMask[doc]! |= bit;
        }
      }
    }
    let total = count;
    for (let i = 0; i + 1 < matchers.length; i += 1) {
      const a = matchers[i]!;
      const z = matchers[i + 1]!;
      if (a.type !== 'char' || z.type !== 'char') continue;
      const list = listOf(`c:${a.char}${z.char}`);
      for (let e = 0; e < list.length; e += 1) {
        const entry = list[e]!;
        const doc = entry >> titleCountBits;
        if (seen[doc] === foundStamp || !table.live[doc]) continue;
        seen[doc] = foundStamp;
        if (placeSeen[doc] === placeStamp && placeCounts[doc]! >= 2) total = addFound(total, doc);
      }
    }
    return total;
  }

  /**
   * What one matcher accepts, per unit of the vocabulary: 0 not asked yet, 1 no, 2 yes. `accepts` on
   * strings runs once per distinct unit a query meets, not once per unit of every candidate's text.
   */
  const acceptTables = new Map<string, Int8Array>();
  const maskPool = maskColumnPool();
  const { coverField } = createTitleReader(fields, maskPool);
  function acceptTable(matcher: Matcher, loose: boolean): Int8Array {
    const key =
      matcher.type === 'char'
        ? `${loose ? 'C' : 'c'}${matcher.char}`
        : matcher.type === 'words'
          ? `W${[...matcher.words].join(' ')}`
          : `${matcher.type === 'word' ? 'w' : 'p'}${matcher.prefix ? '*' : ''}${matcher.text}`;
    let found = acceptTables.get(key);
    if (!found || found.length < unitTexts.length) {
      const next = new Int8Array(Math.max(unitTexts.length, 64));
      if (found) next.set(found);
      // The tables of the last few hundred matchers are kept: queries repeat (typing, paging).
      if (!found && acceptTables.size >= 512) acceptTables.clear();
      acceptTables.set(key, (found = next));
    }
    return found;
  }

  /**
   * Posting keys one of which a title must have for the reading to match any of it there: a lone unit's
   * own keys, or, as a run of two or more units covers an adjacent pair, the keys of each pair (as
   * `pairKeys` and the exact pair). Undefined when a title could match without one: Latin words next to
   * others (their pairs are not posted), a character without readings read through pinyin.
   */
  function titleWitnessKeys(matchers: readonly Matcher[], loose: boolean): string[][] | undefined {
    const readless = (matcher: Matcher) => matcher.type === 'char' && readingsOf(matcher.char).length === 0;
    if (matchers.length === 1) {
      const only = matchers[0]!;
      if (only.type === 'char') {
        return [
          loose ? [`c:${only.char}`, ...readingsOf(only.char).map((reading) => `p:${reading}`)] : [`c:${only.char}`],
        ];
      }
      if (only.type === 'pinyin') return [only.prefix ? [`i:${only.text[0]}`] : [`p:${only.text}`]];
      // Latin words: the words it accepts (a Han unit never starts with letters).
      return [wordKeys(only)];
    }
    // One group of keys per adjacent pair of the reading.
    const pairs: string[][] = [];
    for (let i = 0; i + 1 < matchers.length; i += 1) {
      const a = matchers[i]!;
      const z = matchers[i + 1]!;
      const chars = a.type === 'char' && z.type === 'char';
      const keys = chars ? [`c:${a.char}${z.char}`] : [];
      if (!chars || loose) {
        const pair = pairKeys(a, z);
        if (!pair || readless(a) || readless(z)) return undefined;
        keys.push(...pair);
      }
      pairs.push(keys);
    }
    return pairs;
  }

  const titlePool = titleColumnPool();

  /** At most how many units of the product's title the plan can match (see `TitleColumns`). */
  function titleMarkOf(title: TitleColumns, plan: CoverPlan, doc: number): number {
    return title.owner[doc] === plan.stamp ? title.mark[doc]! : 0;
  }

  /** Whether a product's own title may add to the plan's match (`TitleColumns`). */
  function titleMayMatch(plan: CoverPlan, doc: number): boolean {
    if (plan.title === undefined) {
      const groups = titleWitnessKeys(plan.matchers, plan.loose);
      let title: TitleColumns | null = null;
      if (groups) {
        ensureScratch();
        // A matched unit is a lone unit the reading accepts or one of a pair its runs accept: each is
        // counted under one of the keys at least (a pair for both of its units).
        const perCount = plan.matchers.length === 1 ? 1 : 2;
        title = titlePool.take(docs.length);
        const { owner, mark, pairs } = title;
        for (const keys of groups) {
          stamp += 1;
          for (const key of keys) {
            const list = listOf(key);
            for (let e = 0; e < list.length; e += 1) {
              const entry = list[e]!;
              const count = entry & maxTitleCount;
              if (count === 0) continue;
              const doc = entry >> titleCountBits;
              if (owner[doc] !== plan.stamp) {
                owner[doc] = plan.stamp;
                mark[doc] = 0;
                pairs[doc] = 0;
              }
              mark[doc] =
                count === maxTitleCount
                  ? unknownTitleMatch
                  : Math.min(unknownTitleMatch, mark[doc]! + perCount * count);
              if (perCount === 2 && seen[doc] !== stamp) {
                seen[doc] = stamp;
                pairs[doc]! += 1;
              }
            }
          }
        }
      }
      plan.title = title;
    }
    return plan.title === null || titleMarkOf(plan.title, plan, doc) !== 0;
  }

  /** How many of the reading's adjacent pairs the product's title has; undefined when the keys cannot tell. */
  function titlePairsOf(plan: CoverPlan, doc: number): number | undefined {
    titleMayMatch(plan, doc);
    const { title } = plan;
    if (!title || plan.matchers.length < 2) return undefined;
    return title.owner[doc] === plan.stamp ? title.pairs[doc]! : 0;
  }

  const triplePool = tripleColumnPool();

  /**
   * How many of the reading's adjacent triples of matchers the product's title has, by the initials
   * of three adjacent title characters (`t:` keys, titles only): a letters reading matches in one run,
   * so a title that holds it whole has all of them. Undefined when the keys cannot tell (fewer than three
   * matchers or more than 64, or one that is not read through pinyin initials).
   */
  function titleTriplesOf(plan: CoverPlan, doc: number): number | undefined {
    // Counted on first use, in a function of its own: its closure would cost a context per call here.
    if (plan.triples === undefined) countTitleTriples(plan);
    const { triples } = plan;
    if (!triples) return undefined;
    return triples.owner[doc] === plan.stamp ? triples.count[doc]! : 0;
  }

  function countTitleTriples(plan: CoverPlan): void {
    const { matchers } = plan;
    let columns: TripleColumns | null = null;
    const initials = matchers.map((matcher) =>
      (matcher.type === 'char' && !plan.loose) || matcher.type === 'pinyin' ? keysOf(matcher, 'i') : [],
    );
    // Up to 64 matchers: the counts are bytes.
    if (matchers.length >= 3 && matchers.length <= 64 && initials.every((keys) => keys.length > 0)) {
      const pooled = triplePool.take(docs.length);
      columns = pooled;
      const { owner, count } = pooled;
      for (let i = 0; i + 2 < matchers.length; i += 1) {
        const keys = new Set<string>();
        for (const a of initials[i]!)
          for (const z of initials[i + 1]!) for (const y of initials[i + 2]!) keys.add(`t:${a}${z}${y}`);
        ensureScratch();
        stamp += 1;
        for (const key of keys) {
          const list = listOf(key);
          for (let e = 0; e < list.length; e += 1) {
            const doc = list[e]! >> titleCountBits;
            if (seen[doc] === stamp) continue;
            seen[doc] = stamp;
            if (owner[doc] !== plan.stamp) {
              owner[doc] = plan.stamp;
              count[doc] = 0;
            }
            count[doc]! += 1;
          }
        }
      }
    }
    plan.triples = columns;
  }

  /** At most how many units of a product's title a plan can match (`TitleColumns`). */
  function titleMatchBound(plan: CoverPlan, doc: number): number {
    if (!titleMayMatch(plan, doc)) return 0;
    const length = fields.size[docFields[doc * fieldCount + titleField]!]!;
    const most = plan.title ? titleMarkOf(plan.title, plan, doc) : unknownTitleMatch;
    return most === unknownTitleMatch ? length : Math.min(length, most);
  }

  /**
   * `cover`'s answers for shared field texts, kept per plan without a map: slot `id * sharedLanes + lane`
   * holds the stamp of the plan that asked and where its answer is in `sharedArena`. Plans made one
   * after another take different lanes, so a query's few live plans (a group's exact and loose readings,
   * one per group when scoring) do not evict each other; an evicted answer is only asked again.
   */
  const sharedLanes = 4;
  let planStamp = 0;
  let sharedPlan = new Int32Array(0);
  let sharedAt = new Int32Array(0);
  /** Answers of the current query's plans; `matchQuery` starts it again (older plans are gone by then). */
  let sharedArena = new Int32Array(4096);
  let arenaUsed = 0;

  function growSharedSlots() {
    const size = Math.max(fieldsByText.size * sharedLanes * 2, 1024);
    const plans = new Int32Array(size);
    plans.set(sharedPlan);
    const at = new Int32Array(size);
    at.set(sharedAt);
    sharedPlan = plans;
    sharedAt = at;
  }

  function arenaTake(size: number): number {
    if (arenaUsed + size > sharedArena.length) {
      const next = new Int32Array(Math.max(sharedArena.length * 2, arenaUsed + size));
      next.set(sharedArena.subarray(0, arenaUsed));
      sharedArena = next;
    }
    const at = arenaUsed;
    arenaUsed += size;
    return at;
  }

  /**
   * The reading's plan, made on first use. Kept free of closures: a function with one that captures
   * its parameters allocates a context on every call, and `cover` asks for a plan per candidate.
   */
  function planOf(reading: Reading, loose: boolean): CoverPlan {
    const plan = reading.plans?.[loose ? 1 : 0];
    return plan ?? makePlan(reading, loose);
  }

  function makePlan(reading: Reading, loose: boolean): CoverPlan {
    const { matchers } = reading;
    const tables = matchers.map((matcher) => acceptTable(matcher, loose));
    planStamp += 1;
    // Every field now, the lazy ones undefined: one hidden class for every plan (see `readingOf`).
    const plan: CoverPlan = {
      matchers,
      loose,
      tables,
      stamp: planStamp,
      lane: planStamp % sharedLanes,
      title: undefined,
      masks: undefined,
      triples: undefined,
    };
    reading.plans ??= [undefined, undefined];
    reading.plans[loose ? 1 : 0] = plan;
    return plan;
  }

  /**
   * How much of a reading one product covers, with contiguous runs of at least two units (one for a
   * one-unit reading), in any of its fields; with the matched units per field and the title's spans.
   */
  // What the last `cover` found: matched units per field, and the longest run from each matcher.
  const coverTf = new Int32Array(fieldWeights.length);
  let longest = new Int32Array(16);
  let fieldLongest = new Int32Array(16);
  let best = new Int32Array(17);

  function cover(doc: number, reading: Reading, loose: boolean, spans?: Array<[number, number]>, sharedOnly = false) {
    const { matchers } = reading;
    const n = matchers.length;
    const minRun = Math.min(2, n);
    if (longest.length < n) {
      longest = new Int32Array(n * 2);
      fieldLongest = new Int32Array(n * 2);
      best = new Int32Array(n * 2 + 1);
    }
    // Loops, not fill(): for a few entries the call costs more than the stores.
    for (let i = 0; i < n; i += 1) longest[i] = 0;
    const plan = planOf(reading, loose);
    // A title without a witness key adds nothing: it is not read.
    const readTitle = !sharedOnly && titleMayMatch(plan, doc);
    for (let f = 0; f < fieldCount; f += 1) {
      coverTf[f] = 0;
      const id = docFields[doc * fieldCount + f]!;
      let tf: number;
      // Each matcher's longest run in this field: `fieldLongest` from `runsAt` on.
      let runs = fieldLongest;
      let runsAt = 0;
      if (f === titleField) {
        if (!readTitle) continue;
        // Titles are each product's own: nothing to share.
        work.titleScans += 1;
        work.titleSteps += n * fields.size[id]!;
        tf = coverField(plan, id, fieldLongest, spans);
      } else {
        // A shared text is asked once per plan: its answer (tf, then each matcher's longest run) is kept
        // in the query's arena.
        const slot = id * sharedLanes + plan.lane;
        if (slot >= sharedPlan.length) growSharedSlots();
        let at = sharedAt[slot]!;
        if (sharedPlan[slot] !== plan.stamp) {
          tf = coverField(plan, id, fieldLongest);
          at = arenaTake(n + 1);
          sharedArena[at] = tf;
          for (let i = 0; i < n; i += 1) sharedArena[at + 1 + i] = fieldLongest[i]!;
          sharedPlan[slot] = plan.stamp;
          sharedAt[slot] = at;
        }
        tf = sharedArena[at]!;
        runs = sharedArena;
        runsAt = at + 1;
      }
      coverTf[f] = tf;
      for (let i = 0; i < n; i += 1) if (runs[runsAt + i]! > longest[i]!) longest[i] = runs[runsAt + i]!;
    }
    // Best coverage of matchers i… by runs that start at or after i.
    best[n] = 0;
    for (let i = n - 1; i >= 0; i -= 1) {
      let value = best[i + 1]!;
      for (let length = minRun; length <= longest[i]! && i + length <= n; length += 1) {
        value = Math.max(value, length + best[i + length]!);
      }
      best[i] = value;
    }
    return best[0]!;
  }

  /** BM25 over the fields `cover` matched, at the best field; the group's idf is applied by the caller. */
  function fieldScore(doc: number): number {
    let top = 0;
    for (let f = 0; f < fieldCount; f += 1) {
      const tf = coverTf[f]!;
      if (tf === 0) continue;
      top = Math.max(top, bm25(f, tf, fields.size[docFields[doc * fieldCount + f]!]!));
    }
    return top;
  }

  /** One field's BM25 term (it grows with `tf`: a bound on `tf` bounds it). */
  function bm25(f: number, tf: number, length: number): number {
    const average = fieldLengthSums[f]! / (fieldCounts[f]! || 1) || 1;
    return (fieldWeights[f]! * (tf * (k1 + 1))) / (tf + k1 * (1 - b + (b * length) / average));
  }

  /** What the last `matchSegment` found besides its tier: the score (NaN: not computed yet) and the reading's looseness. */
  // A typed cell, not a `let`: a closure variable holds a double as a heap number, a new one per store.
  const segmentBase = new Float64Array(1);
  let segmentLoose = false;

  /**
   * How one product matches one reading: its tier (-1 for no match), with `segmentBase` and
   * `segmentLoose` (no object per candidate: long queries check thousands).
   */
  function matchSegment(doc: number, reading: Reading, homophones: boolean): number {
    work.checked += 1;
    segmentLoose = false;
    segmentBase[0] = NaN;
    const n = reading.matchers.length;
    // Han words may be found in pieces (山野防晒衣: 山野 … 防晒衣); letters must be read in one run, or
    // four initials would match any two pairs of characters anywhere.
    const words = reading.kind === 'exact' || reading.kind === 'traditional';
    const plan = planOf(reading, false);
    if (titleMayMatch(plan, doc)) {
      // Most candidates match in a text they share (a short title, a colour): then their own title only
      // adds to the score, which waits until the product is a hit a page may show (`scoreInto`).
      const shared = cover(doc, reading, false, undefined, true);
      if (words ? shared === n : longest[0] === n) return tierOf.get(reading.kind)!;
      // Letters match in one run of one field: a title without every pair of the reading cannot hold it.
      if (!words && (titlePairsOf(plan, doc) ?? n) < n - 1) return -1;
      // Nor one without every triple of its initials side by side.
      if (!words && (titleTriplesOf(plan, doc) ?? n) < n - 2) return -1;
    }
    const covered = cover(doc, reading, false);
    if (words ? covered === n : longest[0] === n) {
      segmentBase[0] = fieldScore(doc);
      return tierOf.get(reading.kind)!;
    }
    if (!words) return -1;
    // A query longer than what it finds (four characters or more): most of it must be there, in runs
    // of two or more. Shorter ones would turn 防晒衣 into every 防晒 product.
    const partial = n >= partialFrom && covered >= Math.max(3, Math.ceil(n / 2));
    const partialScore = partial ? fieldScore(doc) : 0;
    if (homophones && n >= 2 && cover(doc, reading, true) === n) {
      segmentBase[0] = fieldScore(doc);
      segmentLoose = true;
      return tierOf.get('homophone')!;
    }
    segmentBase[0] = partialScore;
    return partial ? tierOf.get('partial')! : -1;
  }

  /**
   * The last step of `matchSegment` with homophones, for a product whose characters as typed were
   * checked already: whether it covers the whole reading read loosely (with `segmentBase`).
   */
  function matchesLoosely(doc: number, reading: Reading): boolean {
    work.checked += 1;
    if (cover(doc, reading, true) !== reading.matchers.length) return false;
    segmentBase[0] = fieldScore(doc);
    return true;
  }

  /** Typos: Latin words one or two edits away, and pinyin one or two edits away from a title's phrase. */
  function fuzzyReadings(segment: string, extra: number, pinyin = true): Reading[] {
    if (!/^[a-z0-9]+$/.test(segment)) return [];
    const typos = allowedTypos(segment.length) + extra;
    if (typos === 0) return [];
    const words = new Set<string>();
    for (const word of latinWords.keys()) {
      if (editDistance(segment, word, typos) <= typos) words.add(word);
      else if (word.length > segment.length && editDistance(segment, word.slice(0, segment.length), typos) <= typos) {
        words.add(word);
      }
    }
    const readings: Reading[] = words.size > 0 ? [readingOf([{ type: 'words', words }], 'fuzzy')] : [];
    if (pinyin && /^[a-z]+$/.test(segment)) {
      for (const han of pinyinNeighbours(segment, typos)) {
        readings.push(
          readingOf(
            Array.from(han, (char): Matcher => ({ type: 'char', char })),
            'fuzzy',
          ),
        );
      }
    }
    return readings;
  }

  const spellings = new Map<string, { chars: string[]; text: string; starts: number[] }>();
  /** A phrase in pinyin (each character's first reading), with where each character's syllable starts. */
  function spell(phrase: string) {
    let spelling = spellings.get(phrase);
    if (!spelling) {
      const chars = Array.from(phrase);
      const starts: number[] = [];
      let text = '';
      for (const char of chars) {
        starts.push(text.length);
        text += readingsOf(char)[0] ?? '';
      }
      spellings.set(phrase, (spelling = { chars, text, starts }));
    }
    return spelling;
  }

  /** Han words whose pinyin is within `typos` edits of the letters, anywhere inside a title's phrase. */
  function pinyinNeighbours(letters: string, typos: number): string[] {
    const found = new Map<string, number>();
    for (const phrase of phrases.keys()) {
      const { chars, text, starts } = spell(phrase);
      const match = substringDistance(letters, text, typos);
      if (!match) continue;
      const first = starts.findLastIndex((start) => start <= match.start);
      const last = starts.findLastIndex((start) => start < match.end);
      const han = chars.slice(first, last + 1).join('');
      if (han.length >= 2 && (found.get(han) ?? Infinity) > match.distance) found.set(han, match.distance);
    }
    return [...found]
      .sort((a, z) => a[1] - z[1])
      .slice(0, 4)
      .map(([han]) => han);
  }

  // ——— searching ———

  interface Matched {
    /** Every product the text matched, before filters: what the facets count. */
    all: Int32Array;
    /** The tier of each of `all`; undefined for an empty query (every product, at one tier and score). */
    tiers: Uint8Array | undefined;
    /** What each group matched, smallest first (a hit's parts), with each one's idf. */
    groups: GroupHits[];
    partIdf: Float64Array;
  }

  /**
   * The groups in `order`, pushed onto a literal, so that every groups array is packed and of one hidden
   * class. `order.map(…)` gave packed or holey arrays depending on the path the builtin took, and `[]` (no
   * groups) an array of small integers: code optimised on one failed its map check on another, and V8
   * entered that same optimised code again on the next query, failing it again (the same code 150 times in
   * one bench run of 810 queries, `node --trace-deopt`), the rest of each such query running unoptimised.
   * Which arrays the code had been optimised on depended on timing, so whether a process fell into the loop
   * did too.
   */
  function inOrder(perGroup: readonly GroupHits[], order: readonly number[]): GroupHits[] {
    const groups: GroupHits[] = [];
    for (const g of order) groups.push(perGroup[g]!);
    return groups;
  }

  /** No groups, in the hidden class of `inOrder`'s arrays (an empty literal would hold small integers). */
  function noGroups(): GroupHits[] {
    const groups = [undefined as unknown as GroupHits];
    groups.pop();
    return groups;
  }

  /** What a query's text matches. The groups of the `Matched` it returned before are given up (their columns are reused). */
  function matchQuery(q: string): Matched {
    groupPool.reset();
    titlePool.reset();
    triplePool.reset();
    maskPool.reset();
    arenaUsed = 0;
    const simplified = toSimplified(q);
    const segments = querySegments(simplified);
    const traditional = simplified !== q && querySegments(q).join(' ') !== segments.join(' ');
    if (segments.length === 0) {
      // A typed column, not a growing array: an empty query lists every product (100,000 pushes cost more
      // than the rest of the query).
      const { live } = table;
      const every = new Int32Array(docs.length);
      let count = 0;
      for (let id = 0; id < docs.length; id += 1) if (live[id]) every[count++] = id;
      const all = every.subarray(0, count);
      return { all, tiers: undefined, groups: noGroups(), partIdf: new Float64Array(0) };
    }
    // Letters split by spaces (`fang shai yi`) are first read together, as one word typed in pieces.
    const joined = segments.every((segment) => /^[a-z]+$/.test(segment)) && segments.length > 1;
    if (joined) {
      const together = matchSegments([segments.join('')], traditional);
      if (together.all.length > 0) return together;
    }
    return matchSegments(segments, traditional);
  }

  function matchSegments(segments: readonly string[], traditional: boolean): Matched {
    const groups: Reading[][] = segments.flatMap((segment) => readingsOfSegment(segment, traditional));
    const perGroup: GroupHits[] = [];
    let dropped = false;
    for (const [g, readings] of groups.entries()) {
      let hits = matchGroup(readings);
      if (hits.size === 0) {
        const source = segments.length === groups.length ? segments[g]! : '';
        hits = matchGroup(fuzzyReadings(source, 0));
      }
      if (hits.size === 0) {
        // A word the catalog does not have does not empty the result, it only lowers it.
        dropped = true;
        continue;
      }
      perGroup.push(hits);
    }
    if (perGroup.length === 0) {
      return { all: new Int32Array(0), tiers: new Uint8Array(0), groups: noGroups(), partIdf: new Float64Array(0) };
    }
    const total = liveCount || 1;
    const idf = perGroup.map((group) => Math.log(1 + (total - group.size + 0.5) / (group.size + 0.5)));
    const order = perGroup.map((_, g) => g).sort((x, y) => perGroup[x]!.size - perGroup[y]!.size);
    const first = perGroup[order[0]!]!;
    const lowest = dropped ? tierOf.get('partial')! : 0;
    const every = new Int32Array(first.size);
    const tiers = new Uint8Array(first.size);
    let count = 0;
    for (let i = 0; i < first.size; i += 1) {
      const doc = first.docs[i]!;
      let tier = lowest;
      let all = true;
      for (const g of order) {
        const part = tierIn(perGroup[g]!, doc);
        if (part === 0) {
          all = false;
          break;
        }
        tier = Math.max(tier, part - 1);
      }
      if (!all) continue;
      every[count] = doc;
      tiers[count] = tier;
      count += 1;
    }
    return {
      all: every.subarray(0, count),
      tiers: tiers.subarray(0, count),
      groups: inOrder(perGroup, order),
      partIdf: Float64Array.from(order, (g) => idf[g]!),
    };
  }

  /**
   * A hit's score: each group's BM25 field score (computed now, for the hits a page may show) times the
   * group's idf, summed in the order `matchSegments` put the parts.
   */
  function scoreInto(doc: number, { groups, partIdf }: Matched, scores: Float64Array, at: number): void {
    work.scored += 1;
    let score = 0;
    for (let i = 0; i < groups.length; i += 1) {
      const group = groups[i]!;
      const { how, base: bases } = group.columns;
      let base = bases[doc]!;
      if (Number.isNaN(base)) {
        // Found by postings alone, or matched in a shared text: not scored yet.
        const way = how[doc]!;
        cover(doc, group.readings[way >> 1]!, (way & 1) === 1);
        bases[doc] = base = fieldScore(doc);
      }
      score += partIdf[i]! * base;
    }
    // Stored, not returned (as `boundInto`): no heap number per scored hit.
    scores[at] = score;
  }

  let boundIsScore = false;
  /**
   * At least `scoreInto`'s score, summed the same way, from what products share (short titles, categories…
   * asked once per text) and a bound on the title's part from the postings' title counts: no title is
   * read. `boundIsScore` says whether it is the score itself (no title can add to it).
   */
  function boundInto(doc: number, { groups, partIdf }: Matched, bounds: Float64Array, at: number): void {
    boundIsScore = true;
    let bound = 0;
    for (let i = 0; i < groups.length; i += 1) {
      const group = groups[i]!;
      const { how, base: bases } = group.columns;
      let base = bases[doc]!;
      if (Number.isNaN(base)) {
        const way = how[doc]!;
        const reading = group.readings[way >> 1]!;
        const loose = (way & 1) === 1;
        cover(doc, reading, loose, undefined, true);
        base = fieldScore(doc);
        const most = titleMatchBound(planOf(reading, loose), doc);
        if (most > 0) {
          base = Math.max(base, bm25(titleField, most, fields.size[docFields[doc * fieldCount + titleField]!]!));
          boundIsScore = false;
        }
      }
      bound += partIdf[i]! * base;
    }
    // Stored, not returned: a double returned from a call that is not inlined is a new heap number.
    bounds[at] = bound;
  }

  /**
   * Scores for a relevance page that ends at `count`: hits rank by tier first, so the tiers wholly on
   * it need every score, the tiers after it none, and the tier it ends in only the hits whose bound
   * (`boundInto`) reaches the score of its last place there; the others keep their bound as a score, which
   * sorts them after that place as their own score would. The page is the same as with every score.
   */
  function scoreFirst(hits: Hits, matched: Matched, count: number): void {
    const { doc, tier, score } = hits;
    const perTier = new Int32Array(matchKinds.length);
    for (let h = 0; h < hits.size; h += 1) perTier[tier[h]!]! += 1;
    let before = 0;
    let last = 0;
    while (last < perTier.length - 1 && before + perTier[last]! < count) {
      before += perTier[last]!;
      last += 1;
    }
    const places = count - before;
    // The boundary tier's hits by position, in a typed column (a broad query has tens of thousands).
    const boundary = new Int32Array(perTier[last]!);
    let size = 0;
    for (let h = 0; h < hits.size; h += 1) {
      if (tier[h] === last) boundary[size++] = h;
      else if (tier[h]! > last) score[h] = 0;
      else if (Number.isNaN(score[h])) scoreInto(doc[h]!, matched, score, h);
    }
    if (size <= places) {
      for (let i = 0; i < size; i += 1) {
        const h = boundary[i]!;
        if (Number.isNaN(score[h])) scoreInto(doc[h]!, matched, score, h);
      }
      return;
    }
    const bounds = new Float64Array(size);
    for (let i = 0; i < size; i += 1) {
      const h = boundary[i]!;
      if (!Number.isNaN(score[h])) {
        bounds[i] = score[h]!;
        continue;
      }
      boundInto(doc[h]!, matched, bounds, i);
      if (boundIsScore) score[h] = bounds[i]!;
    }
    // Scores for the hits with the best bounds first: the last place's score among them is a floor the
    // page's last place cannot fall below.
    const highBound = largest(bounds, places);
    const scores = new Float64Array(size);
    let scored = 0;
    for (let i = 0; i < size; i += 1) {
      if (bounds[i]! < highBound) continue;
      const h = boundary[i]!;
      if (Number.isNaN(score[h])) scoreInto(doc[h]!, matched, score, h);
      scores[scored++] = score[h]!;
    }
    const floor = largest(scores.subarray(0, scored), places);
    for (let i = 0; i < size; i += 1) {
      const h = boundary[i]!;
      if (!Number.isNaN(score[h])) continue;
      if (bounds[i]! >= floor) scoreInto(doc[h]!, matched, score, h);
      else score[h] = bounds[i]!;
    }
  }

  /**
   * Whether `candidates` finds exactly the products `matchSegment` accepts (in full, at the reading's
   * tier): one unit whose postings are its matches (a character, a syllable, an initial, Latin words), or
   * two characters side by side (their pair's postings).
   */
  function candidatesAreMatches(reading: Reading): boolean {
    const { matchers } = reading;
    if (matchers.length === 1) {
      const only = matchers[0]!;
      return only.type !== 'pinyin' || !only.prefix || only.text.length === 1;
    }
    return matchers.length === 2 && matchers.every((matcher) => matcher.type === 'char');
  }

  const groupPool = groupColumnPool();
  let groupStamp = 0;

  /**
   * What one group (a segment's readings) matched: its products in the order first found, and per
   * product, in reused columns (`GroupColumns`), its tier, the reading it matched and its score once
   * known. No object per product: a letter such as `t` has tens of thousands.
   */
  interface GroupHits {
    /** The first `size` entries are the products. */
    docs: Int32Array;
    size: number;
    columns: GroupColumns;
    stamp: number;
    readings: readonly Reading[];
    bestTier: number;
  }

  /** The product's tier in the group plus one; 0 when it is not there. */
  function tierIn(group: GroupHits, doc: number): number {
    const { columns } = group;
    return columns.stamp[doc] === group.stamp ? columns.tier[doc]! + 1 : 0;
  }

  function hitOf(group: GroupHits, doc: number): SegmentHit {
    const { columns } = group;
    const how = columns.how[doc]!;
    return {
      tier: columns.tier[doc]!,
      base: columns.base[doc]!,
      reading: group.readings[how >> 1]!,
      loose: (how & 1) === 1,
    };
  }

  function matchGroup(readings: readonly Reading[]): GroupHits {
    const columns = groupPool.take(docs.length);
    groupStamp += 1;
    const group: GroupHits = {
      docs: new Int32Array(64),
      size: 0,
      columns,
      stamp: groupStamp,
      readings,
      bestTier: Infinity,
    };
    const { stamp, tier: tiers, how: hows, base: bases } = columns;
    const keep = (doc: number, tier: number, how: number, base: number) => {
      if (stamp[doc] !== group.stamp) {
        stamp[doc] = group.stamp;
        if (group.size === group.docs.length) {
          const docs = new Int32Array(group.size * 2);
          docs.set(group.docs);
          group.docs = docs;
        }
        group.docs[group.size++] = doc;
      } else if (tier >= tiers[doc]!) return;
      tiers[doc] = tier;
      hows[doc] = how;
      bases[doc] = base;
      if (tier < group.bestTier) group.bestTier = tier;
    };
    const run = (reading: Reading, r: number, homophones: boolean) => {
      if (!homophones && candidatesAreMatches(reading)) {
        // Every candidate matches, at the reading's own tier: the score waits until the product is in
        // every group's hits and passes the filters (a letter such as `t` in `t恤` has tens of thousands).
        const tier = tierOf.get(reading.kind)!;
        const found = candidates(reading, false);
        for (let c = 0; c < found.length; c += 1) keep(found[c]!, tier, r * 2, NaN);
        return;
      }
      const found = candidates(reading, homophones);
      ensureScratch();
      // Read loosely, a product covers the whole reading only if each character is in a run of two or
      // more: one of the pairs on either side of it is among the product's adjacent units, so among
      // its places (`piecewiseCandidates` ran for this reading: four characters or more). Products
      // without such a pair for every character are not read again. A character without readings has
      // no reading pairs to find its homophone neighbours by: then every candidate is read.
      const n = reading.matchers.length;
      // Only when this reading's candidates left their places (`lastPlaceStamp` is 0 otherwise): else
      // every candidate is read, slower but never wrong.
      const placeStamp = lastPlaceStamp;
      const placesTell =
        placeStamp !== 0 &&
        homophones &&
        n >= partialFrom &&
        n <= 30 &&
        reading.matchers.every((matcher) => matcher.type === 'char' && readingsOf(matcher.char).length > 0);
      const everyMatcher = (1 << n) - 1;
      if (!homophones) {
        checkStamp += 1;
        checkedIn[r] = checkStamp;
      }
      const fullTier = tierOf.get(reading.kind)!;
      for (let c = 0; c < found.length; c += 1) {
        const doc = found[c]!;
        if (placesTell) {
          const mask = placeSeen[doc] === placeStamp ? placeMask[doc]! : 0;
          if (((mask | (mask << 1)) & everyMatcher) !== everyMatcher) continue;
        }
        if (homophones) {
          const checked = checkedBy[doc]!;
          // Matched in full as typed: `matchSegment` would say so again (and it is kept).
          if (checked === -checkedIn[r]!) continue;
          if (checked === checkedIn[r]) {
            // Checked as typed, in part or not at all (that is kept): only reading the characters
            // loosely can better it, and only to a homophone.
            if (stamp[doc] === group.stamp && tiers[doc]! <= homophone) continue;
            if (matchesLoosely(doc, reading)) keep(doc, homophone, r * 2 + 1, segmentBase[0]!);
            continue;
          }
        }
        const tier = matchSegment(doc, reading, homophones);
        // A product checked as typed carries the check's stamp, negated when it matched in full.
        if (!homophones) checkedBy[doc] = tier === fullTier ? -checkStamp : checkStamp;
        if (tier >= 0) keep(doc, tier, r * 2 + (segmentLoose ? 1 : 0), segmentBase[0]!);
      }
    };
    const homophone = tierOf.get('homophone')!;
    /** Per reading, the stamp its products checked as typed carry in `checkedBy`. */
    const checkedIn = new Int32Array(readings.length);
    readings.forEach((reading, r) => run(reading, r, false));
    // Homophones only when the characters as typed are found nowhere: 螺丝粉 finds 螺蛳粉, but 防晒衣 does
    // not also bring every product whose characters merely sound like it.
    if (!(group.bestTier < homophone)) {
      readings.forEach((reading, r) => {
        if (reading.matchers.length >= 2 && (reading.kind === 'exact' || reading.kind === 'traditional')) {
          run(reading, r, true);
        }
      });
    }
    return group;
  }

  /** A close query that has results: for a query with none. */
  function didYouMean(q: string, filters: FilterPlan): string | undefined {
    const segments = querySegments(toSimplified(q));
    for (const [i, segment] of segments.entries()) {
      const options: string[] = [];
      if (/^\p{Script=Han}{2,}$/u.test(segment)) {
        // The most used phrase first: 防晒衫 is more likely 防晒衣 than a rarer neighbour.
        const near = [...phrases].filter(([phrase]) => editDistance(segment, phrase, 1) <= 1);
        options.push(...near.sort((a, z) => z[1] - a[1]).map(([phrase]) => phrase));
      } else {
        // One edit more than a typo may have; pinyin phrases only for longer input (short letters are too
        // close to too many syllables to guess from).
        for (const reading of fuzzyReadings(segment, 1, segment.length >= 8)) {
          const only = reading.matchers[0];
          if (only?.type === 'words') options.push(...only.words);
          else options.push(reading.matchers.map((matcher) => (matcher.type === 'char' ? matcher.char : '')).join(''));
        }
      }
      for (const option of options.slice(0, 8)) {
        const candidate = segments.map((other, j) => (j === i ? option : other)).join(' ');
        const found = matchQuery(candidate).all.some((doc) => table.failures(doc, filters) === 0);
        if (found) return candidate;
      }
    }
    return undefined;
  }

  /** A search, for a query in the one shape `inOneShape` gives. */
  function answer(query: ShapedQuery): SearchPage {
    const offset = readCursor(query.cursor);
    const limit = Math.min(Math.max(1, query.limit ?? defaultPageSize), maxPageSize);
    const matched = matchQuery(query.q);
    const filters = table.plan(query);
    // `all` is the hits' products in the same order (or every product for an empty query).
    const failed = table.failuresOf(matched.all, filters);
    let size = 0;
    for (let i = 0; i < failed.length; i += 1) if (failed[i] === 0) size += 1;
    const hits: Hits = {
      size,
      doc: new Int32Array(size),
      tier: new Uint8Array(size),
      score: new Float64Array(size).fill(matched.tiers ? NaN : 0),
    };
    for (let i = 0, h = 0; i < failed.length; i += 1) {
      if (failed[i] !== 0) continue;
      hits.doc[h] = matched.all[i]!;
      hits.tier[h] = matched.tiers ? matched.tiers[i]! : 0;
      h += 1;
    }
    const { doc, tier, score } = hits;
    const { sales, minPrice, available } = table;
    const bySales = (a: number, z: number) =>
      sales[z]! - sales[a]! || (docs[a]!.product.productId < docs[z]!.product.productId ? -1 : 1);
    const sort = query.sort ?? 'relevance';
    // Scores only for what a relevance page can show: products that pass the filters.
    if (sort === 'relevance') scoreFirst(hits, matched, offset + limit);
    // Hits by position.
    const compare = (a: number, z: number): number => {
      const x = doc[a]!;
      const y = doc[z]!;
      if (sort === 'price_asc') return minPrice[x]! - minPrice[y]! || bySales(x, y);
      if (sort === 'price_desc') return minPrice[y]! - minPrice[x]! || bySales(x, y);
      if (sort === 'sales') return bySales(x, y);
      // In stock before sold out: a buyer cannot act on the latter today.
      const stock = available[y]! - available[x]!;
      // The scores' order as -1, 0 or 1: a difference would be a fresh heap number per comparison.
      const byScore = score[z]! > score[a]! ? 1 : score[z]! < score[a]! ? -1 : 0;
      return tier[a]! - tier[z]! || byScore || stock || bySales(x, y);
    };
    const page = firstInOrder(size, offset + limit, compare).slice(offset, offset + limit);
    const end = offset + page.length;
    const info = page.map((h): SearchHitInfo => {
      // Spans only for the page: found again with what matched each group.
      const spans: Array<[number, number]> = [];
      // An index loop: iterating the groups (arrays of more than one elements kind) deoptimised
      // `search` on every query.
      const { groups } = matched;
      for (let g = 0; g < groups.length; g += 1) {
        const part = hitOf(groups[g]!, doc[h]!);
        cover(doc[h]!, part.reading, part.loose, spans);
      }
      return { kind: matchKinds[tier[h]!]!, titleRanges: mergeSpans(spans) };
    });
    const suggestion = size === 0 && query.q.trim() !== '' ? didYouMean(query.q, filters) : undefined;
    return {
      items: page.map((h) => docs[doc[h]!]!.product),
      total: size,
      ...(end < size ? { nextCursor: String(end) } : {}),
      hits: info,
      facets: table.facets(matched.all, failed, filters),
      ...(suggestion === undefined ? {} : { didYouMean: suggestion }),
    };
  }

  const index: SearchIndex = {
    get size() {
      return liveCount;
    },
    upsert(product) {
      removeRef(product);
      add(product);
    },
    remove: removeRef,
    // The caller's query is read here only, in a call too small for a failed check to cost anything.
    search: (query) => answer(inOneShape(query)),
    suggest(prefix) {
      suggester ??= buildSuggester(
        docs.filter((doc) => doc.live).map((doc) => doc.product),
        options.suggestions ?? [],
      );
      return suggester(toSimplified(prefix), maxSuggestions);
    },
  };
  if (options.warmUp ?? true) {
    const counted = work;
    work = noWork();
    for (const query of warmUpQueries(products.filter(searchable))) index.search(query);
    work = counted;
  }
  return index;
}

/** A query with every field present (undefined when not set), always built in this order. */
type ShapedQuery = Pick<SearchQuery, 'q'> & { [K in Exclude<keyof SearchQuery, 'q'>]-?: SearchQuery[K] | undefined };

/**
 * The query with every field present, in one order. Callers build queries with any subset of fields, each
 * subset a hidden class of its own: read in `search` itself, `query.sort` failed the map check of its
 * optimised code again and again (15 times with the same code in one bench run, `node --trace-deopt-verbose`),
 * each time finishing the query unoptimised. Copied once, the work after it sees one shape.
 */
function inOneShape(query: SearchQuery): ShapedQuery {
  return {
    q: query.q,
    cursor: query.cursor,
    limit: query.limit,
    appid: query.appid,
    sort: query.sort,
    minPrice: query.minPrice,
    maxPrice: query.maxPrice,
    guarantees: query.guarantees,
    category: query.category,
    inStock: query.inStock,
  };
}

/**
 * The first `count` of the positions 0 … `size` - 1 in `compare` order, sorted: a page needs the top of
 * thousands of hits, and keeping a short sorted list costs far less than sorting them all. The
 * comparison is a total order (ties end at the product id), so the result is the same as sorting
 * everything.
 */
function firstInOrder(size: number, count: number, compare: (a: number, z: number) => number): number[] {
  if (count <= 0) return [];
  if (count * 8 >= size) return Array.from({ length: size }, (_, h) => h).sort(compare);
  const top: number[] = [];
  for (let item = 0; item < size; item += 1) {
    if (top.length === count && compare(item, top[count - 1]!) >= 0) continue;
    // Binary search for the first kept item that sorts after this one.
    let low = 0;
    let high = top.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (compare(item, top[middle]!) < 0) high = middle;
      else low = middle + 1;
    }
    top.splice(low, 0, item);
    if (top.length > count) top.pop();
  }
  return top;
}

/**
 * The `k`th largest of the values (1 ≤ k ≤ their number), kept in a min-heap of `k`: a page's few
 * places among thousands of hits (sorting them all, even a typed array, costs milliseconds).
 */
function largest(values: Float64Array, k: number): number {
  const heap = new Float64Array(k);
  let size = 0;
  for (let v = 0; v < values.length; v += 1) {
    const value = values[v]!;
    if (size < k) {
      // Sift the new value up.
      let at = size++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (heap[parent]! <= value) break;
        heap[at] = heap[parent]!;
        at = parent;
      }
      heap[at] = value;
    } else if (value > heap[0]!) {
      // Replace the smallest kept and sift it down.
      let at = 0;
      for (;;) {
        let child = 2 * at + 1;
        if (child >= k) break;
        if (child + 1 < k && heap[child + 1]! < heap[child]!) child += 1;
        if (heap[child]! >= value) break;
        heap[at] = heap[child]!;
        at = child;
      }
      heap[at] = value;
    }
  }
  return heap[0]!;
}

function mergeSpans(spans: Array<[number, number]>): MatchRange[] {
  spans.sort((a, z) => a[0] - z[0]);
  const merged: Array<[number, number]> = [];
  for (const span of spans) {
    const last = merged[merged.length - 1];
    if (last && span[0] <= last[1]) last[1] = Math.max(last[1], span[1]);
    else merged.push([span[0], span[1]]);
  }
  return merged;
}

/** Rows for `substringDistance`, reused: it runs once per title phrase for a typo in pinyin. */
let distanceRows = Array.from({ length: 4 }, () => new Int32Array(64));

/**
 * The smallest edit distance from `pattern` to any substring of `text` (Sellers' algorithm), with where
 * that substring starts and ends (the first such end on ties); undefined when above `max`. Stops once a
 * whole row is above `max`: no row after it has a smaller value.
 */
function substringDistance(
  pattern: string,
  text: string,
  max: number,
): { distance: number; start: number; end: number } | undefined {
  const width = text.length + 1;
  if (distanceRows[0]!.length < width) distanceRows = distanceRows.map(() => new Int32Array(width * 2));
  let [previous, previousStart, row, rowStart] = distanceRows as [Int32Array, Int32Array, Int32Array, Int32Array];
  for (let j = 0; j < width; j += 1) {
    previous[j] = 0;
    previousStart[j] = j;
  }
  for (let i = 1; i <= pattern.length; i += 1) {
    row[0] = i;
    rowStart[0] = 0;
    let rowMin = i;
    const char = pattern.charCodeAt(i - 1);
    for (let j = 1; j < width; j += 1) {
      const substitute = previous[j - 1]! + (char === text.charCodeAt(j - 1) ? 0 : 1);
      const skipPattern = previous[j]! + 1;
      const skipText = row[j - 1]! + 1;
      const value = Math.min(substitute, skipPattern, skipText);
      row[j] = value;
      rowStart[j] =
        value === substitute ? previousStart[j - 1]! : value === skipPattern ? previousStart[j]! : rowStart[j - 1]!;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return undefined;
    const done = previous;
    previous = row;
    row = done;
    const doneStart = previousStart;
    previousStart = rowStart;
    rowStart = doneStart;
  }
  let best: { distance: number; start: number; end: number } | undefined;
  for (let j = 1; j < width; j += 1) {
    if (previous[j]! <= max && (!best || previous[j]! < best.distance)) {
      best = { distance: previous[j]!, start: previousStart[j]!, end: j };
    }
  }
  return best;
}
