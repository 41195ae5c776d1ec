import type { Outcome } from './outcome.mjs';

export function findTestFiles(dirs: string[], options?: { cwd?: string; suffix?: string }): string[];
export function runNodeSuite(options: {
  name: string;
  files: string[];
  resultsDir: string;
  fileTimeoutMs: number;
  suiteTimeoutMs: number;
  cwd?: string;
  quiet?: boolean;
}): Promise<Outcome>;
