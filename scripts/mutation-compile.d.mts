// Types of scripts/mutation-compile.mjs for the test that imports it (test/runner/mutation-compile.test.ts).

/** Throws unless `cwd` (the current directory by default) is inside a Stryker sandbox (`.stryker-tmp`). */
export function assertInSandbox(cwd?: string): void;

/** Each `@xiaodian/*` name and the sandbox path of the `.js` it resolves to, from tsconfig.mutation.json. */
export function packageTargets(tsconfigText: string): Record<string, string>;

/** `code` (esbuild output of `file`) with `@xiaodian/*` and relative `.ts` specifiers pointed at `.js` twins. */
export function rewriteSpecifiers(code: string, file: string, targets: Record<string, string>): string;
