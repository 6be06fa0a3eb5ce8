/**
 * The simulate occupancy plot: the 70 % line is the Brahmer 2010 reading on circulating T cells, so it is
 * drawn (and labelled with its source) only next to a PD-1 drug's blood occupancy column, never against
 * the tumour-site bound fraction alone.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { trajectoryCharts } from "../../../src/cli/commands/simulate.js";
import type { Trajectory } from "../../../src/immune/trajectory.js";
import { lineChartSvg } from "../../../src/report/line-chart.js";

function trajectory(extra: Record<string, number>): Trajectory {
  const days = Float64Array.from([0, 1, 2]);
  const constant = (v: number) => new Float64Array(days.length).fill(v);
  const columns: Record<string, Float64Array> = {
    diameter_mm_a: constant(20),
    pd1_occupancy: constant(0.99),
    pdl1_occupancy: constant(0),
    ctla4_occupancy: constant(0),
  };
  for (const [name, v] of Object.entries(extra)) columns[name] = constant(v);
  return {
    days,
    columnNames: Object.keys(columns),
    columns,
    units: {},
    lesionIds: ["a"],
    events: [],
    status: "success",
    message: "",
    stats: { steps: 0, rejected: 0, rhsEvals: 0, jacobianEvals: 0, factorizations: 0 },
    method: "rodas5",
    rtol: 1e-6,
  };
}

describe("simulate occupancy chart", () => {
  it("draws the blood occupancy column of a PD-1 drug with the sourced 70 % line", () => {
    const t = trajectory({ nivolumab_occupancy_blood: 0.72 });
    const spec = trajectoryCharts(t).occupancy;
    const blood = spec.series.find((s) => s.name === "nivolumab: PD-1, blood cells");
    assert.ok(blood, spec.series.map((s) => s.name).join("; "));
    assert.equal(blood.y, t.columns.nivolumab_occupancy_blood);
    assert.ok(spec.series.some((s) => s.name === "PD-1, tumour site" && s.y === t.columns.pd1_occupancy));
    assert.deepEqual(
      spec.references?.map((r) => [r.y, r.label]),
      [[0.7, "70 % (Brahmer 2010, PD-1 on blood T cells)"]],
    );
  });

  it("has no 70 % line without a PD-1 drug's blood series (no drug, or only an anti-CTLA-4)", () => {
    assert.deepEqual(trajectoryCharts(trajectory({})).occupancy.references, []);
    const ipi = trajectoryCharts(trajectory({ ipilimumab_occupancy_blood: 0.5 })).occupancy;
    assert.ok(ipi.series.some((s) => s.name === "ipilimumab: CTLA-4, blood cells"));
    assert.deepEqual(ipi.references, []);
  });

  it("puts the reference label below its line, clear of the blood series just above it", () => {
    const svg = lineChartSvg(trajectoryCharts(trajectory({ nivolumab_occupancy_blood: 0.72 })).occupancy);
    const rule = /stroke="#c33" aria-label="rule"><line y2="([\d.]+)"/.exec(svg);
    const label =
      /<g transform="translate\(0,([\d.-]+)\)"[^>]*fill="#c33" aria-label="text"><text transform="translate\([\d.]+,([\d.]+)\)"[^>]*>70 %/.exec(
        svg,
      );
    assert.ok(rule && label, "rule and label in the SVG");
    assert.ok(Number(label[1]) + Number(label[2]) > Number(rule[1]), "label below the rule (larger y)");
  });
});
