import assert from "node:assert/strict";
import { test } from "node:test";
import { compileModel } from "../../src/model/compile.js";
import { kuznetsov1994 } from "../../src/model/examples/kuznetsov1994.js";
import { qspioCheckpoint } from "../../src/model/examples/qspio-checkpoint.js";
import { solveOde } from "../../src/numerics/ode/index.js";

// Kuznetsov et al. 1994 published parameters, typed in independently of the example module.
const K = { s: 1.3e4, p: 0.1245, g: 2.019e7, m: 3.422e-10, d: 0.0412, a: 0.18, b: 2.0e-9, n: 1.101e-7 };

/** The dormant equilibrium: on the T-nullcline T = (a − nE)/(ab), the E-equation root near E = 1.6e6 (bisection). */
function dormantEquilibrium(): { E: number; T: number } {
  const T = (E: number) => (K.a - K.n * E) / (K.a * K.b);
  const f = (E: number) => K.s + (K.p * E * T(E)) / (K.g + T(E)) - K.m * E * T(E) - K.d * E;
  let lo = 1.2e6;
  let hi = 1.63e6; // below a/n = 1.635e6 where T reaches 0
  assert.ok(f(lo) * f(hi) < 0);
  for (let i = 0; i < 200; i++) {
    const mid = 0.5 * (lo + hi);
    if (f(lo) * f(mid) <= 0) hi = mid;
    else lo = mid;
  }
  const E = 0.5 * (lo + hi);
  return { E, T: T(E) };
}

test("Kuznetsov 1994: the published dormant equilibrium E ≈ 1.61e6, T ≈ 8.19e6 is a stable steady state of the model", () => {
  const eq = dormantEquilibrium();
  assert.ok(Math.abs(eq.E - 1.61e6) / 1.61e6 < 0.005, `E = ${eq.E}`);
  assert.ok(Math.abs(eq.T - 8.19e6) / 8.19e6 < 0.005, `T = ${eq.T}`);
  const m = compileModel(kuznetsov1994);
  const p = m.defaultParameters();
  const y = Float64Array.from([eq.E, eq.T]);
  const dydt = new Float64Array(2);
  m.rhs(0, y, dydt, p);
  assert.ok(
    Math.abs(dydt[0]) < 1e-6 * K.s && Math.abs(dydt[1]) < 1e-6 * K.a * eq.T,
    `${dydt[0]}, ${dydt[1]}`,
  );
  const J = new Float64Array(4);
  m.jacobian(0, y, J, p);
  const trace = J[0] + J[3];
  const det = J[0] * J[3] - J[1] * J[2];
  assert.ok(trace < 0 && det > 0, "stable: trace < 0, det > 0");
  // integrate from a perturbed state: the solution returns to the dormant state
  const sol = solveOde(m.problem(p, 0, 3000, [1.4e6, 1.0e7]), {
    method: "rodas5",
    rtol: 1e-10,
    atol: 1e-4,
    outputTimes: [3000],
  });
  assert.equal(sol.status, "success", sol.message);
  const [E, T] = sol.y[sol.y.length - 1];
  assert.ok(Math.abs(E - eq.E) / eq.E < 1e-4, `E(3000) = ${E}`);
  assert.ok(Math.abs(T - eq.T) / eq.T < 1e-4, `T(3000) = ${T}`);
});

test("Kuznetsov 1994: without tumour, effectors settle at the tumour-free state E = s/d ≈ 3.155e5", () => {
  const m = compileModel(kuznetsov1994);
  const p = m.defaultParameters();
  const sol = solveOde(m.problem(p, 0, 600, [1e5, 0]), {
    method: "rodas5",
    rtol: 1e-10,
    atol: 1e-6,
    outputTimes: [600],
  });
  assert.equal(sol.status, "success", sol.message);
  const [E, T] = sol.y[0];
  assert.equal(T, 0);
  assert.ok(Math.abs(E - K.s / K.d) / (K.s / K.d) < 1e-9, `E = ${E}`);
  assert.ok(Math.abs(K.s / K.d - 3.155e5) / 3.155e5 < 1e-3);
});

/** Analytic 1:1 binding equilibrium of P0 receptors and L0 ligands with dissociation constant Kd (same units). */
function bound(P0: number, L0: number, Kd: number): number {
  const b = P0 + L0 + Kd;
  return (2 * P0 * L0) / (b + Math.sqrt(b * b - 4 * P0 * L0)); // stable form of (b − √(b² − 4P0L0))/2
}

function steadyCheckpoint(aPD1: number, rPDL2?: number) {
  const m = compileModel(qspioCheckpoint);
  const p = m.defaultParameters();
  p[m.parameterIndex("aPD1")] = aPD1;
  if (rPDL2 !== undefined) p[m.parameterIndex("r_PDL2C")] = rPDL2;
  const y0 = m.initialState(p);
  const sol = solveOde(m.problem(p, 0, 2, y0), {
    method: "rodas5",
    rtol: 1e-10,
    atol: 1e-10,
    outputTimes: [2],
    nonNegative: [...m.nonNegativeIndices],
  });
  assert.equal(sol.status, "success", sol.message);
  const y = sol.y[0];
  const obs = new Float64Array(m.observables.length);
  m.observe(2, y, p, obs);
  const get = (name: string) => y[m.speciesIndex(name)];
  const o = (name: string) => obs[m.observableIndex(name)];
  return { m, p, y0, y, get, o };
}

test("QSP-IO synapse: PD-1/PD-L1 complexes reach the analytic binding equilibrium with the 2-D Kd = kd·d_syn", () => {
  const { y0, get, m } = steadyCheckpoint(0, 0);
  const P0 = y0[m.speciesIndex("PD1")];
  const L0 = y0[m.speciesIndex("PDL1")];
  // QSP-IO initial densities: 27900 PD-1 over π·6.94² µm², 120000 PD-L1 over π·17² µm²
  assert.ok(Math.abs(P0 - 27900 / (Math.PI * 6.94 ** 2)) < 1e-9);
  assert.ok(Math.abs(L0 - 120000 / (Math.PI * 17 ** 2)) < 1e-9);
  const kd2D = 8.2e-6 * 6.02214076e23 * 1e-15 * 3e-3; // 8.2 µM · 3 nm in molecule/µm²
  const x = bound(P0, L0, kd2D);
  assert.ok(Math.abs(get("PD1_PDL1") - x) / x < 1e-6, `${get("PD1_PDL1")} vs ${x}`);
  assert.ok(Math.abs(get("PD1") - (P0 - x)) / (P0 - x) < 1e-5);
});

test("QSP-IO synapse: anti-PD-1 occupies PD-1 and lowers H_PD1 monotonically, raising T-cell killing", () => {
  const doses = [0, 1, 10, 100];
  const runs = doses.map((c) => steadyCheckpoint(c));
  const H = runs.map((r) => r.o("H_PD1"));
  const occ = runs.map((r) => r.o("PD1_occupancy"));
  assert.equal(occ[0], 0);
  assert.ok(H[0] > 0.99, `H_PD1 without drug ${H[0]}`);
  for (let i = 1; i < doses.length; i++) {
    assert.ok(H[i] < H[i - 1], `H_PD1 falls: ${H.join(", ")}`);
    assert.ok(occ[i] > occ[i - 1], `occupancy rises: ${occ.join(", ")}`);
  }
  assert.ok(occ[3] > 0.95, `occupancy at 100 nM ${occ[3]}`);
  // killing rate is proportional to 1 − H_PD1
  const kill = runs.map((r) => {
    const dydt = new Float64Array(r.y.length);
    r.m.rhs(0, r.y, dydt, r.p);
    return -dydt[r.m.speciesIndex("C")];
  });
  assert.ok(kill[3] > kill[0]);
});
