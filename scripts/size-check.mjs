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
    // Lion's 20 kB per entry (2026-12-01: Vite 19.90 kB, esbuild 20.00 kB, once the validators became
    // descriptions walked by the client's small checks instead of Ajv-compiled code).
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
    name: 'whole kit (every element, what loads before the first render)',
    entry: 'packages/elements/dist/define.js',
    alsoCounts: shopModules,
    gzipLimit: 35 * 1024,
  },
];

const kB = (bytes) => `${(bytes / 1024).toFixed(2)} kB`;
const gzip = (code) => gzipSync(code, { level: 9 }).length;

/** A chunk graph, whichever bundler made it: file → {name, code, imports (static only), isEntry}. */
function sizeOf(chunks, alsoCounts) {
  const byFile = new Map(chunks.map((chunk) => [chunk.file, chunk]));
  const initial = new Set();
  const visit = (chunk) => {
    if (!chunk || initial.has(chunk)) return;
    initial.add(chunk);
    for (const file of chunk.imports) visit(byFile.get(file));
  };
  visit(chunks.find((chunk) => chunk.isEntry));
  for (const chunk of chunks) if (alsoCounts.includes(chunk.name)) visit(chunk);
  const code = [...initial].map((chunk) => chunk.code).join('\n');
  const lazy = chunks.filter((chunk) => !initial.has(chunk));
  return {
    min: Buffer.byteLength(code),
    gzip: gzip(code),
    lazy: lazy.map((chunk) => `${chunk.name} ${kB(gzip(chunk.code))}`),
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
    .map((o) => ({ file: o.fileName, name: o.name, code: o.code, imports: o.imports, isEntry: o.isEntry }));
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
      }));
    return sizeOf(chunks, alsoCounts);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
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
    const limit = budget.gzipLimit;
    const ok = size.gzip <= limit;
    if (!ok) failed += 1;
    console.log(
      `${ok ? 'ok  ' : 'OVER'} ${budget.name} [${bundler}]: ${kB(size.min)} min, ${kB(size.gzip)} min+gzip ` +
        `(limit ${kB(limit)})`,
    );
    if (size.lazy.length) console.log(`     loaded on demand, not counted: ${size.lazy.join(', ')}`);
  }
}
const jsonAt = process.argv.indexOf('--json');
if (jsonAt !== -1 && process.argv[jsonAt + 1]) {
  const file = process.argv[jsonAt + 1];
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ passed: checks - failed, failed }));
}
process.exit(failed ? 1 : 0);
