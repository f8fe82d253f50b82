/**
 * A file cica-sim could not write: a full disk, a read-only filesystem, a directory it may not
 * write to. Not a bug and not bad input in a file, so the CLI says what and where, without a
 * stack trace, and exits 1; what was written before stays whole (every write is atomic).
 */
export class OutputError extends Error {
  readonly path: string;
  readonly code: string | undefined;

  constructor(path: string, cause: unknown) {
    const code = (cause as NodeJS.ErrnoException)?.code;
    super(`cannot write ${path}: ${describeWriteFailure(cause)}`);
    this.name = 'OutputError';
    this.path = path;
    this.code = code;
  }
}

export function describeWriteFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const reasons: Record<string, string> = {
    ENOSPC: 'the disk is full',
    EDQUOT: 'the disk quota is used up',
    EACCES: 'permission denied',
    EPERM: 'permission denied',
    EROFS: 'the filesystem is read-only',
    ENOTDIR: 'a part of the path is a file, not a directory',
    EISDIR: 'it is a directory',
    ENAMETOOLONG: 'the name is too long',
    EMFILE: 'too many files are open',
  };
  return (code && reasons[code]) ?? (error instanceof Error ? error.message : String(error));
}

/**
 * An output table that does not hold what was planned (a run missing or written twice): never a
 * silent success. The CLI names the file and exits 1; the directory is left unfinished.
 */
export class InconsistentOutputError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path} ${problem}`);
    this.name = 'InconsistentOutputError';
  }
}
