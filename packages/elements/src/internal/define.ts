import { elementsVersion } from './version.js';

/**
 * Registers a custom element once. Loading the same class twice (two bundles, hot reload) is a no-op;
 * a different class under the same name is left alone with a warning instead of throwing
 * "this name has already been used", the most reported runtime error in component libraries.
 */
export function defineElement(name: string, constructor: CustomElementConstructor): void {
  const existing = customElements.get(name);
  if (existing === constructor) return;
  if (existing) {
    // Another copy of the library (or another library) got there first; each copy knows only its own.
    console.warn(
      `[xiaodian] <${name}> is already defined by another copy; this copy (v${elementsVersion}) was not registered. ` +
        'Load @xiaodian/elements once per page.',
    );
    return;
  }
  customElements.define(name, constructor);
}
