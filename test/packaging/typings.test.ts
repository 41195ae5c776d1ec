// The typings @xiaodian/elements ships, checked the way an app's compiler sees them: each fixture in
// typings/ is compiled alone (global declarations reached from one file must not be lent by another), with
// skipLibCheck off so the generated declaration files are checked too. `@ts-expect-error` lines in the
// fixtures prove the types are narrow (a union, not `string` or `any`).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const fixtures = fileURLToPath(new URL('./typings/', import.meta.url));
const config = ts.getParsedCommandLineOfConfigFile(
  `${fixtures}tsconfig.json`,
  {},
  {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (diagnostic) =>
      assert.fail(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')),
  },
)!;

// One compiler host for every fixture, caching parsed files: each program still sees only its fixture and
// what it imports, but lib.dom.d.ts and the packages' declarations are parsed once, not once per fixture.
const host = ts.createCompilerHost(config.options);
const parsed = new Map<string, ts.SourceFile | undefined>();
const getSourceFile = host.getSourceFile.bind(host);
host.getSourceFile = (fileName, languageVersion, ...rest) => {
  if (!parsed.has(fileName)) parsed.set(fileName, getSourceFile(fileName, languageVersion, ...rest));
  return parsed.get(fileName);
};

/** Compiles one fixture on its own; returns tsc's diagnostics ('' when it type-checks). */
function compileAlone(fixture: string): string {
  const program = ts.createProgram({ rootNames: [`${fixtures}${fixture}`], options: config.options, host });
  return ts.formatDiagnostics(ts.getPreEmitDiagnostics(program), {
    getCanonicalFileName: (name) => name,
    getCurrentDirectory: () => fixtures,
    getNewLine: () => '\n',
  });
}

describe('the typings @xiaodian/elements ships', () => {
  it('one define module alone types its tag, its union properties and the xd-* events', () => {
    assert.equal(compileAlone('define-module.ts'), '');
  });

  it('the package root alone types every tag and the xd-* events on any element', () => {
    assert.equal(compileAlone('package-root.ts'), '');
  });

  it('@xiaodian/elements/react types the elements in React 19 JSX: attributes as unions, onxd-* events', () => {
    assert.equal(compileAlone('react.tsx'), '');
  });
});
