import { describe, expect, it } from 'vitest';
import { renderPng, renderSvg } from '../../src/charts/render.js';

describe('rendering a chart', () => {
  it('draws a Vega-Lite spec as SVG with no warning, and the SVG as PNG', async () => {
    const { svg, warnings } = await renderSvg({
      $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
      data: {
        values: [
          { x: 1, y: 2 },
          { x: 2, y: 3 },
        ],
      },
      mark: 'line',
      encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } },
    });
    expect(warnings).toEqual([]);
    expect(svg).toMatch(/^<svg[^>]*>/);
    expect(svg).toContain('<path');
    const png = await renderPng(svg);
    expect([...png.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  });
});
