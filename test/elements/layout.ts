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
