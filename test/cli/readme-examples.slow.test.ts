import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoFile } from '../helpers.js';

/** Every `npx cica-sim ...` line in the sh blocks of the README and the guide, continuation lines joined. */
function readmeCommands(): string[][] {
  const readme = ['README.md', 'docs/GUIDE.md']
    .map((file) => readFileSync(repoFile(file), 'utf8'))
    .join('\n');
  const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1].replace(/\\\n\s*/g, ''));
  return blocks
    .flatMap((block) => block.split('\n'))
    .map((line) => line.replace(/#.*$/, '').trim())
    .filter((line) => line.startsWith('npx cica-sim '))
    .map((line) => line.slice('npx cica-sim '.length).split(/\s+/));
}

/**
 * Output the docs quote: a ```text block right after a ```sh block (a blank line between at most)
 * quotes what the sh block's last command prints. Each quoted line but "…" must appear in that
 * output, in order.
 */
function quotedOutputs(): { command: string[]; lines: string[] }[] {
  const text = ['README.md', 'docs/GUIDE.md'].map((file) => readFileSync(repoFile(file), 'utf8')).join('\n');
  return [...text.matchAll(/```sh\n([\s\S]*?)```\n\n?```text\n([\s\S]*?)```/g)].map((m) => {
    const commands = m[1]
      .split('\n')
      .map((line) => line.replace(/#.*$/, '').trim())
      .filter((line) => line.startsWith('npx cica-sim '));
    return {
      command: (commands.at(-1) as string).slice('npx cica-sim '.length).split(/\s+/),
      lines: m[2].split('\n').filter((line) => line.trim() !== '' && line.trim() !== '…'),
    };
  });
}

const out = mkdtempSync(join(tmpdir(), 'cica-readme-'));
const commands = readmeCommands();
const printed = new Map<string, string>();

describe('the examples in the README and docs/GUIDE.md run', () => {
  it('has examples to run', () => {
    expect(commands.length).toBeGreaterThanOrEqual(16);
  });

  it.each(commands.map((args) => [args.join(' '), args]))('cica-sim %s', (_line, args) => {
    // Results go to a temporary directory rather than the checkout's output/.
    // Later commands' reads of those results (explain output/seed7/trace.jsonl) follow them.
    const redirected = (args as string[]).map((arg, i, all) =>
      all[i - 1] === '--out' || arg.startsWith('output/') ? join(out, arg) : arg,
    );
    const result = spawnSync(process.execPath, [repoFile('dist/cli/main.js'), ...redirected], {
      encoding: 'utf8',
      cwd: repoFile('.'),
    });
    printed.set((args as string[]).join(' '), result.stdout);
    // Progress lines ("12 of 90 runs (13.3%), ...") are expected on stderr; nothing else is.
    const unexpected = result.stderr
      .split('\n')
      .filter((line) => line !== '' && !/^\d+ of \d+ runs \(/.test(line));
    expect(unexpected).toEqual([]);
    expect(result.status).toBe(0);
  });

  it('quote what the commands print (each quoted line, in order)', () => {
    const quotes = quotedOutputs();
    expect(quotes.length).toBeGreaterThan(0);
    for (const { command, lines } of quotes) {
      const output = printed.get(command.join(' '));
      expect(output, `the quoted command ${command.join(' ')} ran above`).toBeDefined();
      let from = 0;
      for (const line of lines) {
        const at = (output as string).indexOf(line, from);
        expect(at, `"${line}" in the output of cica-sim ${command.join(' ')}`).toBeGreaterThanOrEqual(0);
        from = at + line.length;
      }
    }
  });
});
