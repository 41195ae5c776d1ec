// `npm run size`: bundles each public browser entry as an app would, with Vite AND with esbuild (minified,
// ES modules, code splitting), and checks what a page downloads before the entry runs: the entry chunk plus
// every chunk it imports statically. Chunks loaded on demand are reported apart and not counted, except
// those an element always loads before its first render (`alsoCounts`: a shop entry always reads a shop).
// Prints min and min+gzip sizes per bundler and fails when an entry is over its limit in either.
// `--json FILE` writes {passed, failed} for npm test (one check per entry and bundler).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';
import { build } from 'vite';

// Modules an element that shows a shop loads before its first render, by chunk name.
const shopModules = [
  'resources',
  'validate-resources',
  'resource-validators',
  'common',
  'http-routes',
  'api-resources',
];

const budgets = [
  {
    // Lion's 20 kB per entry (issues 9 and 13). 2026-12-01: Vite 19.89 kB, esbuild 20.00 kB (19.996), once
    // the QR dialog stopped sharing Lit with the card (esbuild no longer splits Lit out of the card's entry
    // chunk), the live handle became a stand-in the live chunk takes over, and the validators were imported
    // by name. esbuild has almost no room left: trim before adding to what a card loads.
    name: 'product card, self-contained (Lit, client, validation)',
    entry: 'packages/elements/dist/product-card/define.js',
    gzipLimit: 20 * 1024,
  },
  {
    // Issue 5 sets no figure for the shop entry; this holds today's.
    name: 'shop entry, self-contained (Lit, client, shop validation)',
    entry: 'packages/elements/dist/shop-entry/define.js',
    alsoCounts: shopModules,
    gzipLimit: 30 * 1024,
  },
  {
    // Issue 13: every element, Lit, the client and validation, with what loads before the first render.
    // The root define registers every element, the search elements included, but their code loads only
    // when one is in the page (internal/define-when-seen.ts): measured is what a page WITHOUT a search
    // element loads before its first render. A page with one loads the search chunks before their first
    // render, like the search page below, which holds its own budget.
    name: 'whole kit (every element registered; what a page without search elements loads before the first render)',
    entry: 'packages/elements/dist/define.js',
    alsoCounts: shopModules,
    // 2026-12-01: Vite 31.08 kB, esbuild 32.48 kB, with the search elements' lazy definition.
    gzipLimit: 35 * 1024,
  },
  {
    // Issue 11: the live widget with Lit, the client and what it loads before its first render (the live
    // subscription, the live event checks); what only it adds to a page with the kit's other elements
    // (its own code, styles and words) must stay under 8 kB.
    name: 'live widget, self-contained (Lit, client, live subscription and validation)',
    entry: 'packages/elements/dist/live-widget/define.js',
    // The SSE parser loads with the first stream (http-routes imports it on demand), before the first event.
    alsoCounts: [...shopModules, 'subscribe-live', 'sse-parser'],
    // 2026-12-01: Vite 27.15 kB, esbuild 27.41 kB; the client and the resource checks it shares with the shop
    // entry weigh most of it.
    gzipLimit: 28 * 1024,
    specific: {
      besides: ['packages/elements/dist/product-card/define.js', 'packages/elements/dist/shop-entry/define.js'],
      gzipLimit: 8 * 1024,
    },
  },
  {
    // Issue 10: a search page's elements (store, box, results, tiles), Lit, the client and validation. The
    // index (pinyin, traditional → simplified dictionaries) runs where the data is, never here.
    name: 'search page (store, box, results, tiles, Lit, client, validation)',
    entry: 'packages/elements/dist/search-page/define.js',
    // Results search at once: the client's search, its routes and the search validators load before they
    // show (and whatever those import); the shop and live checks do not.
    alsoCounts: ['search-resources', 'http-routes'],
    // 2026-12-01: Vite 29.10 kB, esbuild 29.60 kB, once search loads its own resources and checks.
    gzipLimit: 30 * 1024,
    // The search index's dictionaries run where the data is (gateway, demo backend), never in a browser.
    forbidden: ['pinyin-pro', 'opencc-js'],
  },
];

// Issue 10: pinyin and traditional-Chinese dictionaries run where the search index runs, never in a
// browser bundle. A string from each library's data, as it survives minification; every chunk of every
// entry (loaded at once or on demand) is checked, and a bundle of the index itself must contain both, so
// a marker that no longer matches the libraries fails here instead of passing silently.
const dictionaryMarkers = [
  ['pinyin-pro', /丄["'`,\s]*尙/],
  ['opencc-js', /絨 绒/],
];
// esbuild writes non-ASCII characters as \\u escapes, Vite as they are: both are read as characters.
const unescaped = (code) => code.replace(/\\u([0-9a-fA-F]{4})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16)));
const dictionariesIn = (code) =>
  dictionaryMarkers.filter(([, marker]) => marker.test(unescaped(code))).map(([name]) => name);

const kB = (bytes) => `${(bytes / 1024).toFixed(2)} kB`;
const gzip = (code) => gzipSync(code, { level: 9 }).length;

/**
 * A chunk's static imports in the order the browser asks for them: the order of its import statements.
 * (Neither bundler's list is documented to follow it, and esbuild's metafile is not meant to.)
 */
function importsInLoadOrder(chunk) {
  const at = (file) => chunk.code.indexOf(basename(file));
  return [...chunk.imports].sort((a, b) => at(a) - at(b));
}

/**
 * What a page loads before the entry runs, in the order the browser loads it: the entry, then its static
 * imports depth first in the order of its import statements, then each chunk `alsoCounts` names (in the
 * order it names them) with its own static imports. gzip compresses the chunks joined in that order (as
 * one download would be); joined in another order the same chunks measure up to 0.35 kB apart, so the order
 * is fixed by what the browser does, never by file names or content hashes.
 */
function loadOrder(chunks, alsoCounts) {
  const byFile = new Map(chunks.map((chunk) => [chunk.file, chunk]));
  const loaded = new Set();
  const visit = (chunk) => {
    if (!chunk || loaded.has(chunk)) return;
    loaded.add(chunk);
    for (const file of importsInLoadOrder(chunk)) visit(byFile.get(file));
  };
  visit(chunks.find((chunk) => chunk.isEntry));
  for (const name of alsoCounts) for (const chunk of chunks) if (chunk.name === name) visit(chunk);
  return [...loaded];
}

/** A chunk graph, whichever bundler made it: file → {name, code, imports (static only), isEntry}. */
function sizeOf(chunks, alsoCounts) {
  const initial = new Set(loadOrder(chunks, alsoCounts));
  const code = [...initial].map((chunk) => chunk.code).join('\n');
  const lazy = chunks.filter((chunk) => !initial.has(chunk));
  return {
    min: Buffer.byteLength(code),
    gzip: gzip(code),
    lazy: lazy.map((chunk) => `${chunk.name} ${kB(gzip(chunk.code))}`),
    // Every module in any chunk, loaded at once or on demand: what `forbidden` is checked against.
    modules: chunks.flatMap((chunk) => chunk.modules),
    dictionaries: dictionariesIn(chunks.map((chunk) => chunk.code).join('\n')),
  };
}

async function measureVite(entry, alsoCounts = []) {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    // An app build, not library mode: Vite leaves whitespace in library-mode ES output (to keep pure
    // annotations for the next bundler), so library mode would count bytes no page ever downloads.
    build: { write: false, minify: true, modulePreload: false, rollupOptions: { input: entry } },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  const chunks = outputs
    .filter((o) => o.type === 'chunk')
    .map((o) => ({
      file: o.fileName,
      name: o.name,
      code: o.code,
      imports: o.imports,
      isEntry: o.isEntry,
      modules: o.moduleIds,
    }));
  return sizeOf(chunks, alsoCounts);
}

async function measureEsbuild(entry, alsoCounts = []) {
  const outdir = mkdtempSync(join(tmpdir(), 'xd-size-'));
  try {
    const result = await esbuild.build({
      entryPoints: [entry],
      bundle: true,
      splitting: true,
      format: 'esm',
      minify: true,
      target: 'es2022',
      outdir,
      write: false,
      metafile: true,
      logLevel: 'silent',
      // Chunks named after their first module, so `alsoCounts` finds them as it does in Vite's output.
      chunkNames: '[name]-[hash]',
    });
    const code = new Map(result.outputFiles.map((file) => [file.path, file.text]));
    const chunks = Object.entries(result.metafile.outputs)
      .filter(([file]) => file.endsWith('.js'))
      .map(([file, meta]) => ({
        file,
        name: basename(file)
          .replace(/-[A-Z0-9]+\.js$/, '')
          .replace(/\.js$/, ''),
        code: code.get(join(process.cwd(), file)) ?? code.get(file) ?? '',
        imports: meta.imports.filter((i) => i.kind === 'import-statement').map((i) => i.path),
        // Modules loaded with import() are entry points too; the page's entry is the one asked for.
        isEntry: meta.entryPoint === entry,
        modules: Object.keys(meta.inputs),
      }));
    return sizeOf(chunks, alsoCounts);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/**
 * What an entry adds to a page that already has `besides`: bundled together (code splitting), the chunks
 * the entry loads statically that none of the others does. `bundle` gives the chunk graph of all entries.
 */
function specificSize(chunks, entry, besides) {
  const byFile = new Map(chunks.map((chunk) => [chunk.file, chunk]));
  const reach = (start) => {
    const seen = new Set();
    const visit = (chunk) => {
      if (!chunk || seen.has(chunk)) return;
      seen.add(chunk);
      for (const file of importsInLoadOrder(chunk)) visit(byFile.get(file));
    };
    visit(start);
    return seen;
  };
  const shared = new Set(besides.flatMap((other) => [...reach(chunks.find((chunk) => chunk.entry === other))]));
  const own = [...reach(chunks.find((chunk) => chunk.entry === entry))].filter((chunk) => !shared.has(chunk));
  return gzip(own.map((chunk) => chunk.code).join('\n'));
}

async function entryChunksVite(entries) {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: true,
      modulePreload: false,
      rollupOptions: { input: Object.fromEntries(entries.map((entry, i) => [`entry${i}`, entry])) },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) => r.output);
  return outputs
    .filter((o) => o.type === 'chunk')
    .map((o) => ({
      file: o.fileName,
      code: o.code,
      imports: o.imports,
      entry: o.isEntry ? entries[Number(o.name.replace('entry', ''))] : undefined,
    }));
}

async function entryChunksEsbuild(entries) {
  const result = await esbuild.build({
    entryPoints: entries,
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    target: 'es2022',
    outdir: join(tmpdir(), 'xd-size-specific'),
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const code = new Map(result.outputFiles.map((file) => [file.path, file.text]));
  return Object.entries(result.metafile.outputs)
    .filter(([file]) => file.endsWith('.js'))
    .map(([file, meta]) => ({
      file,
      code: code.get(join(process.cwd(), file)) ?? code.get(file) ?? '',
      imports: meta.imports.filter((i) => i.kind === 'import-statement').map((i) => i.path),
      entry: meta.entryPoint,
    }));
}

let checks = 0;
let failed = 0;
for (const budget of budgets) {
  for (const [bundler, measure] of [
    ['vite', measureVite],
    ['esbuild', measureEsbuild],
  ]) {
    const size = await measure(budget.entry, budget.alsoCounts);
    checks += 1;
    const limit = typeof budget.gzipLimit === 'number' ? budget.gzipLimit : budget.gzipLimit[bundler];
    // A module path naming a forbidden package (`node_modules/pinyin-pro/…`) in any chunk, even a lazy one,
    // and the libraries' dictionary data by content, whatever path brought it in.
    const leaked = (budget.forbidden ?? []).filter((name) =>
      size.modules.some((id) => `/${id.replaceAll('\\', '/')}`.includes(`/node_modules/${name}/`)),
    );
    const ok = size.gzip <= limit && leaked.length === 0 && size.dictionaries.length === 0;
    if (!ok) failed += 1;
    if (leaked.length) console.log(`LEAK ${budget.name} [${bundler}]: bundles ${leaked.join(', ')}`);
    const targetBytes = budget.gzipTarget ?? limit;
    const target = size.gzip <= targetBytes ? 'target met' : `target ${kB(targetBytes)} NOT met`;
    const dictionaries = size.dictionaries.length ? `; CARRIES ${size.dictionaries.join(', ')}` : '; no dictionary';
    console.log(
      `${ok ? 'ok  ' : 'OVER'} ${budget.name} [${bundler}]: ${kB(size.min)} min, ${kB(size.gzip)} min+gzip ` +
        `(limit ${kB(limit)}; ${target}${dictionaries})`,
    );
    if (size.lazy.length) console.log(`     loaded on demand, not counted: ${size.lazy.join(', ')}`);
    if (budget.specific) {
      const { besides, gzipLimit } = budget.specific;
      const chunks = await (bundler === 'vite' ? entryChunksVite : entryChunksEsbuild)([budget.entry, ...besides]);
      const own = specificSize(chunks, budget.entry, besides);
      checks += 1;
      if (own > gzipLimit) failed += 1;
      console.log(
        `${own <= gzipLimit ? 'ok  ' : 'OVER'}   of which only its own (beside ${besides.length} other entries) ` +
          `[${bundler}]: ${kB(own)} min+gzip (limit ${kB(gzipLimit)})`,
      );
    }
  }
}
// The control: the search index's own bundle must show both markers.
{
  const control = await measureEsbuild('packages/model/dist/search/index.js');
  checks += 1;
  const missing = dictionaryMarkers.map(([name]) => name).filter((name) => !control.dictionaries.includes(name));
  if (missing.length) failed += 1;
  console.log(
    missing.length
      ? `FAIL dictionary markers not found in the search index's own bundle: ${missing.join(', ')}`
      : "ok   dictionary markers found in the search index's own bundle (pinyin-pro, opencc-js)",
  );
}

const jsonAt = process.argv.indexOf('--json');
if (jsonAt !== -1 && process.argv[jsonAt + 1]) {
  const file = process.argv[jsonAt + 1];
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ passed: checks - failed, failed }));
}
process.exit(failed ? 1 : 0);
