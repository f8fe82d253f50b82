/**
 * The exit codes of every `cica-sim` command: 0 success, 1 a failed run (runs that threw, listed
 * in failures.csv; or a bug in cica-sim, which the message says), 2 bad input or usage (the
 * message says what and where; never a stack trace), 130 stopped by Ctrl-C (continue with --resume).
 */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_BAD_INPUT = 2;
export const EXIT_INTERRUPTED = 130;
