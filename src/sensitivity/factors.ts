/** A factor of a sensitivity analysis: a model input varied uniformly over [min, max]. */
export interface Factor {
  name: string;
  min: number;
  max: number;
}

/** A model of k inputs, in the order of the factors; it may answer at once or later. */
export type SensitivityModel = (x: number[]) => number | Promise<number>;

/** Row i of a row-major unit design, scaled from [0, 1] to each factor's range. */
export function scaledRow(design: Float64Array, i: number, factors: readonly Factor[]): number[] {
  const k = factors.length;
  return factors.map((f, d) => f.min + design[i * k + d] * (f.max - f.min));
}

/**
 * The model at every row of a unit design. Rows are all asked for before any answer is awaited, so
 * a model that hands its work to threads (a promise) runs them side by side.
 */
export async function evaluateDesign(
  model: SensitivityModel,
  design: Float64Array,
  factors: readonly Factor[],
): Promise<Float64Array> {
  const rows = factors.length === 0 ? 0 : design.length / factors.length;
  const answers = Array.from({ length: rows }, (_, i) => model(scaledRow(design, i, factors)));
  const y = Float64Array.from(await Promise.all(answers));
  const bad = y.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0)
    throw new RangeError(`the model gave ${y[bad]} at ${JSON.stringify(scaledRow(design, bad, factors))}`);
  return y;
}

export function requireFactors(factors: readonly Factor[]): void {
  if (factors.length === 0) throw new RangeError('a sensitivity analysis needs at least one factor');
  for (const f of factors)
    if (!(Number.isFinite(f.min) && Number.isFinite(f.max) && f.min <= f.max))
      throw new RangeError(`factor ${f.name}: expected finite min ≤ max, found [${f.min}, ${f.max}]`);
}
