// What a suite reports to the summary. `passed` and `failed` are the only figures that reach the last line;
// the others explain them: `notRun` tests are counted in `failed` too, `skipped` and `todo` in neither.

/**
 * @typedef {object} Outcome
 * @property {number} passed
 * @property {number} failed
 * @property {number} skipped
 * @property {number} todo
 * @property {number} notRun tests that never ran because their file did not finish (also in `failed`)
 * @property {string[]} problems one line each, for what went wrong beyond ordinary test failures
 * @property {string} [checked] what a suite without tests checked, e.g. "1 tsc project, 210 files linted"
 * @property {boolean} [precondition] a step that gates the run and counts nothing itself (the build)
 * @property {boolean} ok
 */

/** @returns {Outcome} */
export function emptyOutcome() {
  return { passed: 0, failed: 0, skipped: 0, todo: 0, notRun: 0, problems: [], ok: true };
}

/**
 * One failure for a suite that went wrong without reporting a failed test of its own (it crashed, found
 * nothing to run, or was killed), so a broken suite can never add up to "0 failed".
 * @param {Outcome} outcome
 * @param {string} problem
 * @returns {Outcome}
 */
export function withProblem(outcome, problem) {
  return { ...outcome, failed: outcome.failed + 1, problems: [...outcome.problems, problem], ok: false };
}

/**
 * Two runs of one suite as one outcome (the e2e suite runs Storybook's file on its own, with its own limits):
 * counts add up, problems are kept, and it is ok only if both were.
 * @param {Outcome} a
 * @param {Outcome} b
 * @returns {Outcome}
 */
export function addOutcomes(a, b) {
  return {
    passed: a.passed + b.passed,
    failed: a.failed + b.failed,
    skipped: a.skipped + b.skipped,
    todo: a.todo + b.todo,
    notRun: a.notRun + b.notRun,
    problems: [...a.problems, ...b.problems],
    ok: a.ok && b.ok,
  };
}
