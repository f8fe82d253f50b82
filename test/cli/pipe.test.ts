import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, repoFile } from '../helpers.js';

/** `cica-sim ARGS | head -1`: the command's own exit code and stderr, with its output closed early. */
function intoHead(...args: string[]) {
  const command = [process.execPath, repoFile('dist/cli/main.js'), ...args].map((a) => `'${a}'`).join(' ');
  const result = spawnSync(
    'bash',
    ['-c', `${command} 2>stderr.txt | head -1 >/dev/null; echo \${PIPESTATUS[0]}; cat stderr.txt`],
    {
      encoding: 'utf8',
      cwd: mkdtempSync(join(tmpdir(), 'cica-pipe-')),
    },
  );
  const [code, ...stderr] = result.stdout.split('\n');
  return { code: Number(code), stderr: stderr.join('\n').trim() };
}

describe('every command survives its output being closed early (| head -1)', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'cica-pipe-run-')), 'traced');
  cli('run', repoFile('scenarios/asia-2025.yaml'), '--seed', '2', '--out', out, '--trace');

  it.each([
    ['explain', join(out, 'trace.jsonl')],
    ['run', repoFile('scenarios/asia-2025.yaml'), '--format', 'json'],
    ['schema'],
    ['schema', '--parameters'],
    ['power', repoFile('experiments/bodies/eec-1958.yaml')],
    ['validate', repoFile('scenarios/asia-2025.yaml'), repoFile('scenarios/cica-1999.yaml')],
    ['experiment', '--help'],
  ])('cica-sim %s … ends quietly with exit 0', (...args) => {
    const result = intoHead(...args);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  });
});
