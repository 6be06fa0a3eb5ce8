/**
 * The phase-change law of a tissue: volumetric enthalpy H(T), Kirchhoff variable u(T) = ∫k dT, the
 * apparent heat capacity dH/dT and the perfusion switch φ(T), all piecewise over three segments:
 * frozen (T ≤ Ts), mushy (Ts < T < Tl, liquid fraction linear in T) and unfrozen (T ≥ Tl).
 *
 * - Sensible heat: C_frozen below Ts, C_unfrozen above Tl, their mean inside the mushy range (so that
 *   H is piecewise linear in T and T(H) is exact and cheap).
 * - Latent heat L released linearly across the mushy range.
 * - Conductivity blended linearly in T across the mushy range, so u(T) is quadratic there.
 * - Reference: H = 0 and u = 0 at T = Ts.
 */
import type { TissueNumbers } from "./tissue.js";

export interface PhaseChangeLaw {
  ts: number;
  tl: number;
  width: number;
  cf: number;
  cu: number;
  /** Sensible heat capacity inside the mushy range (mean of frozen and unfrozen). */
  cm: number;
  latent: number;
  kf: number;
  ku: number;
  /** Enthalpy at the liquidus, J/m³ (H at the solidus is 0). */
  hl: number;
  /** Kirchhoff variable at the liquidus, W/m. */
  ul: number;
  /** Mushy dH/dT. */
  cMushy: number;
}

export function phaseChangeLaw(
  t: Pick<
    TissueNumbers,
    "tSolidusC" | "tLiquidusC" | "cFrozen" | "cUnfrozen" | "latent" | "kFrozen" | "kUnfrozen"
  >,
): PhaseChangeLaw {
  const width = t.tLiquidusC - t.tSolidusC;
  if (!(width > 0)) throw new RangeError(`mushy range must have positive width, got ${width}`);
  const cm = 0.5 * (t.cFrozen + t.cUnfrozen);
  const cMushy = cm + t.latent / width;
  return {
    ts: t.tSolidusC,
    tl: t.tLiquidusC,
    width,
    cf: t.cFrozen,
    cu: t.cUnfrozen,
    cm,
    latent: t.latent,
    kf: t.kFrozen,
    ku: t.kUnfrozen,
    hl: cMushy * width,
    ul: 0.5 * (t.kFrozen + t.kUnfrozen) * width,
    cMushy,
  };
}

export function enthalpyOf(law: PhaseChangeLaw, tempC: number): number {
  if (tempC <= law.ts) return law.cf * (tempC - law.ts);
  if (tempC >= law.tl) return law.hl + law.cu * (tempC - law.tl);
  return law.cMushy * (tempC - law.ts);
}

export function temperatureOf(law: PhaseChangeLaw, h: number): number {
  if (h <= 0) return law.ts + h / law.cf;
  if (h >= law.hl) return law.tl + (h - law.hl) / law.cu;
  return law.ts + h / law.cMushy;
}

export function kirchhoffOf(law: PhaseChangeLaw, tempC: number): number {
  if (tempC <= law.ts) return law.kf * (tempC - law.ts);
  if (tempC >= law.tl) return law.ul + law.ku * (tempC - law.tl);
  const s = tempC - law.ts;
  return law.kf * s + (0.5 * (law.ku - law.kf) * s * s) / law.width;
}

export function conductivityOf(law: PhaseChangeLaw, tempC: number): number {
  if (tempC <= law.ts) return law.kf;
  if (tempC >= law.tl) return law.ku;
  return law.kf + ((law.ku - law.kf) * (tempC - law.ts)) / law.width;
}

/** Liquid fraction (0 frozen … 1 unfrozen); also the perfusion/metabolism switch φ(T). */
export function liquidFractionOf(law: PhaseChangeLaw, tempC: number): number {
  if (tempC <= law.ts) return 0;
  if (tempC >= law.tl) return 1;
  return (tempC - law.ts) / law.width;
}
