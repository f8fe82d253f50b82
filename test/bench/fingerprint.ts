import { createHash } from 'node:crypto';
import { compileWorld } from '../../dist/engine/world.js';
import { simulateRecorded } from '../../dist/metrics/simulate-recorded.js';
import { loadScenario } from '../../dist/scenario/load.js';

/**
 * `npm run fingerprint`: a hash of everything runs produce — each run's values, per-state outcomes,
 * final trust and its whole trace — over the shipped scenarios, the built-in world under each rule
 * of the consensus-rules study and with a formula. An optimisation must leave every line of it
 * unchanged (docs/PERFORMANCE.md): run it before and after, and compare.
 */
const scenario = (name: string) => new URL(`../../scenarios/${name}`, import.meta.url).pathname;
const rule = (cbm: unknown) => ({ 'organisations.CICA.rules.cbm': cbm });
const CASES: [
  name: string,
  file: string,
  years: number,
  runs: number,
  overrides?: Record<string, unknown>,
][] = [
  ['asia-2025', 'asia-2025.yaml', 10, 300],
  ['asia-2025 unanimity', 'asia-2025.yaml', 10, 40, rule({ kind: 'unanimity' })],
  ['asia-2025 consensus-minus-1', 'asia-2025.yaml', 10, 40, rule({ kind: 'consensus-minus', k: 1 })],
  ['asia-2025 consensus-minus-2', 'asia-2025.yaml', 10, 40, rule({ kind: 'consensus-minus', k: 2 })],
  [
    'asia-2025 two-thirds',
    'asia-2025.yaml',
    10,
    40,
    rule({ kind: 'quota', yes: { count: { share: 0.6667 } } }),
  ],
  [
    'asia-2025 double-majority',
    'asia-2025.yaml',
    10,
    40,
    rule({ kind: 'quota', yes: { count: { share: 0.55 }, population: { share: 0.65 } } }),
  ],
  ['asia-2025 opt-in', 'asia-2025.yaml', 10, 40, rule({ kind: 'opt-in', minParticipants: 10 })],
  [
    'asia-2025 formula',
    'asia-2025.yaml',
    10,
    40,
    { 'parameters.voting.formula': 'builtin + 0.1 * (trust_proposer - trust_members)' },
  ],
  ['history-1999', 'history-1999.yaml', 26, 40],
  ['cica-1999', 'cica-1999.yaml', 10, 40],
  ['border-clash', 'examples/border-clash.yaml', 10, 40],
  ['cica-rules', 'examples/cica-rules.yaml', 10, 40],
];

for (const [name, file, years, runs, overrides] of CASES) {
  const world = compileWorld(loadScenario(scenario(file), { overrides }).scenario, { years });
  const hash = createHash('sha256');
  for (let seed = 0; seed < runs; seed++) {
    const trace: unknown[] = [];
    const result = simulateRecorded(world, seed, { trace: (record) => trace.push(record) });
    for (const array of [
      result.values,
      result.vetoesByState,
      result.blocksByState,
      result.rungReachedStep,
      result.admittedStep,
      result.finalTrust,
    ])
      if (array) hash.update(new Uint8Array(array.buffer, array.byteOffset, array.byteLength));
    hash.update(JSON.stringify(trace));
  }
  console.log(`${hash.digest('hex').slice(0, 16)}  ${name} (${runs} runs)`);
}
