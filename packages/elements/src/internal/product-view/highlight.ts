import { html, type TemplateResult } from 'lit';

/** A matched span of a title: UTF-16 offsets, start inclusive, end exclusive (the search contract's MatchRange). */
export type TitleRange = readonly [start: number, end: number];

/**
 * The title with its matched ranges marked, built as DOM from text parts (Lit renders each as a text node):
 * a title is untrusted data, so no part of it is ever parsed as HTML. Ranges from the wire are not trusted
 * either: out-of-bounds, reversed, overlapping or non-integer ranges are clamped, dropped or merged rather
 * than failing, and a range never splits a surrogate pair (half an emoji would render as a replacement).
 */
export function highlightTitle(
  title: string,
  ranges: readonly TitleRange[] | undefined,
): Array<string | TemplateResult> {
  const spans = normaliseRanges(title, ranges ?? []);
  const parts: Array<string | TemplateResult> = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (start > at) parts.push(title.slice(at, start));
    parts.push(html`<mark part="match">${title.slice(start, end)}</mark>`);
    at = end;
  }
  if (at < title.length) parts.push(title.slice(at));
  return parts;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/** Sorted, merged, in-bounds ranges on code-point boundaries; empty and malformed ones dropped. */
export function normaliseRanges(title: string, ranges: readonly TitleRange[]): Array<[number, number]> {
  // A start inside a surrogate pair moves back to the pair, an end moves past it: the whole character is marked.
  const snap = (offset: number, forward: boolean) => {
    const at = Math.max(0, Math.min(title.length, Math.trunc(offset)));
    const inPair = at > 0 && at < title.length && isLowSurrogate(title.charCodeAt(at));
    return inPair ? at + (forward ? 1 : -1) : at;
  };
  const valid = ranges
    .filter((range) => Array.isArray(range) && Number.isFinite(range[0]) && Number.isFinite(range[1]))
    .map(([start, end]): [number, number] => [snap(start, false), snap(end, true)])
    .filter(([start, end]) => end > start)
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const range of valid) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}
