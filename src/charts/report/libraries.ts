import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * A package's folder, found from its main entry (their "exports" maps hide the browser builds and
 * package.json from require.resolve).
 */
function packageRoot(name: string): string {
  let dir = dirname(require.resolve(name));
  while (
    !existsSync(join(dir, 'package.json')) ||
    JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== name
  ) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the folder of ${name}`);
    dir = parent;
  }
  return dir;
}

/** The browser builds of vega, vega-lite and vega-embed, inlined so the report needs no network. */
export function inlinedLibraries(): string {
  return ['vega', 'vega-lite', 'vega-embed']
    .map((name) => readFileSync(join(packageRoot(name), 'build', `${name}.min.js`), 'utf8'))
    .map((code) => `<script>${code.replace(/<\/script/gi, '<\\/script')}</script>`)
    .join('\n');
}

export function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(packageRoot(name), 'package.json'), 'utf8')) as { version: string })
    .version;
}
