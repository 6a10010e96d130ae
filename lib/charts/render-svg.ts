/**
 * ECharts rendered to an SVG string on the server (its SSR mode): the page ships no chart
 * JavaScript, the chart shows before any script runs, and Chinese labels use the CJK font
 * the page already has. Every rendering makes and disposes its own chart instance.
 *
 * Rendering takes milliseconds per chart (a large part of a dashboard's server time) while
 * the numbers behind a chart change rarely, so the last SVGs are kept by their exact
 * input (option and size, as JSON): the same input always draws the same picture. An
 * option holding a function (a formatter) is not reduced to JSON faithfully and is
 * always rendered afresh.
 */
import * as echarts from "echarts";

export type TChartOption = echarts.EChartsOption;

/**
 * The charts' font: the page's own (its CJK stack, app/globals.css), inherited by the SVG
 * drawn inside the page. A font list with quotes cannot go here: ECharts writes it into a
 * double-quoted style attribute unescaped, which ended the attribute early.
 */
const CHART_FONT = "inherit";

const RENDERED_MAX = 100;
const rendered = new Map<string, string>();

function inputKey(option: TChartOption, size: { width: number; height: number }): string | null {
  let faithful = true;
  const key = JSON.stringify([size, option], function (this: Record<string, unknown>, name: string, value: unknown) {
    const raw = this[name];
    if (typeof raw === "function" || typeof raw === "symbol") faithful = false;
    if (raw instanceof Date) return { date: value };
    return typeof raw === "bigint" ? { bigint: raw.toString() } : value;
  });
  return faithful ? key : null;
}

export function renderChartSvg(option: TChartOption, size: { width: number; height: number }): string {
  const key = inputKey(option, size);
  const kept = key === null ? undefined : rendered.get(key);
  if (kept !== undefined) {
    // Most recently used last, so the oldest goes first when the map is full.
    rendered.delete(key!);
    rendered.set(key!, kept);
    return kept;
  }
  const svg = renderFresh(option, size);
  if (key !== null) {
    if (rendered.size >= RENDERED_MAX) rendered.delete(rendered.keys().next().value!);
    rendered.set(key, svg);
  }
  return svg;
}

function renderFresh(option: TChartOption, size: { width: number; height: number }): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width: size.width, height: size.height });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT }, ...option });
    return withoutHoverMarkup(chart.renderToSVGString());
  } finally {
    chart.dispose();
  }
}

/**
 * ECharts puts hover rules in a <style> element inside the SVG, with a class on each shape
 * naming its rule, pointer-events="visible" on each path and ecmeta_* attributes for its
 * script to find the data behind a shape. The chart ships no script,
 * so they only change the cursor and a colour under the mouse; and the page policy runs a
 * <style> element only with the nonce of the response that made the document. A chart that
 * arrives by a client-side navigation comes in another response, with another nonce, and
 * its <style> was refused. Without the element the chart needs no nonce at all, and
 * without the rest it is about a third shorter, in the HTML and again in the page's
 * payload, on every view.
 */
function withoutHoverMarkup(svg: string): string {
  return svg
    .replace(/<style\b[\s\S]*?<\/style>/g, "")
    .replace(/ class="zr\d+-cls-\d+"/g, "")
    .replace(/ pointer-events="visible"/g, "")
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, "");
}
