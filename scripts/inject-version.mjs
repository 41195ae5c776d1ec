// Writes @xiaodian/elements' version into its built `internal/version.js` from its package.json, so the
// version the library reports (when two copies meet on one page) is the one changesets bumped, never a
// number kept by hand. Run by `npm run build:packages` after tsc; the whole module is rewritten each time,
// because tsc -b does not re-emit an unchanged source and a replace-in-place would go stale.
import { readFileSync, writeFileSync } from 'node:fs';

const root = new URL('../packages/elements/', import.meta.url);
const { version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
if (typeof version !== 'string' || !version) throw new Error('packages/elements/package.json has no version');
const target = new URL('dist/internal/version.js', root);
const built = readFileSync(target, 'utf8');
if (!built.includes('export const elementsVersion'))
  throw new Error(`${target.pathname} no longer exports elementsVersion`);
writeFileSync(target, `export const elementsVersion = ${JSON.stringify(version)};\n`);
