// Chart images for chat: ECharts renders SVG on the server, resvg turns it into PNG (no browser,
// no native download at install). resvg needs a font with CJK glyphs for Chinese text; when the
// machine has none, the chart carries only numbers and the card's text carries the words.
import { existsSync } from 'node:fs';
import type { EChartsCoreOption } from 'echarts';

// ECharts and resvg are loaded on the first chart, not at start-up: most processes never draw one.
let renderers: Promise<[typeof import('echarts'), typeof import('@resvg/resvg-js')]> | undefined;
const loadRenderers = () => (renderers ??= Promise.all([import('echarts'), import('@resvg/resvg-js')]));

// Common CJK font locations on Debian/Ubuntu (fonts-noto-cjk, fonts-wqy-*), macOS and Windows.
const CJK_FONT_FILES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc',
  '/usr/share/fonts/truetype/arphic/uming.ttc',
  '/System/Library/Fonts/PingFang.ttc',
  'C:\\Windows\\Fonts\\msyh.ttc',
];

let cjkFont: string | null | undefined;

/** The first CJK font file found on this machine, or null (looked up once per process). */
function findCjkFont(): string | null {
  if (cjkFont === undefined) cjkFont = CJK_FONT_FILES.find((f) => existsSync(f)) ?? null;
  return cjkFont;
}

export const CHART_SIZE = { width: 640, height: 360 } as const;

export interface ChartText {
  title: string;
  /** Whether the title may contain CJK text that needs a CJK font. */
  cjk: boolean;
}

async function render(option: EChartsCoreOption, text: ChartText): Promise<Buffer> {
  const [echarts, { Resvg }] = await loadRenderers();
  const font = findCjkFont();
  const showTitle = !text.cjk || font !== null;
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, ...CHART_SIZE });
  chart.setOption({
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: { fontFamily: 'Noto Sans CJK SC, WenQuanYi Micro Hei, DejaVu Sans, sans-serif' },
    ...(showTitle ? { title: { text: text.title, left: 'center', textStyle: { fontSize: 16 } } } : {}),
    grid: { left: 48, right: 24, top: showTitle ? 48 : 24, bottom: 40 },
    ...option,
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  const resvg = new Resvg(svg, {
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', ...(font ? { fontFiles: [font] } : {}) },
    fitTo: { mode: 'width', value: CHART_SIZE.width * 2 },
  });
  return Buffer.from(resvg.render().asPng());
}

/** Bar chart of how many people fall in each score bucket. */
export function distributionChart(
  buckets: readonly string[],
  counts: readonly number[],
  text: ChartText,
): Promise<Buffer> {
  return render(
    {
      xAxis: { type: 'category', data: [...buckets] },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { type: 'bar', data: [...counts], label: { show: true, position: 'top' }, itemStyle: { color: '#3b7ddd' } },
      ],
    },
    text,
  );
}

/** Line chart of a score over months; a month without data is a gap, not a zero. */
export function trendChart(
  periods: readonly string[],
  scores: readonly (number | null)[],
  text: ChartText,
): Promise<Buffer> {
  return render(
    {
      xAxis: { type: 'category', data: [...periods] },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [
        {
          type: 'line',
          data: scores.map((s) => (s === null ? '-' : s)),
          connectNulls: false,
          label: { show: true },
          itemStyle: { color: '#2f9e6e' },
        },
      ],
    },
    text,
  );
}
