// Minifies the CSS of Lit's css`…` literals in the built elements (packages/elements/dist), with
// Lightning CSS. Lit keeps a component's styles as a template string, which no app bundler minifies, so
// without this every page would download our indentation and comments. Runs in `npm run build:packages`
// after tsc; sources stay readable. Literals with `${…}` interpolations are left alone.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transform } from 'lightningcss';

const dist = 'packages/elements/dist';
let before = 0;
let after = 0;
for (const name of readdirSync(dist, { recursive: true })) {
  const file = join(dist, String(name));
  if (!file.endsWith('.js')) continue;
  const source = readFileSync(file, 'utf8');
  const output = source.replace(/(?<=[\s(=,[])css ?`([^`$\\]*)`/g, (_, text) => {
    // Lightning CSS reads a stylesheet; `:host` rules are ordinary rules to it.
    const { code } = transform({ filename: file, code: Buffer.from(text), minify: true });
    const minified = code.toString();
    if (minified.includes('`') || minified.includes('${'))
      throw new Error(`${file}: minified CSS is not a safe template`);
    before += text.length;
    after += minified.length;
    return `css\`${minified}\``;
  });
  if (output !== source) writeFileSync(file, output);
}
console.log(`minify-css-literals: ${before} → ${after} bytes of component CSS`);
