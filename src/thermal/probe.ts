/**
 * Probe catalogue: cryoprobes (argon Joule–Thomson needles, a liquid-nitrogen probe) and heat
 * applicators (RFA/MWA) for the comparator. The solver holds the probe's active surface at the
 * temperature history given here; a passive thaw makes the surface insulated (no flux).
 *
 * Surface temperatures: argon needles reach −140…−185 °C in gel (SCIENCE.md §1; lard/oil phantom
 * probes stabilised at −140…−150 °C, Cryobiology 2025;120:105274); liquid nitrogen boils at −196 °C.
 * Active lengths are not published as such by the manufacturers (they publish ice-ball sizes), so the
 * values below are assumed and marked so.
 */
import { InputError } from "../errors.js";
import type { SourcedValue } from "./tissue.js";

export type ProbeKind = "argon" | "nitrogen" | "radiofrequency" | "microwave";

export interface ProbeModel {
  name: string;
  description: string;
  kind: ProbeKind;
  diameterMm: SourcedValue;
  activeLengthMm: SourcedValue;
  /**
   * Cryo: coolant temperature while freezing (the surface floor if filmCoefficient is 0), °C; heat: the
   * surface set point.
   */
  surfaceC: SourcedValue;
  /**
   * Heat transfer coefficient between the coolant and the tissue at the probe surface, W/m²/K; 0 holds
   * the surface itself at surfaceC. A finite value limits the probe's cooling power, so a single probe's
   * surface warms under a high heat load and neighbouring probes help each other.
   */
  filmCoefficient: SourcedValue;
  /** Time constant of the approach to the floor / set point, s. */
  rampS: SourcedValue;
  /** Surface temperature during an active thaw (helium or electric heating), °C (cryo only). */
  activeThawC: SourcedValue;
}

function v(value: number, unit: string, source: string): SourcedValue {
  return { value, unit, source };
}

const ARGON_FLOOR =
  "argon normal boiling point −185.8 °C (J–T expansion floor; surfaces reach −140…−185 °C, SCIENCE.md §1)";
/**
 * Fitted (the only fitted probe parameter): the single 2.4 mm probe's −30 °C diameter in 39 °C gel
 * (Littrup et al., JVIR 2009: 1.2 cm; model 1.18 cm, axisymmetric 0.5 mm). Littrup is a validation source,
 * not a calibration target (data/calibration/targets.json has no thermal target), so the one-probe row of
 * the validation table is a fit, not a check; the two-, three- and four-probe rows and the 1.7 mm ratio are
 * predictions. Sensitivity (same run): h = 500 / 1000 W/m²/K give 0.92 / 1.44 cm. With h = 700 the lone
 * probe's surface settles near −81 °C, well above the −140…−150 °C read on probes in agar (Cryobiology
 * 2025;120:105274, another probe), i.e. h stands for more than the probe wall (the cooling power a J–T
 * needle can deliver under a 39 °C heat load). See docs/thermal.md.
 */
export const ARGON_FILM_FITTED = 700;
const ARGON_FILM = {
  value: ARGON_FILM_FITTED,
  unit: "W/m^2/K",
  source:
    "fitted to Littrup et al. JVIR 2009 (a validation source, not a calibration target): one 2.4 mm probe, 39 °C gel, −30 °C isotherm 1.2 cm at 15 min",
};
const ARGON_RAMP = v(15, "s", "assumed: J–T needles reach their floor within about a minute");
const HELIUM_THAW = v(20, "°C", "assumed: helium active thaw warms the surface to about +20 °C");

export const PROBES: Readonly<Record<string, ProbeModel>> = {
  "icerod-1.5": {
    name: "icerod-1.5",
    description: "Argon needle 1.5 mm (17 G), IceRod class (Galil Medical / Boston Scientific)",
    kind: "argon",
    diameterMm: v(1.5, "mm", "manufacturer: 17 G = 1.47 mm"),
    activeLengthMm: v(35, "mm", "assumed (published ice ball ≈ 40 mm long at 10 min)"),
    surfaceC: v(-185.8, "°C", ARGON_FLOOR),
    filmCoefficient: ARGON_FILM,
    rampS: ARGON_RAMP,
    activeThawC: HELIUM_THAW,
  },
  "iceseed-1.5": {
    name: "iceseed-1.5",
    description: "Argon needle 1.5 mm (17 G), IceSeed class (short, spherical ice ball)",
    kind: "argon",
    diameterMm: v(1.5, "mm", "manufacturer: 17 G = 1.47 mm"),
    activeLengthMm: v(20, "mm", "assumed (published ice ball nearly spherical)"),
    surfaceC: v(-185.8, "°C", ARGON_FLOOR),
    filmCoefficient: ARGON_FILM,
    rampS: ARGON_RAMP,
    activeThawC: HELIUM_THAW,
  },
  "argon-1.7": {
    name: "argon-1.7",
    description: "Argon needle 1.7 mm (Littrup et al. JVIR 2009 used 1.7 and 2.4 mm probes)",
    kind: "argon",
    diameterMm: v(1.7, "mm", "Littrup et al., JVIR 2009"),
    activeLengthMm: v(40, "mm", "assumed"),
    surfaceC: v(-185.8, "°C", ARGON_FLOOR),
    filmCoefficient: ARGON_FILM,
    rampS: ARGON_RAMP,
    activeThawC: HELIUM_THAW,
  },
  "argon-2.4": {
    name: "argon-2.4",
    description: "Argon cryoprobe 2.4 mm (Endocare class; Littrup et al. JVIR 2009)",
    kind: "argon",
    diameterMm: v(2.4, "mm", "Littrup et al., JVIR 2009"),
    activeLengthMm: v(40, "mm", "assumed"),
    surfaceC: v(-185.8, "°C", ARGON_FLOOR),
    filmCoefficient: ARGON_FILM,
    rampS: ARGON_RAMP,
    activeThawC: HELIUM_THAW,
  },
  "nitrogen-3.4": {
    name: "nitrogen-3.4",
    description: "Liquid-nitrogen cryoprobe 3.4 mm (Visica class)",
    kind: "nitrogen",
    diameterMm: v(3.4, "mm", "assumed"),
    activeLengthMm: v(40, "mm", "assumed"),
    surfaceC: v(-196, "°C", "boiling point of nitrogen at 1 atm (floor)"),
    filmCoefficient: v(0, "W/m^2/K", "assumed: boiling nitrogen holds the surface at its floor"),
    rampS: v(30, "s", "assumed"),
    activeThawC: v(40, "°C", "assumed: electric heater thaw"),
  },
  "rfa-1.5": {
    name: "rfa-1.5",
    description: "Radiofrequency electrode 1.5 mm (17 G internally cooled class), heat comparator",
    kind: "radiofrequency",
    diameterMm: v(1.5, "mm", "17 G"),
    activeLengthMm: v(30, "mm", "assumed (3 cm exposed tip)"),
    surfaceC: v(90, "°C", "assumed: RFA controllers target 90–100 °C"),
    filmCoefficient: v(0, "W/m^2/K", "surface held at the set point"),
    rampS: v(30, "s", "assumed"),
    activeThawC: v(37, "°C", "not used"),
  },
  "mwa-2.4": {
    name: "mwa-2.4",
    description: "Microwave antenna 2.4 mm, modelled as a heated surface (heat comparator)",
    kind: "microwave",
    diameterMm: v(2.4, "mm", "assumed"),
    activeLengthMm: v(20, "mm", "assumed"),
    surfaceC: v(100, "°C", "assumed: surface held at the boiling point of tissue water"),
    filmCoefficient: v(0, "W/m^2/K", "surface held at the set point"),
    rampS: v(20, "s", "assumed"),
    activeThawC: v(37, "°C", "not used"),
  },
};

export function probeNames(): string[] {
  return Object.keys(PROBES);
}

export function getProbe(name: string, field = "probe.model"): ProbeModel {
  const p = PROBES[name];
  if (!p) throw new InputError(field, name, `one of ${probeNames().join(", ")}`);
  return p;
}

export function isCryoProbe(p: ProbeModel): boolean {
  return p.kind === "argon" || p.kind === "nitrogen";
}

/** Surface temperature `elapsedS` after a ramp from `startC` towards `targetC` began. */
export function rampTemperature(startC: number, targetC: number, rampS: number, elapsedS: number): number {
  return targetC + (startC - targetC) * Math.exp(-elapsedS / rampS);
}
