/**
 * Rodas5P: an 8-stage L-stable Rosenbrock method of order 5 with an embedded order-4 error estimate
 * (the last stage increment) and a stiffly accurate order-4 dense output.
 *
 * Coefficients: G. Steinebach, "Construction of Rosenbrock–Wanner method Rodas5P and numerical benchmarks
 * within the Julia Differential Equations package", BIT Numer. Math. 63:27 (2023), in the transformed form
 * (a_ij, C_ij, c_i, d_i, dense-output h_ij) as tabulated in OrdinaryDiffEq.jl's rosenbrock_tableaus.jl
 * (Rodas5PTableau). Stage form (Hairer & Wanner 1996, §IV.7, eq. 7.25):
 *   (I/(hγ) − J) k_i = f(t + c_i h, y + Σ a_ij k_j) + Σ (C_ij/h) k_j + h d_i ∂f/∂t,  y1 = y + Σ_{stages 6–8} …
 * Step-size control with Gustafsson's predictive controller as in Hairer's RODAS.
 */
import { RealIterationMatrix, SparseStructure } from "../linalg/iteration-matrix.js";
import type { OdeContext } from "./context.js";
import { allFinite } from "./context.js";
import { type Stepper, stepUnderflow, underflowMessage } from "./stepper.js";

const GAMMA = 0.21193756319429014;
const STAGES = 8;
/** a_ij for stages 2–6 (row i holds stage i+1); stages 7 and 8 add the previous increment. */
const A: readonly (readonly number[])[] = [
  [],
  [3.0],
  [2.849394379747939, 0.45842242204463923],
  [-6.954028509809101, 2.489845061869568, -10.358996098473584],
  [2.8029986275628964, 0.5072464736228206, -0.3988312541770524, -0.04721187230404641],
  [-7.502846399306121, 2.561846144803919, -11.627539656261098, -0.18268767659942256, 0.030198172008377946],
];
const C: readonly (readonly number[])[] = [
  [],
  [-14.155112264123755],
  [-17.97296035885952, -2.859693295451294],
  [147.12150275711716, -1.41221402718213, 71.68940251302358],
  [165.43517024871676, -0.4592823456491126, 42.90938336958603, -5.961986721573306],
  [24.854864614690072, -3.0009227002832186, 47.4931110020768, 5.5814197821558125, -0.6610691825249471],
  [
    30.91273214028599, -3.1208243349937974, 77.79954646070892, 34.28646028294783, -19.097331116725623,
    -28.087943162872662,
  ],
  [
    37.80277123390563, -3.2571969029072276, 112.26918849496327, 66.9347231244047, -40.06618937091002,
    -54.66780262877968, -9.48861652309627,
  ],
];
const CT = [0, 0.6358126895828704, 0.4095798393397535, 0.9769306725060716, 0.4288403609558664, 1, 1, 1];
const D = [
  0.21193756319429014, -0.42387512638858027, -0.3384627126235924, 1.8046452872882734, 2.325825639765069, 0, 0,
  0,
];
const H: readonly (readonly number[])[] = [
  [
    25.948786856663858, -2.5579724845846235, 10.433815404888879, -2.3679251022685204, 0.524948541321073,
    1.1241088310450404, 0.4272876194431874, -0.17202221070155493,
  ],
  [
    -9.91568850695171, -0.9689944594115154, 3.0438037242978453, -24.495224566215796, 20.176138334709044,
    15.98066361424651, -6.789040303419874, -6.710236069923372,
  ],
  [
    11.419903575922262, 2.8879645146136994, 72.92137995996029, 80.12511834622643, -52.072871366152654,
    -59.78993625266729, -0.15582684282751913, 4.883087185713722,
  ],
];

/** The same coefficients as flat arrays for the stage loops: A_FLAT[s*STAGES + j], C_FLAT[s*STAGES + j], H_FLAT[r*STAGES + j]. */
const A_FLAT = flatten(A);
const C_FLAT = flatten(C);
const H_FLAT = flatten(H);

function flatten(rows: readonly (readonly number[])[]): Float64Array {
  const out = new Float64Array(rows.length * STAGES);
  rows.forEach((row, r) => {
    out.set(row, r * STAGES);
  });
  return out;
}

const SAFE = 0.9;
const FAC_MIN = 0.2; // largest decrease
const FAC_MAX = 6; // largest increase

export class Rodas5PStepper implements Stepper {
  readonly method = "rodas5" as const;
  t = 0;
  tPrev = 0;
  readonly y: Float64Array;
  private h = 0;
  private hAcc = 0;
  private errAcc = 1e-2;
  private firstStep = true;
  private rejectedLast = false;
  /** fy holds f(t, y) (computed by start() for the step-size estimate). */
  private fyValid = false;
  private readonly fy: Float64Array;
  private readonly dfdt: Float64Array;
  private readonly J: Float64Array;
  /** I/(hγ) − J, factorised (dense or sparse LU). */
  private readonly W: RealIterationMatrix;
  /**
   * Stage increments k_1 … k_8 (stage s at s·n) of the step being computed, and a view of each; and those of
   * the last accepted step (the dense output's data). The two buffers swap at each accepted step.
   */
  private k: Float64Array;
  private kStage: Float64Array[];
  private kAccepted: Float64Array;
  private kAcceptedStage: Float64Array[];
  /** C_sj / h for the current step size. */
  private readonly cH: Float64Array;
  private readonly u: Float64Array;
  private readonly fu: Float64Array;
  private readonly y1: Float64Array;
  private readonly y0: Float64Array;
  /** End point of the last step before the nonNegative clamp (anchor of the interpolant). */
  private readonly yEnd: Float64Array;
  /** Dense-output coefficients K1, K2, K3 of the last step; computed on first use (most steps need none). */
  private readonly dense: Float64Array;
  private denseValid = true;

  constructor(private readonly ctx: OdeContext) {
    const n = ctx.n;
    this.y = new Float64Array(n);
    this.fy = new Float64Array(n);
    this.dfdt = new Float64Array(n);
    this.J = new Float64Array(n * n);
    this.W = new RealIterationMatrix(n, new SparseStructure(ctx.sparsity));
    const views = (k: Float64Array) =>
      Array.from({ length: STAGES }, (_, st) => k.subarray(st * n, (st + 1) * n));
    this.k = new Float64Array(STAGES * n);
    this.kStage = views(this.k);
    this.kAccepted = new Float64Array(STAGES * n);
    this.kAcceptedStage = views(this.kAccepted);
    this.cH = new Float64Array(STAGES * STAGES);
    this.u = new Float64Array(n);
    this.fu = new Float64Array(n);
    this.y1 = new Float64Array(n);
    this.y0 = new Float64Array(n);
    this.yEnd = new Float64Array(n);
    this.dense = new Float64Array(3 * n);
  }

  get hNext(): number {
    return this.h;
  }

  start(t: number, y: Float64Array, h0: number | undefined, span: number): void {
    this.t = t;
    this.tPrev = t;
    this.y.set(y);
    this.y0.set(y);
    this.yEnd.set(y);
    this.dense.fill(0);
    this.denseValid = true;
    this.firstStep = true;
    this.rejectedLast = false;
    this.errAcc = 1e-2;
    this.fyValid = false;
    if (h0 !== undefined && h0 > 0) this.h = Math.min(h0, span);
    else {
      this.ctx.rhs(t, this.y, this.fy);
      this.fyValid = true;
      this.h = this.ctx.initialStep(t, this.y, this.fy, 4, span, this.u, this.fu);
    }
  }

  step(tStop: number): string | null {
    const ctx = this.ctx;
    const n = ctx.n;
    const { y, fy, dfdt, J, W, k, kStage, cH, u, fu, y1 } = this;
    const t = this.t;
    if (!this.fyValid) ctx.rhs(t, y, fy);
    this.fyValid = false;
    ctx.jacobian(t, y, fy, J);
    ctx.timeDerivative(t, y, fy, dfdt);
    for (;;) {
      // the controller's proposal; a step clipped to land on tStop hands it on (below) rather than the
      // proposal its own, shorter, step would make: after a stop the solve resumes at the step size the
      // dynamics allowed before it (still under error control)
      const hWanted = ctx.fixedStep > 0 ? ctx.fixedStep : Math.min(this.h, ctx.hMax);
      let h = hWanted;
      let last = false;
      if (t + 1.01 * h >= tStop) {
        h = tStop - t;
        last = true;
      }
      if (stepUnderflow(t, h)) return underflowMessage(t, h);
      const tNew = last ? tStop : t + h;
      ctx.stats.factorizations++;
      if (!W.factor(J, 1 / (h * GAMMA))) {
        ctx.stats.rejected++;
        this.h = h * 0.5;
        this.rejectedLast = true;
        continue;
      }
      const invH = 1 / h;
      for (let q = 0; q < C_FLAT.length; q++) cH[q] = C_FLAT[q] * invH;
      const withDfdt = !ctx.autonomous;
      // Stage s: u = y + Σ_j a_sj k_j, then (I/(hγ) − J) k_s = f(u) + h d_s ∂f/∂t + Σ_j (C_sj/h) k_j. The sums
      // run over j innermost, in the same order as one axpy per j would (identical rounding, fewer stores).
      for (let s = 0; s < STAGES; s++) {
        let fs: Float64Array;
        if (s === 0) fs = fy;
        else {
          if (s <= 5) {
            const a0 = s * STAGES;
            for (let i = 0; i < n; i++) {
              let acc = y[i];
              for (let j = 0, o = i; j < s; j++, o += n) acc += A_FLAT[a0 + j] * k[o];
              u[i] = acc;
            }
          } else {
            const kOff = (s - 1) * n;
            for (let i = 0; i < n; i++) u[i] += k[kOff + i];
          }
          ctx.rhs(s >= 5 ? tNew : t + CT[s] * h, u, fu);
          fs = fu;
        }
        const hd = h * D[s];
        const c0 = s * STAGES;
        const ks = kStage[s];
        const addDfdt = hd !== 0 && withDfdt;
        for (let i = 0; i < n; i++) {
          let acc = addDfdt ? fs[i] + hd * dfdt[i] : fs[i];
          for (let j = 0, o = i; j < s; j++, o += n) acc += cH[c0 + j] * k[o];
          ks[i] = acc;
        }
        W.solve(ks);
      }
      const k8 = kStage[7];
      for (let i = 0; i < n; i++) y1[i] = u[i] + k8[i];
      // error estimate: the last increment
      let err = ctx.errorNorm(k8, y, y1);
      if (!allFinite(y1)) err = Number.POSITIVE_INFINITY;
      if (!Number.isFinite(err)) {
        ctx.stats.rejected++;
        this.rejectedLast = true;
        this.h = h * 0.1;
        continue;
      }
      let fac = Math.max(1 / FAC_MAX, Math.min(1 / FAC_MIN, err ** 0.2 / SAFE));
      if (err <= 1 || ctx.fixedStep > 0) {
        if (!this.firstStep) {
          // Gustafsson's predictive controller (Hairer & Wanner 1996, §IV.8)
          let facGus = ((this.hAcc / h) * ((err * err) / this.errAcc) ** 0.2) / SAFE;
          facGus = Math.max(1 / FAC_MAX, Math.min(1 / FAC_MIN, facGus));
          fac = Math.max(fac, facGus);
        }
        this.hAcc = h;
        this.errAcc = Math.max(1e-2, err);
        let hNew = h / fac;
        if (this.rejectedLast) hNew = Math.min(hNew, h);
        if (last && h < hWanted) hNew = Math.max(hNew, hWanted);
        // the dense output is formed from these k when first asked for
        this.k = this.kAccepted;
        this.kStage = this.kAcceptedStage;
        this.kAccepted = k;
        this.kAcceptedStage = kStage;
        this.denseValid = false;
        this.y0.set(y);
        this.yEnd.set(y1);
        ctx.clamp(y1);
        y.set(y1);
        this.tPrev = t;
        this.t = tNew;
        this.h = hNew;
        this.firstStep = false;
        this.rejectedLast = false;
        ctx.stats.steps++;
        return null;
      }
      ctx.stats.rejected++;
      this.rejectedLast = true;
      this.h = this.firstStep ? h * 0.1 : h / fac;
    }
  }

  /** Dense output of the last step: y(θ) = (1−θ) y0 + θ (y1 + (1−θ)(K1 + θ (K2 + θ K3))), K_r = Σ_j h_rj k_j. */
  private formDense(): void {
    const n = this.ctx.n;
    const { dense, kAccepted: k } = this;
    for (let r = 0; r < 3; r++) {
      const h0 = r * STAGES;
      const dOff = r * n;
      for (let i = 0; i < n; i++) {
        let acc = 0;
        for (let j = 0, o = i; j < STAGES; j++, o += n) acc += H_FLAT[h0 + j] * k[o];
        dense[dOff + i] = acc;
      }
    }
    this.denseValid = true;
  }

  interpolate(s: number, out: Float64Array): void {
    const n = this.ctx.n;
    const span = this.t - this.tPrev;
    if (span === 0) {
      out.set(this.y);
      return;
    }
    if (!this.denseValid) this.formDense();
    const th = (s - this.tPrev) / span;
    const th1 = 1 - th;
    const { y0, yEnd: y, dense } = this;
    for (let i = 0; i < n; i++)
      out[i] = th1 * y0[i] + th * (y[i] + th1 * (dense[i] + th * (dense[n + i] + th * dense[2 * n + i])));
  }
}
