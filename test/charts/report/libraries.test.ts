import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { inlinedLibraries, packageVersion } from '../../../src/charts/report/libraries.js';
import { repoFile } from '../../helpers.js';

describe('the inlined chart libraries', () => {
  it('are the installed vega, vega-lite and vega-embed, three scripts, none closing early', () => {
    const scripts = inlinedLibraries();
    expect(scripts.match(/<script>/g)).toHaveLength(3);
    // Only the three closing tags of our own: any "</script" inside the code is escaped.
    expect(scripts.match(/<\/script>/gi)).toHaveLength(3);
    for (const name of ['vega', 'vega-lite', 'vega-embed']) {
      const installed = JSON.parse(readFileSync(repoFile(`node_modules/${name}/package.json`), 'utf8'));
      expect(packageVersion(name)).toBe(installed.version);
    }
  });
});
