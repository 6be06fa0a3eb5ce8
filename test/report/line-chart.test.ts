import assert from "node:assert/strict";
import { test } from "node:test";
import { lineChartSvg } from "../../src/report/line-chart.js";
import { svgToPng } from "../../src/report/svg-to-png.js";

test("lineChartSvg draws one path per series and renders to PNG", () => {
  const x = [0, 1, 2, 3];
  const svg = lineChartSvg({
    title: "test",
    xLabel: "day",
    yLabel: "value",
    series: [
      { name: "a", x, y: [1, 2, 3, 4] },
      { name: "b", x, y: [4, 3, 2, 1] },
    ],
    markers: [{ x: 1, label: "dose" }],
  });
  assert.match(svg, /^<\?xml/);
  assert.equal((svg.match(/<path /g) ?? []).length >= 2, true);
  const png = svgToPng(svg);
  assert.deepEqual(Array.from(png.slice(0, 4)), [0x89, 0x50, 0x4e, 0x47]);
});

test("lineChartSvg rejects series of mismatched length", () => {
  assert.throws(
    () => lineChartSvg({ title: "", xLabel: "", yLabel: "", series: [{ name: "a", x: [0, 1], y: [1] }] }),
    /series a/,
  );
});
