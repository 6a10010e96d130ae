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
    const withFormatter = { ...option, yAxis: { type: "value" as const, axisLabel: { formatter: (v: number) => `${v} 件` } } };
    const first = renderChartSvg(withFormatter, { width: 320, height: 200 });
    expect(first).toContain("4 件");
    // A fresh chart instance numbers its clip paths anew, so the text differs.
    expect(renderChartSvg(withFormatter, { width: 320, height: 200 })).not.toBe(first);
  });

  it("draws no <style> element, so a chart needs no nonce in whichever response it arrives", () => {
    expect(renderChartSvg(option, { width: 320, height: 200 })).not.toMatch(/<style\b/);
    expect(renderChartSvg({ ...option, series: [{ type: "line", data: [2, 1] }] }, { width: 320, height: 200 })).not.toMatch(/<style\b/);
  });
});
