/** The line chart's legend is laid out by text width: long series names wrap instead of overlapping. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { lineChartSvg } from "../../src/report/line-chart.js";
import { textWidth } from "../../src/report/text-width.js";

test("legend items with long names neither overlap nor run past the right edge", () => {
  const names = [
    "nivolumab: PD-1, tumour site",
    "nivolumab: PD-1, blood cells",
    "ipilimumab: CTLA-4, tumour site",
    "ipilimumab: CTLA-4, blood cells",
  ];
  const widthPx = 640;
  const svg = lineChartSvg({
    title: "t",
    xLabel: "day",
    yLabel: "%",
    series: names.map((name, i) => ({ name, x: [0, 1], y: [i, i + 1] })),
    widthPx,
  });
  const items = [...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)" font-size="12">([^<]+)<\/text>/g)].map(
    (m) => ({ x: Number(m[1]), y: Number(m[2]), name: m[3], right: Number(m[1]) + textWidth(m[3], 12) }),
  );
  assert.deepEqual(
    items.map((i) => i.name),
    names,
  );
  for (const it of items) assert.ok(it.right <= widthPx, `${it.name} ends at ${it.right.toFixed(0)} px`);
  const rows = new Set(items.map((i) => i.y));
  assert.ok(rows.size >= 2, "the four long names need more than one row at 640 px");
  for (const a of items)
    for (const b of items)
      if (a !== b && a.y === b.y && a.x < b.x) assert.ok(a.right < b.x, `${a.name} overlaps ${b.name}`);
});
