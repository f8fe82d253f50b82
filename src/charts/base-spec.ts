import type { Config } from 'vega-lite';
import { CHART_CONFIG, CHART_HEIGHT, CHART_WIDTH } from './theme.js';

/** The Vega-Lite version every chart is written for. */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/**
 * What every chart starts from: the Vega-Lite schema, a title with its subtitle, and the shared
 * configuration (fonts, axes: theme.ts), which a chart may extend. Each chart in specs/ adds its
 * size, data, marks and encodings.
 */
export function chartHead(title: string, subtitle: string, config: Config = CHART_CONFIG) {
  return { $schema: VEGA_LITE_SCHEMA, title: { text: title, subtitle }, config };
}

/** chartHead at the standard size of a single chart. */
export function baseSpec(title: string, subtitle: string) {
  return { ...chartHead(title, subtitle), width: CHART_WIDTH, height: CHART_HEIGHT };
}
