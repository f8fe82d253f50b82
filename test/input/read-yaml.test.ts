import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/input/errors.js';
import { parseYamlText } from '../../src/input/read-yaml.js';

const problemsOf = (text: string) => {
  try {
    parseYamlText(text, 'f.yaml');
  } catch (error) {
    if (error instanceof InputError)
      return error.problems.map((p) => ({ ...p.location, message: p.message }));
    throw error;
  }
  return [];
};

describe('reading YAML', () => {
  it('gives plain data and where each field was written (the line and column of its value)', () => {
    const { data, locations } = parseYamlText('name: Tiny\nactors:\n  AAA: { population: 10 }\n', 'f.yaml');
    expect(data).toEqual({ name: 'Tiny', actors: { AAA: { population: 10 } } });
    expect(locations.get('actors.AAA.population')).toEqual({ file: 'f.yaml', line: 3, column: 22 });
    expect(locations.get('')).toEqual({ file: 'f.yaml', line: 1, column: 1 });
  });

  it('refuses a key written twice, and broken syntax, at their lines', () => {
    expect(problemsOf('a: 1\nb: 2\na: 3\n')).toEqual([
      {
        file: 'f.yaml',
        line: 3,
        column: 1,
        message: '"a" appears twice in one mapping; each id and field may be written once',
      },
    ]);
    const [broken] = problemsOf('name: [unclosed\n');
    expect(broken.message).toMatch(/^YAML syntax: /);
    expect(broken).toHaveProperty('line');
  });
});
