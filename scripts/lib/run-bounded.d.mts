export function runBounded(
  command: string,
  args: string[],
  options: { timeoutMs: number; cwd?: string; env?: NodeJS.ProcessEnv; quiet?: boolean; graceMs?: number },
): Promise<{ code: number | null; signal: NodeJS.Signals | null; timedOut: boolean; elapsedMs: number }>;
