import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const launcher = new URL('../../../delms', import.meta.url).pathname;

/** Stops one component of the running system with the launcher (by its own pid). */
export async function stopComponent(name: string): Promise<void> {
  await run(launcher, ['stop', name], { timeout: 120_000 });
}

/** Starts it again and waits until it is healthy. */
export async function startComponent(name: string): Promise<void> {
  await run(launcher, ['start', name], { timeout: 300_000 });
}
