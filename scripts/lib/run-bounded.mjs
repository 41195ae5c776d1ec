// Runs one suite's process with a wall-clock limit. The process gets its own process group, so when the
// limit passes the whole tree goes (test files, the browsers and servers they started), not only the
// direct child: a hang in any of them must end as a counted failure, never as a run that does not end.
import { spawn } from 'node:child_process';

/**
 * @param {string} command
 * @param {string[]} args
 * @param {{ timeoutMs: number, cwd?: string, env?: NodeJS.ProcessEnv, quiet?: boolean, graceMs?: number }} options
 * @returns {Promise<{ code: number | null, signal: NodeJS.Signals | null, timedOut: boolean, elapsedMs: number }>}
 */
export function runBounded(command, args, { timeoutMs, cwd, env = process.env, quiet = false, graceMs = 2000 }) {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, detached: true, stdio: quiet ? 'ignore' : 'inherit' });
    let timedOut = false;
    let forceKill;
    const killGroup = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // The group is already gone.
      }
    };
    const limit = setTimeout(() => {
      timedOut = true;
      killGroup('SIGTERM');
      // A process that ignores SIGTERM (a busy loop in a test, a stuck browser) is killed outright.
      forceKill = setTimeout(() => killGroup('SIGKILL'), graceMs);
    }, timeoutMs);
    // Ctrl-C reaches only the terminal's process group, not this detached one: end the suite's tree too,
    // then stop as Ctrl-C would have (a SIGINT listener otherwise keeps the runner alive).
    const onInterrupt = () => {
      killGroup('SIGKILL');
      process.exit(130);
    };
    process.once('SIGINT', onInterrupt);
    child.once('error', (error) => {
      clearTimeout(limit);
      process.off('SIGINT', onInterrupt);
      reject(error);
    });
    child.once('exit', (code, signal) => {
      clearTimeout(limit);
      clearTimeout(forceKill);
      process.off('SIGINT', onInterrupt);
      // Whatever the suite left behind in its group (a server a test forgot to close) goes with it.
      killGroup('SIGKILL');
      resolve({ code, signal, timedOut, elapsedMs: Date.now() - started });
    });
  });
}
