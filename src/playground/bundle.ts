import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';

/**
 * Bundles the playground's page script (browser/main.ts and the engine it imports) into
 * dist/playground/app.js with esbuild, at `npm run build`: one minified script that
 * `cica-sim playground` inlines into playground.html. The engine loads mathjs lazily through
 * node:module's createRequire (model/formula.ts); in the browser that require is answered by the
 * bundled mathjs, so a scenario's formula works in the page as in the CLI.
 */
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');

const mathjsForRequire: Plugin = {
  name: 'mathjs-for-require',
  setup(builder) {
    builder.onResolve({ filter: /^node:module$/ }, () => ({
      path: 'node:module',
      namespace: 'browser-shim',
    }));
    builder.onLoad({ filter: /.*/, namespace: 'browser-shim' }, () => ({
      resolveDir: ROOT,
      // require() inside the function: esbuild evaluates mathjs on the first formula, not at
      // start-up (evaluating it costs a worker about 400 ms).
      contents: `export function createRequire() {
  return (name) => {
    if (name === 'mathjs') return require('mathjs');
    throw new Error('cannot load ' + name + ' in the browser');
  };
}`,
    }));
  },
};

export async function bundlePlayground(outfile = join(HERE, 'app.js')): Promise<void> {
  await build({
    entryPoints: [join(ROOT, 'src/playground/browser/main.ts')],
    outfile,
    bundle: true,
    minify: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    legalComments: 'none',
    plugins: [mathjsForRequire],
    // formula.ts passes import.meta.url to createRequire, which the shim ignores.
    logOverride: { 'empty-import-meta': 'silent' },
    logLevel: 'warning',
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundlePlayground();
