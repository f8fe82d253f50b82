import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

export interface RenderedChart {
  svg: string;
  /** Every warning or error vega-lite or vega raised; a chart we ship should have none. */
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
    // A failing expression is logged, not thrown: count it too, or a broken chart passes.
    error: (...args: unknown[]) => {
      warnings.push(`error: ${args.map(String).join(' ')}`);
      return collecting;
    },
  });
  const compiled = compile(spec, { logger: collecting }).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: 'none', logger: collecting });
  const svg = await view.toSVG();
  view.finalize();
  return { svg, warnings };
}

/**
 * An SVG rendered to PNG at twice its size (sharp on high-density screens and in documents) by
 * resvg, with the machine's fonts — the charts ask for DejaVu Sans. Loaded only when asked for.
 */
export async function renderPng(svg: string): Promise<Buffer> {
  const { Resvg } = await import('@resvg/resvg-js');
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    fitTo: { mode: 'zoom', value: 2 },
    background: 'white',
  });
  return resvg.render().asPng();
}
