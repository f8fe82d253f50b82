/**
 * The five dimensions of the 2004 CICA Catalogue of Confidence Building Measures
 * (SOURCES.md, seeds 001–003). Every per-dimension array in the engine is indexed in this order.
 */
export const DIMENSIONS = ['militaryPolitical', 'newThreats', 'economic', 'environmental', 'human'] as const;

export type Dimension = (typeof DIMENSIONS)[number];

export const DIMENSION_COUNT = DIMENSIONS.length;

/** Column names used for the dimensions in CSV tables and output files. */
export const DIMENSION_COLUMNS: Record<Dimension, string> = {
  militaryPolitical: 'military_political',
  newThreats: 'new_threats',
  economic: 'economic',
  environmental: 'environmental',
  human: 'human',
};
