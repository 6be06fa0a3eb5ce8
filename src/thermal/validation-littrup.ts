/**
 * Validation cases against phantom data, as data plus a runner, shared by the validation test and the
 * table in docs/thermal.md.
 *
 * Littrup et al., "Lethal isotherms of cryoablation in a phantom study: effects of heat load, probe size
 * and number", JVIR 2009;20:1343–1351: agar at ~39 °C, 15-min freeze, 2.4 mm cryoprobes at 2 cm
 * spacing; average −30 °C ("lethal ice") diameters 1.2 / 3.3 / 4.1 / 4.9 cm for 1 / 2 / 3 / 4 probes;
 * 1.7 mm probes gave 84 % of the 2.4 mm diameters. Only the abstract (PMC2762356) could be read: it says
 * the jigs held 1–4 probes at 2 cm spacing and that thermocouple positions were read on CT, not how three
 * probes were arranged nor how the diameter was taken. Assumed here: two in line, three at the corners of
 * an equilateral triangle (alternative: three in a line, `layout: "line"`) and four at the corners of a
 * square, all with 2 cm sides, parallel. Each −30 °C region is measured in the cross-section perpendicular
 * to the probes at mid active length in two ways: `caliperMm`, its longest in-plane dimension (the
 * maximum Feret diameter — how a "diameter" is read off a CT cross-section, cf. RECIST 1.1's longest
 * in-plane diameter, Eisenhauer et al., Eur J Cancer 2009), the reading compared with the paper; and
 * `widthMm`, the longest chord through the array centre (what `AblationOutcome.isotherms` reports). For one,
 * two and four probes (shapes symmetric about the centre) the two agree; for a triangle the longest chord
 * does not pass through the centroid.
 */
import type { PlacedProbe } from "./ablation-geometry.js";
import type { FieldSampler, Vec3 } from "./field-sampler.js";
import { isothermSize } from "./field-sampler.js";
import { getProbe } from "./probe.js";
import { simulateAblation } from "./simulate-ablation.js";
import { getTissue, tissueNumbers } from "./tissue.js";

export const LITTRUP_SOURCE =
  "Littrup et al., JVIR 2009;20:1343 (abstract): 39 °C agar, 15-min freeze, 2.4 mm probes, 2 cm spacing";

/** Published −30 °C diameters, cm, by probe count. */
export const LITTRUP_LETHAL_DIAMETER_CM: Record<number, number> = { 1: 1.2, 2: 3.3, 3: 4.1, 4: 4.9 };

/** Probe positions (x, y in m) at 2 cm spacing: line, equilateral triangle, square; centred on 0. */
export function littrupLayout(
  count: number,
  spacing = 0.02,
  layout: "compact" | "line" = "compact",
): [number, number][] {
  const s = spacing;
  if (layout === "line") return Array.from({ length: count }, (_, q) => [(q - (count - 1) / 2) * s, 0]);
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

export type PhantomIsotherm = "0" | "-20" | "-30" | "-40";

export interface PhantomResult {
  probes: number;
  /** Widths (longest chord through the centre, mid-plane) of the 0, −20, −30 and −40 °C regions, mm. */
  widthMm: Record<PhantomIsotherm, number>;
  /** Longest in-plane dimension (maximum Feret diameter) of each region in the mid-plane, mm. */
  caliperMm: Record<PhantomIsotherm, number>;
  cells: number;
  steps: number;
}

/** One 15-min freeze of `count` probes of `model` in 39 °C gel on a Cartesian grid of spacing `h` (m). */
export function runLittrupPhantom(
  count: number,
  h: number,
  model = "argon-2.4",
  initialC = 39,
  layout: "compact" | "line" = "compact",
): PhantomResult {
  const probeModel = getProbe(model);
  const half = probeModel.activeLengthMm.value * 5e-4;
  const xy = littrupLayout(count, 0.02, layout);
  const probes: PlacedProbe[] = xy.map(([x, y]) => ({
    model: probeModel,
    tip: [x, y, half],
    direction: [0, 0, 1],
  }));
  const pad = 0.025;
  const xs = xy.map((p) => p[0]);
  const ys = xy.map((p) => p[1]);
  const tissue = tissueNumbers(getTissue("agar-gel"));
  tissue.initialC = initialC;
  const sim = simulateAblation({
    tissue,
    probes,
    steps: [{ kind: "freeze", minutes: 15 }],
    mode: "cartesian3d",
    resolution: h,
    domainMin: [Math.min(...xs) - pad, Math.min(...ys) - pad, -half - pad],
    domainMax: [Math.max(...xs) + pad, Math.max(...ys) + pad, half + pad],
    deathRule: "gage-baust",
    maxStepS: 15,
  });
  const centre: Vec3 = [
    xs.reduce((a, b) => a + b, 0) / xs.length,
    ys.reduce((a, b) => a + b, 0) / ys.length,
    0,
  ];
  const width = (iso: number) => isothermSize(sim.sampler, centre, [0, 0, 1], [], iso).width * 1e3;
  const caliper = (iso: number) => caliperDiameter(sim.sampler, 0, iso) * 1e3;
  return {
    probes: count,
    widthMm: { "0": width(0), "-20": width(-20), "-30": width(-30), "-40": width(-40) },
    caliperMm: { "0": caliper(0), "-20": caliper(-20), "-30": caliper(-30), "-40": caliper(-40) },
    cells: sim.solver.n,
    steps: sim.solver.stats.steps,
  };
}

/**
 * Longest in-plane dimension (m) of the region T ≤ iso in the plane z = `z` (maximum Feret diameter):
 * the region's edge is located on a raster of a quarter cell, interpolating each crossing linearly along
 * rows and columns, and the diameter is the largest extent of the edge points over 360 directions (0.5°;
 * the angular error is < 1e-4 relative). 0 if the region is empty.
 */
export function caliperDiameter(s: FieldSampler, z: number, iso: number): number {
  const step = s.spacing / 4;
  const nx = Math.floor((s.max[0] - s.min[0]) / step);
  const ny = Math.floor((s.max[1] - s.min[1]) / step);
  const x0 = s.min[0] + 0.5 * step;
  const y0 = s.min[1] + 0.5 * step;
  const t = new Float64Array(nx * ny);
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) t[i + nx * j] = s.at([x0 + i * step, y0 + j * step, z]);
  const px: number[] = [];
  const py: number[] = [];
  const cross = (a: number, b: number) => (iso - a) / (b - a);
  for (let j = 0; j < ny; j++)
    for (let i = 0; i < nx; i++) {
      const a = t[i + nx * j];
      if (i + 1 < nx) {
        const b = t[i + 1 + nx * j];
        if (a <= iso !== b <= iso) {
          px.push(x0 + (i + cross(a, b)) * step);
          py.push(y0 + j * step);
        }
      }
      if (j + 1 < ny) {
        const b = t[i + nx * (j + 1)];
        if (a <= iso !== b <= iso) {
          px.push(x0 + i * step);
          py.push(y0 + (j + cross(a, b)) * step);
        }
      }
    }
  let best = 0;
  for (let q = 0; q < 360; q++) {
    const c = Math.cos((q * Math.PI) / 360);
    const d = Math.sin((q * Math.PI) / 360);
    let lo = Number.POSITIVE_INFINITY;
    let hi = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < px.length; k++) {
      const v = px[k] * c + py[k] * d;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    if (hi - lo > best) best = hi - lo;
  }
  return best;
}
