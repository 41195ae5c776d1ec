/**
 * The package's version, shown when two copies of the library meet on one page. Never written by hand:
 * `scripts/inject-version.mjs` rewrites the built module from `packages/elements/package.json` on every
 * build, so it follows what changesets bump. Read from source (not built), it says so.
 */
export const elementsVersion: string = '0.0.0-source';
