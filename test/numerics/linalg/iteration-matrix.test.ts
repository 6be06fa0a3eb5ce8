import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { ColumnColoring } from "../../../src/numerics/linalg/column-coloring.js";
import {
  ComplexIterationMatrix,
  factorSparseReal,
  GROWTH_LIMIT,
  PIVOT_THRESHOLD,
  RealIterationMatrix,
  SparseStructure,
} from "../../../src/numerics/linalg/iteration-matrix.js";
import { luFactor, luFactorComplex, luSolve, luSolveComplex } from "../../../src/numerics/linalg/lu.js";
import { SparsityTracker, SymbolicLu } from "../../../src/numerics/linalg/sparsity.js";
import { createRng } from "../../../src/numerics/rng/index.js";

/** A random sparse n×n Jacobian with about perRow off-diagonal entries per row (seeded). */
function randomSparse(n: number, perRow: number, seed: number): Float64Array {
  const r = createRng(seed);
  const J = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    J[i * n + i] = -1 - 10 * r.uniform();
    for (let c = 0; c < perRow; c++) J[i * n + r.int(n)] += r.normal();
  }
  return J;
}

function residual(J: Float64Array, n: number, d: number, x: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < n; i++) {
    let s = d * x[i];
    for (let j = 0; j < n; j++) s -= J[i * n + j] * x[j];
    worst = Math.max(worst, Math.abs(s - b[i]));
  }
  return worst;
}

describe("dense LU", () => {
  it("solves a pivoting-sensitive system (zero leading entry)", () => {
    const a = Float64Array.from([0, 2, 1, 1, 1, 0, 3, 0, 1]);
    const piv = new Int32Array(3);
    assert.ok(luFactor(a, 3, piv));
    const b = Float64Array.from([3, 2, 4]); // x = [1, 1, 1]
    luSolve(a, 3, piv, b);
    for (const v of b) assert.ok(Math.abs(v - 1) < 1e-14);
  });
  it("reports a singular matrix", () => {
    assert.equal(luFactor(Float64Array.from([1, 2, 2, 4]), 2, new Int32Array(2)), false);
  });
  it("complex LU solves (1+i)x = 2i", () => {
    const ar = Float64Array.from([1]);
    const ai = Float64Array.from([1]);
    const piv = new Int32Array(1);
    assert.ok(luFactorComplex(ar, ai, 1, piv));
    const br = Float64Array.from([0]);
    const bi = Float64Array.from([2]);
    luSolveComplex(ar, ai, 1, piv, br, bi);
    assert.ok(Math.abs(br[0] - 1) < 1e-15 && Math.abs(bi[0] - 1) < 1e-15);
  });
});

describe("sparse LU on the learnt pattern", () => {
  const n = 40;
  const J = randomSparse(n, 2, 11);
  const tracker = new SparsityTracker(n);
  tracker.observe(J);
  it("the minimum-degree order gives a sparse filled pattern", () => {
    const sym = new SymbolicLu(n, tracker.mask);
    assert.ok(sym.density < 0.4, `density ${sym.density}`);
    assert.deepEqual(
      Array.from(sym.perm).sort((a, b) => a - b),
      Array.from({ length: n }, (_, i) => i),
    );
  });
  for (const d of [1e3, 1, 1e-3]) {
    it(`real: (d·I − J) x = b solved to 1e-10 for d = ${d}, same as dense`, () => {
      const m = new RealIterationMatrix(n, new SparseStructure(tracker));
      assert.ok(m.factor(J, d));
      const b = Float64Array.from({ length: n }, (_, i) => Math.sin(i + 1));
      const x = b.slice();
      m.solve(x);
      const scale = Math.max(...x.map(Math.abs));
      assert.ok(residual(J, n, d, x, b) < 1e-10 * Math.max(1, scale * Math.max(1, d)));
      const dense = new RealIterationMatrix(n, new SparseStructure(null));
      assert.ok(dense.factor(J, d));
      const y = b.slice();
      dense.solve(y);
      for (let i = 0; i < n; i++) assert.ok(Math.abs(x[i] - y[i]) < 1e-9 * Math.max(1, Math.abs(y[i])));
    });
  }
  it("complex: ((dr + i·di)·I − J) x = b agrees with the dense complex LU", () => {
    const m = new ComplexIterationMatrix(n, new SparseStructure(tracker));
    const dense = new ComplexIterationMatrix(n, new SparseStructure(null));
    assert.ok(m.factor(J, 2.5, 1.7));
    assert.ok(dense.factor(J, 2.5, 1.7));
    const br = Float64Array.from({ length: n }, (_, i) => Math.cos(i));
    const bi = Float64Array.from({ length: n }, (_, i) => Math.sin(2 * i));
    const [xr, xi, yr, yi] = [br.slice(), bi.slice(), br.slice(), bi.slice()];
    m.solve(xr, xi);
    dense.solve(yr, yi);
    for (let i = 0; i < n; i++) {
      assert.ok(Math.abs(xr[i] - yr[i]) < 1e-10);
      assert.ok(Math.abs(xi[i] - yi[i]) < 1e-10);
    }
  });
  it("a failed static pivot is deferred to the end of the order (its Schur complement), not sent to dense", () => {
    // d·I − J with d = 1: J_00 = 1 cancels the shift (a growing species whose 1/(hγ) meets its growth
    // rate): pivot 0 in the minimum-fill order, which takes 0 before its partner 1 (equal counts, lower
    // index); eliminated last, its pivot is its Schur complement 0 − (−1)(−1)/1 = −1
    const m = 12;
    const J = new Float64Array(m * m);
    J[0] = 1;
    J[1] = 1; // A01 = −1
    J[m] = 1; // A10 = −1, A11 = 1
    for (let i = 3; i < m; i++) J[i * m + i - 1] = 0.5;
    const tr = new SparsityTracker(m);
    tr.observe(J);
    const structure = new SparseStructure(tr);
    const order = Array.from(structure.current()?.perm ?? []);
    assert.ok(order.indexOf(0) < order.indexOf(1), "min-fill eliminates 0 before 1 (the case this tests)");
    const mat = new RealIterationMatrix(m, structure);
    assert.ok(mat.factor(J, 1));
    assert.equal(mat.fallbacks, 0);
    assert.equal(structure.current()?.perm[m - 1], 0);
    const dense = new RealIterationMatrix(m, new SparseStructure(null));
    assert.ok(dense.factor(J, 1));
    const b = Float64Array.from({ length: m }, (_, i) => 1 + i);
    const x = b.slice();
    const y = b.slice();
    mat.solve(x);
    dense.solve(y);
    for (let i = 0; i < m; i++)
      assert.ok(Math.abs(x[i] - y[i]) < 1e-12 * Math.max(1, Math.abs(y[i])), `x[${i}]`);
    // a new solve (new structure) starts from the minimum-fill order again: no state shared between solves
    assert.deepEqual(Array.from(new SparseStructure(tr).current()?.perm ?? []), order);
  });
  it("falls back to dense pivoting when a sparse pivot is tiny, and stays correct", () => {
    // permutation-like matrix: zero diagonal after the shift d = 0 → the sparse path must give up
    const m2 = 12;
    const P = new Float64Array(m2 * m2);
    for (let i = 0; i < m2; i++) P[i * m2 + ((i + 1) % m2)] = 1;
    const tr = new SparsityTracker(m2);
    tr.observe(P);
    const mat = new RealIterationMatrix(m2, new SparseStructure(tr));
    assert.ok(mat.factor(P, 0));
    assert.equal(mat.fallbacks, 1);
    // the next factorisation goes straight to dense (no second failed sparse attempt) …
    assert.ok(mat.factor(P, 0));
    assert.equal(mat.fallbacks, 1);
    // … then the sparse path is tried again; each further fallback doubles the dense run (1, 2, 4, …, 20)
    const attempts: number[] = [];
    for (let call = 3; call <= 40; call++) {
      const before = mat.fallbacks;
      assert.ok(mat.factor(P, 0));
      if (mat.fallbacks > before) attempts.push(call);
    }
    assert.deepEqual(attempts, [3, 6, 11, 20, 37]);
    // a sparse success resets it: after one, a failure sends only the next factorisation to dense
    const m3 = new RealIterationMatrix(m2, new SparseStructure(tr));
    const shifted = 10; // 10·I − P is diagonally dominant: its static pivots pass
    const sequence: [number, number][] = [
      [0, 1], // sparse fails: 1 dense next
      [0, 1], // dense
      [0, 2], // sparse fails again: 2 dense next
      [shifted, 2], // dense
      [shifted, 2], // dense
      [shifted, 2], // sparse succeeds: reset
      [0, 3], // sparse fails: 1 dense next
      [0, 3], // dense
      [0, 4], // sparse tried again
    ];
    for (const [d, fallbacks] of sequence) {
      assert.ok(m3.factor(P, d));
      assert.equal(m3.fallbacks, fallbacks);
    }
    const b = Float64Array.from({ length: m2 }, (_, i) => i + 1);
    const x = b.slice();
    mat.solve(x);
    assert.ok(residual(P, m2, 0, x, b) < 1e-12);
  });
  it("the factors in compact rows multiply back to the permuted matrix (exact unsymmetric fill)", () => {
    const d = 3;
    const sym = new SymbolicLu(n, tracker.mask);
    const lu = new Float64Array(sym.nnz);
    for (let p = 0; p < sym.src.length; p++) lu[sym.dst[p]] = -J[sym.src[p]];
    for (let q = 0; q < n; q++) lu[sym.diag[q]] += d;
    assert.equal(factorSparseReal(lu, sym, 1), -1);
    const L = new Float64Array(n * n);
    const U = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      L[i * n + i] = 1;
      for (let p = sym.rowStart[i]; p < sym.rowStart[i + 1]; p++) {
        const j = sym.col[p];
        if (j < i) L[i * n + j] = lu[p];
        else U[i * n + j] = lu[p];
      }
    }
    let worst = 0;
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += L[i * n + k] * U[k * n + j];
        const pi = sym.perm[i];
        const pj = sym.perm[j];
        const a = (pi === pj ? d : 0) - J[pi * n + pj];
        worst = Math.max(worst, Math.abs(s - a));
      }
    assert.ok(worst < 1e-12, `max |LU − PAPᵀ| = ${worst}`);
    // columns within a row ascending, diagonal present, L part before it
    for (let i = 0; i < n; i++) {
      assert.equal(sym.col[sym.diag[i]], i);
      for (let p = sym.rowStart[i] + 1; p < sym.rowStart[i + 1]; p++) assert.ok(sym.col[p] > sym.col[p - 1]);
    }
    assert.equal(sym.factorOps, sym.update.length);
  });
  it("one symbolic analysis per pattern: solves with the same pattern share it", () => {
    const a = new SparsityTracker(n);
    const b = new SparsityTracker(n);
    a.observe(J);
    b.observe(J);
    const first = new SparseStructure(a).current();
    assert.ok(first !== null);
    assert.equal(new SparseStructure(b).current(), first);
    const J2 = J.slice();
    J2[n * 5 + 17] = J2[n * 5 + 17] === 0 ? 1 : 0;
    const c = new SparsityTracker(n);
    c.observe(J2);
    assert.notEqual(new SparseStructure(c).current(), first);
  });
  it("a pattern too dense for the sparse path is not analysed further (dense LU used)", () => {
    const m = 30;
    const tr = new SparsityTracker(m);
    tr.observe(randomSparse(m, 16, 9)); // ~40 % of entries before any fill
    assert.equal(new SparseStructure(tr).current(), null);
    const sym = new SymbolicLu(m, tr.mask, 0.4);
    assert.ok(sym.density > 0.4);
    assert.equal(sym.update.length, 0);
    assert.equal(sym.rowStart.length, 0);
  });
  it("a pattern that grows triggers a new symbolic analysis", () => {
    const tr = new SparsityTracker(n);
    tr.observe(J);
    const s = new SparseStructure(tr);
    const first = s.current();
    const J2 = J.slice();
    J2[3] = 5; // new entry (0, 3) unless already present
    J2[n * 7 + 30] = -2;
    assert.ok(tr.observe(J2));
    assert.notEqual(s.current(), first);
  });
});

describe("column colouring for finite differences", () => {
  it("groups never share a nonzero row, and cover every column once", () => {
    const n = 30;
    const J = randomSparse(n, 3, 5);
    const tr = new SparsityTracker(n);
    tr.observe(J);
    const c = new ColumnColoring(n, tr.mask);
    assert.ok(c.groups < n);
    assert.deepEqual(
      Array.from(c.cols).sort((a, b) => a - b),
      Array.from({ length: n }, (_, i) => i),
    );
    for (let g = 0; g < c.groups; g++) {
      const seen = new Set<number>();
      for (let p = c.groupStart[g]; p < c.groupStart[g + 1]; p++) {
        const j = c.cols[p];
        for (let r = c.rowStart[j]; r < c.rowStart[j + 1]; r++) {
          assert.ok(!seen.has(c.rows[r]), `group ${g} shares row ${c.rows[r]}`);
          seen.add(c.rows[r]);
        }
      }
    }
  });
});

describe("sparse pivot rule: threshold pivoting with a growth safeguard", () => {
  /** Relative residual ‖(d·I − J)x − b‖∞ / (‖d·I − J‖∞ ‖x‖∞). */
  function relativeResidual(J: Float64Array, n: number, d: number, x: Float64Array, b: Float64Array): number {
    let normA = 0;
    for (let i = 0; i < n; i++) {
      let row = 0;
      for (let j = 0; j < n; j++) row += Math.abs((i === j ? d : 0) - J[i * n + j]);
      normA = Math.max(normA, row);
    }
    const normX = Math.max(...x.map(Math.abs));
    return residual(J, n, d, x, b) / (normA * normX);
  }
  function sparseMatrix(J: Float64Array, n: number): RealIterationMatrix {
    const tr = new SparsityTracker(n);
    tr.observe(J);
    const s = new SparseStructure(tr);
    assert.ok(s.current() !== null, "the sparse path is taken");
    return new RealIterationMatrix(n, s);
  }

  it("documents its constants", () => {
    assert.equal(PIVOT_THRESHOLD, 1e-8);
    assert.equal(GROWTH_LIMIT, 1e8);
  });

  it("(a) a matrix that partial pivoting would permute is solved on the sparse path to 1e-12 relative residual", () => {
    // tridiagonal −J: diagonal 0.01, sub-diagonal 1, super-diagonal 0.5 → every pivot column has an
    // entry 100× the diagonal (partial pivoting would swap rows; the threshold accepts the static pivot)
    const n = 16;
    const J = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      J[i * n + i] = -0.01;
      if (i > 0) J[i * n + i - 1] = -1;
      if (i + 1 < n) J[i * n + i + 1] = -0.5;
    }
    const m = sparseMatrix(J, n);
    assert.ok(m.factor(J, 0));
    assert.equal(m.fallbacks, 0);
    const b = Float64Array.from({ length: n }, (_, i) => Math.cos(0.7 * i) + 0.1);
    const x = b.slice();
    m.solve(x);
    const rr = relativeResidual(J, n, 0, x, b);
    assert.ok(rr < 1e-12, `relative residual ${rr}`);
  });

  it("(b) a near-singular static pivot (1e-10 of its column) falls back to dense, which solves it", () => {
    // cyclic permutation with 1e-10 on the diagonal: the static order meets pivots ≈ 1e-10 · column max
    const n = 12;
    const P = new Float64Array(n * n);
    for (let i = 0; i < n; i++) P[i * n + ((i + 1) % n)] = 1;
    const m = sparseMatrix(P, n);
    const d = 1e-10;
    assert.ok(m.factor(P, d));
    assert.equal(m.fallbacks, 1);
    const b = Float64Array.from({ length: n }, (_, i) => i + 1);
    const x = b.slice();
    m.solve(x);
    assert.ok(relativeResidual(P, n, d, x, b) < 1e-14);
  });

  it("(c) a badly scaled but well-conditioned matrix (rows scaled 1e-3…1e3, as in QSP models) stays sparse", () => {
    // a diagonally dominant tridiagonal matrix whose rows alternate between scales 1e-3 and 1e3: the entry
    // below each even pivot is 3e5 × the pivot (a 1e-3 threshold rejects it), yet the factorisation is
    // stable (row scaling does not change the solution's sensitivity; growth stays small)
    const n = 14;
    const J = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      const row = i % 2 === 0 ? 1e-3 : 1e3;
      J[i * n + i] = -3 * row;
      if (i > 0) J[i * n + i - 1] = row;
      if (i + 1 < n) J[i * n + i + 1] = row;
    }
    const m = sparseMatrix(J, n);
    assert.ok(m.factor(J, 0));
    assert.equal(m.fallbacks, 0);
    const b = Float64Array.from({ length: n }, (_, i) => 1 + i);
    const x = b.slice();
    m.solve(x);
    assert.ok(relativeResidual(J, n, 0, x, b) < 1e-12);
  });

  it("element growth beyond GROWTH_LIMIT rejects the sparse factorisation", () => {
    // Wilkinson's growth matrix: 1 on the diagonal, −1 below it, 1 in the last column. Every static pivot
    // passes the threshold (|a_kk| = column max) but the last column doubles at each step: growth
    // 2^(n−1) — 5.2e5 for n = 20 (accepted), 5.4e8 for n = 30 (> GROWTH_LIMIT, rejected)
    for (const [n, result] of [
      [20, -1],
      [30, 30],
    ] as const) {
      const A = new Float64Array(n * n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < i; j++) A[i * n + j] = -1;
        A[i * n + i] = 1;
        A[i * n + n - 1] = 1;
      }
      const tr = new SparsityTracker(n);
      tr.observe(A);
      const sym = new SymbolicLu(n, tr.mask);
      const lu = new Float64Array(sym.nnz);
      for (let p = 0; p < sym.src.length; p++) lu[sym.dst[p]] = A[sym.src[p]];
      assert.equal(factorSparseReal(lu, sym, 1), result, `n = ${n}`); // n: the growth check failed
    }
  });

  it("a declared pattern (SparsityTracker.declare) gives the same structure as observing the Jacobian", () => {
    const n = 30;
    const J = randomSparse(n, 2, 3);
    const seen = new SparsityTracker(n);
    seen.observe(J);
    const declared = new SparsityTracker(n);
    const positions: number[] = [];
    for (let p = 0; p < n * n; p++) if (J[p] !== 0) positions.push(p, p); // duplicates allowed
    assert.ok(declared.declare(positions));
    assert.deepEqual(declared.mask, seen.mask);
    assert.equal(declared.declare(positions), false);
  });
});
