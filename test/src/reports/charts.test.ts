import { describe, expect, it } from 'vitest';
import { CHART_SIZE, distributionChart, trendChart } from '../../../src/reports/charts.js';
import { SCORE_BUCKETS } from '../../../src/reports/rules.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

// IHDR is the first chunk: width and height are big-endian at bytes 16 and 20.
function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('chart images', () => {
  it('renders the score distribution as a PNG at twice the layout size for sharp chat previews', async () => {
    const png = await distributionChart(SCORE_BUCKETS, [1, 0, 2, 3, 1], { title: '得分分布', cjk: true });
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(pngSize(png)).toEqual({ width: CHART_SIZE.width * 2, height: CHART_SIZE.height * 2 });
  });

  it('renders a trend with a month of no data as a PNG', async () => {
    const png = await trendChart(['2026-08', '2026-09', '2026-10'], [null, 88, 91.5], {
      title: 'Last 3 months',
      cjk: false,
    });
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(pngSize(png).width).toBe(CHART_SIZE.width * 2);
  });
});
