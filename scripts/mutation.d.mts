// Types of scripts/mutation.mjs for the tests that import it (test/runner/mutation-script.test.ts).
export { packageNames } from './mutation-packages.mjs';

/** The parts of a mutation-testing-report-schema JSON report that the score reads. */
export interface MutationReport {
  files?: Record<string, { mutants?: { status: string }[]; source?: string }>;
  testFiles?: Record<string, { source?: string }>;
}

export interface MutationScore {
  killed: number;
  timeout: number;
  survived: number;
  noCoverage: number;
  /** Compile and runtime errors and ignored mutants: not counted, as Stryker does. */
  invalid: number;
  files: string[];
  /** Percent detected of valid mutants; NaN when none is valid. */
  score: number;
}

export function scoreOf(report: MutationReport): MutationScore;

/** Whether `file`'s results are in the report and were measured against the code and tests of `key`. */
export function isMeasured(
  report: MutationReport | undefined,
  file: string,
  key: string,
  measuredKeys: Record<string, string> | undefined,
): boolean;

/** The report with the survivors and uncovered mutants of `files` taken out, to be tested again. */
export function withoutUndetected(report: MutationReport, files: readonly string[]): MutationReport;

/** The files a run's `--mutate` names whole (no line range, no glob), or all of `packageFiles` without one. */
export function wholeFilesOf(strykerArgs: readonly string[], packageFiles: readonly string[]): string[];

/** Files never measured first, then files measured against older code or tests; each group smallest first. */
export function measureOrder(
  files: readonly string[],
  report: MutationReport | undefined,
  sizeOf: (file: string) => number,
): string[];

/** `file:start-end` line ranges (as `start-end`) of about `linesPerRun` lines, cut on blank lines. */
export function lineRangesOf(source: string, linesPerRun: number): string[];

/** What measuring `file` in parts depends on: its source and every test file's source. */
export function partsKey(
  file: string,
  readSource: (file: string) => string | undefined,
  testFiles: readonly string[],
): string;

/** The line ranges of `file` still to measure for `key`, then `'whole'`. */
export function partsLeft(
  progress: Record<string, { key: string; done: string[] }> | undefined,
  file: string,
  key: string,
  ranges: readonly string[],
): string[];

/** The parts measured so far, by file; `{}` (with a warning) when the file is missing or unreadable. */
export function readPartsProgress(file: string): Record<string, { key: string; done: string[] }>;

/** The file a package's score is read from: its committed incremental results, else the last report. */
export function resultsFileOf(name: string, exists?: (file: string) => boolean): string | undefined;

/** Each file's score in a report, weakest first; files without a counted mutant last. */
export function fileScoresOf(report: MutationReport): Array<MutationScore & { file: string }>;
