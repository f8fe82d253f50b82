import { basename, join } from 'node:path';
import { type Command, Option } from 'commander';
import { InputError } from '../input/errors.js';
import { describeRule } from '../rules/describe.js';
import { analysePower, EXACT_MAX_MEMBERS, exactApplies } from '../rules/power/analyse.js';
import type { PowerIndex, PowerResult } from '../rules/power/indices.js';
import { loadScenario } from '../scenario/load.js';
import { votingBodyFromScenario } from '../scenario/scenario-voting-body.js';
import { loadVotingBody, type VotingBody } from '../scenario/voting-body.js';
import { writeFileAtomic } from '../util/atomic-write.js';
import { requireFileKind } from './file-kind.js';
import { integerOption } from './options.js';
import { formatTable } from './table.js';

interface PowerCommandOptions {
  json?: boolean;
  method?: 'exact' | 'montecarlo';
  samples: number;
  seed: number;
  org?: string;
  kind?: string[];
  compare?: boolean;
  chart?: string;
}

export function registerPower(program: Command): void {
  program
    .command('power')
    .description('voting power of each member under a decision rule: Banzhaf, Shapley–Shubik, Coleman')
    .argument('<files...>', 'voting-body files, or scenarios with --org')
    .option('--json', 'print JSON instead of a table')
    .addOption(
      new Option(
        '--method <method>',
        `exact (the default wherever it applies: integer weights or populations at any size, else up to 30 members, at most ${EXACT_MAX_MEMBERS}) or montecarlo`,
      ).choices(['exact', 'montecarlo']),
    )
    .option('--samples <n>', 'Monte Carlo samples', integerOption('--samples', 100, 100_000_000), 200_000)
    .option('--seed <n>', 'Monte Carlo seed', integerOption('--seed', 0), 1)
    .option('--org <id>', 'with a scenario: the organisation whose members vote')
    .option(
      '--kind <kinds...>',
      'with a scenario: the kinds of proposal whose rules to analyse (default cbm)',
    )
    .option('--compare', 'print the bodies side by side')
    .option(
      '--chart <dir>',
      'also write a bar chart of voting power per member and rule: DIR/power.vl.json and DIR/power.svg',
    )
    .addHelpText(
      'after',
      `
A voting-body file:
  members:
    - { id: AAA, weight: 3, population: 12.5 }   # weight and population optional (1 and 0)
    - { id: BBB }
  rule: { kind: quota, yes: { count: 9, weight: { share: 0.6 } }, veto: [AAA] }

Every coalition of yes voters is taken as equally likely. Indices per member: banzhaf (normalised),
banzhafRaw (Penrose: swings / 2^(n-1)), shapleyShubik, colemanPrevent, colemanInitiate; for the
body, passageProbability (Coleman's power to act: winning coalitions / 2^n).

Examples:
  cica-sim power experiments/bodies/un-security-council.yaml
  cica-sim power scenarios/asia-2025.yaml --org SCO
  cica-sim power experiments/bodies/eec-1958.yaml experiments/bodies/un-security-council.yaml --compare
  cica-sim power scenarios/examples/cica-rules.yaml --org CICA --kind cbm reform --compare`,
    )
    .action((files: string[], options: PowerCommandOptions) => powerCommand(files, options));
}

async function powerCommand(files: string[], options: PowerCommandOptions): Promise<void> {
  const bodies = files.flatMap((file) => bodiesOf(file, options));
  const results = bodies.map((body) => {
    if (options.method === 'exact' && !exactApplies(body.members, body.rule)) {
      throw new InputError([
        {
          location: { file: '--method' },
          path: '',
          message: `exact analysis of real-valued or double criteria handles up to ${EXACT_MAX_MEMBERS} members; ${body.label} has ${body.members.length} (use --method montecarlo, or integer weights)`,
        },
      ]);
    }
    return { body, result: analysePower(body.members, body.rule, options) };
  });

  if (options.chart) await writePowerChart(options.chart, results);
  if (options.json) {
    const documents = results.map(({ body, result }) => ({ label: body.label, rule: body.rule, ...result }));
    process.stdout.write(`${JSON.stringify(documents.length === 1 ? documents[0] : documents, null, 2)}\n`);
    return;
  }
  if (options.compare && results.length > 1) {
    process.stdout.write(`${comparisonTable(results)}\n`);
    return;
  }
  process.stdout.write(`${results.map(({ body, result }) => singleTable(body, result)).join('\n\n')}\n`);
}

/** The chart, loaded only when asked for (vega is heavy to load). */
async function writePowerChart(
  dir: string,
  results: { body: VotingBody; result: PowerResult }[],
): Promise<void> {
  const { votingPowerChart } = await import('../charts/specs/voting-power.js');
  const { renderSvg } = await import('../charts/render.js');
  const spec = votingPowerChart(
    results.map(({ body, result }) => ({ label: `${body.label}: ${describeRule(body.rule)}`, result })),
  );
  const { svg, warnings } = await renderSvg(spec);
  for (const warning of warnings) process.stderr.write(`power chart: ${warning}\n`);
  writeFileAtomic(join(dir, 'power.vl.json'), `${JSON.stringify(spec, null, 1)}\n`);
  writeFileAtomic(join(dir, 'power.svg'), svg);
}

function bodiesOf(file: string, options: PowerCommandOptions): VotingBody[] {
  if (requireFileKind(file, 'cica-sim power', ['scenario', 'voting-body']) === 'voting-body') {
    if (options.org || options.kind) {
      throw new InputError([
        {
          location: { file },
          path: '',
          message: '--org and --kind apply to scenarios; this is a voting-body file',
        },
      ]);
    }
    const body = loadVotingBody(file);
    return [
      { ...body, label: body.label === file ? basename(file).replace(/\.(ya?ml|json)$/, '') : body.label },
    ];
  }
  const { scenario } = loadScenario(file);
  if (!options.org) {
    throw new InputError([
      {
        location: { file },
        path: '',
        message: `this is a scenario: name the organisation with --org (one of ${Object.keys(scenario.organisations).join(', ')})`,
      },
    ]);
  }
  const org = options.org;
  return (options.kind ?? ['cbm']).map((kind) => votingBodyFromScenario(scenario, file, org, kind));
}

function singleTable(body: VotingBody, result: PowerResult): string {
  const montecarlo = result.method === 'montecarlo';
  const order = result.members
    .map((_, i) => i)
    .sort((a, b) => result.members[b].banzhaf - result.members[a].banzhaf);
  const withError = (value: number, i: number, index: PowerIndex) =>
    montecarlo && result.members[i].standardErrors
      ? `${value.toFixed(4)} ±${result.members[i].standardErrors?.[index].toFixed(4)}`
      : value;
  const rows = order.map((i) => {
    const m = result.members[i];
    return [
      m.id,
      body.members[i].weight,
      body.members[i].population,
      withError(m.banzhaf, i, 'banzhaf'),
      withError(m.banzhafRaw, i, 'banzhafRaw'),
      withError(m.shapleyShubik, i, 'shapleyShubik'),
      withError(m.colemanPrevent, i, 'colemanPrevent'),
      withError(m.colemanInitiate, i, 'colemanInitiate'),
    ];
  });
  const passage = montecarlo
    ? `${result.passageProbability.toFixed(4)} ±${result.passageProbabilityStandardError?.toFixed(4)} (${result.samples} samples)`
    : result.passageProbability.toPrecision(6);
  return [
    `${body.label} — ${describeRule(body.rule)}`,
    `${body.members.length} members, ${montecarlo ? 'Monte Carlo' : 'exact'}; passage probability ${passage}`,
    '',
    formatTable(
      [
        'member',
        'weight',
        'population',
        'banzhaf',
        'banzhafRaw',
        'shapleyShubik',
        'colemanPrevent',
        'colemanInitiate',
      ],
      rows,
      4,
    ),
  ].join('\n');
}

function comparisonTable(results: { body: VotingBody; result: PowerResult }[]): string {
  const ids: string[] = [];
  for (const { body } of results) for (const m of body.members) if (!ids.includes(m.id)) ids.push(m.id);
  // Most powerful first: by mean normalised Banzhaf over the bodies a member sits in.
  const meanPower = (id: string) => {
    const values = results.flatMap(({ result }) =>
      result.members.filter((m) => m.id === id).map((m) => m.banzhaf),
    );
    return values.reduce((a, b) => a + b, 0) / values.length;
  };
  ids.sort((a, b) => meanPower(b) - meanPower(a));
  const headers = ['member', ...results.flatMap((_, k) => [`B${k + 1} banzhaf`, `B${k + 1} shapley`])];
  const rows: (string | number)[][] = ids.map((id) => [
    id,
    ...results.flatMap(({ result }): (string | number)[] => {
      const m = result.members.find((member) => member.id === id);
      return m ? [m.banzhaf, m.shapleyShubik] : ['–', '–'];
    }),
  ]);
  rows.push([
    'passage',
    // Small chances in scientific notation, so that 3.7e-9 does not read as 0.0000.
    ...results.flatMap(({ result }): (string | number)[] => [probabilityText(result.passageProbability), '']),
  ]);
  const legend = results.map(
    ({ body, result }, k) =>
      `B${k + 1}: ${body.label} — ${describeRule(body.rule)} (${result.method === 'exact' ? 'exact' : `Monte Carlo, ${result.samples} samples`})`,
  );
  return [
    'Voting power compared: normalised Banzhaf and Shapley–Shubik per member',
    ...legend,
    '',
    formatTable(headers, rows, 4),
  ].join('\n');
}

/** A probability with four decimals, or in scientific notation below 0.001 (3.7e-9). */
export function probabilityText(p: number): string {
  return p === 0 || p >= 0.001 ? p.toFixed(4) : p.toExponential(1);
}
