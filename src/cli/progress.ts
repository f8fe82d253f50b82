import cliProgress from 'cli-progress';

export interface Progress {
  update(done: number): void;
  stop(): void;
}

/** Plain lines at most this often when the output is not a terminal (CI logs, files). */
const LINE_INTERVAL_MS = 5000;

/**
 * Progress of an experiment on stderr: a bar with runs done, runs per second and time left on a
 * terminal; a plain line every few seconds otherwise; nothing when quiet.
 */
export function createProgress(total: number, alreadyDone: number, quiet: boolean): Progress {
  if (quiet) return { update: () => {}, stop: () => {} };
  const started = Date.now();
  const rate = (done: number) => (done - alreadyDone) / Math.max((Date.now() - started) / 1000, 1e-3);
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: 'runs {bar} {value}/{total} | {speed} runs/s | {eta_formatted} left',
        stream: process.stderr,
        etaBuffer: 200,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, alreadyDone, { speed: '0' });
    return {
      update: (done) => bar.update(done, { speed: rate(done).toFixed(0) }),
      stop: () => bar.stop(),
    };
  }
  let lastLine = 0;
  const line = (done: number) => {
    const perSecond = rate(done);
    const left = perSecond > 0 ? (total - done) / perSecond : Number.NaN;
    process.stderr.write(
      `${done} of ${total} runs (${((100 * done) / total).toFixed(1)}%), ${perSecond.toFixed(0)} runs/s, ${formatDuration(left)} left\n`,
    );
  };
  return {
    update: (done) => {
      if (Date.now() - lastLine >= LINE_INTERVAL_MS) {
        lastLine = Date.now();
        line(done);
      }
    },
    stop: () => {},
  };
}

export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'unknown time';
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${Math.round(seconds - minutes * 60)} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
