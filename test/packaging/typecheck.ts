import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Runs a type checker (`bin` under the repository) on a project; resolves to its diagnostics, '' when clean. */
export async function typecheck(bin: string, project: string): Promise<string> {
  try {
    await promisify(execFile)(process.execPath, [join(root, bin), '-p', project, '--noEmit'], { cwd: root });
    return '';
  } catch (error) {
    return String((error as { stdout?: string }).stdout || error);
  }
}
