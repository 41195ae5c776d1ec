// The summary `npm test` ends with. CI parses the LAST line, `N passed, N failed`, so it stays exactly that;
// skipped, todo and not-run tests, and what went wrong, are on the lines before it.

/**
 * @param {Array<[string, import('./outcome.mjs').Outcome]>} outcomes in run order
 * @returns {{ lines: string[], passed: number, failed: number }}
 */
export function summarize(outcomes) {
  const total = { passed: 0, failed: 0, skipped: 0, todo: 0, notRun: 0 };
  const suiteLines = [];
  const problems = [];
  for (const [name, outcome] of outcomes) {
    for (const key of Object.keys(total)) total[key] += outcome[key];
    problems.push(...outcome.problems);
    if (outcome.precondition) {
      suiteLines.push(`  ${name.padEnd(8)} ${outcome.ok ? 'ok' : 'FAILED'} (a precondition, not counted as a test)`);
      continue;
    }
    const extra = [
      outcome.skipped && `${outcome.skipped} skipped`,
      outcome.todo && `${outcome.todo} todo`,
      outcome.notRun && `${outcome.notRun} not run (counted as failed)`,
    ].filter(Boolean);
    const checked = outcome.checked ? ` (${outcome.checked})` : '';
    const counts = [`${outcome.passed} passed`, `${outcome.failed} failed`, ...extra].join(', ');
    suiteLines.push(`  ${name.padEnd(8)} ${counts}${checked}`);
  }
  const lines = ['', 'Suites:', ...suiteLines];
  if (problems.length) lines.push('', 'Problems:', ...problems.map((problem) => `  ${problem}`));
  lines.push(
    '',
    `${total.skipped} skipped, ${total.todo} todo, ${total.notRun} not run (not run counts as failed)`,
    `${total.passed} passed, ${total.failed} failed`,
  );
  return { lines, passed: total.passed, failed: total.failed };
}
