// What each published package holds: `npm pack --dry-run` lists the tarball without writing it, and
// `npm publish --dry-run --offline` runs npm's own checks of package.json (the ones it would otherwise
// "auto-correct" at publish time) without a registry or a login.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

interface Packed {
  name: string;
  version: string;
  files: { path: string }[];
}
interface Manifest {
  name: string;
  version: string;
  license?: string;
  main?: string;
  types?: string;
  bin?: Record<string, string>;
  exports?: unknown;
  files?: string[];
  engines?: { node?: string };
  repository?: { type?: string; url?: string; directory?: string };
  publishConfig?: { access?: string };
  dependencies?: Record<string, string>;
}

const workspaces = (JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { workspaces: string[] }).workspaces;
const manifestOf = (dir: string) => JSON.parse(readFileSync(`${root}${dir}/package.json`, 'utf8')) as Manifest;

/** Every file path an `exports` map, `main`, `types` and `bin` point at, without the leading `./`. */
function entryPoints(manifest: Manifest): string[] {
  const targets: string[] = [];
  const walk = (value: unknown) => {
    if (typeof value === 'string') targets.push(value);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(manifest.exports);
  walk(manifest.main);
  walk(manifest.types);
  walk(manifest.bin);
  return [...new Set(targets.map((target) => target.replace(/^\.\//, '')))];
}

/** Files no tarball should carry: sources, source maps, tests, build state. */
const unwanted = [
  /^src\//,
  /\.map$/,
  /\.tsbuildinfo$/,
  /(^|\/)tests?\//,
  /\.test\.[cm]?[jt]s$/,
  /(^|\/)node_modules\//,
];

describe('the published packages', () => {
  let packed: Packed[];

  before(async () => {
    const { stdout } = await run(npm, ['pack', '--dry-run', '--json', '--workspaces'], { cwd: root });
    packed = JSON.parse(stdout) as Packed[];
  });

  it('are every workspace', () => {
    assert.deepEqual(packed.map((p) => p.name).sort(), workspaces.map((dir) => manifestOf(dir).name).sort());
  });

  for (const dir of workspaces) {
    const manifest = manifestOf(dir);
    const contents = () => {
      const found = packed.find((p) => p.name === manifest.name);
      assert.ok(found, `${manifest.name} was packed`);
      return found.files.map((file) => file.path);
    };

    it(`${manifest.name}: holds its README, LICENSE and every entry point its package.json names`, () => {
      const files = contents();
      for (const required of ['README.md', 'LICENSE', 'package.json', ...entryPoints(manifest)])
        assert.ok(files.includes(required), `${manifest.name} tarball lacks ${required}`);
    });

    it(`${manifest.name}: types every module it ships, and carries no sources, maps or tests`, () => {
      const files = contents();
      const modules = files.filter((file) => /^dist\/.*\.js$/.test(file) && !file.startsWith('dist/cdn/'));
      assert.ok(modules.length > 0, 'ships built modules');
      for (const module of modules)
        assert.ok(files.includes(module.replace(/\.js$/, '.d.ts')), `${module} has no declaration file`);
      assert.deepEqual(
        files.filter((file) => unwanted.some((pattern) => pattern.test(file))),
        [],
      );
    });

    it(`${manifest.name}: says where it comes from, what it runs on, and publishes publicly`, () => {
      assert.equal(manifest.license, 'MIT');
      assert.equal(manifest.repository?.type, 'git');
      assert.match(manifest.repository?.url ?? '', /^git\+https:\/\/.+\.git$/);
      assert.equal(manifest.repository?.directory, dir);
      assert.equal(manifest.engines?.node, '>=20.19');
      assert.equal(manifest.publishConfig?.access, 'public');
      assert.ok(manifest.files?.includes('dist'));
      // Sibling packages are released together (changesets' fixed group): each depends on the others' version.
      for (const [name, range] of Object.entries(manifest.dependencies ?? {}))
        if (name.startsWith('@xiaodian/')) assert.equal(range, manifestOf(`packages/${name.slice(10)}`).version);
    });
  }

  it('pass `npm publish --dry-run` with nothing for npm to correct', async () => {
    const { stdout, stderr } = await run(npm, ['publish', '--dry-run', '--offline', '--workspaces'], { cwd: root });
    const warnings = stderr
      .split('\n')
      .filter((line) => /^npm (warn|error)/i.test(line))
      // Offline and logged out by design: the one notice that says so is expected.
      .filter((line) => !/requires you to be logged in/.test(line));
    assert.deepEqual(warnings, []);
    for (const dir of workspaces) {
      const { name, version } = manifestOf(dir);
      assert.match(stdout, new RegExp(`^\\+ ${name}@${version.replace(/\./g, '\\.')}$`, 'm'));
    }
  });
});
