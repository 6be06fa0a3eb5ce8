/**
 * Where one stiff step's time goes on the immune patient model (2 lesions, drug modules inside the ODE:
 * 84 species): CPU microseconds of each kernel a Rodas5P step calls — right-hand side, finite-difference
 * (coloured, as simulatePatient's default) and symbolic Jacobian, sparse factorisation of I/(hγ) − J on the
 * declared pattern and its triangular solve, against the dense LU with partial pivoting — and the cold
 * symbolic analysis of the pattern (done once per pattern). Then the per-step cost it implies for one
 * rodas5 step (1 Jacobian, 1 factorisation, 8 f, 8 solves) next to the measured whole-solve CPU time per
 * step. `npm run bench ode-step`.
 */
import { coloredJacobian } from "../src/immune/colored-jacobian.js";
import { ModelCache } from "../src/immune/model-cache.js";
import { simulatePatient } from "../src/immune/simulate.js";
import { RealIterationMatrix, SparseStructure } from "../src/numerics/linalg/iteration-matrix.js";
import { SparsityTracker, SymbolicLu } from "../src/numerics/linalg/sparsity.js";
import { NSCLC_INTERMEDIATE, twoLesionPatient } from "../test/fixtures/immune/two-lesion-patient.js";

const scenario = twoLesionPatient({ patient: NSCLC_INTERMEDIATE, horizonDays: 730, everyDays: 7 });

const cpuMs = (): number => {
  const c = process.cpuUsage();
  return (c.user + c.system) / 1000;
};

/** CPU µs per call of fn: best of 5 rounds of `calls` calls after one warm-up round. */
function perCall(calls: number, fn: (i: number) => void): number {
  const round = (): number => {
    const c0 = cpuMs();
    for (let i = 0; i < calls; i++) fn(i);
    return ((cpuMs() - c0) * 1000) / calls;
  };
  round();
  let best = Number.POSITIVE_INFINITY;
  for (let r = 0; r < 5; r++) best = Math.min(best, round());
  return Math.round(best * 100) / 100;
}

export default async function odeStepBench(): Promise<object> {
  const cache = new ModelCache();
  const options = { cache, exposure: "ode" as const };
  const model = cache.get({ lesionCount: 2, drugs: ["nivolumab"] });
  const n = model.species.length;
  const p = model.defaultParameters();
  // a state with every species positive (the structural pattern is exercised), several variants
  const y0 = model.initialState(p);
  const states = Array.from({ length: 8 }, (_, k) =>
    Float64Array.from(y0, (v, i) => (v === 0 ? 1e-3 * (1 + k) : v * (1 + 0.01 * ((i + k) % 5)))),
  );
  const dy = new Float64Array(n);
  const rhs = perCall(20000, (i) => model.rhs(0, states[i & 7], dy, p));
  const J = new Float64Array(n * n);
  const symbolicJac = perCall(5000, (i) => model.jacobian(0, states[i & 7], J, p));
  const fd = coloredJacobian(
    n,
    model.jacobianPattern,
    (t, y, d) => model.rhs(t, y, d, p),
    new Float64Array(n).fill(1e-6),
  );
  const fdJac = perCall(2000, (i) => fd.jacobian(0, states[i & 7], J));

  const tracker = new SparsityTracker(n);
  const { rows, cols } = model.jacobianPattern;
  tracker.declare(Array.from(rows, (r, k) => r * n + cols[k]));
  const t0 = cpuMs();
  const sym = new SymbolicLu(n, tracker.mask);
  const symbolicMs = Math.round((cpuMs() - t0) * 100) / 100;
  const symbolicWarm = perCall(20, () => new SymbolicLu(n, tracker.mask));

  // iteration matrices at step sizes from 1e-3 to 10 days (1/(hγ), γ = 0.2119)
  const Js = states.map((y) => {
    const m = new Float64Array(n * n);
    model.jacobian(0, y, m, p);
    return m;
  });
  const shifts = [1e-3, 1e-2, 0.1, 1, 10].map((h) => 1 / (h * 0.21193756319429014));
  const sparse = new RealIterationMatrix(n, new SparseStructure(tracker));
  const dense = new RealIterationMatrix(n, new SparseStructure(null));
  const b = new Float64Array(n);
  const rhsB = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1));
  const factorSparse = perCall(5000, (i) => sparse.factor(Js[i & 7], shifts[i % 5]));
  const solveSparse = perCall(40000, () => {
    b.set(rhsB);
    sparse.solve(b);
  });
  const factorDense = perCall(500, (i) => dense.factor(Js[i & 7], shifts[i % 5]));
  const solveDense = perCall(10000, () => {
    b.set(rhsB);
    dense.solve(b);
  });

  // the whole solve, for the per-step cost
  for (let w = 0; w < 3; w++) simulatePatient(undefined, scenario, options);
  const sims: number[] = [];
  let stats = simulatePatient(undefined, scenario, options).stats;
  for (let r = 0; r < 7; r++) {
    const c0 = cpuMs();
    stats = simulatePatient(undefined, scenario, options).stats;
    sims.push(cpuMs() - c0);
  }
  sims.sort((a, c) => a - c);
  const simMs = sims[3];
  const kernelsPerStep = {
    fdJacobian: fdJac,
    rhs8: Math.round(8 * rhs * 100) / 100,
    factorSparse,
    solve8Sparse: Math.round(8 * solveSparse * 100) / 100,
  };
  const result = {
    model: "immune patient, 2 lesions, nivolumab inside the ODE",
    species: n,
    patternNonzeros: tracker.mask.reduce((s, v) => s + v, 0),
    luStoredEntries: sym.nnz,
    factorMultiplyAdds: sym.factorOps,
    symbolicAnalysisColdMs: symbolicMs,
    symbolicAnalysisWarmUs: symbolicWarm,
    usPerCall: {
      rhs,
      fdJacobianColoured: fdJac,
      fdJacobianGroups: fd.groups,
      symbolicJacobian: symbolicJac,
      factorSparse,
      solveSparse,
      factorDense,
      solveDense,
    },
    rodas5StepKernelsUs: {
      ...kernelsPerStep,
      sum: Math.round(Object.values(kernelsPerStep).reduce((s, v) => s + v, 0) * 10) / 10,
    },
    simulation: {
      medianCpuMs: Math.round(simMs * 10) / 10,
      ...stats,
      cpuUsPerStep: Math.round((simMs * 1000) / stats.steps),
    },
  };
  console.log(JSON.stringify(result, null, 2));
  return result;
}
