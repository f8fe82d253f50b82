import { type Command, Option } from 'commander';
import type { TraceRecord, TraceVote } from '../engine/trace.js';
import { InputError } from '../input/errors.js';
import { readInputText } from '../input/read-input.js';
import { integerOption } from './options.js';

interface ExplainOptions {
  org?: string;
  year?: number;
  step?: number;
  type?: TraceRecord['type'];
}

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description(
      "print a run's trace (cica-sim run --trace) readably: who proposed, amended, voted what, and why it passed or failed",
    )
    .argument('<trace>', 'a trace.jsonl written by cica-sim run --trace')
    .option('--org <id>', 'only this organisation (shocks are shown whatever the organisation)')
    .option('--year <year>', 'only this year', integerOption('--year', 0, 10_000))
    .option('--step <n>', 'only this step', integerOption('--step', 1))
    .addOption(
      new Option('--type <type>', 'only this kind of record').choices([
        'proposal',
        'implementation',
        'partnership',
        'shock',
        'application',
        'reform',
        'dated',
      ]),
    )
    .addHelpText(
      'after',
      '\nExample:\n  cica-sim run scenarios/asia-2025.yaml --seed 7 --out output/seed7 --trace\n  cica-sim explain output/seed7/trace.jsonl --org CICA --year 2027',
    )
    .action((file: string, options: ExplainOptions) => {
      process.stdout.write(explain(readTrace(file), options));
    });
}

function readTrace(file: string): TraceRecord[] {
  const text = readInputText(file, file, Number.POSITIVE_INFINITY);
  return text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, k) => {
      try {
        const record = JSON.parse(line) as TraceRecord;
        if (typeof record?.type !== 'string' || typeof record.step !== 'number')
          throw new Error('not a trace record');
        return record;
      } catch {
        throw new InputError([
          {
            location: { file, line: k + 1, column: 1 },
            path: '',
            message: 'expected a trace record (JSON with type and step), found something else',
          },
        ]);
      }
    });
}

export function explain(records: TraceRecord[], options: ExplainOptions): string {
  const shown = records.filter(
    (r) =>
      (options.year === undefined || r.year === options.year) &&
      (options.step === undefined || r.step === options.step) &&
      (options.type === undefined || r.type === options.type) &&
      (options.org === undefined ||
        r.type === 'shock' ||
        (r.type === 'dated' && (r.org === undefined || r.org === options.org)) ||
        r.org === options.org ||
        (r.type === 'partnership' && r.partner === options.org) ||
        (r.type === 'implementation' && r.org.split('+').includes(options.org))),
  );
  if (shown.length === 0) return 'nothing in the trace matches\n';
  return `${shown.map(describe).join('\n')}\n`;
}

function describe(r: TraceRecord): string {
  const when = `${r.year} step ${r.step}`;
  switch (r.type) {
    case 'proposal': {
      const lines = [
        `${when} · ${r.org} · ${r.cbm} ${r.name}${r.kind === 'crisis' ? ' (crisis response)' : ''}`,
      ];
      lines.push(`  proposed by ${r.proposer}, chair ${r.chair}; rule: ${r.rule}`);
      if (r.amendments.length > 0) {
        const first = r.amendments[0];
        lines.push(
          `  amended ${r.amendments.length}×: bindingness ${first.bindingness.toFixed(2)} → ${r.bindingness.toFixed(2)}, cost ${first.cost.toFixed(2)} → ${r.cost.toFixed(2)}; likely objectors: ${r.amendments.map((a) => a.objectors.join(' ') || '–').join(' / ')}`,
        );
      }
      lines.push(`  votes: ${tally(r.votes)} → ${r.passed ? 'adopted' : 'failed'}`);
      if (r.vetoes.length) lines.push(`  vetoed by: ${r.vetoes.join(' ')}`);
      if (r.pivotal.length)
        lines.push(`  pivotal (their vote alone would have changed it): ${r.pivotal.join(' ')}`);
      return lines.join('\n');
    }
    case 'implementation':
      return `${when} · ${r.org} · ${r.cbm}${r.periodic ? ' (in force)' : ''} implemented by ${r.implemented.length} of ${r.implemented.length + r.defected.length}${r.defected.length ? `; not by ${r.defected.join(' ')}` : ''}${r.lapsed ? ' — lapsed' : ''}`;
    case 'shock':
      return `${when} · shock · ${r.kind}${r.parties.length ? ` ${r.parties.join('–')}` : ''}${r.magnitude !== 1 ? ` (magnitude ${r.magnitude})` : ''}`;
    case 'application':
      return `${when} · ${r.org} · application by ${r.state}: ${tally(r.votes)} → ${r.admitted ? 'admitted' : 'rejected'}`;
    case 'reform':
      return `${when} · ${r.org} · reform to ${r.rung}: ${tally(r.votes)} → ${r.passed ? 'adopted' : 'failed'}`;
    case 'partnership':
      return `${when} · ${r.org} · partnership with ${r.partner} → ${r.passed ? 'agreed by both' : 'not agreed'}`;
    case 'dated':
      return `${when} · ${datedLine(r)}`;
  }
}

/** A dated event in words: "SCO · founded", "SCO · IND an observer (may apply)", "RUS–UKR · conflict (0.8)". */
function datedLine(r: Extract<TraceRecord, { type: 'dated' }>): string {
  switch (r.kind) {
    case 'founding':
      return `${r.org} · founded`;
    case 'status':
      return `${r.org} · status of ${r.state} changed${r.mayApply ? ' (may now apply)' : ' (may not apply of its own accord)'}`;
    case 'chair':
      return `${r.org} · chaired by ${r.state}`;
    default:
      return `relation ${r.state}–${r.other} · ${r.relation}${r.relation === 'none' ? '' : ` (${r.intensity})`}`;
  }
}

/** "25 yes, 2 abstain (THA VNM), 1 no (PAK)": the minority sides named. */
function tally(votes: TraceVote[]): string {
  const by = (vote: TraceVote['vote']) => votes.filter((v) => v.vote === vote).map((v) => v.state);
  const yes = by('yes');
  const abstain = by('abstain');
  const no = by('no');
  const named = (ids: string[]) => (ids.length > 0 && ids.length <= 8 ? ` (${ids.join(' ')})` : '');
  return [
    `${yes.length} yes`,
    `${abstain.length} abstain${named(abstain)}`,
    `${no.length} no${named(no)}`,
  ].join(', ');
}
