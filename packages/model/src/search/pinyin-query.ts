/** One piece of a Latin run read as pinyin: a whole syllable, or a prefix of one (an initial, or the last syllable half typed). */
export interface Piece {
  text: string;
  prefix: boolean;
}

const maxSegmentations = 16;
const maxSteps = 4_000;

/**
 * The ways a run of letters reads as pinyin syllables, most likely first: `fangshaiyi` → fang shai yi;
 * `fsy` → f s y (initials); `fangshaiy` → fang shai y… (the last syllable half typed); `xian` → xian and
 * xi an. `syllables` are the readings the index knows; `prefixes` every prefix of them. At most `limit`
 * of the ways, each once.
 */
export function segmentPinyin(
  letters: string,
  syllables: ReadonlySet<string>,
  prefixes: ReadonlySet<string>,
  limit = 6,
): Piece[][] {
  const found: Piece[][] = [];
  let steps = 0;
  const walk = (at: number, pieces: Piece[]) => {
    steps += 1;
    if (found.length >= maxSegmentations || steps > maxSteps) return;
    if (at === letters.length) {
      found.push(pieces);
      return;
    }
    const rest = letters.slice(at);
    for (let end = Math.min(letters.length, at + 6); end > at; end -= 1) {
      const text = letters.slice(at, end);
      if (syllables.has(text)) walk(end, [...pieces, { text, prefix: false }]);
    }
    // The last syllable, half typed.
    if (!syllables.has(rest) && prefixes.has(rest) && rest.length > 1)
      found.push([...pieces, { text: rest, prefix: true }]);
    // An initial: one letter, or zh / ch / sh.
    for (const initial of [letters.slice(at, at + 2), letters[at]!]) {
      if ((initial.length === 1 || /^[zcs]h$/.test(initial)) && prefixes.has(initial)) {
        walk(at + initial.length, [...pieces, { text: initial, prefix: true }]);
      }
    }
  };
  walk(0, []);
  const initials = (pieces: Piece[]) => pieces.filter((piece, i) => piece.prefix && i < pieces.length - 1).length;
  const sorted = found.sort((a, b) => initials(a) - initials(b) || a.length - b.length);
  // Once some reading has whole syllables throughout, readings with initials in the middle are noise.
  const best = sorted.length > 0 ? initials(sorted[0]!) : 0;
  const kept = sorted.filter((pieces) => best > 0 || initials(pieces) === 0).slice(0, limit);
  // A last letter is found as an initial twice (as one letter and as the two-letter slice, which is that
  // letter too): the index would check every candidate against both copies. Dropped after the limit, so
  // the ways kept are the same as before.
  const seen = new Set<string>();
  return kept.filter((pieces) => {
    const key = pieces.map((piece) => `${piece.text}${piece.prefix ? '*' : ''}`).join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** How confident a pinyin reading is: whole syllables (`pinyin`) or with initials (`initials`). */
export function pinyinKind(pieces: readonly Piece[]): 'pinyin' | 'initials' {
  return pieces.some((piece, i) => piece.prefix && (i < pieces.length - 1 || piece.text.length === 1))
    ? 'initials'
    : 'pinyin';
}
