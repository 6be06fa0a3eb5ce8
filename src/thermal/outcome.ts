/**
 * AblationOutcome: what an ablation did to the tumour, from the per-voxel thermal history. This is what
 * the immune model's ablation event takes ({killedFraction, necroticShare, intactAntigenFraction}).
 */
import type { TumourShape } from "./ablation-geometry.js";
import { cellPosition, cellVolume, ellipsoidRadius } from "./ablation-geometry.js";
import type { CryoDeathRule, VoxelDeath } from "./cell-death.js";
import { voxelDeath } from "./cell-death.js";
import type { IsothermRecord, SimulationResult } from "./simulate-ablation.js";
import { historyAt } from "./simulate-ablation.js";

/** Coverage at or above this share of tumour + margin counts as covered (for timeToCoverageS). */
export const COVERAGE_TARGET = 0.99;

export interface AblationOutcome {
  modality: "cryo" | "heat";
  /** Share of tumour cells killed (volume-weighted over the tumour, margin excluded). */
  killedFraction: number;
  /** Shares of the killed cells dying by necrosis and by apoptosis (sum 1; both 0 if none killed). */
  necroticShare: number;
  apoptoticShare: number;
  /** Share of the killed cells whose antigen is intact (not heat-denatured). */
  intactAntigenFraction: number;
  /** Share of tumour + margin volume inside the lethal zone at the end. */
  coverage: number;
  /** First time (s) the lethal zone covered ≥ 99 % of tumour + margin; null if never. */
  timeToCoverageS: number | null;
  tumourVolumeMl: number;
  tumourWithMarginVolumeMl: number;
  /** Volume of tissue frozen below 0 °C at any time / inside the lethal zone, mL. */
  iceVolumeMl: number;
  lethalVolumeMl: number;
  /** Isotherm width × length at the end of each freeze (heat: 50/60 °C at the end of heating). */
  isotherms: IsothermRecord[];
  pointsOfInterest: { name: string; minTempC: number }[];
  solver: {
    geometry: string;
    grid: string;
    cells: number;
    spacingMm: number;
    steps: number;
    newtonIterations: number;
    linearIterations: number;
    rejectedSteps: number;
    simulatedS: number;
    energyBalanceRelError: number;
    status: "ok" | "failed";
    message: string;
  };
}

export function computeOutcome(
  sim: SimulationResult,
  rule: CryoDeathRule,
  tumour: TumourShape | undefined,
  modality: "cryo" | "heat",
  poiNames: string[],
): AblationOutcome {
  const { grid, history, solver } = sim;
  const n = solver.n;
  const death: VoxelDeath = { killed: 0, necrotic: 0, apoptotic: 0, intactAntigen: 0, lethal: false };
  let vT = 0;
  let vTM = 0;
  let killed = 0;
  let necrotic = 0;
  let intact = 0;
  let covered = 0;
  let ice = 0;
  let lethalV = 0;
  for (let c = 0; c < n; c++) {
    if (solver.cellProbe[c] >= 0) continue;
    const v = cellVolume(grid, c);
    voxelDeath(rule, historyAt(history, c), death);
    if (history.tMin[c] < 0) ice += v;
    if (death.lethal) lethalV += v;
    if (!tumour) continue;
    const p = cellPosition(grid, c, sim.axis);
    if (ellipsoidRadius(tumour, p, tumour.margin) > 1) continue;
    vTM += v;
    if (death.lethal) covered += v;
    if (ellipsoidRadius(tumour, p, 0) > 1) continue;
    vT += v;
    killed += v * death.killed;
    necrotic += v * death.necrotic;
    intact += v * death.intactAntigen;
  }
  const hit = sim.coverageTimeline.find((e) => e.coverage >= COVERAGE_TARGET);
  const g = grid;
  return {
    modality,
    killedFraction: vT > 0 ? killed / vT : 0,
    necroticShare: killed > 0 ? necrotic / killed : 0,
    apoptoticShare: killed > 0 ? 1 - necrotic / killed : 0,
    intactAntigenFraction: killed > 0 ? intact / killed : 0,
    coverage: vTM > 0 ? covered / vTM : 0,
    timeToCoverageS: hit ? hit.timeS : null,
    tumourVolumeMl: vT * 1e6,
    tumourWithMarginVolumeMl: vTM * 1e6,
    iceVolumeMl: ice * 1e6,
    lethalVolumeMl: lethalV * 1e6,
    isotherms: sim.isotherms,
    pointsOfInterest: poiNames.map((name, q) => ({ name, minTempC: sim.poiMinC[q] })),
    solver: {
      geometry: g.kind,
      grid: g.kind === "axisymmetric2d" ? `${g.nx} (r) × ${g.nz} (z)` : `${g.nx} × ${g.ny} × ${g.nz}`,
      cells: n,
      spacingMm: Math.min(g.hx, g.kind === "axisymmetric2d" ? g.hz : g.hy, g.hz) * 1e3,
      steps: solver.stats.steps,
      newtonIterations: solver.stats.newtonIterations,
      linearIterations: solver.stats.linearIterations,
      rejectedSteps: solver.stats.rejectedSteps,
      simulatedS: sim.endS,
      energyBalanceRelError: sim.energyBalanceRelError,
      status: sim.status,
      message: sim.message,
    },
  };
}
