/** A link found in plain text: where it starts and ends (UTF-16 offsets, end exclusive) and the link itself. */
export interface TextLink {
  start: number;
  end: number;
  link: string;
}

/** WeChat's product and shop short links (`…/shop/a/<code>`): only the gateway can say what they name. */
export const shortLinkPattern =
  /^https:\/\/(?:channels|store)\.weixin\.qq\.com\/shop\/a\/[0-9A-Za-z_-]+\/?(?:[?#].*)?$/;

/** The gateway's canonical links on any origin (`…/p/APPID/ID`, `…/s/APPID`, `…/l/FINDER`): they name their ref. */
export const canonicalLinkPattern =
  /^https?:\/\/[^/?#]+(?:\/[^?#]*)?\/(?:p\/wx[0-9a-f]{16}\/[0-9]+|s\/wx[0-9a-f]{16}|l\/sph[0-9A-Za-z_-]+)\/?(?:[?#].*)?$/;

/** WeChat's product and shop short links, and canonical links on any origin. */
export const defaultLinkPatterns: readonly RegExp[] = [shortLinkPattern, canonicalLinkPattern];

// A URL in running text is a run of the characters RFC 3986 allows (and "%"), so it ends at a space, at
// Chinese text or full-width punctuation written right after it, and at anything markup-like ("<", '"').
// One greedy character class: each character is read once, whatever the input (hostile text stays linear).
const urlCandidate = /https?:\/\/[0-9A-Za-z\-._~:/?#[\]@!$&'()*+,;=%]+/gi;
/**
 * Drops the sentence punctuation written after a link ("see https://…/shop/a/x.") and closing parentheses
 * the link did not open ("(https://…/s/wx…)"). Counts once and trims from the end: linear.
 */
function trimEnd(candidate: string): string {
  let unopened = 0;
  for (const char of candidate) unopened += char === ')' ? 1 : char === '(' ? -1 : 0;
  let end = candidate.length;
  for (; end > 0; end -= 1) {
    const char = candidate[end - 1]!;
    if (char === ')' && unopened > 0) unopened -= 1;
    else if (!'.,:;!?\'"]'.includes(char)) break;
  }
  return candidate.slice(0, end);
}

/**
 * Finds the links in plain text that a pattern accepts as a whole (WeChat's product and shop short links
 * and canonical links by default), in order, with their offsets. A link must be a whole URL of the text: a
 * WeChat link inside another URL's query (`https://a.example/?u=https://channels…`) is that URL's, not a
 * link of its own. Linear in the text's length.
 */
export function findTextLinks(text: string, patterns: readonly RegExp[] = defaultLinkPatterns): TextLink[] {
  const found: TextLink[] = [];
  for (const match of text.matchAll(urlCandidate)) {
    // A URL glued to a word before it ("xhttps://…") is not a link a reader sees as one.
    const before = match.index > 0 ? text[match.index - 1]! : '';
    if (/[0-9A-Za-z/]/.test(before)) continue;
    const link = trimEnd(match[0]);
    if (patterns.some((pattern) => pattern.test(link))) {
      found.push({ start: match.index, end: match.index + link.length, link });
    }
  }
  return found;
}
