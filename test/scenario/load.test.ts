import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, InputError } from '../../src/input/errors.js';
import { loadScenario } from '../../src/scenario/load.js';
import { fixture, repoFile } from '../helpers.js';

const dir = mkdtempSync(join(tmpdir(), 'cica-load-'));
const tiny = relative(dir, fixture('tiny.yaml'));

/** Writes `text` as a scenario and returns the formatted problems loading it reports. */
function problemsOf(name: string, text: string, files: Record<string, string> = {}): string[] {
  for (const [file, content] of Object.entries(files)) writeFileSync(join(dir, file), content);
  const path = join(dir, name);
  writeFileSync(path, text);
  try {
    loadScenario(path);
  } catch (error) {
    if (error instanceof InputError) {
      return error.problems
        .map(formatProblem)
        .map((line) => line.replace(relative(process.cwd(), dir), 'DIR'));
    }
    throw error;
  }
  return [];
}

describe('scenario errors carry file, line, column and field path', () => {
  it('YAML syntax', () => {
    expect(problemsOf('syntax.yaml', 'name: x\nyears: [1, 2\n')).toEqual([
      // The unclosed list on line 2 is noticed where the next line starts.
      expect.stringMatching(/^DIR\/syntax\.yaml:3:1: YAML syntax: .*end with a \]/),
    ]);
  });

  it('an id written twice in a mapping', () => {
    expect(problemsOf('dup-id.yaml', 'name: x\nactors:\n  AAA: {}\n  BBB: {}\n  AAA: {}\n')).toEqual([
      'DIR/dup-id.yaml:5:3: "AAA" appears twice in one mapping; each id and field may be written once',
    ]);
  });

  it('a missing required field at the top is reported at the start of the file', () => {
    expect(problemsOf('top.yaml', `extends: ${tiny}\noverrides:\n  years: null\n`)).toEqual([
      'DIR/top.yaml:3:10 years: expected a number, found null',
    ]);
    expect(problemsOf('bare.yaml', 'name: bare\n')).toContain(
      'DIR/bare.yaml:1:1 startYear: expected a number, found nothing (this field is required)',
    );
  });

  it('a wrong type, an out-of-range value and an unknown field, each at its line', () => {
    const problems = problemsOf(
      'types.yaml',
      [
        `extends: ${tiny}`,
        'years: ten',
        'parameters:',
        '  trust:',
        '    forgetting: 1.5',
        '  voting:',
        '    temprature: 2',
      ].join('\n'),
    );
    expect(problems).toEqual([
      'DIR/types.yaml:2:8 years: expected a number, found "ten"',
      'DIR/types.yaml:5:17 parameters.trust.forgetting: expected a number ≤ 1, found 1.5',
      expect.stringMatching(/^DIR\/types\.yaml:7:17 parameters\.voting\.temprature: unknown field/),
    ]);
  });

  it('a missing required field', () => {
    const problems = problemsOf(
      'missing.yaml',
      `extends: ${tiny}\norganisations:\n  NEW:\n    rules: { default: { kind: consensus } }\n`,
    );
    expect(problems).toEqual([
      'DIR/missing.yaml:4:5 organisations.NEW.members: expected a list, found nothing (this field is required)',
    ]);
  });

  it('unknown ids, a member listed twice, a state with two statuses, a year before the start', () => {
    const problems = problemsOf(
      'refs.yaml',
      [
        `extends: ${tiny}`,
        'organisations:',
        '  ORG:',
        '    members: [AAA, BBB, ZZZ, AAA]',
        '    observers: [BBB]',
        '    rules: { default: { kind: quota, yes: { count: 2 }, veto: [CCC, QQQ] } }',
        'events:',
        '  - { year: 2020, kind: border-clash, parties: [AAA, XYZ] }',
      ].join('\n'),
    );
    // Columns counted independently: the position of each offending value in its line.
    expect(problems).toEqual([
      'DIR/refs.yaml:4:25 organisations.ORG.members.2: expected an actor id, found unknown actor "ZZZ"',
      'DIR/refs.yaml:4:30 organisations.ORG.members.3: AAA is listed twice in members',
      'DIR/refs.yaml:5:17 organisations.ORG.observers.0: BBB is already listed in members; a state has one status',
      'DIR/refs.yaml:6:64 organisations.ORG.rules.default.veto.0: expected a member of ORG, found "CCC"',
      'DIR/refs.yaml:6:69 organisations.ORG.rules.default.veto.1: expected a member of ORG, found "QQQ"',
      'DIR/refs.yaml:8:13 events.0.year: expected a year from 2025 (startYear), found 2020',
      'DIR/refs.yaml:8:54 events.0.parties.1: expected an actor id, found unknown actor "XYZ"',
    ]);
  });

  it('a discriminated rule kind that does not exist names the alternatives', () => {
    const problems = problemsOf(
      'kind.yaml',
      `extends: ${tiny}\norganisations:\n  ORG:\n    rules:\n      default: { kind: majority }\n`,
    );
    expect(problems).toEqual([
      'DIR/kind.yaml:5:24 organisations.ORG.rules.default.kind: expected one of "unanimity", "consensus", "consensus-minus", "quota", "opt-in", found "majority"',
    ]);
  });

  it('a bad cell in a CSV table is reported at its row and column', () => {
    const problems = problemsOf('table.yaml', `extends: ${tiny}\nactorTables: [bad.csv]\n`, {
      'bad.csv': 'iso3,population_m_2022,sovereignty\nAAA,lots,0.5\nBBB,3,2\n',
    });
    expect(problems).toEqual([
      'DIR/bad.csv:2:5 actors.AAA.population: expected a number, found "lots"',
      'DIR/bad.csv:3:7 actors.BBB.sovereignty: expected a number ≤ 1, found 2',
    ]);
  });

  it('duplicate ids in a table and unknown columns', () => {
    const problems = problemsOf('dup.yaml', `extends: ${tiny}\nactorTables: [dup.csv]\n`, {
      'dup.csv': 'iso3,population_m_2022\nAAA,1\nAAA,2\n',
    });
    expect(problems).toEqual(['DIR/dup.csv:3:1 actors.AAA: actor AAA is listed twice in this table']);
    const columns = problemsOf('col.yaml', `extends: ${tiny}\nactorTables: [col.csv]\n`, {
      'col.csv': 'iso3,popluation\nAAA,1\n',
    });
    expect(columns).toEqual([
      expect.stringMatching(/^DIR\/col\.csv:1:6: unknown column "popluation"; expected one of iso3, name/),
    ]);
  });

  it('a missing file, and extends that goes round in a circle', () => {
    expect(problemsOf('parent.yaml', 'extends: nowhere.yaml\n')).toEqual([
      expect.stringMatching(
        /^DIR\/parent\.yaml:1:10 extends: file not found: "nowhere\.yaml" \(resolved to .*nowhere\.yaml; /,
      ),
    ]);
    writeFileSync(join(dir, 'loop-a.yaml'), 'extends: loop-b.yaml\n');
    expect(problemsOf('loop-b.yaml', 'extends: loop-a.yaml\n')).toEqual([
      expect.stringMatching(/^DIR\/loop-b\.yaml extends: extends goes round in a circle: /),
    ]);
  });

  it('an override path that would reach JavaScript internals is refused', () => {
    const problems = problemsOf(
      'proto.yaml',
      `extends: ${tiny}\noverrides:\n  __proto__.polluted: 1\n  actors.constructor.x: 2\n`,
    );
    expect(problems.length).toBe(2);
    expect(problems.every((line) => /is not allowed in a field path/.test(line))).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('a misspelt actor id', () => {
  it('is one problem at its line, with the closest id, not a list of required fields', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cica-actor-'));
    const file = join(dir, 'typo.yaml');
    writeFileSync(
      file,
      `extends: ${JSON.stringify(repoFile('scenarios/asia-2025.yaml'))}\nactors:\n  JPNN: { sovereignty: 0.4 }\n`,
    );
    let problems: string[] = [];
    try {
      loadScenario(file);
    } catch (error) {
      problems = (error as InputError).problems.map(
        (p) => `${'line' in p.location ? p.location.line : '-'} ${p.path}: ${p.message}`,
      );
    }
    expect(problems).toEqual([
      '3 actors.JPNN: unknown actor "JPNN" (did you mean JPN?): it is in no actor table or parent file, and a new actor needs name, subregion, population, gdp, military, energy, salience and sovereignty',
    ]);
  });
});

describe('a missing file', () => {
  it('is reported at the line that names it, with the path it resolved to', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cica-missing-'));
    const file = join(dir, 'child.yaml');
    writeFileSync(file, 'name: child\nextends: parnet.yaml\n');
    let problem = '';
    try {
      loadScenario(file);
    } catch (error) {
      problem = formatProblem((error as InputError).problems[0]);
    }
    expect(problem).toBe(
      `${relative(process.cwd(), file)}:2:10 extends: file not found: "parnet.yaml" (resolved to ${join(dir, 'parnet.yaml')}; a path is relative to the file that names it)`,
    );
  });
});

describe('one pass', () => {
  it('reports reference problems beside schema problems (an unknown state and a value out of range)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cica-one-pass-'));
    const file = join(dir, 'both.yaml');
    writeFileSync(
      file,
      `extends: ${JSON.stringify(fixture('tiny.yaml'))}\norganisations:\n  ORG: { members: [AAA, BBB, ZZZ] }\nparameters:\n  trust: { forgetting: 2 }\n`,
    );
    let problems: string[] = [];
    try {
      loadScenario(file);
    } catch (error) {
      problems = (error as InputError).problems.map((p) => `${p.path}: ${p.message}`);
    }
    expect(problems).toEqual([
      'organisations.ORG.members.2: expected an actor id, found unknown actor "ZZZ"',
      'parameters.trust.forgetting: expected a number ≤ 1, found 2',
    ]);
  });
});
