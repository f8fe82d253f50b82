import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export interface RenderedChart {
  svg: string;
  /** Every warning vega-lite or vega raised; a chart we ship should have none. */
  warnings: string[];
}

/** Compiles a Vega-Lite spec and renders it to SVG in Node (no browser, no native module). */
export async function renderSvg(spec: TopLevelSpec): Promise<RenderedChart> {
  const warnings: string[] = [];
  const logger = vega.logger(vega.Warn);
  const collecting = Object.assign(Object.create(logger), {
    warn: (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
      return collecting;
    },
  });
  const compiled = compile(spec, { logger: collecting }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger: collecting });
  const svg = await view.toSVG();
  view.finalize();
  return { svg, warnings };
}
