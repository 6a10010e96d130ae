import { describe, expect, it } from "vitest";
import { renderChartSvg } from "./render-svg";

describe("renderChartSvg", () => {
  it("renders a bar chart with Chinese labels to an SVG string", () => {
    const svg = renderChartSvg(
      {
        xAxis: { type: "category", data: ["云溪高新区", "龙湾工业集中区"] },
        yAxis: { type: "value" },
        series: [{ type: "bar", data: [12, 7] }],
      },
      { width: 400, height: 240 },
    );
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("云溪高新区");
    expect(svg).toContain('width="400"');
  });
});

describe("renderChartSvg with hostile labels", () => {
  it("escapes markup in labels (names come from the database)", () => {
    const svg = renderChartSvg(
      {
        xAxis: { type: "category", data: ['<img src=x onerror="alert(1)">'] },
        yAxis: { type: "value" },
        series: [{ type: "bar", data: [1] }],
      },
      { width: 300, height: 200 },
    );
    expect(svg).not.toContain("<img");
    expect(svg).toContain("&lt;img");
  });
});

describe("renderChartSvg keeps what it drew", () => {
  const option = {
    xAxis: { type: "category" as const, data: ["一季度", "二季度"] },
    yAxis: { type: "value" as const },
    series: [{ type: "bar" as const, data: [3, 4] }],
  };

  it("answers the same input with the same SVG, and other numbers or sizes with a new one", () => {
    const first = renderChartSvg(option, { width: 320, height: 200 });
    expect(renderChartSvg(structuredClone(option), { width: 320, height: 200 })).toBe(first);
    const otherNumbers = renderChartSvg({ ...option, series: [{ type: "bar", data: [3, 5] }] }, { width: 320, height: 200 });
    expect(otherNumbers).not.toBe(first);
    expect(otherNumbers.startsWith("<svg")).toBe(true);
    expect(renderChartSvg(option, { width: 321, height: 200 })).toContain('width="321"');
  });

  it("draws an option with a function afresh every time", () => {
    let calls = 0;
    const formatter = (v: number) => {
      calls++;
      return `${v} 件`;
    };
    const withFormatter = { ...option, yAxis: { type: "value" as const, axisLabel: { formatter } } };
    expect(renderChartSvg(withFormatter, { width: 320, height: 200 })).toContain("4 件");
    const callsForOne = calls;
    expect(callsForOne).toBeGreaterThan(0);
    renderChartSvg(withFormatter, { width: 320, height: 200 });
    expect(calls).toBe(2 * callsForOne);
  });

  it("draws no <style> element, so a chart needs no nonce in whichever response it arrives", () => {
    expect(renderChartSvg(option, { width: 320, height: 200 })).not.toMatch(/<style\b/);
    expect(renderChartSvg({ ...option, series: [{ type: "line", data: [2, 1] }] }, { width: 320, height: 200 })).not.toMatch(/<style\b/);
  });
});

describe("renderChartSvg markup", () => {
  const svg = renderChartSvg(
    {
      legend: { data: ["总分", "名次"] },
      xAxis: { type: "category", data: ["2026年第1季度", "2026年第2季度"] },
      yAxis: { type: "value" },
      series: [{ name: "总分", type: "line", data: [80, 90], label: { show: true } }],
    },
    { width: 360, height: 200 },
  );

  it("writes every attribute well-formed: a quote inside a value would end it early", () => {
    const tags = svg.match(/<[a-zA-Z][^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThan(10);
    for (const tag of tags) {
      // Tag name, then only name="value" pairs (values without a double quote inside).
      expect(tag).toMatch(/^<[a-zA-Z]+(\s+[a-zA-Z_:][-\w:.]*="[^"]*")*\s*\/?>$/);
    }
    expect(svg).toContain("font-family:inherit");
  });

  it("leaves out what only ECharts' hover rules and script use", () => {
    expect(svg).not.toMatch(/class="zr\d+-cls-|pointer-events=|ecmeta_/);
  });
});
