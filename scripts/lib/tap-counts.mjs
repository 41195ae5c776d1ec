// Reads what a node:test run reported from its TAP output: the totals node:test prints at the end, the
// files that timed out as a whole, and whether `only` was used (which node:test reports as a diagnostic
// and otherwise ignores, so a committed `it.only` would pass unnoticed).

/** Node's diagnostic when a test asks for `only` without `--test-only` (Node 20 and 22 word it so). */
const onlyDiagnostic = /^\s*# 'only' and 'runOnly' require the --test-only command-line option/m;

/**
 * @param {string} text TAP written by node:test's `tap` reporter
 * @returns {{ complete: boolean, tests: number, passed: number, failed: number, cancelled: number,
 *   skipped: number, todo: number, usesOnly: boolean, timedOutFiles: string[], emptyFiles: string[] }}
 */
export function readTap(text) {
  const total = (key) => {
    const match = new RegExp(`^# ${key} (\\d+)$`, 'm').exec(text);
    return match ? Number(match[1]) : undefined;
  };
  // A file whose test run passed `--test-timeout` is reported as one cancelled top-level test named after
  // the file, with failureType testTimeoutFailure; its own tests are never reported.
  const timedOutFiles = [];
  const topLevelFailure = /^not ok \d+ - (.+)\n {2}---\n([\s\S]*?)\n {2}\.\.\./gm;
  for (const [, name, yaml] of text.matchAll(topLevelFailure)) {
    if (/^ {2}failureType: 'testTimeoutFailure'$/m.test(yaml) && /\.(ts|mts|js|mjs)$/.test(name)) {
      timedOutFiles.push(name);
    }
  }
  // A file with no tests at all is reported as one passing test named after the file.
  const emptyFiles = [...text.matchAll(/^ok \d+ - (\/.+\.(?:ts|mts|js|mjs))$/gm)].map((match) => match[1]);
  return {
    emptyFiles,
    complete: total('tests') !== undefined,
    tests: total('tests') ?? 0,
    passed: total('pass') ?? 0,
    failed: total('fail') ?? 0,
    cancelled: total('cancelled') ?? 0,
    skipped: total('skipped') ?? 0,
    todo: total('todo') ?? 0,
    usesOnly: onlyDiagnostic.test(text),
    timedOutFiles,
  };
}
