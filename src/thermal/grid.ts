/**
 * Structured finite-volume grids for the bioheat solver. Cells are indexed i + nx·(j + ny·k). Geometric
 * factors depend on the first index only (it is the radius in cylindrical geometries):
 * - `volume[i]` cell volume, m³;
 * - `gx[i]` conductance factor (face area / centre distance, m) of the face between cells i−1 and i, for
 *   i = 0…nx (0 and nx are the box faces, whose distance is half a cell);
 * - `gy[i]`, `gz[i]` the same for the faces normal to y and z (interior), and `gyBox[i]`, `gzBox[i]`
 *   for the box faces (half-cell distance).
 * Kinds: planar 1D (per m² of cross-section), radial 1D (per m of length, full circle), axisymmetric
 * 2D (x = r, z = axial; full revolution) and Cartesian 3D.
 */
export type GridKind = "planar1d" | "radial1d" | "axisymmetric2d" | "cartesian3d";

export interface Grid {
  kind: GridKind;
  nx: number;
  ny: number;
  nz: number;
  /** Spacing, m. */
  hx: number;
  hy: number;
  hz: number;
  /** Coordinate of the lower box face along each axis, m (for r: the inner radius). */
  x0: number;
  y0: number;
  z0: number;
  volume: Float64Array;
  gx: Float64Array;
  gy: Float64Array;
  gz: Float64Array;
  gyBox: Float64Array;
  gzBox: Float64Array;
  /** Area of the x faces, m² (for flux boundary conditions), length nx + 1. */
  areaX: Float64Array;
}

export function cellCount(g: Grid): number {
  return g.nx * g.ny * g.nz;
}

export function xCentre(g: Grid, i: number): number {
  return g.x0 + (i + 0.5) * g.hx;
}
export function yCentre(g: Grid, j: number): number {
  return g.y0 + (j + 0.5) * g.hy;
}
export function zCentre(g: Grid, k: number): number {
  return g.z0 + (k + 0.5) * g.hz;
}

function checkCounts(n: number[]): void {
  for (const v of n) if (!Number.isInteger(v) || v < 1) throw new RangeError(`grid: bad cell count ${v}`);
}

function build(
  kind: GridKind,
  counts: [number, number, number],
  spacing: [number, number, number],
  origin: [number, number, number],
  cylindrical: boolean,
): Grid {
  checkCounts(counts);
  const [nx, ny, nz] = counts;
  const [hx, hy, hz] = spacing;
  const [x0] = origin;
  if (cylindrical && x0 < 0) throw new RangeError("grid: inner radius must be ≥ 0");
  const volume = new Float64Array(nx);
  const gx = new Float64Array(nx + 1);
  const areaX = new Float64Array(nx + 1);
  const gy = new Float64Array(nx);
  const gz = new Float64Array(nx);
  const gyBox = new Float64Array(nx);
  const gzBox = new Float64Array(nx);
  for (let i = 0; i <= nx; i++) {
    const rf = x0 + i * hx;
    const area = cylindrical ? 2 * Math.PI * rf * hz : hy * hz;
    areaX[i] = area;
    const dist = i === 0 || i === nx ? 0.5 * hx : hx;
    gx[i] = area / dist;
  }
  for (let i = 0; i < nx; i++) {
    const r0 = x0 + i * hx;
    const r1 = r0 + hx;
    const ring = cylindrical ? Math.PI * (r1 * r1 - r0 * r0) : hx * hy;
    volume[i] = ring * hz;
    const areaY = cylindrical ? 0 : hx * hz;
    gy[i] = areaY / hy;
    gyBox[i] = areaY / (0.5 * hy);
    gz[i] = ring / hz;
    gzBox[i] = ring / (0.5 * hz);
  }
  return {
    kind,
    nx,
    ny,
    nz,
    hx,
    hy,
    hz,
    x0: origin[0],
    y0: origin[1],
    z0: origin[2],
    volume,
    gx,
    gy,
    gz,
    gyBox,
    gzBox,
    areaX,
  };
}

/** Planar slab of nx cells from x0 (m) with spacing h; per m² of cross-section. */
export function planarGrid(nx: number, h: number, x0 = 0): Grid {
  return build("planar1d", [nx, 1, 1], [h, 1, 1], [x0, 0, 0], false);
}

/** Radial (cylindrical) 1D grid of nx shells from radius r0; per metre of length. */
export function radialGrid(nx: number, h: number, r0 = 0): Grid {
  return build("radial1d", [nx, 1, 1], [h, 1, 1], [r0, 0, 0], true);
}

/** Axisymmetric (r, z) grid: nr shells from r0 with spacing hr; nz axial cells from z0 with spacing hz. */
export function axisymmetricGrid(nr: number, hr: number, nz: number, hz: number, r0 = 0, z0 = 0): Grid {
  return build("axisymmetric2d", [nr, 1, nz], [hr, 1, hz], [r0, 0, z0], true);
}

/** Cartesian 3D grid with cubic cells of side h. */
export function cartesianGrid(
  n: [number, number, number],
  h: number,
  origin: [number, number, number],
): Grid {
  return build("cartesian3d", n, [h, h, h], origin, false);
}
