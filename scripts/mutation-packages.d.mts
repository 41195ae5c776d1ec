// Types of scripts/mutation-packages.mjs for the tests that import it (test/runner/mutation-script.test.ts).
export type MutationPackageName = 'model' | 'client' | 'gateway';

export const mutationPackages: Record<
  MutationPackageName,
  { testDir: string; skipTests: readonly string[]; skipMutate: readonly string[] }
>;
export const packageNames: MutationPackageName[];
export function mutatedFiles(name: MutationPackageName): string[];
export function mutationTestFiles(name: MutationPackageName): string[];
