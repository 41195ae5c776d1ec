// The CDN build of @xiaodian/elements: one self-registering ES module per element and one for the whole kit,
// each a single file with Lit and the client inside, for pages without a bundler. Generated from the
// custom-elements manifest, so an element added later gets its file without editing this script.
//
//   node scripts/build-cdn.mjs           bundles into packages/elements/dist/cdn/ (shipped in the package),
//                                        writes sri.json there and prints each file's SRI hash;
//   node scripts/build-cdn.mjs --site    after `vite build`: copies them to dist/site/cdn/xiaodian-elements@<version>/
//                                        (what `npm start` serves) and adds their integrity to dist/site/cdn.html.
//
// Any files, in any order and together on one page: each registers a tag only when no copy has yet
// (`customElements.get`), so loading product-card.js and the whole kit together defines each tag once. The
// copies share the store's client through the context key every copy uses (`Symbol.for('xiaodian.client')`).
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, posix, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const packageDir = 'packages/elements';
const outDir = join(packageDir, 'dist/cdn');
const { version } = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8'));
export const cdnFolder = `xiaodian-elements@${version}`;
const kitFile = 'xiaodian-elements.js';

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;

function build() {
  const manifest = JSON.parse(readFileSync(join(packageDir, 'custom-elements.json'), 'utf8'));
  const elements = manifest.modules.flatMap((mod) =>
    (mod.declarations ?? [])
      .filter((declaration) => declaration.customElement && declaration.tagName)
      .map((declaration) => ({
        className: declaration.name,
        tag: declaration.tagName,
        // packages/elements/src/product-card/product-card.ts → ../product-card/product-card.js (from dist/cdn)
        module: posix.relative(
          'dist/cdn',
          mod.path.replace(/^packages\/elements\/src\//, 'dist/').replace(/\.ts$/, '.js'),
        ),
        file: `${mod.path.split('/').at(-2)}.js`,
      })),
  );
  if (elements.length === 0) throw new Error('build-cdn: the manifest lists no custom elements');
  // The kit registers in the order of the package's own define.js (the store first, so cards parsed inside
  // it find their provider on upgrade); elements it does not list yet come after.
  const defineOrder = [
    ...readFileSync(join(packageDir, 'dist/define.js'), 'utf8').matchAll(/import '\.\/([\w-]+)\/define\.js'/g),
  ].map(([, folder]) => `${folder}.js`);
  const rank = (element) =>
    defineOrder.includes(element.file) ? defineOrder.indexOf(element.file) : defineOrder.length;
  const ordered = [...elements].sort((a, b) => rank(a) - rank(b));

  const register = (element) =>
    `if (!customElements.get('${element.tag}')) customElements.define('${element.tag}', ${element.className});`;
  const entries = Object.fromEntries([
    ...elements.map((element) => [
      element.file,
      `import { ${element.className} } from '${element.module}';\n${register(element)}\nexport { ${element.className} };\n`,
    ]),
    [
      kitFile,
      `${ordered.map((e) => `import { ${e.className} } from '${e.module}';`).join('\n')}\n` +
        `${ordered.map(register).join('\n')}\nexport * from '../index.js';\n`,
    ],
  ]);

  // The entries are written beside dist/ so their relative imports resolve to the built modules.
  const entryDir = join(packageDir, 'dist/cdn-entries');
  rmSync(outDir, { recursive: true, force: true });
  rmSync(entryDir, { recursive: true, force: true });
  mkdirSync(entryDir, { recursive: true });
  for (const [file, contents] of Object.entries(entries)) writeFileSync(join(entryDir, file), contents);
  const result = esbuild.buildSync({
    entryPoints: Object.keys(entries).map((file) => join(entryDir, file)),
    outdir: outDir,
    entryNames: '[name]',
    // What several entries share (Lit, the client) and what loads on demand (shops, lives) are chunks named
    // by their content: a page that loads two entries downloads Lit once, and zod's runtime, which only
    // parts loaded on demand use, is never in what a card loads first.
    chunkNames: 'chunks/[name]-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    // Lit's production build, as in an app's bundle.
    conditions: ['browser', 'production'],
    legalComments: 'none',
    banner: { js: `/* @xiaodian/elements ${version} — MIT */` },
    write: false,
    metafile: true,
  });
  rmSync(entryDir, { recursive: true, force: true });
  const hashes = {};
  for (const output of result.outputFiles) {
    const file = relative(outDir, output.path).split(sep).join('/');
    mkdirSync(dirname(join(outDir, file)), { recursive: true });
    writeFileSync(join(outDir, file), output.contents);
    hashes[file] = {
      integrity: sri(output.contents),
      bytes: output.contents.length,
      gzip: gzipSync(output.contents, { level: 9 }).length,
    };
  }
  writeFileSync(
    join(outDir, 'sri.json'),
    `${JSON.stringify({ version, folder: cdnFolder, files: hashes }, null, 2)}\n`,
  );
  const entryFiles = Object.keys(entries);
  // What a page downloads before an entry runs: the entry and every chunk it imports statically.
  const outputs = Object.fromEntries(
    Object.entries(result.metafile.outputs).map(([path, output]) => [
      relative(outDir, path).split(sep).join('/'),
      output,
    ]),
  );
  const firstLoad = (file, seen = new Set()) => {
    if (seen.has(file)) return 0;
    seen.add(file);
    const imports = outputs[file]?.imports.filter((i) => i.kind === 'import-statement') ?? [];
    return (
      hashes[file].gzip +
      imports.reduce((sum, i) => sum + firstLoad(relative(outDir, i.path).split(sep).join('/'), seen), 0)
    );
  };
  console.log(`build-cdn: ${entryFiles.length} entry modules in ${outDir}/ (served as /cdn/${cdnFolder}/):`);
  for (const file of entryFiles)
    console.log(
      `  ${file.padEnd(22)} ${(firstLoad(file) / 1024).toFixed(1).padStart(5)} kB gzip on load  integrity="${hashes[file].integrity}"`,
    );
  console.log(
    `  and ${Object.keys(hashes).length - entryFiles.length} content-named chunks/ they import (integrity of each in sri.json)`,
  );
}

function copyToSite(siteDir = 'dist/site') {
  if (!existsSync(join(outDir, 'sri.json'))) throw new Error('build-cdn --site: run `npm run build:packages` first');
  const { files } = JSON.parse(readFileSync(join(outDir, 'sri.json'), 'utf8'));
  const target = join(siteDir, 'cdn', cdnFolder);
  mkdirSync(target, { recursive: true });
  for (const file of Object.keys(files)) {
    mkdirSync(dirname(join(target, file)), { recursive: true });
    cpSync(join(outDir, file), join(target, file));
  }
  // The example page names the files by their versioned path; the build adds the integrity it checks.
  const page = join(siteDir, 'cdn.html');
  if (existsSync(page)) {
    const html = readFileSync(page, 'utf8').replace(
      /<script type="module" src="\/cdn\/([^/"]+)\/([\w.-]+)"([^>]*)>/g,
      (tag, folder, file, rest) => {
        if (folder !== cdnFolder)
          throw new Error(`build-cdn --site: cdn.html loads ${folder}, the build is ${cdnFolder}`);
        if (!files[file]) throw new Error(`build-cdn --site: cdn.html loads ${file}, which the CDN build has not`);
        const attributes = rest.replace(/\s*(integrity|crossorigin)="[^"]*"/g, '');
        return `<script type="module" src="/cdn/${folder}/${file}" integrity="${files[file].integrity}" crossorigin="anonymous"${attributes}>`;
      },
    );
    // An import map's `integrity` lets the browser check the chunks the entries import, too.
    const importMap = JSON.stringify({
      integrity: Object.fromEntries(
        Object.entries(files)
          .filter(([file]) => file.startsWith('chunks/'))
          .map(([file, { integrity }]) => [`/cdn/${cdnFolder}/${file}`, integrity]),
      ),
    });
    const withMap = html.replace(
      /<script type="importmap" data-xiaodian-cdn>[^<]*<\/script>|(<script type="module" src="\/cdn\/)/,
      (found, firstModule) =>
        `<script type="importmap" data-xiaodian-cdn>${importMap}</script>${firstModule ? `\n    ${firstModule}` : ''}`,
    );
    writeFileSync(page, withMap);
  }
  console.log(`build-cdn: copied to ${target}/`);
}

if (process.argv.includes('--site')) copyToSite();
else build();
