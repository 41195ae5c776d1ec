export interface Outcome {
  passed: number;
  failed: number;
  skipped: number;
  todo: number;
  notRun: number;
  problems: string[];
  checked?: string;
  precondition?: boolean;
  ok: boolean;
}
export function emptyOutcome(): Outcome;
export function withProblem(outcome: Outcome, problem: string): Outcome;
export function addOutcomes(a: Outcome, b: Outcome): Outcome;
