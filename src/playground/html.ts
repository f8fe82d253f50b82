import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { inlinedLibraries } from '../charts/report/libraries.js';
import type { Scenario } from '../scenario/schema.js';
import { VERSION } from '../version.js';

/** The page's script, bundled by esbuild at build time (bundle.ts) next to this module in dist/. */
export const APP_BUNDLE = fileURLToPath(new URL('./app.js', import.meta.url));

/** Text safe inside a <script> element: no "</script" and no "<!--" can end or confuse it. */
function scriptText(text: string): string {
  return text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

/** JSON safe inside a <script type="application/json">: every "<" escaped. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

/**
 * playground.html: one file holding the engine (the bundled page script, which is also each Web
 * Worker's), the scenario, vega, vega-lite and vega-embed. It opens from file:// and makes no
 * request.
 */
export function playgroundHtml(scenario: Scenario, scenarioPath: string): string {
  if (!existsSync(APP_BUNDLE))
    throw new Error(`the playground's script is missing (${APP_BUNDLE}): run npm run build`);
  const app = readFileSync(APP_BUNDLE, 'utf8');
  const title = `cica-sim playground — ${scenario.name}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body data-status="loading">
<header>
<h1>${escapeHtml(title)}</h1>
<p>Change the members, rules and parameters of an organisation in set B, press Run, and compare with set A (today, unless you change it). The same engine and seeds as <code>cica-sim experiment</code>: “Download as experiment” gives the file that reproduces these numbers. cica-sim ${VERSION}.</p>
</header>
<main>
<aside aria-label="controls">
<div id="controls"></div>
<ul id="problems" class="problems" role="alert" aria-label="problems with the configuration"></ul>
<div class="buttons">
<button type="button" id="run" data-testid="run">Run</button>
<button type="button" id="cancel" disabled>Cancel</button>
<button type="button" id="download">Download as experiment</button>
</div>
<label for="progress">progress</label> <progress id="progress" value="0" max="1"></progress>
<p id="status-line" role="status" aria-live="polite"></p>
</aside>
<section id="results" aria-label="results"><p>Press Run to see how often and how ambitiously the organisation decides, its trust and cohesion, and who holds voting power, under set A and set B.</p></section>
</main>
<script type="application/json" id="cica-data">${scriptJson({ scenario, scenarioPath })}</script>
${inlinedLibraries()}
<script id="cica-app">${scriptText(app)}</script>
</body>
</html>
`;
}

const STYLE = `
body { font-family: 'DejaVu Sans', system-ui, sans-serif; margin: 0; color: #222; }
header { padding: 0.5rem 1rem; border-bottom: 1px solid #ddd; }
header h1 { font-size: 1.3rem; margin: 0.3rem 0; }
header p { margin: 0.3rem 0; max-width: 70rem; font-size: 0.9rem; }
main { display: flex; gap: 1rem; padding: 0 1rem; box-sizing: border-box; max-width: 100%; }
aside { flex: 0 0 330px; max-width: 330px; font-size: 0.85rem; }
#results { flex: 1 1 auto; min-width: 0; overflow-x: auto; }
fieldset { border: 1px solid #ccc; margin: 0.5rem 0; padding: 0.4rem 0.6rem; }
legend { font-weight: bold; }
.field { display: flex; flex-direction: column; margin: 0.3rem 0; }
.field label { font-weight: 600; }
.hint { color: #666; font-size: 0.75rem; }
label.inline { margin-right: 0.8rem; }
ul.members { list-style: none; padding: 0; margin: 0; max-height: 16rem; overflow-y: auto; }
ul.members li { padding: 1px 0; }
.tag { color: #666; font-size: 0.75rem; margin-left: 0.4rem; }
li.status-ineligible label { color: #999; }
textarea { font-family: 'DejaVu Sans Mono', monospace; width: 100%; box-sizing: border-box; }
.problems { color: #b00020; padding-left: 1.2rem; }
.rule-summary { color: #444; padding-left: 1.2rem; margin: 0.3rem 0; }
.buttons { display: flex; flex-wrap: wrap; gap: 0.4rem; margin: 0.4rem 0; }
button { font: inherit; padding: 0.3rem 0.7rem; }
button:focus-visible, input:focus-visible, select:focus-visible, textarea:focus-visible { outline: 3px solid #4e79a7; outline-offset: 1px; }
#findings-table { border-collapse: collapse; font-size: 0.85rem; margin: 0.5rem 0; }
#findings-table th, #findings-table td { border-bottom: 1px solid #ddd; padding: 0.2rem 0.4rem; text-align: left; vertical-align: top; }
#findings-table tr.unclear td { color: #777; }
#findings-table caption { text-align: left; font-weight: bold; margin-bottom: 0.3rem; }
.chart, .chart.vega-embed { display: block; margin: 0.8rem 0; max-width: 100%; overflow-x: auto; }
`;
