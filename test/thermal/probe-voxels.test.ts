/**
 * Probes on a Cartesian grid: a probe thinner than a cell must own the cells its axis passes through,
 * wherever the axis lies relative to the cell centres (a 1.7 mm probe whose axis runs along cell corners
 * of a 1.5 mm grid is 1.06 mm from every centre, more than its 0.85 mm radius).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { PlacedProbe } from "../../src/thermal/ablation-geometry.js";
import { voxeliseProbes } from "../../src/thermal/ablation-geometry.js";
import type { Vec3 } from "../../src/thermal/field-sampler.js";
import { cartesianGrid } from "../../src/thermal/grid.js";
import { planAblation } from "../../src/thermal/plan.js";
import { getProbe } from "../../src/thermal/probe.js";

const h = 1.5e-3;
// 34 cells from −25.5 mm: cell faces (corners) at x, y = 0
const grid = cartesianGrid([34, 34, 40], h, [-0.0255, -0.0255, -0.03]);

function layersOwned(probe: PlacedProbe): { owned: number; spanned: number } {
  const { cellProbe } = voxeliseProbes(grid, [probe]);
  let owned = 0;
  let spanned = 0;
  for (let k = 0; k < grid.nz; k++) {
    const z = grid.z0 + (k + 0.5) * grid.hz;
    if (z < probe.tip[2] - 0.04 + h || z > probe.tip[2] - h) continue; // inside the active segment
    spanned++;
    let any = false;
    for (let c = k * grid.nx * grid.ny; c < (k + 1) * grid.nx * grid.ny; c++)
      if (cellProbe[c] === 0) any = true;
    if (any) owned++;
  }
  return { owned, spanned };
}

describe("probe voxelisation", () => {
  it("a 1.7 mm probe along cell corners of a 1.5 mm grid owns a cell in every layer of its active segment", () => {
    const probe: PlacedProbe = { model: getProbe("argon-1.7"), tip: [0, 0, 0.02], direction: [0, 0, 1] };
    const { owned, spanned } = layersOwned(probe);
    assert.ok(spanned > 20, `layers spanned ${spanned}`);
    assert.equal(owned, spanned);
  });

  it("an oblique thin probe owns the cell of every point of its axis inside the grid", () => {
    const d: Vec3 = [1 / Math.sqrt(3), 1 / Math.sqrt(3), 1 / Math.sqrt(3)];
    const tip: Vec3 = [0.012, 0.012, 0.012];
    const probe: PlacedProbe = { model: getProbe("argon-1.7"), tip, direction: d };
    const { cellProbe } = voxeliseProbes(grid, [probe]);
    for (let s = 0; s <= 0.04; s += 0.0005) {
      const p = [0, 1, 2].map((k) => tip[k] - s * d[k]);
      const i = Math.floor((p[0] - grid.x0) / grid.hx);
      const j = Math.floor((p[1] - grid.y0) / grid.hy);
      const k = Math.floor((p[2] - grid.z0) / grid.hz);
      assert.equal(cellProbe[i + grid.nx * (j + grid.ny * k)], 0, `axis point ${s * 1e3} mm behind the tip`);
    }
  });

  it("such a probe freezes tissue (3D plan, 2-min freeze)", () => {
    const o = planAblation({
      tissue: "agar-gel",
      mode: "cartesian3d",
      resolutionMm: 1.5,
      domain: { minMm: [-25.5, -25.5, -30], maxMm: [25.5, 25.5, 30] },
      probes: [{ model: "argon-1.7", tipMm: [0, 0, 20] }],
      protocol: [{ freezeMin: 2 }],
    });
    assert.ok(o.iceVolumeMl > 0.5, `ice ${o.iceVolumeMl} mL`);
  });
});
