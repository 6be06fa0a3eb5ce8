/**
 * Validation cases against phantom data, as data plus a runner, shared by the validation test and the
 * table in docs/thermal.md.
 *
 * Littrup et al., "Lethal isotherms of cryoablation in a phantom study: effects of heat load, probe size
 * and number", JVIR 2009;20:1343–1351: agar at ~39 °C, 15-min freeze, 2.4 mm cryoprobes at 2 cm
 * spacing; average −30 °C ("lethal ice") diameters 1.2 / 3.3 / 4.1 / 4.9 cm for 1 / 2 / 3 / 4 probes;
 * 1.7 mm probes gave 84 % of the 2.4 mm diameters. The paper's jigs held 1–4 probes at 2 cm spacing;
 * the arrangement assumed here is: two in line, three at the corners of an equilateral triangle and four
 * at the corners of a square, all with 2 cm sides, parallel. "Diameter" is measured as the longest chord
 * of the −30 °C region through the array centre in the plane perpendicular to the probes at mid active
 * length (assumed reading of the paper's diameter).
 */
import type { PlacedProbe } from "./ablation-geometry.js";
import type { Vec3 } from "./field-sampler.js";
import { isothermSize } from "./field-sampler.js";
import { getProbe } from "./probe.js";
import { simulateAblation } from "./simulate-ablation.js";
import { getTissue, tissueNumbers } from "./tissue.js";

export const LITTRUP_SOURCE =
  "Littrup et al., JVIR 2009;20:1343 (abstract): 39 °C agar, 15-min freeze, 2.4 mm probes, 2 cm spacing";

/** Published −30 °C diameters, cm, by probe count. */
export const LITTRUP_LETHAL_DIAMETER_CM: Record<number, number> = { 1: 1.2, 2: 3.3, 3: 4.1, 4: 4.9 };

/** Probe positions (x, y in m) at 2 cm spacing: line, equilateral triangle, square; centred on 0. */
export function littrupLayout(count: number, spacing = 0.02): [number, number][] {
  const s = spacing;
  switch (count) {
    case 1:
      return [[0, 0]];
    case 2:
      return [
        [-s / 2, 0],
        [s / 2, 0],
      ];
    case 3: {
      const r = s / Math.sqrt(3);
      return [0, 1, 2].map((q) => [
        r * Math.cos(Math.PI / 2 + (2 * Math.PI * q) / 3),
        r * Math.sin(Math.PI / 2 + (2 * Math.PI * q) / 3),
      ]);
    }
    case 4:
      return [
        [-s / 2, -s / 2],
        [s / 2, -s / 2],
        [s / 2, s / 2],
        [-s / 2, s / 2],
      ];
    default:
      throw new RangeError(`Littrup layouts hold 1–4 probes, got ${count}`);
  }
}

export interface PhantomResult {
  probes: number;
  /** Widths (longest chord through the centre, mid-plane) of the 0, −20, −30 and −40 °C regions, mm. */
  widthMm: Record<"0" | "-20" | "-30" | "-40", number>;
  cells: number;
  steps: number;
}

/** One 15-min freeze of `count` probes of `model` in 39 °C gel on a Cartesian grid of spacing `h` (m). */
export function runLittrupPhantom(
  count: number,
  h: number,
  model = "argon-2.4",
  initialC = 39,
): PhantomResult {
  const probeModel = getProbe(model);
  const half = probeModel.activeLengthMm.value * 5e-4;
  const probes: PlacedProbe[] = littrupLayout(count).map(([x, y]) => ({
    model: probeModel,
    tip: [x, y, half],
    direction: [0, 0, 1],
  }));
  const pad = 0.025;
  const ext = count === 1 ? 0 : 0.012;
  const tissue = tissueNumbers(getTissue("agar-gel"));
  tissue.initialC = initialC;
  const sim = simulateAblation({
    tissue,
    probes,
    steps: [{ kind: "freeze", minutes: 15 }],
    mode: "cartesian3d",
    resolution: h,
    domainMin: [-ext - pad, -ext - pad, -half - pad],
    domainMax: [ext + pad, ext + pad, half + pad],
    deathRule: "gage-baust",
    maxStepS: 15,
  });
  const centre: Vec3 = [0, 0, 0];
  const width = (iso: number) => isothermSize(sim.sampler, centre, [0, 0, 1], [], iso).width * 1e3;
  return {
    probes: count,
    widthMm: { "0": width(0), "-20": width(-20), "-30": width(-30), "-40": width(-40) },
    cells: sim.solver.n,
    steps: sim.solver.stats.steps,
  };
}
