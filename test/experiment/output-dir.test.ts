import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { claimDirectory } from '../../src/experiment/output-dir.js';
import type { Manifest } from '../../src/tables/manifest.js';

const dir = mkdtempSync(join(tmpdir(), 'cica-claim-'));

/** A directory holding an experiment's manifest: its name, hash and shard are what a claim reads. */
function experimentDir(name: string, hash: string, shard: Manifest['jobs']['shard'] = null): string {
  const out = join(dir, name);
  mkdirSync(out);
  writeFileSync(
    join(out, 'manifest.json'),
    JSON.stringify({ experiment: { name, hash }, jobs: { shard }, status: 'interrupted' }),
  );
  return out;
}

describe('claimDirectory', () => {
  it('creates a new directory and takes an empty one', () => {
    expect(claimDirectory(join(dir, 'new', 'deeper'), 'sha256:a', null, false)).toBeNull();
    expect(existsSync(join(dir, 'new', 'deeper'))).toBe(true);
    mkdirSync(join(dir, 'empty'));
    expect(claimDirectory(join(dir, 'empty'), 'sha256:a', null, false)).toBeNull();
  });

  it('never mixes into a directory of other files, nor into another experiment', () => {
    mkdirSync(join(dir, 'notes'));
    writeFileSync(join(dir, 'notes', 'mine.txt'), 'mine');
    expect(() => claimDirectory(join(dir, 'notes'), 'sha256:a', null, false)).toThrow(/found 1 other files/);
    expect(() => claimDirectory(join(dir, 'notes'), 'sha256:a', null, false, true)).toThrow(
      /found 1 other files/,
    );
    expect(existsSync(join(dir, 'notes', 'mine.txt'))).toBe(true);
    const other = experimentDir('other', 'sha256:b');
    expect(() => claimDirectory(other, 'sha256:a', null, false)).toThrow(
      /add --resume to continue it, --force to replace it/,
    );
    expect(() => claimDirectory(other, 'sha256:a', null, true)).toThrow(/--resume needs the same experiment/);
  });

  it('resumes the same experiment and shard; --force replaces an experiment directory', () => {
    const same = experimentDir('same', 'sha256:a', { index: 2, count: 3, start: 8, end: 16 });
    expect(
      claimDirectory(same, 'sha256:a', { index: 2, count: 3, start: 8, end: 16 }, true)?.experiment.name,
    ).toBe('same');
    expect(() => claimDirectory(same, 'sha256:a', { index: 1, count: 3, start: 0, end: 8 }, true)).toThrow(
      /the same experiment and shard/,
    );
    expect(claimDirectory(same, 'sha256:z', null, false, true)).toBeNull();
    expect(existsSync(join(same, 'manifest.json'))).toBe(false);
  });
});
