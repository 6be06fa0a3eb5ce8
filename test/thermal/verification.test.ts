/**
 * Verification of the bioheat solver against closed-form solutions (SCIENCE.md §1; docs/thermal.md):
 * the two-phase Neumann problem, the Carslaw & Jaeger §11.2 line-sink freezing problem (1D radial and
 * 2D axisymmetric), second-order convergence on smooth steady problems, and the energy balance.
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BioheatSolver, PATCH_FLUX, PATCH_TEMPERATURE } from "../../src/thermal/bioheat-solver.js";
import type { Grid } from "../../src/thermal/grid.js";
import {
  axisymmetricGrid,
  cartesianGrid,
  planarGrid,
  radialGrid,
  xCentre,
  yCentre,
  zCentre,
} from "../../src/thermal/grid.js";
import { enthalpyOf, liquidFractionOf } from "../../src/thermal/phase-change.js";
import type { TissueNumbers } from "../../src/thermal/tissue.js";
import { bisect, erf, erfc, expint1 } from "./analytic.js";

/** SCIENCE.md §1 worked case: k 2/0.5 W/m/K, ρc 1.8/3.6 MJ/m³/K, L 300 MJ/m³, front at 0 °C. */
const KS = 2;
const KL = 0.5;
const CS = 1.8e6;
const CL = 3.6e6;
const LATENT = 300e6;
const AS = KS / CS;
const AL = KL / CL;

/** Sharp front approximated by a ±0.05 K mushy range around 0 °C. */
function sharpTissue(over: Partial<TissueNumbers> = {}): TissueNumbers {
  return {
    kUnfrozen: KL,
    kFrozen: KS,
    cUnfrozen: CL,
    cFrozen: CS,
    latent: LATENT,
    tSolidusC: -0.05,
    tLiquidusC: 0.05,
    perfusionCoefficient: 0,
    metabolism: 0,
    arterialC: 37,
    initialC: 37,
    ...over,
  };
}

function runTo(s: BioheatSolver, tEnd: number, dt: number): void {
  while (s.time < tEnd - 1e-9) assert.ok(s.advance(Math.min(dt, tEnd - s.time)), "step failed");
}

describe("analytic helpers", () => {
  it("erf, erfc and E1 match tabulated values", () => {
    assert.ok(Math.abs(erf(0.5) - 0.5204998778130465) < 1e-14);
    assert.ok(Math.abs(erfc(3.5) - 7.430983723414128e-7) < 1e-19);
    assert.ok(Math.abs(expint1(0.1) - 1.8229239584193906) < 1e-13);
    assert.ok(Math.abs(expint1(1) - 0.21938393439552029) < 1e-14);
    assert.ok(Math.abs(expint1(5) - 0.001148295591275326) < 1e-16);
  });
});

describe("two-phase Neumann (Stefan) problem, SCIENCE.md §1", () => {
  const T0 = -150;
  const TI = 37;
  // k_s(Tf−T0) e^{−λ²}/(erf λ √(π α_s)) − k_l(Ti−Tf) e^{−λ²α_s/α_l}/(erfc(λ√(α_s/α_l)) √(π α_l)) = L λ √α_s
  const lambda = bisect(
    (x) =>
      (KS * (0 - T0) * Math.exp(-x * x)) / (erf(x) * Math.sqrt(Math.PI * AS)) -
      (KL * (TI - 0) * Math.exp((-x * x * AS) / AL)) /
        (erfc(x * Math.sqrt(AS / AL)) * Math.sqrt(Math.PI * AL)) -
      LATENT * x * Math.sqrt(AS),
    0.01,
    3,
  );
  const front = (t: number) => 2 * lambda * Math.sqrt(AS * t);

  it("λ from the transcendental equation is 0.49893", () => {
    assert.ok(Math.abs(lambda - 0.49893) < 5e-6, `λ = ${lambda}`);
    assert.ok(Math.abs(front(600) - 25.765e-3) < 1e-6);
  });

  it("front at 60/300/600 s and T(X/2) at 600 s within 1 %; energy closed to 1e-6", () => {
    const h = 1e-4;
    const nx = 600;
    const grid = planarGrid(nx, h);
    const s = new BioheatSolver({
      grid,
      tissue: sharpTissue(),
      patchCount: 1,
      faceMaps: { xMin: new Int16Array(1).fill(0) },
      setBoundary: (_t, sv) => {
        sv.patchKind[0] = PATCH_TEMPERATURE;
        sv.patchValue[0] = T0;
      },
    });
    const e0 = s.totalEnthalpy();
    for (const [t, published] of [
      [60, 8.148e-3],
      [300, 18.218e-3],
      [600, 25.765e-3],
    ]) {
      runTo(s, t, 0.25);
      let frozen = 0;
      for (let i = 0; i < nx; i++) frozen += (1 - liquidFractionOf(s.law, s.T[i])) * h;
      assert.ok(Math.abs(frozen / published - 1) < 0.01, `front ${frozen} at ${t} s vs ${published}`);
      assert.ok(Math.abs(frozen / front(t) - 1) < 0.005, `front ${frozen} vs derived ${front(t)}`);
    }
    const x = 25.765e-3 / 2;
    const i = Math.floor(x / h - 0.5);
    const w = (x - xCentre(grid, i)) / h;
    const tHalf = s.T[i] * (1 - w) + s.T[i + 1] * w;
    assert.ok(Math.abs(tHalf / -70.39 - 1) < 0.01, `T(X/2) = ${tHalf}`);
    const dE = s.totalEnthalpy() - e0;
    assert.ok(Math.abs(dE - s.boundaryEnergy - s.sourceEnergy) <= 1e-6 * Math.abs(dE));
  });
});

describe("radial line-sink freezing (Carslaw & Jaeger §11.2), derivation in docs/thermal.md", () => {
  const Q = 400; // W/m withdrawn by the line sink
  const TI = 37;
  const nu = AS / AL;
  const lambda = bisect(
    (x) =>
      (Q * Math.exp(-x * x)) / (4 * Math.PI) -
      (KL * TI * Math.exp(-x * x * nu)) / expint1(x * x * nu) -
      LATENT * x * x * AS,
    1e-4,
    3,
  );
  const exact = (r: number, t: number) => {
    const R = 2 * lambda * Math.sqrt(AS * t);
    return r <= R
      ? -(Q / (4 * Math.PI * KS)) * (expint1((r * r) / (4 * AS * t)) - expint1(lambda * lambda))
      : TI - (TI * expint1((r * r) / (4 * AL * t))) / expint1(lambda * lambda * nu);
  };
  const r0 = 1e-3;
  const tStart = 30;

  function check(grid: Grid, dt: number, label: string): void {
    const rows = grid.nz;
    const s = new BioheatSolver({
      grid,
      tissue: sharpTissue(),
      patchCount: 1,
      faceMaps: { xMin: new Int16Array(rows).fill(0) },
      setBoundary: (t, sv) => {
        sv.patchKind[0] = PATCH_FLUX;
        sv.patchValue[0] = (-Q * Math.exp((-r0 * r0) / (4 * AS * t))) / (2 * Math.PI * r0);
      },
    });
    s.setTemperatures((c) => exact(xCentre(grid, c % grid.nx), tStart));
    s.time = tStart;
    const e0 = s.totalEnthalpy();
    runTo(s, 600, dt);
    let frozen = 0;
    for (let i = 0; i < grid.nx; i++) frozen += (1 - liquidFractionOf(s.law, s.T[i])) * grid.volume[i];
    const length = grid.kind === "axisymmetric2d" ? grid.hz : 1;
    const R = Math.sqrt(r0 * r0 + frozen / (Math.PI * length));
    const Rexact = 2 * lambda * Math.sqrt(AS * 600);
    assert.ok(Math.abs(R / Rexact - 1) < 0.01, `${label}: front ${R} vs ${Rexact}`);
    for (const r of [2e-3, 5e-3, 8e-3]) {
      const i = Math.round((r - r0) / grid.hx - 0.5);
      for (let k = 0; k < rows; k++) {
        const c = i + grid.nx * k;
        const te = exact(xCentre(grid, i), 600);
        assert.ok(Math.abs(s.T[c] - te) < 0.5, `${label}: T(${xCentre(grid, i)}) ${s.T[c]} vs ${te}`);
      }
    }
    const dE = s.totalEnthalpy() - e0;
    assert.ok(
      Math.abs(dE - s.boundaryEnergy) <= 1e-6 * Math.abs(dE),
      `${label}: energy imbalance ${dE - s.boundaryEnergy} of ${dE}`,
    );
  }

  it("λ solves the line-sink Stefan condition", () => {
    assert.ok(lambda > 0.1 && lambda < 0.5);
    // the Stefan condition k_s ∂T_s/∂r − k_l ∂T_l/∂r = L dR/dt, by finite differences of the exact solution
    const t = 300;
    const R = 2 * lambda * Math.sqrt(AS * t);
    const d = 1e-7;
    const gs = (exact(R - d, t) - exact(R - 2 * d, t)) / d;
    const gl = (exact(R + 2 * d, t) - exact(R + d, t)) / d;
    const lhs = KS * gs - KL * gl;
    const rhs = LATENT * lambda * Math.sqrt(AS / t);
    assert.ok(Math.abs(lhs / rhs - 1) < 1e-3, `${lhs} vs ${rhs}`);
  });

  it("1D radial solver matches the front within 1 % and temperatures within 0.5 K", () => {
    check(radialGrid(400, 1e-4, r0), 0.5, "radial 1D");
  });

  it("2D axisymmetric solver (infinitely long probe) matches too", () => {
    check(axisymmetricGrid(200, 2e-4, 3, 1e-3, r0), 1, "axisymmetric 2D");
  });
});

/** Max-norm error of a steady Dirichlet problem solved by large implicit steps. */
function steadyError(
  grid: Grid,
  tissue: TissueNumbers,
  exact: (x: number, y: number, z: number) => number,
): number {
  const { nx, ny, nz } = grid;
  // one temperature patch per boundary face cell, valued at the face centre
  const faces: Record<string, Int16Array> = {};
  const values: number[] = [];
  const add = (name: string, count: number, at: (f: number) => [number, number, number]) => {
    const m = new Int16Array(count);
    for (let f = 0; f < count; f++) {
      m[f] = values.length;
      const [x, y, z] = at(f);
      values.push(exact(x, y, z));
    }
    faces[name] = m;
  };
  const X0 = grid.x0;
  const X1 = grid.x0 + nx * grid.hx;
  add("xMin", ny * nz, (f) => [X0, yCentre(grid, f % ny), zCentre(grid, Math.floor(f / ny))]);
  add("xMax", ny * nz, (f) => [X1, yCentre(grid, f % ny), zCentre(grid, Math.floor(f / ny))]);
  if (grid.kind === "cartesian3d") {
    const Y0 = grid.y0;
    const Y1 = grid.y0 + ny * grid.hy;
    const Z0 = grid.z0;
    const Z1 = grid.z0 + nz * grid.hz;
    add("yMin", nx * nz, (f) => [xCentre(grid, f % nx), Y0, zCentre(grid, Math.floor(f / nx))]);
    add("yMax", nx * nz, (f) => [xCentre(grid, f % nx), Y1, zCentre(grid, Math.floor(f / nx))]);
    add("zMin", nx * ny, (f) => [xCentre(grid, f % nx), yCentre(grid, Math.floor(f / nx)), Z0]);
    add("zMax", nx * ny, (f) => [xCentre(grid, f % nx), yCentre(grid, Math.floor(f / nx)), Z1]);
  }
  const s = new BioheatSolver({
    grid,
    tissue,
    patchCount: values.length,
    faceMaps: faces,
    setBoundary: (_t, sv) => {
      for (let p = 0; p < values.length; p++) {
        sv.patchKind[p] = PATCH_TEMPERATURE;
        sv.patchValue[p] = values[p];
      }
    },
    residualTolerance: 10,
  });
  for (let i = 0; i < 6; i++) assert.ok(s.advance(1e6));
  let err = 0;
  for (let c = 0; c < s.n; c++) {
    const i = c % nx;
    const j = Math.floor(c / nx) % ny;
    const k = Math.floor(c / (nx * ny));
    err = Math.max(err, Math.abs(s.T[c] - exact(xCentre(grid, i), yCentre(grid, j), zCentre(grid, k))));
  }
  return err;
}

/** Every refinement gains at least order 1.5 and the finest pair is second order (1.85…2.3). */
function assertSecondOrder(errors: number[], label: string): void {
  const orders = errors.slice(1).map((e, i) => Math.log2(errors[i] / e));
  const msg = `${label}: observed orders ${orders.map((o) => o.toFixed(3)).join(", ")}`;
  assert.ok(
    orders.every((o) => o > 1.5),
    msg,
  );
  const last = orders[orders.length - 1];
  assert.ok(last > 1.85 && last < 2.3, msg);
}

describe("second-order convergence in space (smooth problems without phase change)", () => {
  it("planar 1D with perfusion: T = Tb + (T0 − Tb) sinh(m(ℓ − x))/sinh(mℓ)", () => {
    const P = 45000; // ω_b ρ_b c_b, W/m³/K (test value)
    const tissue = sharpTissue({ perfusionCoefficient: P, tSolidusC: -8, tLiquidusC: -1 });
    const m = Math.sqrt(P / KL);
    const ell = 0.01;
    const exact = (x: number) => 37 + (10 - 37) * (Math.sinh(m * (ell - x)) / Math.sinh(m * ell));
    const errors = [10, 20, 40, 80].map((n) => steadyError(planarGrid(n, ell / n), tissue, exact));
    assertSecondOrder(errors, "planar");
  });

  it("radial 1D: T = a + b ln r between 1 and 11 mm", () => {
    const tissue = sharpTissue({ tSolidusC: -8, tLiquidusC: -1 });
    const exact = (r: number) => 10 + ((37 - 10) * Math.log(r / 1e-3)) / Math.log(11);
    const errors = [10, 20, 40, 80, 160].map((n) =>
      steadyError(radialGrid(n, 0.01 / n, 1e-3), tissue, exact),
    );
    assertSecondOrder(errors, "radial");
  });

  it("Cartesian 3D with perfusion: θ = exp(ax + by + cz), k(a² + b² + c²) = P", () => {
    const P = 20000;
    const tissue = sharpTissue({ perfusionCoefficient: P, arterialC: 20, tSolidusC: -8, tLiquidusC: -1 });
    const m = Math.sqrt(P / KL);
    const [a, b, c] = [0.6 * m, 0.48 * m, 0.64 * m];
    const exact = (x: number, y: number, z: number) => 20 + 10 * Math.exp(a * x + b * y + c * z - 1);
    const L = 0.01;
    const errors = [8, 16, 32].map((n) =>
      steadyError(cartesianGrid([n, n, n], L / n, [0, 0, 0]), tissue, exact),
    );
    assertSecondOrder(errors, "cartesian");
  });
});

describe("linear-solve box (solver internals)", () => {
  /** A 3D block frozen from one face (held at −150 °C) for 120 s; returns the solver. */
  function freezeBlock(boxRelative: number): BioheatSolver {
    const n = 20;
    const grid = cartesianGrid([n, n, n], 1e-3, [0, 0, 0]);
    const s = new BioheatSolver({
      grid,
      tissue: sharpTissue({ tSolidusC: -8, tLiquidusC: -1 }),
      patchCount: 1,
      faceMaps: { xMin: new Int16Array(n * n).fill(0) },
      setBoundary: (_t, sv) => {
        sv.patchKind[0] = PATCH_TEMPERATURE;
        sv.patchValue[0] = -150;
      },
    });
    s.boxRelative = boxRelative;
    let dt = 1;
    while (s.time < 120 - 1e-9) {
      assert.ok(s.advance(Math.min(dt, 120 - s.time)), "step failed");
      dt = Math.min(1.3 * dt, 15);
    }
    return s;
  }

  it("restricting the early Newton solves to the large residuals changes T by < 1e-3 K and keeps energy closed to 1e-6", () => {
    const full = freezeBlock(0);
    const restricted = freezeBlock(1e-3);
    let dT = 0;
    for (let c = 0; c < full.n; c++) dT = Math.max(dT, Math.abs(full.T[c] - restricted.T[c]));
    assert.ok(dT < 1e-3, `max |ΔT| ${dT} K`);
    for (const s of [full, restricted]) {
      const e0 = enthalpyOf(s.law, 37) * s.n * 1e-9;
      const dE = s.totalEnthalpy() - e0;
      assert.ok(
        Math.abs(dE - s.boundaryEnergy) <= 1e-6 * Math.abs(dE),
        `energy ${dE - s.boundaryEnergy} of ${dE}`,
      );
    }
    // the restricted run did solve on smaller boxes: no more linear work than the full one
    assert.ok(
      restricted.stats.linearIterations <= full.stats.linearIterations * 1.1,
      `${restricted.stats.linearIterations} vs ${full.stats.linearIterations} CG iterations`,
    );
  });
});
