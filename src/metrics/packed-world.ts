import { FloatReader, FloatWriter } from '../util/float-stream.js';
import type { ExperimentAggregate } from './aggregate.js';
import { mergePackedExact } from './exact-sum.js';
import { additionsOf, type OutcomeAdditions } from './outcomes.js';
import { mergePackedSummary, packSummary } from './quantile-summary.js';

/**
 * One world's statistics (time-series cells, outcomes, check passes) as one Float64Array: how a
 * worker thread sends back what it gathered over a block of runs (experiment/block.ts), and how
 * the main thread merges it — straight from the numbers, as mergeWorld would, without parsing
 * text or building objects (as JSON, that cost the main thread more than the merging). Outcomes
 * travel as additions (outcomes.ts), so neither side needs the dense n² trust histograms of a
 * block.
 */
export function packWorld(
  aggregate: ExperimentAggregate,
  w: number,
  additions: OutcomeAdditions = additionsOf(aggregate.outcomes[w]),
): Float64Array {
  const out = new FloatWriter();
  const cells = aggregate.worlds[w].cells;
  out.push(cells.length);
  for (const cell of cells) {
    out.list(cell.sum);
    out.list(cell.sumSquares);
    packSummary(cell.values, out);
  }
  out.push(additions.runs);
  out.list(additions.vetoes);
  out.list(additions.blocks);
  out.list(additions.trust);
  out.list(additions.rungs);
  out.list(additions.admissions);
  out.list(aggregate.checkPasses[w]);
  return out.result();
}

/** Merges packed statistics (packWorld) into world `w` of `into`: the same result as mergeWorld. */
export function mergePackedWorld(into: ExperimentAggregate, w: number, packed: Float64Array): void {
  const input = new FloatReader(packed);
  const cells = into.worlds[w].cells;
  const cellCount = input.next();
  if (cellCount !== cells.length)
    throw new Error(`a block came back with ${cellCount} cells where world ${w} has ${cells.length}`);
  for (const cell of cells) {
    mergePackedExact(cell.sum, input);
    mergePackedExact(cell.sumSquares, input);
    mergePackedSummary(cell.values, input);
  }
  const outcomes = into.outcomes[w];
  outcomes.runs += input.next();
  addTriples(outcomes.vetoTotals, outcomes.vetoRuns, input);
  addTriples(outcomes.blockTotals, outcomes.blockRuns, input);
  addPairs(outcomes.trustBins, input);
  addPairs(outcomes.rungSteps, input);
  addPairs(outcomes.admittedSteps, input);
  const passes = into.checkPasses[w];
  const checkCount = input.next();
  for (let c = 0; c < checkCount; c++) passes[c] += input.next();
}

/** Adds a packed list of (index, total, runs) triples into `totals` and `runs`. */
function addTriples(totals: Float64Array, runs: Float64Array, input: FloatReader): void {
  const length = input.next();
  for (let k = 0; k < length; k += 3) {
    const c = input.next();
    totals[c] += input.next();
    runs[c] += input.next();
  }
}

/** Adds a packed list of (index, count) pairs into `into`. */
function addPairs(into: { length: number; [k: number]: number }, input: FloatReader): void {
  const length = input.next();
  for (let k = 0; k < length; k += 2) {
    const index = input.next();
    if (index >= into.length) throw new Error(`a packed index ${index} past the end (${into.length})`);
    into[index] += input.next();
  }
}
