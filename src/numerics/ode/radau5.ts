/**
 * Radau IIA of order 5 (3 stages, stiffly accurate, L-stable), after Hairer & Wanner, "Solving ODEs II"
 * (2nd ed. 1996), §IV.8 and their code RADAU5: simplified Newton iterations on the transformed system
 * (one real n×n and one complex n×n LU instead of a 3n×3n one), Jacobian reuse while Newton converges fast,
 * LU reuse while the step size does not change, the embedded error estimate of §IV.8 (with the refined
 * estimate after a rejection), Gustafsson's predictive step-size controller, collocation dense output and
 * extrapolated starting values. As RADAU5 does, tolerances are mapped to rtol' = 0.1·rtol^(2/3),
 * atol' = atol·rtol'/rtol so that the achieved error tracks the requested rtol.
 * Constants (rounded to double): the eigen-decomposition T, T⁻¹ of the Radau IIA matrix A⁻¹ and the error weights as in RADAU5.
 */
import { ComplexIterationMatrix, RealIterationMatrix, SparseStructure } from "../linalg/iteration-matrix.js";
import type { OdeContext } from "./context.js";
import { allFinite } from "./context.js";
import { type Stepper, stepUnderflow, UNIT_ROUNDOFF, underflowMessage } from "./stepper.js";

const SQ6 = Math.sqrt(6);
const C1 = (4 - SQ6) / 10;
const C2 = (4 + SQ6) / 10;
const C1M1 = C1 - 1;
const C2M1 = C2 - 1;
const C1MC2 = C1 - C2;
const DD1 = -(13 + 7 * SQ6) / 3;
const DD2 = (-13 + 7 * SQ6) / 3;
const DD3 = -1 / 3;
const CBRT9 = Math.cbrt(9);
/** Real eigenvalue γ and complex pair α ± iβ of A⁻¹ (from those of A). */
const U1 = 30 / (6 + CBRT9 * (CBRT9 - 1));
const ALPH0 = (12 - CBRT9 * (CBRT9 - 1)) / 60;
const BETA0 = (CBRT9 * (CBRT9 + 1) * Math.sqrt(3)) / 60;
const CNO = ALPH0 * ALPH0 + BETA0 * BETA0;
const ALPH = ALPH0 / CNO;
const BETA = BETA0 / CNO;
const T11 = 0.09123239487089295;
const T12 = -0.1412552950209542;
const T13 = -0.030029194105147424;
const T21 = 0.241717932707107;
const T22 = 0.20412935229379994;
const T23 = 0.3829421127572619;
const T31 = 0.966048182615093;
const TI11 = 4.325579890063155;
const TI12 = 0.33919925181580984;
const TI13 = 0.5417705399358749;
const TI21 = -4.178718591551905;
const TI22 = -0.32768282076106237;
const TI23 = 0.47662355450055044;
const TI31 = -0.5028726349457868;
const TI32 = 2.571926949855605;
const TI33 = -0.5960392048282249;

const NIT = 7;
const SAFE = 0.9;
const THET = 0.001;
const FACL = 5; // largest decrease
const FACR = 1 / 8; // largest increase
const QUOT1 = 1;
const QUOT2 = 1.2;

export class Radau5Stepper implements Stepper {
  readonly method = "radau5" as const;
  t = 0;
  tPrev = 0;
  readonly y: Float64Array;
  private h = 0;
  private hOld = 0;
  private hAcc = 0;
  private errAcc = 1e-2;
  private luH = Number.NaN;
  private needJac = true;
  private jacFresh = false;
  private first = true;
  private rejectedLast = false;
  private faccon = 1;
  private theta = THET;
  private readonly rtolT: number;
  private readonly atolT: Float64Array;
  private readonly fnewt: number;
  private readonly f0: Float64Array;
  private readonly J: Float64Array;
  /** γ/h·I − J and (α + iβ)/h·I − J, factorised. */
  private readonly e1: RealIterationMatrix;
  private readonly e2: ComplexIterationMatrix;
  private readonly z1: Float64Array;
  private readonly z2: Float64Array;
  private readonly z3: Float64Array;
  private readonly w1: Float64Array;
  private readonly w2: Float64Array;
  private readonly w3: Float64Array;
  private readonly scal: Float64Array;
  private readonly tmp: Float64Array;
  private readonly tmp2: Float64Array;
  private readonly cont1: Float64Array;
  private readonly cont2: Float64Array;
  private readonly cont3: Float64Array;
  /** End point of the last step before the nonNegative clamp (anchor of the collocation polynomial). */
  private readonly yEnd: Float64Array;

  constructor(private readonly ctx: OdeContext) {
    const n = ctx.n;
    const v = () => new Float64Array(n);
    this.y = v();
    this.f0 = v();
    this.J = new Float64Array(n * n);
    const structure = new SparseStructure(ctx.sparsity);
    this.e1 = new RealIterationMatrix(n, structure);
    this.e2 = new ComplexIterationMatrix(n, structure);
    this.z1 = v();
    this.z2 = v();
    this.z3 = v();
    this.w1 = v();
    this.w2 = v();
    this.w3 = v();
    this.scal = v();
    this.tmp = v();
    this.tmp2 = v();
    this.cont1 = v();
    this.cont2 = v();
    this.cont3 = v();
    this.yEnd = v();
    const expm = 2 / 3;
    this.rtolT = 0.1 * ctx.rtol ** expm;
    this.atolT = new Float64Array(n);
    for (let i = 0; i < n; i++) this.atolT[i] = (ctx.atol[i] * this.rtolT) / ctx.rtol;
    this.fnewt = Math.max((10 * UNIT_ROUNDOFF) / this.rtolT, Math.min(0.03, Math.sqrt(this.rtolT)));
  }

  get hNext(): number {
    return this.h;
  }

  start(t: number, y: Float64Array, h0: number | undefined, span: number): void {
    this.t = t;
    this.tPrev = t;
    this.y.set(y);
    this.yEnd.set(y);
    this.ctx.rhs(t, this.y, this.f0);
    this.h =
      h0 !== undefined && h0 > 0
        ? Math.min(h0, span)
        : this.ctx.initialStep(t, this.y, this.f0, 3, span, this.tmp, this.tmp2);
    this.hOld = 0;
    this.first = true;
    this.rejectedLast = false;
    this.needJac = true;
    this.jacFresh = false;
    this.luH = Number.NaN;
    this.faccon = 1;
    this.theta = THET;
    this.errAcc = 1e-2;
    this.cont1.fill(0);
    this.cont2.fill(0);
    this.cont3.fill(0);
  }

  private decompose(h: number): boolean {
    this.ctx.stats.factorizations += 2;
    this.luH = h;
    return this.e1.factor(this.J, U1 / h) && this.e2.factor(this.J, ALPH / h, BETA / h);
  }

  step(tStop: number): string | null {
    const ctx = this.ctx;
    const n = ctx.n;
    const { y, f0, J, z1, z2, z3, w1, w2, w3, scal, tmp, cont1, cont2, cont3 } = this;
    const t = this.t;
    for (let i = 0; i < n; i++) scal[i] = this.atolT[i] + this.rtolT * Math.abs(y[i]);
    for (;;) {
      if (this.needJac) {
        ctx.jacobian(t, y, f0, J);
        this.needJac = false;
        this.jacFresh = true;
      }
      let h = ctx.fixedStep > 0 ? ctx.fixedStep : Math.min(this.h, ctx.hMax);
      let last = false;
      if (t + 1.01 * h >= tStop) {
        h = tStop - t;
        last = true;
      }
      if (stepUnderflow(t, h)) return underflowMessage(t, h);
      if (h !== this.luH && !this.decompose(h)) {
        ctx.stats.rejected++;
        this.h = h * 0.5;
        this.luH = Number.NaN;
        continue;
      }
      const tNew = last ? tStop : t + h;
      const fac1 = U1 / h;
      const alphn = ALPH / h;
      const betan = BETA / h;
      // starting values: zero, or the previous collocation polynomial extrapolated
      if (this.first || this.hOld === 0) {
        z1.fill(0);
        z2.fill(0);
        z3.fill(0);
        w1.fill(0);
        w2.fill(0);
        w3.fill(0);
      } else {
        const c3q = h / this.hOld;
        const c1q = C1 * c3q;
        const c2q = C2 * c3q;
        for (let i = 0; i < n; i++) {
          const ak1 = cont1[i];
          const ak2 = cont2[i];
          const ak3 = cont3[i];
          const a1 = c1q * (ak1 + (c1q - C2M1) * (ak2 + (c1q - C1M1) * ak3));
          const a2 = c2q * (ak1 + (c2q - C2M1) * (ak2 + (c2q - C1M1) * ak3));
          const a3 = c3q * (ak1 + (c3q - C2M1) * (ak2 + (c3q - C1M1) * ak3));
          z1[i] = a1;
          z2[i] = a2;
          z3[i] = a3;
          w1[i] = TI11 * a1 + TI12 * a2 + TI13 * a3;
          w2[i] = TI21 * a1 + TI22 * a2 + TI23 * a3;
          w3[i] = TI31 * a1 + TI32 * a2 + TI33 * a3;
        }
      }
      // simplified Newton iterations
      this.faccon = Math.max(this.faccon, UNIT_ROUNDOFF) ** 0.8;
      let theta = Math.abs(this.theta);
      let dynOld = 0;
      let thqOld = 1;
      let newt = 0;
      let converged = false;
      let hFactor = 0.5; // step-size factor when Newton fails
      // fixed steps: no early give-up on predicted slow convergence, more iterations allowed
      const fixed = ctx.fixedStep > 0;
      const nit = fixed ? 4 * NIT : NIT;
      for (;;) {
        if (newt >= nit) break;
        for (let i = 0; i < n; i++) tmp[i] = y[i] + z1[i];
        ctx.rhs(t + C1 * h, tmp, z1);
        for (let i = 0; i < n; i++) tmp[i] = y[i] + z2[i];
        ctx.rhs(t + C2 * h, tmp, z2);
        for (let i = 0; i < n; i++) tmp[i] = y[i] + z3[i];
        ctx.rhs(tNew, tmp, z3);
        newt++;
        for (let i = 0; i < n; i++) {
          const a1 = z1[i];
          const a2 = z2[i];
          const a3 = z3[i];
          z1[i] = TI11 * a1 + TI12 * a2 + TI13 * a3 - w1[i] * fac1;
          const s2 = -w2[i];
          const s3 = -w3[i];
          z2[i] = TI21 * a1 + TI22 * a2 + TI23 * a3 + s2 * alphn - s3 * betan;
          z3[i] = TI31 * a1 + TI32 * a2 + TI33 * a3 + s3 * alphn + s2 * betan;
        }
        this.e1.solve(z1);
        this.e2.solve(z2, z3);
        let dyno = 0;
        for (let i = 0; i < n; i++) {
          const s = 1 / scal[i];
          dyno += (z1[i] * s) ** 2 + (z2[i] * s) ** 2 + (z3[i] * s) ** 2;
        }
        dyno = Math.sqrt(dyno / (3 * n));
        if (!Number.isFinite(dyno)) break;
        if (newt > 1 && newt < nit) {
          const thq = dyno / dynOld;
          theta = newt === 2 ? thq : Math.sqrt(thq * thqOld);
          thqOld = thq;
          if (theta < 0.99) {
            this.faccon = theta / (1 - theta);
            const dyth = (this.faccon * dyno * theta ** (nit - 1 - newt)) / this.fnewt;
            if (dyth >= 1 && !fixed) {
              const qnewt = Math.max(1e-4, Math.min(20, dyth));
              hFactor = 0.8 * qnewt ** (-1 / (4 + NIT - 1 - newt));
              break;
            }
          } else break;
        }
        dynOld = Math.max(dyno, UNIT_ROUNDOFF);
        for (let i = 0; i < n; i++) {
          const a1 = w1[i] + z1[i];
          const a2 = w2[i] + z2[i];
          const a3 = w3[i] + z3[i];
          w1[i] = a1;
          w2[i] = a2;
          w3[i] = a3;
          z1[i] = T11 * a1 + T12 * a2 + T13 * a3;
          z2[i] = T21 * a1 + T22 * a2 + T23 * a3;
          z3[i] = T31 * a1 + a2;
        }
        if (this.faccon * dyno <= this.fnewt) {
          converged = true;
          break;
        }
      }
      if (!converged) {
        if (ctx.fixedStep > 0) return `Newton iteration did not converge with the fixed step at t = ${t}`;
        ctx.stats.rejected++;
        this.rejectedLast = true;
        this.h = h * hFactor;
        if (!this.jacFresh) this.needJac = true;
        continue;
      }
      this.theta = theta;
      // error estimate (RADAU5's ESTRAD)
      const hee1 = DD1 / h;
      const hee2 = DD2 / h;
      const hee3 = DD3 / h;
      const f2 = this.tmp2;
      for (let i = 0; i < n; i++) {
        f2[i] = hee1 * z1[i] + hee2 * z2[i] + hee3 * z3[i];
        tmp[i] = f2[i] + f0[i];
      }
      this.e1.solve(tmp);
      let err = this.scaledNorm(tmp);
      if (err >= 1 && (this.first || this.rejectedLast)) {
        for (let i = 0; i < n; i++) tmp[i] += y[i];
        ctx.rhs(t, tmp, w1);
        for (let i = 0; i < n; i++) tmp[i] = w1[i] + f2[i];
        this.e1.solve(tmp);
        err = this.scaledNorm(tmp);
      }
      for (let i = 0; i < n; i++) tmp[i] = y[i] + z3[i];
      if (!allFinite(tmp)) err = Number.POSITIVE_INFINITY;
      err = Math.max(err, 1e-10);
      const fac = Math.min(SAFE, (SAFE * (1 + 2 * NIT)) / (newt + 2 * NIT));
      let quot = Math.max(FACR, Math.min(FACL, err ** 0.25 / fac));
      let hNew = h / quot;
      if (err < 1 || (ctx.fixedStep > 0 && Number.isFinite(err))) {
        if (!this.first) {
          let facGus = ((this.hAcc / h) * ((err * err) / this.errAcc) ** 0.25) / SAFE;
          facGus = Math.max(FACR, Math.min(FACL, facGus));
          quot = Math.max(quot, facGus);
          hNew = h / quot;
        }
        this.hAcc = h;
        this.errAcc = Math.max(1e-2, err);
        for (let i = 0; i < n; i++) {
          const z1i = z1[i];
          const z2i = z2[i];
          const z3i = z3[i];
          y[i] += z3i;
          const c1v = (z2i - z3i) / C2M1;
          const ak = (z1i - z2i) / C1MC2;
          let acont3 = z1i / C1;
          acont3 = (ak - acont3) / C2;
          const c2v = (ak - c1v) / C1M1;
          cont1[i] = c1v;
          cont2[i] = c2v;
          cont3[i] = c2v - acont3;
        }
        this.yEnd.set(y);
        ctx.clamp(y);
        this.tPrev = t;
        this.t = tNew;
        this.hOld = h;
        ctx.rhs(tNew, y, f0);
        if (this.rejectedLast) hNew = Math.min(hNew, h);
        this.rejectedLast = false;
        this.first = false;
        this.jacFresh = false;
        ctx.stats.steps++;
        const qt = hNew / h;
        if (theta <= THET && qt >= QUOT1 && qt <= QUOT2) this.h = h;
        else {
          this.h = hNew;
          this.needJac = theta > THET;
        }
        return null;
      }
      ctx.stats.rejected++;
      this.rejectedLast = true;
      this.h = this.first ? h * 0.1 : hNew;
      if (!this.jacFresh) this.needJac = true;
    }
  }

  private scaledNorm(v: Float64Array): number {
    const n = this.ctx.n;
    let s = 0;
    for (let i = 0; i < n; i++) s += (v[i] / this.scal[i]) ** 2;
    const r = Math.sqrt(s / n);
    return Number.isNaN(r) ? Number.POSITIVE_INFINITY : r;
  }

  interpolate(s: number, out: Float64Array): void {
    const n = this.ctx.n;
    if (this.hOld === 0) {
      out.set(this.y);
      return;
    }
    const x = (s - this.t) / this.hOld;
    const { yEnd: y, cont1, cont2, cont3 } = this;
    for (let i = 0; i < n; i++)
      out[i] = y[i] + x * (cont1[i] + (x - C2M1) * (cont2[i] + (x - C1M1) * cont3[i]));
  }
}
