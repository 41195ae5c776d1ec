// Layout probes shared by the tests that hold elements' boxes in place (reserve.css, inline text, inline shops).

/** Adds the elements' `reserve.css` to the page, as a site does before the kit's script loads. */
export async function loadReserveCss(): Promise<void> {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = '/packages/elements/reserve.css';
  const loaded = new Promise<void>((resolve, reject) => {
    link.addEventListener('load', () => resolve(), { once: true });
    link.addEventListener('error', () => reject(new Error('reserve.css did not load')), { once: true });
  });
  document.head.append(link);
  await loaded;
}

/** Two animation frames: whatever was scheduled has been laid out and painted. */
export const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));

/** The width of one space in the paragraph's font: the widest gap a sentence may show. */
export function wordSpace(paragraph: Element): number {
  const probe = document.createElement('span');
  paragraph.append(probe);
  probe.textContent = 'x x';
  const spaced = probe.getBoundingClientRect().width;
  probe.textContent = 'xx';
  const tight = probe.getBoundingClientRect().width;
  probe.remove();
  return spaced - tight;
}

/** How wide the first `count` characters (or all, if fewer) of a text are in an element's font. */
export function charactersWide(text: string, fontOf: Element, count = 6): number {
  const probe = document.createElement('span');
  probe.style.cssText = 'position:absolute;white-space:pre;visibility:hidden';
  probe.style.font = getComputedStyle(fontOf).font;
  probe.textContent = [...text].slice(0, count).join('');
  document.body.append(probe);
  const width = probe.getBoundingClientRect().width;
  probe.remove();
  return width;
}

/** An element's box, rounded to a tenth of a pixel, as one comparable string. */
export const rect = (element: Element) => {
  const { left, top, width, height } = element.getBoundingClientRect();
  return [left, top, width, height].map((n) => Math.round(n * 10) / 10).join(',');
};

/** The right edge of an element's text as drawn: where its characters end, or its box when they are cut. */
export function textEnd(element: Element): number {
  const range = document.createRange();
  range.selectNodeContents(element);
  return Math.min(range.getBoundingClientRect().right, element.getBoundingClientRect().right);
}

/**
 * Where a sentence goes on after an inline link (`after`, the words that follow it): on the link's line when
 * they fit there, else at the start of the next line, never leaving a line early. Which of the two depends on
 * the fonts (real CJK glyphs or a fallback's boxes), so the check asks the line itself instead of assuming.
 * `shown` is the link's text that sits on the line (title, name).
 */
export function sentenceGoesOn(
  link: Element,
  shown: Element,
  after: Element,
): { sameLine: boolean; fits: boolean; wrappedToLineStart: boolean } {
  const paragraph = after.closest('p') ?? after.parentElement!;
  const style = getComputedStyle(paragraph);
  const lineStart = paragraph.getBoundingClientRect().left + parseFloat(style.paddingLeft);
  const lineEnd = paragraph.getBoundingClientRect().right - parseFloat(style.paddingRight);
  const following = after.getBoundingClientRect();
  const fontSize = parseFloat(style.fontSize);
  return {
    sameLine: Math.abs(shown.getBoundingClientRect().top - following.top) < fontSize / 2,
    fits: link.getBoundingClientRect().right + following.width <= lineEnd + 0.5,
    wrappedToLineStart: Math.abs(following.left - lineStart) < 0.5 && following.top > link.getBoundingClientRect().top,
  };
}
