import type { Outcome } from './outcome.mjs';

export function summarize(outcomes: Array<[string, Outcome]>): { lines: string[]; passed: number; failed: number };
