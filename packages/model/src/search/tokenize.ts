/**
 * Search tokens for Chinese and Latin text. Chinese has no spaces, so a run of Han characters is indexed
 * as its single characters and its overlapping pairs (bigrams): "防晒衣" → 防, 晒, 衣, 防晒, 晒衣. A query
 * of two or more Han characters is matched by its bigrams (precise); a single character by itself. Latin
 * letters and digits form lowercased words ("UPF50+" → "upf50").
 */
const runs = /[\p{Script=Han}]+|[\p{L}\p{N}]+/gu;
const han = /^\p{Script=Han}/u;

/** Tokens to index a text under: every unigram and bigram of Han runs, and every word. */
export function indexTokens(text: string): Set<string> {
  const tokens = new Set<string>();
  for (const [run] of text.normalize('NFKC').toLowerCase().matchAll(runs)) {
    if (han.test(run)) {
      const chars = Array.from(run);
      chars.forEach((char, i) => {
        tokens.add(char);
        if (i + 1 < chars.length) tokens.add(char + chars[i + 1]);
      });
    } else {
      tokens.add(run);
    }
  }
  return tokens;
}

/** Tokens a query must match, all of them: bigrams for Han runs of two or more, else the character or word. */
export function queryTokens(query: string): string[] {
  const tokens = new Set<string>();
  for (const [run] of query.normalize('NFKC').toLowerCase().matchAll(runs)) {
    if (han.test(run)) {
      const chars = Array.from(run);
      if (chars.length === 1) tokens.add(chars[0]!);
      for (let i = 0; i + 1 < chars.length; i += 1) tokens.add(chars[i]! + chars[i + 1]);
    } else {
      tokens.add(run);
    }
  }
  return [...tokens];
}
