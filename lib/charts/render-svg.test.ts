import { describe, expect, it } from "vitest";
import { renderChartSvg } from "./render-svg";

describe("renderChartSvg", () => {
  it("renders a bar chart with Chinese labels to an SVG string", () => {
    const svg = renderChartSvg(
      { xAxis: { type: "category", data: ["云溪高新区", "龙湾工业集中区"] }, yAxis: { type: "value" }, series: [{ type: "bar", data: [12, 7] }] },
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
      { xAxis: { type: "category", data: ['<img src=x onerror="alert(1)">'] }, yAxis: { type: "value" }, series: [{ type: "bar", data: [1] }] },
      { width: 300, height: 200 },
    );
    expect(svg).not.toContain("<img");
    expect(svg).toContain("&lt;img");
  });
});
