/**
 * Geometry of an ablation in world coordinates (m): placed probes (tip, insertion direction, active
 * segment), the tumour ellipsoid with its margin, and how they map onto a solver grid — probe cells of
 * a Cartesian grid, probe patches on the inner boundary of an axisymmetric grid, and tumour membership.
 */
import type { Vec3 } from "./field-sampler.js";
import { normalise } from "./field-sampler.js";
import type { Grid } from "./grid.js";
import { xCentre, yCentre, zCentre } from "./grid.js";
import type { ProbeModel } from "./probe.js";

export interface PlacedProbe {
  model: ProbeModel;
  /** Tip position, m. */
  tip: Vec3;
  /** Unit insertion direction (from the handle towards the tip). */
  direction: Vec3;
}

export interface TumourShape {
  centre: Vec3;
  /** Semi-axes along world x, y, z, m. */
  radii: Vec3;
  /** Margin, m (tumour + margin: the ellipsoid with each semi-axis grown by the margin). */
  margin: number;
}

/** The active segment: from the tip back along the shaft by the active length. */
export function activeSegment(p: PlacedProbe): [Vec3, Vec3] {
  const d = normalise(p.direction);
  const len = p.model.activeLengthMm.value * 1e-3;
  const back: Vec3 = [p.tip[0] - d[0] * len, p.tip[1] - d[1] * len, p.tip[2] - d[2] * len];
  return [back, p.tip];
}

export function segmentMidpoint(p: PlacedProbe): Vec3 {
  const [a, b] = activeSegment(p);
  return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2, (a[2] + b[2]) / 2];
}

export function distanceToSegment(q: Vec3, a: Vec3, b: Vec3): number {
  const ab: Vec3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
  const aq: Vec3 = [q[0] - a[0], q[1] - a[1], q[2] - a[2]];
  const len2 = ab[0] * ab[0] + ab[1] * ab[1] + ab[2] * ab[2];
  let t = len2 > 0 ? (aq[0] * ab[0] + aq[1] * ab[1] + aq[2] * ab[2]) / len2 : 0;
  t = Math.max(0, Math.min(1, t));
  return Math.hypot(aq[0] - t * ab[0], aq[1] - t * ab[1], aq[2] - t * ab[2]);
}

/**
 * Marks the cells of a Cartesian grid whose centres lie within the probe radius of an active segment
 * (at least 0.55 cell), and in any case every cell the segment's axis passes through: a probe thinner
 * than a cell whose axis runs near cell corners has no cell centre within its radius (a 1.7 mm probe on a
 * 1.5 mm grid can be 0.75·√2 mm from every centre), and without this it would own no cell and freeze
 * nothing. Returns the probe index per cell (−1 tissue) and the cell count per probe.
 */
export function voxeliseProbes(g: Grid, probes: PlacedProbe[]): { cellProbe: Int16Array; counts: number[] } {
  const { nx, ny, nz } = g;
  const cellProbe = new Int16Array(nx * ny * nz).fill(-1);
  const counts = probes.map(() => 0);
  const h = Math.min(g.hx, g.hy, g.hz);
  probes.forEach((p, index) => {
    const [a, b] = activeSegment(p);
    const r = Math.max(0.5 * p.model.diameterMm.value * 1e-3, 0.55 * h);
    const lo = [Math.min(a[0], b[0]) - r, Math.min(a[1], b[1]) - r, Math.min(a[2], b[2]) - r];
    const hi = [Math.max(a[0], b[0]) + r, Math.max(a[1], b[1]) + r, Math.max(a[2], b[2]) + r];
    const i0 = Math.max(0, Math.floor((lo[0] - g.x0) / g.hx));
    const i1 = Math.min(nx - 1, Math.ceil((hi[0] - g.x0) / g.hx));
    const j0 = Math.max(0, Math.floor((lo[1] - g.y0) / g.hy));
    const j1 = Math.min(ny - 1, Math.ceil((hi[1] - g.y0) / g.hy));
    const k0 = Math.max(0, Math.floor((lo[2] - g.z0) / g.hz));
    const k1 = Math.min(nz - 1, Math.ceil((hi[2] - g.z0) / g.hz));
    for (let k = k0; k <= k1; k++)
      for (let j = j0; j <= j1; j++)
        for (let i = i0; i <= i1; i++) {
          const q: Vec3 = [xCentre(g, i), yCentre(g, j), zCentre(g, k)];
          if (distanceToSegment(q, a, b) <= r) {
            const c = i + nx * (j + ny * k);
            if (cellProbe[c] < 0) counts[index]++;
            cellProbe[c] = index;
          }
        }
    // the cells the axis passes through (sampled every quarter cell, both ends included)
    const len = Math.hypot(b[0] - a[0], b[1] - a[1], b[2] - a[2]);
    const samples = Math.max(1, Math.ceil(len / (0.25 * h)));
    for (let q = 0; q <= samples; q++) {
      const f = q / samples;
      const i = Math.floor((a[0] + f * (b[0] - a[0]) - g.x0) / g.hx);
      const j = Math.floor((a[1] + f * (b[1] - a[1]) - g.y0) / g.hy);
      const k = Math.floor((a[2] + f * (b[2] - a[2]) - g.z0) / g.hz);
      if (i < 0 || i >= nx || j < 0 || j >= ny || k < 0 || k >= nz) continue;
      const c = i + nx * (j + ny * k);
      if (cellProbe[c] < 0) {
        cellProbe[c] = index;
        counts[index]++;
      }
    }
  });
  return { cellProbe, counts };
}

/** Normalised ellipsoid radius of a point: ≤ 1 inside the tumour (grow = 0) or tumour + margin. */
export function ellipsoidRadius(t: TumourShape, p: Vec3, grow: number): number {
  const dx = (p[0] - t.centre[0]) / (t.radii[0] + grow);
  const dy = (p[1] - t.centre[1]) / (t.radii[1] + grow);
  const dz = (p[2] - t.centre[2]) / (t.radii[2] + grow);
  return Math.sqrt(dx * dx + dy * dy + dz * dz);
}

/** World position of a cell centre; axisymmetric cells are placed on the +x side of the axis. */
export function cellPosition(g: Grid, c: number, axis: [number, number]): Vec3 {
  const i = c % g.nx;
  const j = Math.floor(c / g.nx) % g.ny;
  const k = Math.floor(c / (g.nx * g.ny));
  if (g.kind === "axisymmetric2d") return [axis[0] + xCentre(g, i), axis[1], zCentre(g, k)];
  return [xCentre(g, i), yCentre(g, j), zCentre(g, k)];
}

export function cellVolume(g: Grid, c: number): number {
  return g.volume[c % g.nx];
}
