import { FloatReader, FloatWriter } from '../util/float-stream.js';
import type { ExperimentAggregate } from './aggregate.js';
import { mergePackedExact } from './exact-sum.js';
import { mergePackedSummary, packSummary } from './quantile-summary.js';

/**
 * One world's statistics (time-series cells, outcomes, check passes) as one Float64Array: how a
 * worker thread sends back what it gathered over a block of runs (experiment/block.ts), and how
 * the main thread merges it — straight from the numbers, as mergeWorld would, without parsing
 * text or building objects (as JSON, that cost the main thread more than the merging). Trust
 * histograms go dense or as (index, count) pairs, whichever is shorter.
 */
export function packWorld(aggregate: ExperimentAggregate, w: number): Float64Array {
  const out = new FloatWriter();
  const cells = aggregate.worlds[w].cells;
  out.push(cells.length);
  for (const cell of cells) {
    out.list(cell.sum);
    out.list(cell.sumSquares);
    packSummary(cell.values, out);
  }
  const outcomes = aggregate.outcomes[w];
  out.push(outcomes.runs);
  out.list(outcomes.vetoTotals);
  out.list(outcomes.vetoRuns);
  const bins = outcomes.trustBins;
  let nonzero = 0;
  for (let b = 0; b < bins.length; b++) if (bins[b] !== 0) nonzero++;
  if (2 * nonzero < bins.length) {
    out.push(-nonzero - 1); // sparse, marked by a negative count of pairs
    for (let b = 0; b < bins.length; b++)
      if (bins[b] !== 0) {
        out.push(b);
        out.push(bins[b]);
      }
  } else out.list(bins);
  out.list(outcomes.rungSteps);
  out.list(outcomes.admittedSteps);
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
  addList(outcomes.vetoTotals, input);
  addList(outcomes.vetoRuns, input);
  const marker = input.next();
  if (marker < 0) {
    for (let k = 0; k < -marker - 1; k++) {
      const bin = input.next();
      outcomes.trustBins[bin] += input.next();
    }
  } else {
    input.at--;
    addList(outcomes.trustBins, input);
  }
  addList(outcomes.rungSteps, input);
  addList(outcomes.admittedSteps, input);
  const passes = into.checkPasses[w];
  const checkCount = input.next();
  for (let c = 0; c < checkCount; c++) passes[c] += input.next();
}

/** Adds a packed list element by element into `into` (of the same length). */
function addList(into: { length: number; [k: number]: number }, input: FloatReader): void {
  const length = input.next();
  if (length !== into.length)
    throw new Error(`a packed list of ${length} numbers where ${into.length} were expected`);
  for (let k = 0; k < length; k++) into[k] += input.next();
}
