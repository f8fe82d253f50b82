import { describe, expect, it } from 'vitest';
import { dropDescendants, locate, mountSourceMap, type SourceMap } from '../../src/input/source-map.js';

const at = (line: number) => ({ file: 'a.yaml', line, column: 1 });

describe('source maps', () => {
  it('locate a path, or its nearest ancestor that was written, or the document', () => {
    const map: SourceMap = new Map([
      ['', at(1)],
      ['organisations', at(2)],
      ['organisations.CICA.rules', at(5)],
    ]);
    expect(locate(map, 'organisations.CICA.rules')).toEqual(at(5));
    expect(locate(map, 'organisations.CICA.rules.cbm.k')).toEqual(at(5));
    expect(locate(map, 'organisations.SCO')).toEqual(at(2));
    expect(locate(map, 'years')).toEqual(at(1));
  });

  it('drop what lies below a replaced value, and mount a file under a prefix', () => {
    const map: SourceMap = new Map([
      ['relations', at(3)],
      ['relations.0.a', at(4)],
      ['relationsExtra', at(9)],
    ]);
    dropDescendants(map, 'relations');
    expect([...map.keys()]).toEqual(['relations', 'relationsExtra']);
    const into: SourceMap = new Map();
    mountSourceMap(
      into,
      new Map([
        ['', at(1)],
        ['salience.human', at(7)],
      ]),
      'actors.JPN',
    );
    expect([...into.entries()]).toEqual([
      ['actors.JPN', at(1)],
      ['actors.JPN.salience.human', at(7)],
    ]);
  });
});
