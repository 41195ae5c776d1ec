/**
 * Text as the index sees it: units that are either one Han character or one Latin word (letters and
 * digits, folded to lowercase and half width), each with the UTF-16 span it came from, so a match can be
 * highlighted in the original text. Punctuation and spaces separate units and are otherwise ignored.
 */
export interface Units {
  /** Normalised units: `防`, `晒`, `upf50`. */
  text: string[];
  /** Whether each unit is a Han character. */
  han: boolean[];
  /** UTF-16 span of each unit in the original text, end exclusive. */
  start: number[];
  end: number[];
}

const hanChar = /^\p{Script=Han}$/u;
const wordChar = /^[\p{L}\p{N}]$/u;

/** Folds one code point: full width to half width, compatibility forms, case. */
function fold(char: string): string {
  const code = char.charCodeAt(0);
  // Fast paths for what titles are mostly made of: ASCII, and CJK ideographs (NFKC leaves them alone).
  if (code < 0x80) return code >= 0x41 && code <= 0x5a ? String.fromCharCode(code + 32) : char;
  if (code >= 0x4e00 && code <= 0x9fff) return char;
  return char.normalize('NFKC').toLowerCase();
}

export function toUnits(text: string): Units {
  const units: Units = { text: [], han: [], start: [], end: [] };
  let word = '';
  let wordStart = 0;
  let offset = 0;
  const endWord = (at: number) => {
    if (word === '') return;
    units.text.push(word);
    units.han.push(false);
    units.start.push(wordStart);
    units.end.push(at);
    word = '';
  };
  for (const char of text) {
    const folded = fold(char);
    for (const piece of folded) {
      if (hanChar.test(piece)) {
        endWord(offset);
        units.text.push(piece);
        units.han.push(true);
        units.start.push(offset);
        units.end.push(offset + char.length);
      } else if (wordChar.test(piece)) {
        if (word === '') wordStart = offset;
        word += piece;
      } else {
        endWord(offset);
      }
    }
    offset += char.length;
  }
  endWord(offset);
  return units;
}

/** Pinyin tone marks go (`yújiā` → `yujia`, `lǜ` → `lv`); Han characters are not decomposed by this. */
function withoutToneMarks(text: string): string {
  return text
    .replace(/[üǖǘǚǜ]/gi, 'v')
    .normalize('NFD')
    .replace(/(?<=[a-z])\p{M}+/giu, '')
    .normalize('NFC');
}

/** A query folded like the index's text, with its segments: runs between spaces and punctuation. */
export function querySegments(query: string): string[] {
  const segments: string[] = [];
  let current = '';
  for (const char of withoutToneMarks(query)) {
    for (const piece of fold(char)) {
      if (hanChar.test(piece) || wordChar.test(piece)) current += piece;
      else if (current !== '') {
        segments.push(current);
        current = '';
      }
    }
  }
  if (current !== '') segments.push(current);
  return segments;
}

export function isHan(char: string): boolean {
  return hanChar.test(char);
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions, each one edit), stopping
 * early once it must exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous2: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, previous2[j - 2]! + 1);
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > max) return max + 1;
    previous2 = previous;
    previous = row;
  }
  return previous[b.length]!;
}

/** Edits a typo may have, as Algolia and Meilisearch allow: one from 4 letters, two from 8. */
export function allowedTypos(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}
