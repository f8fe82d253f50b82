import { EXIT_INTERRUPTED } from './exit-codes.js';

/**
 * Ctrl-C (SIGINT) and SIGTERM for the commands that run on the worker pool: the first asks to
 * stop after the runs under way (`requested()` turns true, the runner checkpoints and returns);
 * a second stops at once. That is safe because every file is written atomically and runs.csv is
 * cut back to the checkpoint on --resume. `release()` removes the handlers.
 */
export function listenForStop(quiet: boolean): { requested: () => boolean; release: () => void } {
  let requested = false;
  const request = () => {
    if (requested) process.exit(EXIT_INTERRUPTED);
    requested = true;
    if (!quiet) process.stderr.write('\nstopping after the runs under way (Ctrl-C again to stop at once)\n');
  };
  process.on('SIGINT', request);
  process.on('SIGTERM', request);
  return {
    requested: () => requested,
    release: () => {
      process.off('SIGINT', request);
      process.off('SIGTERM', request);
    },
  };
}
