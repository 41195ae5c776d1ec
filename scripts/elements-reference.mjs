// The elements' API reference, written from the custom-elements manifest (what `npm run docs` adds beside
// TypeDoc's reference of the client and the model): api-reference/elements.md, one section per element with
// its attributes and properties (types as their unions), events, slots, parts, CSS properties and states.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const manifest = JSON.parse(readFileSync('packages/elements/custom-elements.json', 'utf8'));
const elements = manifest.modules
  .flatMap((mod) => mod.declarations ?? [])
  .filter((declaration) => declaration.customElement && declaration.tagName)
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

/** Table cells are Markdown: a `|` inside a type or description would end the cell. */
const cell = (text = '') => String(text).replace(/\|/g, '\\|').replace(/\n+/g, ' ');
const code = (text) => (text ? `\`${cell(text)}\`` : '');

function table(title, headers, rows) {
  if (rows.length === 0) return '';
  return [
    `### ${title}`,
    '',
    `| ${headers.join(' | ')} |`,
    `| ${headers.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
    '',
  ].join('\n');
}

const sections = elements.map((element) => {
  const publicFields = (element.members ?? []).filter(
    (member) => member.kind === 'field' && !member.static && (member.privacy ?? 'public') === 'public',
  );
  return [
    `## \`<${element.tagName}>\` (${element.name})`,
    '',
    cell(element.summary ?? element.description ?? ''),
    '',
    table(
      'Attributes',
      ['attribute', 'property', 'type', 'description'],
      (element.attributes ?? []).map((a) => [code(a.name), code(a.fieldName), code(a.type?.text), cell(a.description)]),
    ),
    table(
      'Properties',
      ['property', 'type', 'description'],
      publicFields.map((m) => [code(m.name), code(m.type?.text), cell(m.description)]),
    ),
    table(
      'Events',
      ['event', 'type', 'description'],
      (element.events ?? []).map((e) => [code(e.name), code(e.type?.text), cell(e.description)]),
    ),
    table(
      'Slots',
      ['slot', 'description'],
      (element.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', cell(s.description)]),
    ),
    table(
      'CSS parts',
      ['part', 'description'],
      (element.cssParts ?? []).map((p) => [code(p.name), cell(p.description)]),
    ),
    table(
      'CSS custom properties',
      ['property', 'description'],
      (element.cssProperties ?? []).map((p) => [code(p.name), cell(p.description)]),
    ),
    table(
      'Custom states',
      ['state', 'description'],
      (element.cssStates ?? []).map((s) => [code(`:state(${s.name})`), cell(s.description)]),
    ),
  ].join('\n');
});

mkdirSync('api-reference', { recursive: true });
writeFileSync(
  'api-reference/elements.md',
  `# @xiaodian/elements reference\n\nGenerated from custom-elements.json by \`npm run docs\`.\n\n${sections.join('\n')}`,
);
console.log(`elements-reference: ${elements.length} elements → api-reference/elements.md`);
