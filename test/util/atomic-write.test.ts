import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/util/atomic-write.js';
import { OutputError } from '../../src/util/output-error.js';

const dir = mkdtempSync(join(tmpdir(), 'cica-atomic-'));

describe('writeFileAtomic', () => {
  it('writes the whole file, creating its folders, and leaves no temporary file', () => {
    const path = join(dir, 'a', 'b', 'table.csv');
    writeFileAtomic(path, 'x,y\n1,2\n');
    writeFileAtomic(path, 'x,y\n3,4\n');
    expect(readFileSync(path, 'utf8')).toBe('x,y\n3,4\n');
    expect(readdirSync(join(dir, 'a', 'b'))).toEqual(['table.csv']);
  });

  it('a failed write is an OutputError naming the file, and the old content stays', () => {
    const blocker = join(dir, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const path = join(blocker, 'table.csv');
    expect(() => writeFileAtomic(path, 'x')).toThrow(OutputError);
    expect(() => writeFileAtomic(path, 'x')).toThrow(/a-file/);
    expect(readFileSync(blocker, 'utf8')).toBe('not a folder');
    // (A full disk, where the old file stays whole, is tested in reliability/faults.slow.test.ts.)
  });
});
