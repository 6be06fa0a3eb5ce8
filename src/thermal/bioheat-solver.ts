/**
 * Implicit enthalpy solver for the Pennes bioheat equation with phase change on a structured grid:
 *
 *   ∂H/∂t = ∇·(k(T)∇T) + φ·[ω_b ρ_b c_b (T_b − T) + q_m],   T = T(H),
 *
 * φ = liquid fraction (0 in frozen tissue), and φ = 0 for good in cells in which ice has formed (T ≤ Tl)
 * once (vascular stasis). Finite volumes with the Kirchhoff variable u = ∫k dT, so every face flux is
 * G_f (u_j − u_i) (second order on uniform grids). Backward Euler in time (stable at any step); each step
 * solves the nonlinear system in H by Newton's method:
 *   residual  R_i = V_i (H_i − Hⁿ_i) − Δt [Σ_f G_f (u_j − u_i) + V_i S_i],
 *   correction in u (symmetric positive definite): (V C/k + Δt V p/k)_i δu_i + Δt Σ_f G_f (δu_i − δu_j) = −R_i,
 *   δH_i = (C/k)_i δu_i, and an update never crosses a kink of H(T) in one iteration (it stops at the
 *   solidus or liquidus), so no iteration jumps over the latent heat.
 * Linear solves: Thomas (tridiagonal) on 1D grids, Jacobi-preconditioned conjugate gradients otherwise.
 * Energy bookkeeping: boundary and source energy are accumulated from the converged residual evaluation,
 * so ΔΣVH = boundary + source + Σ residuals (≤ tolerance).
 * Probes: interior cells held at a temperature (Dirichlet at the faces of the probe cells, optionally
 * through a film resistance) or removed (insulated), per probe; box faces carry patches (insulated,
 * temperature with optional film, or flux into the domain).
 */
import type { Grid } from "./grid.js";
import { cellCount } from "./grid.js";
import type { PhaseChangeLaw } from "./phase-change.js";
import { enthalpyOf, kirchhoffOf, phaseChangeLaw } from "./phase-change.js";
import type { TissueNumbers } from "./tissue.js";

export const PATCH_INSULATED = 0;
export const PATCH_TEMPERATURE = 1;
export const PATCH_FLUX = 2;
export const PROBE_FIXED = 0;
export const PROBE_INSULATED = 1;

export type BoxFace = "xMin" | "xMax" | "yMin" | "yMax" | "zMin" | "zMax";

export interface SolverSetup {
  grid: Grid;
  tissue: TissueNumbers;
  /** Number of boundary patches on the box faces (their kinds and values are set per step). */
  patchCount?: number;
  /** Patch index per face cell (−1: insulated); default: all faces insulated. */
  faceMaps?: Partial<Record<BoxFace, Int16Array>>;
  /** Probe index per cell (−1: tissue), and the number of probes. */
  cellProbe?: Int16Array;
  probeCount?: number;
  /** Starting temperature, °C (default: the tissue's). */
  initialC?: number;
  /** Newton tolerance on |R_i|/V_i, J/m³ (default 1e-4 × C_unfrozen × 1 K). */
  residualTolerance?: number;
  maxNewtonIterations?: number;
  /** Keep perfusion and metabolism off in cells in which ice formed once, T ≤ Tl (vascular stasis); default true. */
  vascularStasis?: boolean;
  /** Called with the end time of each (sub)step before it is solved: set probe and patch values. */
  setBoundary?: (tEnd: number, solver: BioheatSolver) => void;
}

export interface SolverStats {
  steps: number;
  newtonIterations: number;
  linearIterations: number;
  rejectedSteps: number;
}

const FACE_NAMES: BoxFace[] = ["xMin", "xMax", "yMin", "yMax", "zMin", "zMax"];

export class BioheatSolver {
  readonly grid: Grid;
  readonly law: PhaseChangeLaw;
  readonly tissue: TissueNumbers;
  readonly n: number;
  /** State: enthalpy (J/m³) and temperature (°C) per cell; stasis flag (ice formed once: T ≤ Tl). */
  readonly H: Float64Array;
  readonly T: Float64Array;
  readonly stasis: Uint8Array;
  /** Probes: index per cell, mode and temperature per probe. */
  readonly cellProbe: Int16Array;
  readonly probeMode: Uint8Array;
  readonly probeTempC: Float64Array;
  /**
   * Film coefficient between the probe's coolant (at probeTempC) and the tissue, W/m²/K; 0 = the surface
   * itself is held at probeTempC. Modelled as a resistance kf/(h A) in series with the half-cell.
   */
  readonly probeFilm: Float64Array;
  /** Box patches: kind and value (°C for temperature, W/m² into the domain for flux). */
  readonly patchKind: Uint8Array;
  readonly patchValue: Float64Array;
  /** Film coefficient of temperature patches, W/m²/K (0: Dirichlet at the face). */
  readonly patchFilm: Float64Array;
  readonly faceMaps: Record<BoxFace, Int16Array>;
  time = 0;
  /** Energy that entered through boundaries/probes and from perfusion + metabolism, J (per the grid's unit). */
  boundaryEnergy = 0;
  sourceEnergy = 0;
  readonly stats: SolverStats = { steps: 0, newtonIterations: 0, linearIterations: 0, rejectedSteps: 0 };
  residualTolerance: number;
  /** Cells whose |R_i|/V_i exceeds this (J/m³) are in the linear solve's box. */
  boxTolerance: number;
  /**
   * ... and, while the largest residual is large, only those above boxRelative × the largest
   * |R_i|/V_i (the far field joins the solve in the later Newton iterations).
   */
  boxRelative = 1e-3;
  /**
   * The relative box applies only while the largest residual exceeds this multiple of the Newton
   * tolerance: the last solves of a step span every cell above the box tolerance, which keeps the
   * energy balance as tight as a full solve (verification: axisymmetric line sink, 6e-7 relative).
   */
  boxRelativeAbove = 1e4;
  maxNewtonIterations: number;
  readonly vascularStasis: boolean;
  private readonly setBoundary?: (tEnd: number, solver: BioheatSolver) => void;
  // work arrays
  private readonly Hn: Float64Array;
  private readonly Hprev: Float64Array;
  private prevDt = 0;
  /** Start each Newton iteration from the extrapolated last step (default true). */
  extrapolate = true;
  private readonly U: Float64Array;
  private readonly ratio: Float64Array; // (C/k) per cell
  private readonly diag: Float64Array;
  private readonly R: Float64Array;
  private readonly du: Float64Array;
  private readonly cgR: Float64Array;
  private readonly cgZ: Float64Array;
  private readonly cgP: Float64Array;
  private readonly cgQ: Float64Array;
  private readonly cgW: Float64Array;
  /** The linear system: couplings towards +x, +y, +z, the diagonal, the MIC(0) pivots 1/e. */
  private readonly cx: Float64Array;
  private readonly cy: Float64Array;
  private readonly cz: Float64Array;
  private readonly dg: Float64Array;
  private readonly pinv: Float64Array;
  /** Relative tolerance of the linear solves (inexact Newton: the Newton loop checks the true residual). */
  linearTolerance = 1e-3;
  /** Index box [i0, i1, j0, j1, k0, k1] of cells whose residual matters (the linear solve's extent). */
  private readonly box = new Int32Array(6);
  /** Index box of the cells evaluated (grows monotonically); all cells while evalFull. */
  private readonly evalBox = new Int32Array(6);
  private evalFull = true;
  private readonly probeU: Float64Array;
  private readonly patchU: Float64Array;
  private readonly epsH: number;
  /** 1 where a tissue cell has six tissue neighbours inside the grid (the residual's fast path). */
  private readonly interior: Uint8Array;

  constructor(setup: SolverSetup) {
    const g = setup.grid;
    this.grid = g;
    this.tissue = setup.tissue;
    this.law = phaseChangeLaw(setup.tissue);
    const n = cellCount(g);
    this.n = n;
    this.H = new Float64Array(n);
    this.T = new Float64Array(n);
    this.stasis = new Uint8Array(n);
    this.cellProbe = setup.cellProbe ?? new Int16Array(n).fill(-1);
    if (this.cellProbe.length !== n) throw new RangeError("cellProbe length must equal the cell count");
    const probes = setup.probeCount ?? 0;
    this.probeMode = new Uint8Array(probes);
    this.probeTempC = new Float64Array(probes);
    this.probeU = new Float64Array(probes);
    this.probeFilm = new Float64Array(probes);
    const patches = setup.patchCount ?? 0;
    this.patchKind = new Uint8Array(patches);
    this.patchValue = new Float64Array(patches);
    this.patchU = new Float64Array(patches);
    this.patchFilm = new Float64Array(patches);
    const sizes: Record<BoxFace, number> = {
      xMin: g.ny * g.nz,
      xMax: g.ny * g.nz,
      yMin: g.nx * g.nz,
      yMax: g.nx * g.nz,
      zMin: g.nx * g.ny,
      zMax: g.nx * g.ny,
    };
    const maps = {} as Record<BoxFace, Int16Array>;
    for (const f of FACE_NAMES) {
      const m = setup.faceMaps?.[f] ?? new Int16Array(sizes[f]).fill(-1);
      if (m.length !== sizes[f]) throw new RangeError(`face map ${f} must have ${sizes[f]} entries`);
      maps[f] = m;
    }
    this.faceMaps = maps;
    // default: the residual of 1e-4 K of unfrozen heat capacity (energy balance stays ≤ 1e-7 relative)
    this.residualTolerance = setup.residualTolerance ?? 1e-4 * setup.tissue.cUnfrozen;
    // the box takes every cell whose residual exceeds 1e-9 K of heat capacity (or 1e-3 of a given tolerance)
    this.boxTolerance = 1e-3 * (setup.residualTolerance ?? 1e-6 * setup.tissue.cUnfrozen);
    this.maxNewtonIterations = setup.maxNewtonIterations ?? 40;
    this.setBoundary = setup.setBoundary;
    this.vascularStasis = setup.vascularStasis ?? true;
    this.Hn = new Float64Array(n);
    this.Hprev = new Float64Array(n);
    this.U = new Float64Array(n);
    this.ratio = new Float64Array(n);
    this.diag = new Float64Array(n);
    this.R = new Float64Array(n);
    this.du = new Float64Array(n);
    this.cgR = new Float64Array(n);
    this.cgZ = new Float64Array(n);
    this.cgP = new Float64Array(n);
    this.cgQ = new Float64Array(n);
    this.cgW = new Float64Array(n);
    this.cx = new Float64Array(n);
    this.cy = new Float64Array(n);
    this.cz = new Float64Array(n);
    this.dg = new Float64Array(n);
    this.pinv = new Float64Array(n);
    this.epsH = 1e-9 * this.law.hl + 1e-6;
    this.interior = interiorCells(g, this.cellProbe);
    // give the scalar fields a double representation from the start: when a field initialised to 0
    // first receives a fraction, V8 changes the object's shape and discards the optimised code of every
    // method that has seen it (measured: 10 such deoptimisations and recompilations per run)
    for (const v of [0.5, 0]) {
      this.time = v;
      this.boundaryEnergy = v;
      this.sourceEnergy = v;
      this.prevDt = v;
      this.lastDt = v;
      this.boundaryPower = v;
      this.sourcePower = v;
    }
    this.setUniformTemperature(setup.initialC ?? setup.tissue.initialC);
  }

  setUniformTemperature(tempC: number): void {
    const h = enthalpyOf(this.law, tempC);
    this.H.fill(h);
    this.T.fill(tempC);
    this.evalFull = true;
    this.prevDt = 0;
    this.stasis.fill(tempC <= this.law.tl ? 1 : 0);
  }

  /** Sets every cell's temperature from a function of the cell index. */
  setTemperatures(f: (index: number) => number): void {
    for (let c = 0; c < this.n; c++) {
      const t = f(c);
      this.T[c] = t;
      this.H[c] = enthalpyOf(this.law, t);
      this.stasis[c] = t <= this.law.tl ? 1 : 0;
    }
    this.evalFull = true;
    this.prevDt = 0;
  }

  /** True where the cell is tissue (an unknown), false in probe cells. */
  isTissue(c: number): boolean {
    return this.cellProbe[c] < 0;
  }

  /** Total enthalpy Σ V H over tissue cells, J. */
  totalEnthalpy(): number {
    const g = this.grid;
    let s = 0;
    for (let c = 0; c < this.n; c++) if (this.cellProbe[c] < 0) s += g.volume[c % g.nx] * this.H[c];
    return s;
  }

  /**
   * Advances by dt (s). A step whose Newton iteration does not converge is retried as two half steps
   * (up to 5 levels). Returns false if even that fails (state then holds the last converged step).
   */
  advance(dt: number): boolean {
    return this.advanceLevel(dt, 0);
  }

  private advanceLevel(dt: number, level: number): boolean {
    if (this.tryStep(dt)) return true;
    this.stats.rejectedSteps++;
    if (level >= 5) return false;
    return this.advanceLevel(dt / 2, level + 1) && this.advanceLevel(dt / 2, level + 1);
  }

  /** One backward-Euler step; on failure the state is restored and false returned. */
  private tryStep(dt: number): boolean {
    const tEnd = this.time + dt;
    this.setBoundary?.(tEnd, this);
    const law = this.law;
    for (let p = 0; p < this.probeU.length; p++) this.probeU[p] = kirchhoffOf(law, this.probeTempC[p]);
    for (let p = 0; p < this.patchU.length; p++)
      this.patchU[p] = this.patchKind[p] === PATCH_TEMPERATURE ? kirchhoffOf(law, this.patchValue[p]) : 0;
    this.Hn.set(this.H);
    // predictor: extrapolate the last step's change (Newton then starts closer to the answer)
    if (this.extrapolate && this.prevDt > 0) {
      const { H, Hn, Hprev } = this;
      const f = dt / this.prevDt;
      for (let c = 0; c < this.n; c++) H[c] = Hn[c] + f * (Hn[c] - Hprev[c]);
    }
    this.lastDt = dt;
    for (let it = 0; it < this.maxNewtonIterations; it++) {
      this.stats.newtonIterations++;
      const worst = this.evaluate(dt);
      if (worst <= this.residualTolerance) {
        // the converged evaluation's fluxes are the step's energy exchange (no re-evaluation needed)
        this.boundaryEnergy += dt * this.boundaryPower;
        this.sourceEnergy += dt * this.sourcePower;
        this.Hprev.set(this.Hn);
        this.prevDt = dt;
        this.commit(tEnd);
        return true;
      }
      this.solveLinear();
      this.update();
    }
    this.H.set(this.Hn);
    this.refreshTemperature();
    this.prevDt = 0;
    return false;
  }

  private commit(tEnd: number): void {
    const tl = this.law.tl;
    if (this.vascularStasis) for (let c = 0; c < this.n; c++) if (this.T[c] <= tl) this.stasis[c] = 1;
    this.time = tEnd;
    this.stats.steps++;
  }

  private refreshTemperature(): void {
    const law = this.law;
    for (let c = 0; c < this.n; c++) {
      const h = this.H[c];
      this.T[c] =
        h <= 0 ? law.ts + h / law.cf : h >= law.hl ? law.tl + (h - law.hl) / law.cu : law.ts + h / law.cMushy;
    }
  }

  /**
   * Computes T, u, C/k from H, the residual R and the Jacobian diagonal; returns max |R_i|/V_i.
   * Keeps the boundary and source power of this evaluation (booked once the step has converged).
   * Split into small methods (pointwise quantities, the residual sweep, the general neighbour case) so
   * that each compiles quickly and a branch first taken late recompiles only its own small method.
   */
  private evaluate(dt: number): number {
    const { nx, ny, nz } = this.grid;
    // the cells to evaluate: all at first, then the region the solves have touched (+1 cell); cells
    // outside it have not changed and sat at equilibrium when last evaluated
    const eb = this.evalBox;
    if (this.evalFull) {
      eb[0] = 0;
      eb[1] = nx - 1;
      eb[2] = 0;
      eb[3] = ny - 1;
      eb[4] = 0;
      eb[5] = nz - 1;
    }
    this.pointwise();
    const worst = this.residualSweep(dt);
    const box = this.box;
    if ((ny > 1 || nz > 1) && box[1] >= box[0]) {
      // grow the evaluation region to hold the solve box and one more cell
      const full = this.evalFull;
      for (let d = 0; d < 3; d++) {
        const nd = d === 0 ? nx : d === 1 ? ny : nz;
        const a = Math.max(0, box[2 * d] - 1);
        const b = Math.min(nd - 1, box[2 * d + 1] + 1);
        eb[2 * d] = full ? a : Math.min(eb[2 * d], a);
        eb[2 * d + 1] = full ? b : Math.max(eb[2 * d + 1], b);
      }
      this.evalFull = false;
    }
    return worst;
  }

  /** T, u and C/k from H on the evaluation box. */
  private pointwise(): void {
    const { nx, ny } = this.grid;
    const { H, T, U, ratio } = this;
    const { ts, tl, hl, cf, cu, cMushy, kf, ku, ul, width } = this.law;
    const dk = ku - kf;
    const eb = this.evalBox;
    const ei0 = eb[0];
    const ei1 = eb[1];
    for (let kk = eb[4]; kk <= eb[5]; kk++)
      for (let jj = eb[2]; jj <= eb[3]; jj++)
        for (let c = ei0 + nx * (jj + ny * kk), cEnd = ei1 + nx * (jj + ny * kk); c <= cEnd; c++) {
          const h = H[c];
          let t: number;
          let u: number;
          let k: number;
          let cap: number;
          if (h <= 0) {
            t = ts + h / cf;
            u = kf * (t - ts);
            k = kf;
            cap = cf;
          } else if (h >= hl) {
            t = tl + (h - hl) / cu;
            u = ul + ku * (t - tl);
            k = ku;
            cap = cu;
          } else {
            const s = h / cMushy;
            t = ts + s;
            u = kf * s + (0.5 * dk * s * s) / width;
            k = kf + (dk * s) / width;
            cap = cMushy;
          }
          T[c] = t;
          U[c] = u;
          ratio[c] = cap / k;
        }
  }

  /**
   * Residual and Jacobian diagonal on the evaluation box; sets the solve box (cells whose residual
   * exceeds the box tolerance, padded by 2) and the boundary/source power; returns max |R_i|/V_i.
   */
  private residualSweep(dt: number): number {
    const g = this.grid;
    const { nx, ny, nz, gx, gy, gz, gyBox, volume } = g;
    const { H, Hn, T, U, ratio, diag, R, cellProbe, stasis, interior } = this;
    const perf = this.tissue.perfusionCoefficient;
    const qm = this.tissue.metabolism;
    const tb = this.tissue.arterialC;
    const { ts, hl, kf, ku, width } = this.law;
    const dk = ku - kf;
    const sx = 1;
    const sy = nx;
    const sz = nx * ny;
    const edge = this.edge;
    let worst = 0;
    const boxTol = this.boxTolerance;
    let bi0 = nx;
    let bi1 = -1;
    let bj0 = ny;
    let bj1 = -1;
    let bk0 = nz;
    let bk1 = -1;
    let boundary = 0;
    let source = 0;
    // no y-direction at all (axisymmetric: zero conductance towards ±y)
    const noY = ny === 1 && gy[0] === 0 && gyBox[0] === 0;
    const eb = this.evalBox;
    const ei0 = eb[0];
    const ei1 = eb[1];
    for (let k = eb[4]; k <= eb[5]; k++) {
      for (let j = eb[2]; j <= eb[3]; j++) {
        const rowBase = nx * (j + ny * k);
        for (let i = ei0; i <= ei1; i++) {
          const c = rowBase + i;
          if (cellProbe[c] >= 0) {
            R[c] = 0;
            diag[c] = 1;
            continue;
          }
          const uc = U[c];
          let flux: number; // Σ G (u_j − u_c), W
          let bflux = 0; // the part from probes and box faces
          let gsum: number; // Σ G over faces that couple implicitly (tissue, probe, temperature patches)
          if (interior[c] === 1) {
            // fast path: six tissue neighbours inside the grid
            const gw = gx[i];
            const ge = gx[i + 1];
            const gzi = gz[i];
            flux = gw * (U[c - sx] - uc) + ge * (U[c + sx] - uc) + gzi * (U[c - sz] + U[c + sz] - 2 * uc);
            gsum = gw + ge + 2 * gzi;
            if (!noY) {
              const gyi = gy[i];
              flux += gyi * (U[c - sy] + U[c + sy] - 2 * uc);
              gsum += 2 * gyi;
            }
          } else {
            this.edgeFlux(c, i, j, k, uc);
            flux = edge[0];
            bflux = edge[1];
            gsum = edge[2];
          }
          const V = volume[i];
          const t = T[c];
          // perfusion switch φ: liquid fraction, 0 once frozen (stasis); clamped without branches
          const phi = stasis[c] === 0 ? Math.min(1, Math.max(0, (t - ts) / width)) : 0;
          const src = phi * (perf * (tb - t) + qm);
          const hc = H[c];
          const r = V * (hc - Hn[c]) - dt * (flux + V * src);
          R[c] = r;
          let dPerf = 0;
          if (phi > 0 && perf > 0) {
            const kc = hc <= 0 ? kf : hc >= hl ? ku : kf + (dk * (t - ts)) / width;
            dPerf = (dt * V * phi * perf) / kc;
          }
          diag[c] = V * ratio[c] + dPerf + dt * gsum;
          const rel = Math.abs(r) / V;
          if (rel > worst) worst = rel;
          if (rel > boxTol) {
            if (i < bi0) bi0 = i;
            if (i > bi1) bi1 = i;
            if (j < bj0) bj0 = j;
            if (j > bj1) bj1 = j;
            if (k < bk0) bk0 = k;
            if (k > bk1) bk1 = k;
          }
          boundary += bflux;
          source += V * src;
        }
      }
    }
    const relTol = this.boxRelative * worst;
    if (relTol > boxTol && worst > this.boxRelativeAbove * this.residualTolerance) {
      // the solve box holds only the cells whose residual exceeds boxRelative × the largest one: far
      // cells with tiny residuals join once the large residuals have come down
      bi0 = nx;
      bi1 = -1;
      bj0 = ny;
      bj1 = -1;
      bk0 = nz;
      bk1 = -1;
      for (let k = eb[4]; k <= eb[5]; k++)
        for (let j = eb[2]; j <= eb[3]; j++) {
          const rowBase = nx * (j + ny * k);
          for (let i = ei0; i <= ei1; i++) {
            if (Math.abs(R[rowBase + i]) / volume[i] <= relTol) continue;
            if (i < bi0) bi0 = i;
            if (i > bi1) bi1 = i;
            if (j < bj0) bj0 = j;
            if (j > bj1) bj1 = j;
            if (k < bk0) bk0 = k;
            if (k > bk1) bk1 = k;
          }
        }
    }
    // padded by 2 cells, but never beyond the evaluated region: cells outside it were last evaluated
    // with another step size, so their Jacobian diagonal is stale
    const pad = 2;
    const box = this.box;
    box[0] = Math.max(eb[0], bi0 - pad);
    box[1] = Math.min(eb[1], bi1 + pad);
    box[2] = Math.max(eb[2], bj0 - pad);
    box[3] = Math.min(eb[3], bj1 + pad);
    box[4] = Math.max(eb[4], bk0 - pad);
    box[5] = Math.min(eb[5], bk1 + pad);
    this.boundaryPower = boundary;
    this.sourcePower = source;
    return worst;
  }

  /**
   * Flux, boundary flux and implicit conductance sum of a cell next to a probe or the box (into
   * `edge`): six neighbours, each tissue, probe (held or insulated) or a box patch.
   */
  private edgeFlux(c: number, i: number, j: number, k: number, uc: number): void {
    const g = this.grid;
    const { nx, ny, nz, gx, gy, gz, gyBox, gzBox, areaX, hy, hz } = g;
    const { U, cellProbe, probeMode, probeU, probeFilm } = this;
    const kf = this.law.kf;
    const maps = this.faceMaps;
    const pk = this.patchKind;
    const pv = this.patchValue;
    const pu = this.patchU;
    const pfilm = this.patchFilm;
    const sx = 1;
    const sy = nx;
    const sz = nx * ny;
    let flux = 0;
    let bflux = 0;
    let gsum = 0;
    for (let dir = 0; dir < 6; dir++) {
      let inside: boolean;
      let nb = 0;
      let G: number;
      let faceIdx = 0;
      switch (dir) {
        case 0:
          inside = i > 0;
          nb = c - sx;
          G = inside ? gx[i] : gx[0];
          faceIdx = j + ny * k;
          break;
        case 1:
          inside = i < nx - 1;
          nb = c + sx;
          G = inside ? gx[i + 1] : gx[nx];
          faceIdx = j + ny * k;
          break;
        case 2:
          inside = j > 0;
          nb = c - sy;
          G = inside ? gy[i] : gyBox[i];
          faceIdx = i + nx * k;
          break;
        case 3:
          inside = j < ny - 1;
          nb = c + sy;
          G = inside ? gy[i] : gyBox[i];
          faceIdx = i + nx * k;
          break;
        case 4:
          inside = k > 0;
          nb = c - sz;
          G = inside ? gz[i] : gzBox[i];
          faceIdx = i + nx * j;
          break;
        default:
          inside = k < nz - 1;
          nb = c + sz;
          G = inside ? gz[i] : gzBox[i];
          faceIdx = i + nx * j;
          break;
      }
      if (G === 0) continue;
      if (inside) {
        const p = cellProbe[nb];
        if (p < 0) {
          flux += G * (U[nb] - uc);
          gsum += G;
        } else if (probeMode[p] === PROBE_FIXED) {
          // the probe surface is the face between the cells: conduction over the tissue half-cell
          const film = probeFilm[p];
          const area = dir < 2 ? areaX[dir === 0 ? i : i + 1] : dir < 4 ? G * hy : G * hz;
          G *= 2;
          if (film > 0) G = 1 / (1 / G + kf / (film * area));
          const f = G * (probeU[p] - uc);
          flux += f;
          bflux += f;
          gsum += G;
        }
      } else {
        const map =
          dir === 0
            ? maps.xMin
            : dir === 1
              ? maps.xMax
              : dir === 2
                ? maps.yMin
                : dir === 3
                  ? maps.yMax
                  : dir === 4
                    ? maps.zMin
                    : maps.zMax;
        const p = map[faceIdx];
        if (p < 0) continue;
        const kind = pk[p];
        if (kind === PATCH_TEMPERATURE) {
          const film = pfilm[p];
          if (film > 0) {
            const area = dir < 2 ? areaX[dir === 0 ? 0 : nx] : dir < 4 ? G * 0.5 * hy : G * 0.5 * hz;
            G = 1 / (1 / G + kf / (film * area));
          }
          const f = G * (pu[p] - uc);
          flux += f;
          bflux += f;
          gsum += G;
        } else if (kind === PATCH_FLUX) {
          const area = dir < 2 ? areaX[dir === 0 ? 0 : nx] : dir < 4 ? G * 0.5 * hy : G * 0.5 * hz;
          const f = pv[p] * area;
          flux += f;
          bflux += f;
        }
      }
    }
    const edge = this.edge;
    edge[0] = flux;
    edge[1] = bflux;
    edge[2] = gsum;
  }

  /** Flux, boundary flux and conductance sum of the last `edgeFlux` call. */
  private readonly edge = new Float64Array(3);
  private lastDt = 0;
  /** Boundary and source power (W, per the grid's unit) of the last evaluation. */
  private boundaryPower = 0;
  private sourcePower = 0;

  /** Solves A δu = −R into `du`. */
  private solveLinear(): void {
    const g = this.grid;
    if (g.ny === 1 && g.nz === 1) this.solveTridiagonal();
    else this.solveConjugateGradient();
  }

  private solveTridiagonal(): void {
    const { nx, gx } = this.grid;
    const dt = this.lastDt;
    const { diag, R, du, cellProbe } = this;
    const cp = this.cgP; // modified super-diagonal
    const dp = this.cgQ; // modified rhs
    for (let i = 0; i < nx; i++) {
      const tissue = cellProbe[i] < 0;
      const a = tissue && i > 0 && cellProbe[i - 1] < 0 ? -dt * gx[i] : 0;
      const c = tissue && i < nx - 1 && cellProbe[i + 1] < 0 ? -dt * gx[i + 1] : 0;
      const b = diag[i];
      const rhs = tissue ? -R[i] : 0;
      if (i === 0) {
        cp[i] = c / b;
        dp[i] = rhs / b;
      } else {
        const m = b - a * cp[i - 1];
        cp[i] = c / m;
        dp[i] = (rhs - a * dp[i - 1]) / m;
      }
    }
    du[nx - 1] = dp[nx - 1];
    for (let i = nx - 2; i >= 0; i--) du[i] = dp[i] - cp[i] * du[i + 1];
    this.stats.linearIterations++;
  }

  /**
   * One pass over the box: right-hand side r = −R (0 in probe cells), the off-diagonal couplings of A
   * towards the +x, +y, +z neighbours (≤ 0; 0 when either cell is a probe cell or the neighbour lies
   * outside the box), a single-precision copy of the diagonal, and the modified incomplete Cholesky
   * MIC(0) pivots e_c (Bridson & Müller-Fischer's form, τ = 0.97, safety σ = 0.25), stored as 1/e_c.
   * The preconditioner is M = (E + L) E⁻¹ (E + Lᵀ) with L the strict lower part of A, so it needs no
   * arrays beyond A's couplings and the pivots. Returns ‖r‖.
   */
  private buildSystem(): number {
    const { nx, ny, gx, gy, gz } = this.grid;
    const sy = nx;
    const sz = nx * ny;
    const dt = this.lastDt;
    const box = this.box;
    const i0 = box[0];
    const i1 = box[1];
    const j0 = box[2];
    const j1 = box[3];
    const k0 = box[4];
    const k1 = box[5];
    const { cellProbe, cx, cy, cz, dg, pinv, diag, R } = this;
    const r = this.cgR;
    const tau = 0.97;
    let bnorm = 0;
    for (let k = k0; k <= k1; k++)
      for (let j = j0; j <= j1; j++)
        for (let i = i0; i <= i1; i++) {
          const c = i + nx * (j + ny * k);
          if (cellProbe[c] >= 0) {
            r[c] = 0;
            cx[c] = 0;
            cy[c] = 0;
            cz[c] = 0;
            dg[c] = 1;
            pinv[c] = 1;
            continue;
          }
          const b = -R[c];
          r[c] = b;
          bnorm += b * b;
          cx[c] = i < i1 && cellProbe[c + 1] < 0 ? -dt * gx[i + 1] : 0;
          cy[c] = j < j1 && cellProbe[c + sy] < 0 ? -dt * gy[i] : 0;
          cz[c] = k < k1 && cellProbe[c + sz] < 0 ? -dt * gz[i] : 0;
          const a = diag[c];
          dg[c] = a;
          let e = a;
          if (i > i0) {
            const m = c - 1;
            const pm = pinv[m];
            const ax = cx[m];
            e -= ax * ax * pm + tau * ax * (cy[m] + cz[m]) * pm;
          }
          if (j > j0) {
            const m = c - sy;
            const pm = pinv[m];
            const ay = cy[m];
            e -= ay * ay * pm + tau * ay * (cx[m] + cz[m]) * pm;
          }
          if (k > k0) {
            const m = c - sz;
            const pm = pinv[m];
            const az = cz[m];
            e -= az * az * pm + tau * az * (cx[m] + cy[m]) * pm;
          }
          if (e < 0.25 * a) e = a;
          pinv[c] = 1 / e;
        }
    return Math.sqrt(bnorm);
  }

  /**
   * Forward half of the preconditioner, (E + L) y = r into `cgQ`, fused with the CG update of the
   * previous iteration: first r ← r − α w and δu ← δu + α p per cell (α = 0: no update). Returns r·r.
   */
  private forwardSweep(alpha: number): number {
    const { nx, ny } = this.grid;
    const sy = nx;
    const sz = nx * ny;
    const box = this.box;
    const i0 = box[0];
    const i1 = box[1];
    const j0 = box[2];
    const k0 = box[4];
    const { cx, cy, cz, pinv, du } = this;
    const r = this.cgR;
    const w = this.cgW;
    const p = this.cgP;
    const q = this.cgQ;
    let rr = 0;
    for (let k = k0; k <= box[5]; k++)
      for (let j = j0; j <= box[3]; j++) {
        const base = nx * (j + ny * k);
        const hasY = j > j0;
        const hasZ = k > k0;
        let qPrev = 0;
        let cPrev = 0;
        for (let c = base + i0, cEnd = base + i1; c <= cEnd; c++) {
          const rc = r[c] - alpha * w[c];
          r[c] = rc;
          rr += rc * rc;
          du[c] += alpha * p[c];
          let t = rc - cPrev * qPrev;
          if (hasY) t -= cy[c - sy] * q[c - sy];
          if (hasZ) t -= cz[c - sz] * q[c - sz];
          const qc = t * pinv[c];
          q[c] = qc;
          qPrev = qc;
          cPrev = cx[c];
        }
      }
    return rr;
  }

  /** Backward half of the preconditioner, (E + Lᵀ) z = E y into `cgZ`; returns r·z. */
  private backwardSweep(): number {
    const { nx, ny } = this.grid;
    const sy = nx;
    const sz = nx * ny;
    const box = this.box;
    const i0 = box[0];
    const i1 = box[1];
    const j1 = box[3];
    const k1 = box[5];
    const { cx, cy, cz, pinv } = this;
    const r = this.cgR;
    const q = this.cgQ;
    const z = this.cgZ;
    let rz = 0;
    for (let k = k1; k >= box[4]; k--)
      for (let j = j1; j >= box[2]; j--) {
        const base = nx * (j + ny * k);
        const hasY = j < j1;
        const hasZ = k < k1;
        let zNext = 0;
        for (let c = base + i1, cEnd = base + i0; c >= cEnd; c--) {
          let t = cx[c] * zNext;
          if (hasY) t += cy[c] * z[c + sy];
          if (hasZ) t += cz[c] * z[c + sz];
          const zc = q[c] - pinv[c] * t;
          z[c] = zc;
          zNext = zc;
          rz += r[c] * zc;
        }
      }
    return rz;
  }

  /**
   * New search direction p ← z + β p (p ← z when `first`) fused with w = A p on the box; returns p·w.
   * The update runs one z-plane ahead of the product (row by row), so every neighbour is updated
   * before it is read.
   */
  private directionTimesA(beta: number, first: boolean): number {
    const { nx, ny } = this.grid;
    const { dg, cx, cy, cz } = this;
    const p = this.cgP;
    const y = this.cgW;
    const sy = nx;
    const sz = nx * ny;
    const box = this.box;
    const i0 = box[0];
    const i1 = box[1];
    const j0 = box[2];
    const j1 = box[3];
    const k0 = box[4];
    const k1 = box[5];
    for (let j = j0; j <= j1; j++) this.directionRow(nx * (j + ny * k0), beta, first);
    let xy = 0;
    for (let k = k0; k <= k1; k++)
      for (let j = j0; j <= j1; j++) {
        const base = nx * (j + ny * k);
        const yUp = j < j1;
        const yDown = j > j0;
        const zUp = k < k1;
        const zDown = k > k0;
        if (zUp) this.directionRow(base + sz, beta, first);
        let xPrev = 0;
        let cPrev = 0;
        let xc = p[base + i0];
        for (let c = base + i0, cEnd = base + i1; c <= cEnd; c++) {
          const xNext = c < cEnd ? p[c + 1] : 0;
          const cc = cx[c];
          let v = dg[c] * xc + cc * xNext + cPrev * xPrev;
          if (yUp) v += cy[c] * p[c + sy];
          if (yDown) v += cy[c - sy] * p[c - sy];
          if (zUp) v += cz[c] * p[c + sz];
          if (zDown) v += cz[c - sz] * p[c - sz];
          y[c] = v;
          xy += xc * v;
          xPrev = xc;
          cPrev = cc;
          xc = xNext;
        }
      }
    return xy;
  }

  /** p ← z + β p (or p ← z) on the box's row starting at index `base` (the row's i = 0). */
  private directionRow(base: number, beta: number, first: boolean): void {
    const p = this.cgP;
    const z = this.cgZ;
    const box = this.box;
    const end = base + box[1];
    if (first) for (let c = base + box[0]; c <= end; c++) p[c] = z[c];
    else for (let c = base + box[0]; c <= end; c++) p[c] = z[c] + beta * p[c];
  }

  /** MIC(0)-preconditioned conjugate gradients for A δu = −R on the active box; δu = 0 outside it. */
  private solveConjugateGradient(): void {
    const box = this.box;
    this.du.fill(0);
    if (box[1] < box[0] || box[3] < box[2] || box[5] < box[4]) return;
    const bnorm = this.buildSystem();
    if (bnorm === 0) return;
    this.forwardSweep(0);
    let rz = this.backwardSweep();
    const tol = this.linearTolerance * bnorm;
    let beta = 0;
    for (let it = 0; it < 1000; it++) {
      const pw = this.directionTimesA(beta, it === 0);
      const alpha = rz / pw;
      const rr = this.forwardSweep(alpha);
      this.stats.linearIterations++;
      if (Math.sqrt(rr) <= tol) return;
      const rzNew = this.backwardSweep();
      beta = rzNew / rz;
      rz = rzNew;
    }
  }

  /** H += (C/k) δu, stopping at the solidus/liquidus kinks. */
  private update(): void {
    const { H, du, ratio, cellProbe } = this;
    const hl = this.law.hl;
    // the kink targets as local doubles: assigning the field itself made V8 box every cell's result
    // (≈ 0.3 MB of garbage per Newton iteration in 2D)
    const eps = 0 + this.epsH;
    const belowSolidus = -eps;
    const belowLiquidus = hl - eps;
    const aboveLiquidus = hl + eps;
    for (let c = 0; c < this.n; c++) {
      if (cellProbe[c] >= 0) continue;
      const h = H[c];
      let hNew = h + ratio[c] * du[c];
      if (h <= 0) {
        if (hNew > 0) hNew = eps;
      } else if (h >= hl) {
        if (hNew < hl) hNew = belowLiquidus;
      } else if (hNew < 0) hNew = belowSolidus;
      else if (hNew > hl) hNew = aboveLiquidus;
      H[c] = hNew;
    }
  }
}

/** Marks the tissue cells whose six neighbours are tissue cells inside the grid (y ignored when the grid has no y-direction). */
function interiorCells(g: Grid, cellProbe: Int16Array): Uint8Array {
  const { nx, ny, nz, gy, gyBox } = g;
  const noY = ny === 1 && gy[0] === 0 && gyBox[0] === 0;
  const sy = nx;
  const sz = nx * ny;
  const out = new Uint8Array(nx * ny * nz);
  for (let k = 1; k < nz - 1; k++)
    for (let j = 0; j < ny; j++) {
      if (!noY && (j === 0 || j === ny - 1)) continue;
      for (let i = 1; i < nx - 1; i++) {
        const c = i + nx * (j + ny * k);
        if (
          cellProbe[c] < 0 &&
          cellProbe[c - 1] < 0 &&
          cellProbe[c + 1] < 0 &&
          cellProbe[c - sz] < 0 &&
          cellProbe[c + sz] < 0 &&
          (noY || (cellProbe[c - sy] < 0 && cellProbe[c + sy] < 0))
        )
          out[c] = 1;
      }
    }
  return out;
}
