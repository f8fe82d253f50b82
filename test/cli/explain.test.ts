import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli, repoFile } from '../helpers.js';

const builtin = repoFile('scenarios/asia-2025.yaml');
const dir = mkdtempSync(join(tmpdir(), 'cica-cli-'));

/** A stack trace shows as lines starting with "at " after an error; users must never see one. */
const STACK = /^\s+at .+\(.*:\d+:\d+\)$/m;

describe('cica-sim run --trace and cica-sim explain', () => {
  const out = join(dir, 'traced');
  const run = cli('run', builtin, '--seed', '1', '--out', out, '--trace');

  it('writes a JSON line per proposal, implementation, shock, application and reform', () => {
    expect(run.code).toBe(0);
    const records = readFileSync(join(out, 'trace.jsonl'), 'utf8')
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    const types = new Set(records.map((r) => r.type));
    expect([...types]).toEqual(
      expect.arrayContaining(['application', 'implementation', 'proposal', 'reform', 'shock']),
    );
    for (const type of types)
      expect(['application', 'implementation', 'proposal', 'reform', 'shock', 'partnership']).toContain(type);
    const proposal = records.find((r) => r.type === 'proposal');
    expect(Object.keys(proposal)).toEqual(
      expect.arrayContaining([
        'step',
        'year',
        'org',
        'cbm',
        'proposer',
        'chair',
        'amendments',
        'rule',
        'votes',
        'passed',
        'pivotal',
        'vetoes',
      ]),
    );
  });

  it('explain prints the trace readably, filtered by organisation, year, step and type', () => {
    const result = cli('explain', join(out, 'trace.jsonl'), '--org', 'CICA', '--year', '2027');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^2027 step 9 · CICA · [A-Z]{2}\d /m);
    // Azerbaijan chairs 2025–2026 (its 2024–2026 term), then Bahrain, next in the rotation.
    expect(result.stdout).toMatch(/proposed by [A-Z]{3}, chair BHR; rule: consensus/);
    expect(result.stdout).toMatch(/· CICA · [A-Z]{2}\d (\(in force\) )?implemented by \d+ of \d+/);
    expect(result.stdout).toMatch(/votes: \d+ yes, \d+ abstain.*, \d+ no.* → (adopted|failed)/);
    expect(result.stdout).not.toMatch(/· SCO ·|· ASEAN ·|^2028/m);
    const reforms = cli('explain', join(out, 'trace.jsonl'), '--type', 'reform', '--org', 'CICA');
    expect(reforms.stdout).toMatch(/reform to Fund: .* → (adopted|failed)/);
    expect(cli('explain', join(out, 'trace.jsonl'), '--year', '1999').stdout).toBe(
      'nothing in the trace matches\n',
    );
  });

  it('bad use exits 2: --trace without --out, a file that is not a trace', () => {
    const noOut = cli('run', builtin, '--trace');
    expect(noOut.code).toBe(2);
    expect(noOut.stderr).toMatch(/expected --out DIR as well/);
    const notTrace = cli('explain', builtin);
    expect(notTrace.code).toBe(2);
    expect(notTrace.stderr).toMatch(/asia-2025\.yaml:1:1: expected a trace record/);
    expect(notTrace.stderr).not.toMatch(STACK);
  });
});
