// The typings @xiaodian/elements ships, checked the way an app's compiler sees them: each fixture in
// typings/ is compiled alone (global declarations reached from one file must not be lent by another), with
// skipLibCheck off so the generated declaration files are checked too. `@ts-expect-error` lines in the
// fixtures prove the types are narrow (a union, not `string` or `any`).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const fixtures = fileURLToPath(new URL('./typings/', import.meta.url));
const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'xd-typings-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** Compiles one fixture on its own; resolves to tsc's diagnostics ('' when it type-checks). */
async function compileAlone(fixture: string): Promise<string> {
  const project = join(scratch, `${fixture}.tsconfig.json`);
  writeFileSync(
    project,
    JSON.stringify({ extends: join(fixtures, 'tsconfig.json'), files: [join(fixtures, fixture)] }),
  );
  try {
    await promisify(execFile)(process.execPath, [tsc, '-p', project], { cwd: fixtures });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout || error);
  }
}

describe('the typings @xiaodian/elements ships', { concurrency: true }, () => {
  it('one define module alone types its tag, its union properties and the xd-* events', async () => {
    assert.equal(await compileAlone('define-module.ts'), '');
  });

  it('the package root alone types every tag and the xd-* events on any element', async () => {
    assert.equal(await compileAlone('package-root.ts'), '');
  });

  it('@xiaodian/elements/react types the elements in React 19 JSX: attributes as unions, onxd-* events', async () => {
    assert.equal(await compileAlone('react.tsx'), '');
  });
});
