/**
 * Runs an ablation: builds the grid (axisymmetric for one probe parallel to z, or Cartesian 3D for any
 * number of probes placed anywhere), drives the probe boundary conditions through the protocol, tracks
 * every voxel's thermal history, and measures what the outcome needs along the way (isotherm sizes at
 * the end of each freeze, coverage of tumour + margin over time, minimum temperature at points of
 * interest). Pure and browser-safe.
 */
import type { PlacedProbe, TumourShape } from "./ablation-geometry.js";
import {
  activeSegment,
  cellPosition,
  cellVolume,
  ellipsoidRadius,
  segmentMidpoint,
  voxeliseProbes,
} from "./ablation-geometry.js";
import {
  BioheatSolver,
  PATCH_INSULATED,
  PATCH_TEMPERATURE,
  PROBE_FIXED,
  PROBE_INSULATED,
} from "./bioheat-solver.js";
import type { CryoDeathRule, VoxelDeath } from "./cell-death.js";
import { voxelDeath } from "./cell-death.js";
import type { FieldSampler, Vec3 } from "./field-sampler.js";
import { axisymmetricSampler, cartesianSampler, isothermSize, normalise } from "./field-sampler.js";
import type { Grid } from "./grid.js";
import { axisymmetricGrid, cartesianGrid, zCentre } from "./grid.js";
import { isCryoProbe, rampTemperature } from "./probe.js";
import type { ProtocolStep, TimedStep } from "./protocol.js";
import { schedule } from "./protocol.js";
import { ThermalHistory } from "./thermal-history.js";
import type { TissueNumbers } from "./tissue.js";

export type GeometryMode = "axisymmetric" | "cartesian3d";

export interface AblationSetup {
  tissue: TissueNumbers;
  probes: PlacedProbe[];
  steps: ProtocolStep[];
  mode: GeometryMode;
  /** Grid spacing, m. */
  resolution: number;
  /** Domain box, m (axisymmetric: its x extent from the axis sets the outer radius). */
  domainMin: Vec3;
  domainMax: Vec3;
  tumour?: TumourShape;
  deathRule: CryoDeathRule;
  pointsOfInterest?: { name: string; position: Vec3 }[];
  /** Largest time step, s (steps start at 1 s after every protocol change and grow by 30 %). */
  maxStepS: number;
  /** Perfusion stays off in tissue frozen once (default true; false only to show its effect). */
  vascularStasis?: boolean;
  /** Far-field boundary: held at the starting temperature (default) or insulated. */
  farField?: "temperature" | "insulated";
}

export interface IsothermRecord {
  freeze: number;
  timeS: number;
  sizes: { isothermC: number; widthMm: number; lengthMm: number }[];
}

export interface SimulationResult {
  grid: Grid;
  solver: BioheatSolver;
  history: ThermalHistory;
  sampler: FieldSampler;
  /** Axis of an axisymmetric grid in world x, y (m). */
  axis: [number, number];
  isotherms: IsothermRecord[];
  /** (time s, coverage of tumour + margin by the lethal zone) after every step. */
  coverageTimeline: { timeS: number; coverage: number }[];
  poiMinC: number[];
  status: "ok" | "failed";
  message: string;
  energyBalanceRelError: number;
  /** The end time of the simulation, s. */
  endS: number;
}

export const ISOTHERMS_C = [0, -20, -40];

function buildGrid(s: AblationSetup): { grid: Grid; axis: [number, number] } {
  const h = s.resolution;
  if (s.mode === "axisymmetric") {
    const p = s.probes[0];
    const rp = 0.5 * p.model.diameterMm.value * 1e-3;
    const axis: [number, number] = [p.tip[0], p.tip[1]];
    const rOuter = Math.max(
      Math.abs(s.domainMax[0] - axis[0]),
      Math.abs(s.domainMin[0] - axis[0]),
      Math.abs(s.domainMax[1] - axis[1]),
      Math.abs(s.domainMin[1] - axis[1]),
    );
    const nr = Math.max(2, Math.round((rOuter - rp) / h));
    const nz = Math.max(2, Math.round((s.domainMax[2] - s.domainMin[2]) / h));
    return {
      grid: axisymmetricGrid(
        nr,
        (rOuter - rp) / nr,
        nz,
        (s.domainMax[2] - s.domainMin[2]) / nz,
        rp,
        s.domainMin[2],
      ),
      axis,
    };
  }
  const n: [number, number, number] = [0, 1, 2].map((d) =>
    Math.max(2, Math.round((s.domainMax[d] - s.domainMin[d]) / h)),
  ) as [number, number, number];
  return { grid: cartesianGrid(n, h, s.domainMin), axis: [0, 0] };
}

/** Surface temperature of a probe `elapsed` s into a protocol step. */
function probeTemperature(p: PlacedProbe, step: ProtocolStep, elapsed: number, startC: number): number {
  const m = p.model;
  if (step.kind === "freeze" || step.kind === "heat")
    return rampTemperature(startC, m.surfaceC.value, m.rampS.value, elapsed);
  if (step.kind === "thaw" && step.mode === "active")
    return rampTemperature(m.surfaceC.value, m.activeThawC.value, m.rampS.value, elapsed);
  return startC;
}

export function simulateAblation(s: AblationSetup): SimulationResult {
  const { grid, axis } = buildGrid(s);
  const tissue = s.tissue;
  const n = grid.nx * grid.ny * grid.nz;
  const axisym = grid.kind === "axisymmetric2d";
  const probes = s.probes;
  const timed: TimedStep[] = schedule(s.steps);
  // probe representation
  let cellProbe: Int16Array | undefined;
  let filmScale = probes.map(() => 1);
  const faceMaps: Partial<Record<"xMin" | "xMax" | "yMin" | "yMax" | "zMin" | "zMax", Int16Array>> = {};
  // patches: 0 = far field; 1 + p = probe p's surface (axisymmetric only)
  const patchCount = 1 + probes.length;
  if (axisym) {
    const [a, b] = activeSegment(probes[0]);
    const zLo = Math.min(a[2], b[2]);
    const zHi = Math.max(a[2], b[2]);
    const xMin = new Int16Array(grid.nz).fill(-1);
    for (let k = 0; k < grid.nz; k++) {
      const z = zCentre(grid, k);
      if (z >= zLo && z <= zHi) xMin[k] = 1;
    }
    faceMaps.xMin = xMin;
  } else {
    cellProbe = voxeliseProbes(grid, probes).cellProbe;
    filmScale = probeSurfaceScale(grid, cellProbe, probes);
    faceMaps.xMin = new Int16Array(grid.ny * grid.nz).fill(0);
    faceMaps.yMin = new Int16Array(grid.nx * grid.nz).fill(0);
    faceMaps.yMax = new Int16Array(grid.nx * grid.nz).fill(0);
  }
  faceMaps.xMax = new Int16Array(grid.ny * grid.nz).fill(0);
  faceMaps.zMin = new Int16Array(grid.nx * grid.ny).fill(0);
  faceMaps.zMax = new Int16Array(grid.nx * grid.ny).fill(0);

  let current: TimedStep = timed[0];
  const solver = new BioheatSolver({
    grid,
    tissue,
    patchCount,
    faceMaps,
    cellProbe,
    probeCount: probes.length,
    vascularStasis: s.vascularStasis ?? true,
    setBoundary: (tEnd, sv) => {
      const step = current.step;
      const elapsed = tEnd - current.startS;
      sv.patchKind[0] = s.farField === "insulated" ? PATCH_INSULATED : PATCH_TEMPERATURE;
      sv.patchValue[0] = tissue.initialC;
      const insulated = step.kind === "thaw" && step.mode === "passive";
      probes.forEach((p, q) => {
        const temp = probeTemperature(p, step, elapsed, tissue.initialC);
        sv.probeMode[q] = insulated ? PROBE_INSULATED : PROBE_FIXED;
        sv.probeTempC[q] = temp;
        sv.probeFilm[q] = p.model.filmCoefficient.value * filmScale[q];
        sv.patchFilm[1 + q] = p.model.filmCoefficient.value;
        sv.patchKind[1 + q] = insulated ? PATCH_INSULATED : PATCH_TEMPERATURE;
        sv.patchValue[1 + q] = temp;
      });
    },
  });
  const probeMask = solver.cellProbe;
  const history = new ThermalHistory(n, tissue.initialC, tissue.tSolidusC, tissue.tLiquidusC);
  const sampler = axisym ? axisymmetricSampler(grid, solver.T, axis) : cartesianSampler(grid, solver.T);
  // tumour + margin cells
  const targetCells: number[] = [];
  if (s.tumour) {
    for (let c = 0; c < n; c++) {
      if (probeMask[c] >= 0) continue;
      if (ellipsoidRadius(s.tumour, cellPosition(grid, c, axis), s.tumour.margin) <= 1) targetCells.push(c);
    }
  }
  const targetVolume = targetCells.reduce((a, c) => a + cellVolume(grid, c), 0);
  const death: VoxelDeath = { killed: 0, necrotic: 0, apoptotic: 0, intactAntigen: 0, lethal: false };
  const coverageNow = (): number => {
    if (targetVolume === 0) return 0;
    let v = 0;
    for (const c of targetCells) {
      voxelDeath(s.deathRule, historyAt(history, c), death);
      if (death.lethal) v += cellVolume(grid, c);
    }
    return v / targetVolume;
  };
  const pois = s.pointsOfInterest ?? [];
  const poiMinC = pois.map((p) => sampler.at(p.position));
  const axisDir = normalise(
    probes.reduce<Vec3>(
      (acc, p) => [acc[0] + p.direction[0], acc[1] + p.direction[1], acc[2] + p.direction[2]],
      [0, 0, 0],
    ),
  );
  const mids = probes.map(segmentMidpoint);
  const centre: Vec3 = [0, 1, 2].map((d) => mids.reduce((a, m) => a + m[d], 0) / mids.length) as Vec3;
  const isotherms: IsothermRecord[] = [];
  const coverageTimeline: { timeS: number; coverage: number }[] = [];
  const before = new Float64Array(n);
  const e0 = solver.totalEnthalpy();
  let status: "ok" | "failed" = "ok";
  let message = "completed";
  outer: for (const ts of timed) {
    current = ts;
    let dt = Math.min(1, s.maxStepS);
    while (solver.time < ts.endS - 1e-9) {
      const h = Math.min(dt, ts.endS - solver.time);
      const t0 = solver.time;
      before.set(solver.T);
      if (!solver.advance(h)) {
        status = "failed";
        message = `Newton iteration did not converge at t = ${t0.toFixed(1)} s even with the step cut 32-fold`;
        break outer;
      }
      history.update(before, solver.T, t0, h, probeMask);
      for (let q = 0; q < pois.length; q++) poiMinC[q] = Math.min(poiMinC[q], sampler.at(pois[q].position));
      if (targetCells.length > 0) coverageTimeline.push({ timeS: solver.time, coverage: coverageNow() });
      dt = Math.min(dt * 1.3, s.maxStepS);
    }
    if (ts.step.kind === "freeze" || ts.step.kind === "heat") {
      isotherms.push({
        freeze: ts.freezeNumber,
        timeS: ts.endS,
        sizes: (ts.step.kind === "heat" ? [50, 60] : ISOTHERMS_C).map((iso) => {
          const heat = ts.step.kind === "heat";
          const size = heat
            ? isothermSize(invert(sampler), centre, axisDir, mids, -iso)
            : isothermSize(sampler, centre, axisDir, mids, iso);
          return { isothermC: iso, widthMm: size.width * 1e3, lengthMm: size.length * 1e3 };
        }),
      });
    }
  }
  const dE = solver.totalEnthalpy() - e0;
  const err = dE === 0 ? 0 : Math.abs(dE - solver.boundaryEnergy - solver.sourceEnergy) / Math.abs(dE);
  return {
    grid,
    solver,
    history,
    sampler,
    axis,
    isotherms,
    coverageTimeline,
    poiMinC,
    status,
    message,
    energyBalanceRelError: err,
    endS: solver.time,
  };
}

/**
 * Ratio of each probe's true surface (π d L + π d²/4) to the exposed face area of its voxels: the
 * staircase surface of a voxelised probe is larger than the real one, so its film coefficient is scaled
 * down to keep the cooling power per probe right.
 */
function probeSurfaceScale(g: Grid, cellProbe: Int16Array, probes: PlacedProbe[]): number[] {
  const { nx, ny, nz } = g;
  const faces = probes.map(() => 0);
  for (let k = 0; k < nz; k++)
    for (let j = 0; j < ny; j++)
      for (let i = 0; i < nx; i++) {
        const c = i + nx * (j + ny * k);
        const p = cellProbe[c];
        if (p < 0) continue;
        if (i > 0 && cellProbe[c - 1] < 0) faces[p] += g.hy * g.hz;
        if (i < nx - 1 && cellProbe[c + 1] < 0) faces[p] += g.hy * g.hz;
        if (j > 0 && cellProbe[c - nx] < 0) faces[p] += g.hx * g.hz;
        if (j < ny - 1 && cellProbe[c + nx] < 0) faces[p] += g.hx * g.hz;
        if (k > 0 && cellProbe[c - nx * ny] < 0) faces[p] += g.hx * g.hy;
        if (k < nz - 1 && cellProbe[c + nx * ny] < 0) faces[p] += g.hx * g.hy;
      }
  return probes.map((p, q) => {
    const d = p.model.diameterMm.value * 1e-3;
    const area = Math.PI * d * p.model.activeLengthMm.value * 1e-3 + (Math.PI * d * d) / 4;
    return faces[q] > 0 ? area / faces[q] : 1;
  });
}

/** A sampler of −T (so that "T ≥ iso" regions of heat ablation can be measured as "−T ≤ −iso"). */
function invert(s: FieldSampler): FieldSampler {
  return { ...s, at: (p) => -s.at(p) };
}

export function historyAt(h: ThermalHistory, c: number) {
  return {
    tMin: h.tMin[c],
    timeBelow20: h.timeBelow20[c],
    coolingRate: h.coolingRate[c],
    freezeCycles: h.freezeCycles[c],
    omega: h.omega[c],
  };
}

export function isCryoSetup(s: AblationSetup): boolean {
  return s.probes.every((p) => isCryoProbe(p.model));
}
