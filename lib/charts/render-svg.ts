/**
 * ECharts rendered to an SVG string on the server (its SSR mode): the page ships no chart
 * JavaScript, the chart shows before any script runs, and Chinese labels use the CJK font
 * the page already has. Every call makes and disposes its own chart instance.
 */
import * as echarts from "echarts";

export type TChartOption = echarts.EChartsOption;

/** The font stack of the charts: the same CJK font as the page text. */
export const CHART_FONT = '"Noto Sans CJK SC", "Noto Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif';

export function renderChartSvg(option: TChartOption, size: { width: number; height: number }): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}
