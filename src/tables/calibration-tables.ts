import type { TableDeclaration } from './registry.js';

/** draws.csv of cica-sim calibrate: every prior draw, its distance to history, whether it was accepted, then its parameters. */
export interface DrawRow {
  draw: number;
  seed: number;
  distance: number;
  accepted: number;
  [parameter: string]: number;
}
export const DRAWS: TableDeclaration<DrawRow> = {
  name: 'draws',
  file: 'draws.csv',
  description:
    "every prior draw of a calibration: its distance to the calibration window's facts, whether it was accepted, its parameters",
  columns: { draw: 'number', seed: 'number', distance: 'number', accepted: 'number' },
  extraNumbers: true,
};
