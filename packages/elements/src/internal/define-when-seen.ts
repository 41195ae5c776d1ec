/**
 * Defines elements whose code is not part of the page's first download: each tag's module (which defines
 * it) loads the first time an element of that tag is in the document, written in the HTML or inserted
 * later, and every such element then upgrades. One MutationObserver for the page, disconnected once every
 * tag is defined (by this or by an import of its define module). A module that fails to load (offline) is
 * loaded again at the tag's next insertion.
 *
 * The observer sees the document, not other components' shadow roots: an element placed inside another
 * component's shadow root is defined by importing its define module (`@xiaodian/elements/search/define`…).
 */
export function defineWhenSeen(loaders: Readonly<Record<string, () => Promise<unknown>>>): void {
  const waiting = new Map(Object.entries(loaders));
  const look = (root: Element | Document): void => {
    for (const [tag, load] of waiting) {
      if (!(root instanceof Element && root.localName === tag) && !root.querySelector(tag)) continue;
      waiting.delete(tag);
      load().catch((error: unknown) => {
        waiting.set(tag, load);
        observer.observe(document, { childList: true, subtree: true });
        console.error(`[xiaodian] <${tag}> could not be loaded; it loads again when one is inserted.`, error);
      });
    }
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) look(node);
  });
  for (const tag of waiting.keys())
    void customElements.whenDefined(tag).then(() => {
      waiting.delete(tag);
      if (waiting.size === 0) observer.disconnect();
    });
  observer.observe(document, { childList: true, subtree: true });
  look(document);
}
