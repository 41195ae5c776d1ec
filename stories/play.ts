// What the play functions share. They run in Storybook's Interactions panel and in the storybook end-to-end
// test (test/e2e/storybook.test.ts), which may run on a busy machine: waiting for a state to arrive gets
// generous time (it ends as soon as the state is there), never a fixed pause.
import { waitFor } from 'storybook/test';

/** Retries `check` until it passes (up to 60 s): what the element does next, on a machine of any speed. */
export const eventually = <T>(check: () => T | Promise<T>): Promise<T> => waitFor(check, { timeout: 60_000 });
