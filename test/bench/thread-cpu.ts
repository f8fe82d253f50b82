import { readFileSync } from 'node:fs';

/**
 * The main thread's CPU time so far, in milliseconds: Linux's scheduler statistics of this thread
 * (`/proc/self/task/<pid>/schedstat`, nanoseconds on a CPU). Node 20 has no per-thread CPU clock
 * (process.cpuUsage counts the workers and V8's helper threads too). Elsewhere this is null, and
 * callers fall back to a clock on the wall, which also counts time the thread waited for a core:
 * for other threads of the process, or, on a shared virtual machine, for the host.
 */
export function mainThreadCpuMs(): number | null {
  try {
    const [onCpu] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').split(' ');
    const nanoseconds = Number(onCpu);
    return Number.isFinite(nanoseconds) ? nanoseconds / 1e6 : null;
  } catch {
    return null;
  }
}
