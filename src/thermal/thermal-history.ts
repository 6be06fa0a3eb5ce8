/**
 * Per-voxel thermal history, updated after every solver step from the old and new temperatures:
 * minimum and maximum temperature, time below −20 °C and −40 °C, cooling rate through −5…−20 °C
 * (first freeze), thaw rate through −20…−5 °C (first thaw), number of freeze cycles (a cycle starts when
 * the voxel falls below the solidus after having been above the liquidus) and the Arrhenius damage
 * integral Ω = ∫ A exp(−Ea/(R T)) dt, accumulated only above `arrheniusFloorC` (see cell-death.ts).
 * Crossing times are interpolated linearly within a step.
 */
export interface ArrheniusConstants {
  /** Frequency factor A, 1/s. */
  frequency: number;
  /** Activation energy Ea, J/mol. */
  activation: number;
  /** Ω accumulates only above this temperature, °C. */
  floorC: number;
}

/** Liver: A = 7.39e39 1/s, Ea = 2.577e5 J/mol (SCIENCE.md §1; evidence "jacques2006"). Ω accumulates only above 43 °C (assumed: at 37 °C these constants give ≈3e-4 1/s, which would "kill" tissue at body temperature within an hour). */
export const LIVER_ARRHENIUS: ArrheniusConstants = { frequency: 7.39e39, activation: 2.577e5, floorC: 43 };

const R_GAS = 8.314462618;

export class ThermalHistory {
  readonly n: number;
  readonly tMin: Float64Array;
  readonly tMax: Float64Array;
  readonly timeBelow20: Float64Array;
  readonly timeBelow40: Float64Array;
  /** °C/min, NaN until measured. */
  readonly coolingRate: Float64Array;
  readonly thawRate: Float64Array;
  readonly freezeCycles: Uint8Array;
  readonly omega: Float64Array;
  private readonly frozen: Uint8Array;
  private readonly tCross5Down: Float64Array;
  private readonly tCross20Up: Float64Array;

  constructor(
    n: number,
    initialC: number,
    private readonly solidusC: number,
    private readonly liquidusC: number,
    private readonly arrhenius: ArrheniusConstants = LIVER_ARRHENIUS,
  ) {
    this.n = n;
    this.tMin = new Float64Array(n).fill(initialC);
    this.tMax = new Float64Array(n).fill(initialC);
    this.timeBelow20 = new Float64Array(n);
    this.timeBelow40 = new Float64Array(n);
    this.coolingRate = new Float64Array(n).fill(Number.NaN);
    this.thawRate = new Float64Array(n).fill(Number.NaN);
    this.freezeCycles = new Uint8Array(n);
    this.omega = new Float64Array(n);
    this.frozen = new Uint8Array(n);
    this.tCross5Down = new Float64Array(n).fill(Number.NaN);
    this.tCross20Up = new Float64Array(n).fill(Number.NaN);
  }

  /** Records a step from time t0 to t0 + dt, temperatures `before` → `after`; `mask` skips cells (≥ 0). */
  update(before: Float64Array, after: Float64Array, t0: number, dt: number, mask?: Int16Array): void {
    const { tMin, tMax, frozen } = this;
    const floorC = this.arrhenius.floorC;
    const solidus = this.solidusC;
    const liquidus = this.liquidusC;
    for (let c = 0; c < this.n; c++) {
      if (mask && mask[c] >= 0) continue;
      const a = before[c];
      const b = after[c];
      if (b < tMin[c]) tMin[c] = b;
      if (b > tMax[c]) tMax[c] = b;
      // everything else happens below −5 °C, above the Arrhenius floor or at a change of phase: a
      // separate method, so that its branches (first taken late in a run) do not recompile this loop
      if (a <= -5 || b <= -5 || a > floorC || b > floorC || (frozen[c] === 0 ? b <= solidus : b >= liquidus))
        this.record(c, a, b, t0, dt);
    }
  }

  /** The rest of `update` for one cell (a → b over [t0, t0 + dt]). */
  private record(c: number, a: number, b: number, t0: number, dt: number): void {
    const { timeBelow20, timeBelow40, coolingRate, thawRate, freezeCycles, omega, frozen } = this;
    const { frequency, activation, floorC } = this.arrhenius;
    if (a < -20 || b < -20) timeBelow20[c] += dt * fractionBelow(a, b, -20);
    if (a < -40 || b < -40) timeBelow40[c] += dt * fractionBelow(a, b, -40);
    if (a > -5 && b <= -5 && Number.isNaN(this.tCross5Down[c]))
      this.tCross5Down[c] = t0 + dt * ((a + 5) / (a - b));
    if (a > -20 && b <= -20 && Number.isNaN(coolingRate[c])) {
      const t20 = t0 + dt * ((a + 20) / (a - b));
      const t5 = this.tCross5Down[c];
      if (t20 > t5) coolingRate[c] = (15 / (t20 - t5)) * 60;
      else coolingRate[c] = Number.POSITIVE_INFINITY;
    }
    if (a < -20 && b >= -20 && Number.isNaN(this.tCross20Up[c]))
      this.tCross20Up[c] = t0 + dt * ((-20 - a) / (b - a));
    if (a < -5 && b >= -5 && Number.isNaN(thawRate[c])) {
      const t5 = t0 + dt * ((-5 - a) / (b - a));
      const t20 = this.tCross20Up[c];
      if (t5 > t20) thawRate[c] = (15 / (t5 - t20)) * 60;
    }
    if (frozen[c] === 0 && b <= this.solidusC) {
      frozen[c] = 1;
      if (freezeCycles[c] < 255) freezeCycles[c]++;
    } else if (frozen[c] === 1 && b >= this.liquidusC) frozen[c] = 0;
    if (a > floorC || b > floorC) {
      const ra = a > floorC ? frequency * Math.exp(-activation / (R_GAS * (a + 273.15))) : 0;
      const rb = b > floorC ? frequency * Math.exp(-activation / (R_GAS * (b + 273.15))) : 0;
      omega[c] += 0.5 * dt * (ra + rb);
    }
  }
}

/** Fraction of a linear segment a → b that lies below the threshold. */
function fractionBelow(a: number, b: number, threshold: number): number {
  if (a <= threshold && b <= threshold) return 1;
  if (a > threshold && b > threshold) return 0;
  const f = (threshold - Math.min(a, b)) / Math.abs(b - a);
  return f;
}
