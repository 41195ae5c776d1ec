import type { Outcome } from './outcome.mjs';

export interface FileCounts {
  passed: number;
  failed: number;
  skipped: number;
  notRun: number;
  declared: number | null;
}
export function runBrowserSuite(options: {
  configFile: string;
  resultsFile: string;
  suiteTimeoutMs: number;
  cwd?: string;
  quiet?: boolean;
  env?: NodeJS.ProcessEnv;
}): Promise<Outcome & { files?: Record<string, FileCounts> }>;
