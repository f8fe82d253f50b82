import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveChartSettings } from '../../src/experiment/chart-settings.js';
import type { InputProblem } from '../../src/input/errors.js';
import { DEFAULT_CHART_SETTINGS } from '../../src/tables/chart-settings.js';

const dir = mkdtempSync(join(tmpdir(), 'cica-chart-settings-'));
const at = (path: string, message: string): InputProblem => ({ location: { file: 'e.yaml' }, path, message });

describe("resolving an experiment's charts section", () => {
  it('defaults to every kind and the key metrics; keeps what the file says', () => {
    const problems: InputProblem[] = [];
    expect(resolveChartSettings(undefined, join(dir, 'e.yaml'), new Set(['CICA']), at, problems)).toBe(
      DEFAULT_CHART_SETTINGS,
    );
    const settings = resolveChartSettings(
      { kinds: ['power'], metrics: ['cohesion'], orgs: ['CICA'] },
      join(dir, 'e.yaml'),
      new Set(['CICA']),
      at,
      problems,
    );
    expect(settings).toEqual({ kinds: ['power'], metrics: ['cohesion'], orgs: ['CICA'], custom: {} });
    expect(problems).toEqual([]);
  });

  it('reads a custom spec from its file, relative to the experiment; names unknown metrics and organisations', () => {
    writeFileSync(join(dir, 'mine.json'), JSON.stringify({ mark: 'bar', data: { name: 'runs' } }));
    const problems: InputProblem[] = [];
    const settings = resolveChartSettings(
      {
        metrics: ['cohesion', 'coheison'],
        orgs: ['NATO'],
        custom: { mine: 'mine.json', inline: { mark: 'point' } },
      },
      join(dir, 'e.yaml'),
      new Set(['CICA']),
      at,
      problems,
    );
    expect(settings.custom).toEqual({
      mine: { mark: 'bar', data: { name: 'runs' } },
      inline: { mark: 'point' },
    });
    expect(problems.map((p) => p.path)).toEqual(['charts.metrics.1', 'charts.orgs.0']);
    expect(problems[1].message).toBe('expected an organisation of the scenario (CICA), found "NATO"');
  });
});
