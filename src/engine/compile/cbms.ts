import { DIMENSION_COUNT, DIMENSIONS } from '../../model/dimensions.js';
import type { Scenario } from '../../scenario/schema.js';

/** The confidence-building measures of a World's catalogue, and the trust each level needs. */
export interface WorldCbms {
  cbmIds: string[];
  cbmNames: string[];
  cbmCount: number;
  cbmLevel: Int32Array;
  /** Index of each CBM's dimension in DIMENSIONS. */
  cbmDimension: Uint8Array;
  /** cbmBenefit[c * DIMENSION_COUNT + d] */
  cbmBenefit: Float64Array;
  cbmCost: Float64Array;
  cbmBindingness: Float64Array;
  /** Ambition of a CBM as tabled: bindingness × total benefit. */
  cbmAmbition: Float64Array;
  /** Total benefit of a CBM over all dimensions (ambition = bindingness × this). */
  cbmTotalBenefit: Float64Array;
  /** Mean member trust needed to table a CBM of level L: levelThreshold[L - 1]. */
  levelThreshold: Float64Array;
}

export function compileCbms(scenario: Scenario): WorldCbms {
  const cbmIds = Object.keys(scenario.cbms);
  const cbmCount = cbmIds.length;
  const cbmLevel = new Int32Array(cbmCount);
  const cbmDimension = new Uint8Array(cbmCount);
  const cbmBenefit = new Float64Array(cbmCount * DIMENSION_COUNT);
  const cbmCost = new Float64Array(cbmCount);
  const cbmBindingness = new Float64Array(cbmCount);
  const cbmAmbition = new Float64Array(cbmCount);
  const cbmTotalBenefit = new Float64Array(cbmCount);
  cbmIds.forEach((id, c) => {
    const cbm = scenario.cbms[id];
    cbmLevel[c] = cbm.level;
    cbmDimension[c] = DIMENSIONS.indexOf(cbm.dimension);
    let total = 0;
    DIMENSIONS.forEach((d, k) => {
      const b = cbm.benefit[d] ?? 0;
      cbmBenefit[c * DIMENSION_COUNT + k] = b;
      total += b;
    });
    cbmCost[c] = cbm.cost;
    cbmBindingness[c] = cbm.bindingness;
    cbmAmbition[c] = cbm.bindingness * total;
    cbmTotalBenefit[c] = total;
  });
  return {
    cbmIds,
    cbmNames: cbmIds.map((id) => scenario.cbms[id].name),
    cbmCount,
    cbmLevel,
    cbmDimension,
    cbmBenefit,
    cbmCost,
    cbmBindingness,
    cbmAmbition,
    cbmTotalBenefit,
    levelThreshold: Float64Array.from(scenario.parameters.agenda.levelThresholds),
  };
}
