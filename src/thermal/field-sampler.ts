/**
 * Temperature at any point of the domain, interpolated from cell centres (trilinear in 3D, bilinear in
 * (r, z) for axisymmetric grids, where r is the distance from the probe axis), and the extent of an
 * isotherm along a line: how far the region T ≤ iso reaches along it.
 */
import type { Grid } from "./grid.js";

export type Vec3 = [number, number, number];

export interface FieldSampler {
  /** Temperature (°C) at a world point (m). */
  at(p: Vec3): number;
  /** Bounding box of the domain in world coordinates (m). */
  min: Vec3;
  max: Vec3;
  /** Grid spacing, m (the smallest). */
  spacing: number;
}

function clampIndex(u: number, n: number): [number, number, number] {
  // u in cell-centre units: centre of cell i at u = i
  if (n === 1) return [0, 0, 0];
  if (u <= 0) return [0, 1, 0];
  if (u >= n - 1) return [n - 2, n - 1, 1];
  const i = Math.floor(u);
  return [i, i + 1, u - i];
}

/** Sampler on a Cartesian 3D grid. */
export function cartesianSampler(g: Grid, T: Float64Array): FieldSampler {
  const { nx, ny, nz, hx, hy, hz, x0, y0, z0 } = g;
  return {
    min: [x0, y0, z0],
    max: [x0 + nx * hx, y0 + ny * hy, z0 + nz * hz],
    spacing: Math.min(hx, hy, hz),
    at(p: Vec3): number {
      const [i0, i1, fx] = clampIndex((p[0] - x0) / hx - 0.5, nx);
      const [j0, j1, fy] = clampIndex((p[1] - y0) / hy - 0.5, ny);
      const [k0, k1, fz] = clampIndex((p[2] - z0) / hz - 0.5, nz);
      const idx = (i: number, j: number, k: number) => T[i + nx * (j + ny * k)];
      const c00 = idx(i0, j0, k0) * (1 - fx) + idx(i1, j0, k0) * fx;
      const c10 = idx(i0, j1, k0) * (1 - fx) + idx(i1, j1, k0) * fx;
      const c01 = idx(i0, j0, k1) * (1 - fx) + idx(i1, j0, k1) * fx;
      const c11 = idx(i0, j1, k1) * (1 - fx) + idx(i1, j1, k1) * fx;
      const c0 = c00 * (1 - fy) + c10 * fy;
      const c1 = c01 * (1 - fy) + c11 * fy;
      return c0 * (1 - fz) + c1 * fz;
    },
  };
}

/**
 * Sampler on an axisymmetric (r, z) grid whose axis is the world line x = axis[0], y = axis[1]
 * (parallel to z). Points inside the inner radius (the probe) take the value of the first shell.
 */
export function axisymmetricSampler(g: Grid, T: Float64Array, axis: [number, number]): FieldSampler {
  const { nx, nz, hx, hz, x0, z0 } = g;
  const rMax = x0 + nx * hx;
  return {
    min: [axis[0] - rMax, axis[1] - rMax, z0],
    max: [axis[0] + rMax, axis[1] + rMax, z0 + nz * hz],
    spacing: Math.min(hx, hz),
    at(p: Vec3): number {
      const r = Math.hypot(p[0] - axis[0], p[1] - axis[1]);
      const [i0, i1, fr] = clampIndex((r - x0) / hx - 0.5, nx);
      const [k0, k1, fz] = clampIndex((p[2] - z0) / hz - 0.5, nz);
      const a = T[i0 + nx * k0] * (1 - fr) + T[i1 + nx * k0] * fr;
      const b = T[i0 + nx * k1] * (1 - fr) + T[i1 + nx * k1] * fr;
      return a * (1 - fz) + b * fz;
    },
  };
}

function insideBox(s: FieldSampler, p: Vec3): boolean {
  for (let d = 0; d < 3; d++) if (p[d] < s.min[d] - 1e-12 || p[d] > s.max[d] + 1e-12) return false;
  return true;
}

/**
 * Distance (m) from `centre` to the outermost point along +direction where T ≤ iso, found by marching
 * in steps of a quarter cell and interpolating the crossing linearly. 0 when nowhere along the ray.
 */
export function rayReach(s: FieldSampler, centre: Vec3, direction: Vec3, iso: number): number {
  const step = s.spacing / 4;
  let lastIn = -1; // step index of the outermost sample with T ≤ iso
  let lastInT = 0;
  let afterT = Number.NaN; // the sample just after it, if outside the region
  const p: Vec3 = [0, 0, 0];
  for (let q = 0; ; q++) {
    const d = q * step;
    p[0] = centre[0] + d * direction[0];
    p[1] = centre[1] + d * direction[1];
    p[2] = centre[2] + d * direction[2];
    if (!insideBox(s, p)) break;
    const t = s.at(p);
    if (t <= iso) {
      lastIn = q;
      lastInT = t;
      afterT = Number.NaN;
    } else if (lastIn === q - 1) afterT = t;
  }
  if (lastIn < 0) return 0;
  if (Number.isNaN(afterT)) return lastIn * step; // reaches the domain edge
  return (lastIn + (iso - lastInT) / (afterT - lastInT)) * step;
}

/** Chord length (m) of the region T ≤ iso along a line through `centre`. */
export function chordLength(s: FieldSampler, centre: Vec3, direction: Vec3, iso: number): number {
  const back: Vec3 = [-direction[0], -direction[1], -direction[2]];
  return rayReach(s, centre, direction, iso) + rayReach(s, centre, back, iso);
}

/** Two unit vectors perpendicular to `axis` and to each other. */
export function perpendicularBasis(axis: Vec3): [Vec3, Vec3] {
  const a = normalise(axis);
  const helper: Vec3 = Math.abs(a[0]) < 0.9 ? [1, 0, 0] : [0, 1, 0];
  const u = normalise(cross(a, helper));
  const v = cross(a, u);
  return [u, v];
}

export function normalise(v: Vec3): Vec3 {
  const n = Math.hypot(v[0], v[1], v[2]);
  return [v[0] / n, v[1] / n, v[2] / n];
}

export function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

/**
 * Width and length (m) of the isotherm region: length is the longest chord parallel to `axis` through
 * any of `axisPoints`; width the longest chord through `centre` perpendicular to the axis (24
 * directions, every 7.5°).
 */
export function isothermSize(
  s: FieldSampler,
  centre: Vec3,
  axis: Vec3,
  axisPoints: Vec3[],
  iso: number,
): { width: number; length: number } {
  const a = normalise(axis);
  let length = 0;
  for (const p of [centre, ...axisPoints]) length = Math.max(length, chordLength(s, p, a, iso));
  const [u, v] = perpendicularBasis(a);
  let width = 0;
  for (let q = 0; q < 24; q++) {
    const th = (q * Math.PI) / 24;
    const d: Vec3 = [
      Math.cos(th) * u[0] + Math.sin(th) * v[0],
      Math.cos(th) * u[1] + Math.sin(th) * v[1],
      Math.cos(th) * u[2] + Math.sin(th) * v[2],
    ];
    width = Math.max(width, chordLength(s, centre, d, iso));
  }
  return { width, length };
}
