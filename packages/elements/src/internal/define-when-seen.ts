/** For each tag, the module that defines it (`() => import('./search/define.js')`). */
export type DefinitionLoaders = Readonly<Record<string, () => Promise<unknown>>>;

/** The attribute set on the elements of a tag whose module failed to load, until it is loaded again. */
export const loadFailedAttribute = 'data-xd-load-failed';

// One load at a time per tag for the whole page, whoever asks (the watcher below, the link upgrader).
const loading = new Map<string, Promise<void>>();

/**
 * Loads the modules that define `tags` (those not defined yet), each at most once at a time for the whole
 * page. Resolves once every one is defined; rejects with an error naming the tag when a module fails to
 * load (offline), and a later call loads it again.
 */
export function loadDefinitions(loaders: DefinitionLoaders, tags: Iterable<string>): Promise<void> {
  const loads = [...new Set(tags)].map((tag) => {
    if (customElements.get(tag)) return undefined;
    let pending = loading.get(tag);
    if (!pending) {
      const load = loaders[tag];
      if (!load) return Promise.reject(new Error(`[xiaodian] no module is known to define <${tag}>`));
      pending = load().then(
        () => void loading.delete(tag),
        (error: unknown) => {
          loading.delete(tag);
          throw new Error(`[xiaodian] <${tag}> could not be loaded`, { cause: error });
        },
      );
      loading.set(tag, pending);
    }
    return pending;
  });
  return Promise.all(loads).then(() => undefined);
}

export interface DefineWhenSeenOptions {
  /**
   * Schedules the next try after a failed load (`attempt` counts from 1); by default after 2, 4, 8… s,
   * at most a minute. Injectable so tests control time.
   */
  retryLater?: (retry: () => void, attempt: number) => void;
}

const retryWithBackoff = (retry: () => void, attempt: number) =>
  void setTimeout(retry, Math.min(60_000, 1_000 * 2 ** attempt));

/**
 * Defines elements whose code is not part of the page's first download: each tag's module (which defines
 * it) loads the first time an element of that tag is in the document, written in the HTML or inserted
 * later, and every such element then upgrades. One MutationObserver for the page, disconnected once every
 * tag is defined (by this or by an import of its define module); it looks at each inserted subtree once,
 * with one selector for every tag still waiting.
 *
 * A module that fails to load (offline) is not left as a blank box: its elements get the
 * `data-xd-load-failed` attribute (for the page's styles; `reserve.css` shows it), an error is logged,
 * and the module is loaded again when the browser is back online, at the tag's next insertion and after a
 * backoff, whichever comes first.
 *
 * The observer sees the document, not other components' shadow roots: an element placed inside another
 * component's shadow root is defined by importing its define module (`@xiaodian/elements/search/define`…).
 */
export function defineWhenSeen(loaders: DefinitionLoaders, options: DefineWhenSeenOptions = {}): void {
  const retryLater = options.retryLater ?? retryWithBackoff;
  const waiting = new Set(Object.keys(loaders));
  const failures = new Map<string, number>();

  const start = (tag: string): void => {
    waiting.delete(tag);
    for (const element of document.querySelectorAll(tag)) element.removeAttribute(loadFailedAttribute);
    loadDefinitions(loaders, [tag]).then(
      () => failures.delete(tag),
      (error: unknown) => {
        const attempt = (failures.get(tag) ?? 0) + 1;
        failures.set(tag, attempt);
        waiting.add(tag);
        observer.observe(document, { childList: true, subtree: true });
        for (const element of document.querySelectorAll(tag)) element.setAttribute(loadFailedAttribute, '');
        console.error(`[xiaodian] <${tag}> could not be loaded; it loads again when the page is back online.`, error);
        // Listened to only while a load has failed: a page where every load works has no page-wide listener.
        addEventListener('online', online);
        retryLater(() => retry(tag), attempt);
      },
    );
  };
  // A retry loads only for elements still in the page and a tag not loading or defined meanwhile.
  const retry = (tag: string): void => {
    if (waiting.has(tag) && document.querySelector(tag)) start(tag);
  };
  const look = (root: Element | Document): void => {
    if (waiting.size === 0) return;
    const selector = [...waiting].join(',');
    if (!(root instanceof Element && root.matches(selector)) && !root.querySelector(selector)) return;
    for (const tag of [...waiting]) {
      if ((root instanceof Element && root.localName === tag) || root.querySelector(tag)) start(tag);
    }
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) for (const node of record.addedNodes) if (node instanceof Element) look(node);
  });
  const online = () => {
    for (const tag of failures.keys()) retry(tag);
  };
  for (const tag of waiting)
    void customElements.whenDefined(tag).then(() => {
      waiting.delete(tag);
      failures.delete(tag);
      if (failures.size === 0) removeEventListener('online', online);
      if (waiting.size === 0) observer.disconnect();
    });
  observer.observe(document, { childList: true, subtree: true });
  look(document);
}
