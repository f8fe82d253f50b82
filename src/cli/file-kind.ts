import { isCalibrationFile } from '../experiment/calibration/run.js';
import { isExperimentFile } from '../experiment/load.js';
import { isSensitivityFile } from '../experiment/sensitivity/load.js';
import { InputError } from '../input/errors.js';
import { readYamlFile } from '../input/read-yaml.js';
import { looksLikeVotingBody } from '../scenario/voting-body.js';

export type FileKind = 'scenario' | 'experiment' | 'sensitivity' | 'calibration' | 'voting-body';

const NAMES: Record<FileKind, string> = {
  scenario: 'a scenario',
  experiment: 'an experiment file',
  sensitivity: 'a sensitivity study file',
  calibration: 'a calibration file',
  'voting-body': 'a voting-body file',
};
const COMMANDS: Record<FileKind, string> = {
  scenario: 'cica-sim run',
  experiment: 'cica-sim experiment',
  sensitivity: 'cica-sim sensitivity',
  calibration: 'cica-sim calibrate',
  'voting-body': 'cica-sim power',
};

/** What kind of input file this is, from its top-level fields. */
export function fileKindOf(data: unknown): FileKind {
  // A study may have variants and replications too: its method, factors and outputs tell it apart.
  if (isSensitivityFile(data)) return 'sensitivity';
  if (isCalibrationFile(data)) return 'calibration';
  if (isExperimentFile(data)) return 'experiment';
  if (looksLikeVotingBody(data)) return 'voting-body';
  return 'scenario';
}

/**
 * Refuses a file of the wrong kind at once, by name — "this is an experiment file; cica-sim power
 * takes a scenario or a voting-body file" — instead of a list of schema errors about it.
 */
export function requireFileKind(file: string, command: string, accepted: readonly FileKind[]): FileKind {
  const kind = fileKindOf(readYamlFile(file).data);
  if (accepted.includes(kind)) return kind;
  const wanted = accepted.map((k) => NAMES[k]).join(' or ');
  throw new InputError([
    {
      location: { file },
      path: '',
      message: `this is ${NAMES[kind]}; ${command} takes ${wanted} (for ${NAMES[kind]}, try ${COMMANDS[kind]})`,
    },
  ]);
}
