/**
 * Thermal solver benchmarks (issue 6):
 * 1. 2D axisymmetric, one 2.4 mm argon probe, 10-5-10 protocol, 0.5 mm grid, generic tissue — goal ≤ 1 s.
 * 2. 3D Cartesian, four 2.4 mm probes (2 cm square), 15-min freeze, 1 mm grid, 39 °C gel — goal ≤ 20 s
 *    (a published 3D liver FEM needed 23 s: Li et al., BMC Gastroenterol 2025).
 * Reports the grid, the steps, Newton and linear iterations, wall and CPU time (the goal is CPU time), and
 * the ratio of CPU time to the previous run recorded in bench/results/thermal.json.
 */
import { existsSync, readFileSync } from "node:fs";
import { parseThermalPlan, planToSetup } from "../src/thermal/plan.js";
import { simulateAblation } from "../src/thermal/simulate-ablation.js";
import { littrupLayout } from "../src/thermal/validation-littrup.js";

/** The previous run's figures (bench/results/thermal.json before this run overwrites it). */
interface PreviousCase {
  cpuS: number;
  wallS: number;
  steps: number;
  newtonIterations: number;
  linearIterations: number;
}
const previousFile = new URL("./results/thermal.json", import.meta.url);
const previous: { started?: string; result?: Record<string, PreviousCase> } = existsSync(previousFile)
  ? JSON.parse(readFileSync(previousFile, "utf8"))
  : {};

function timed(key: string, label: string, goalS: number, input: unknown) {
  const { setup } = planToSetup(parseThermalPlan(input));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const sim = simulateAblation(setup);
  const wallS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const g = sim.grid;
  const cpuS = (cpu.user + cpu.system) / 1e6;
  const prev = previous.result?.[key];
  const result = {
    label,
    grid: g.kind === "axisymmetric2d" ? `${g.nx} × ${g.nz} (r × z)` : `${g.nx} × ${g.ny} × ${g.nz}`,
    cells: sim.solver.n,
    spacingMm: setup.resolution * 1e3,
    simulatedS: sim.endS,
    steps: sim.solver.stats.steps,
    newtonIterations: sim.solver.stats.newtonIterations,
    linearIterations: sim.solver.stats.linearIterations,
    wallS: Number(wallS.toFixed(3)),
    cpuS: Number(cpuS.toFixed(3)),
    goalS,
    /** The goal is CPU time (one core, no worker threads). */
    metGoal: cpuS <= goalS,
    previous: prev
      ? {
          started: previous.started,
          cpuS: prev.cpuS,
          wallS: prev.wallS,
          steps: prev.steps,
          newtonIterations: prev.newtonIterations,
          linearIterations: prev.linearIterations,
        }
      : null,
    /** CPU time of this run / the previous run (bench/results/thermal.json as it was). */
    cpuRatioToPrevious: prev ? Number((cpuS / prev.cpuS).toFixed(3)) : null,
    status: sim.status,
    energyBalanceRelError: sim.energyBalanceRelError,
  };
  console.log(JSON.stringify(result));
  return result;
}

export default async () => {
  const axisymmetric = timed("axisymmetric", "2D axisymmetric, 1 probe, 10-5-10, 0.5 mm", 1, {
    tissue: "generic",
    probes: [{ model: "argon-2.4", tipMm: [0, 0, 20] }],
    protocol: "10-5-10",
    mode: "axisymmetric",
    resolutionMm: 0.5,
  });
  const cartesian = timed("cartesian", "3D, 4 probes, 15-min freeze, 1 mm", 20, {
    tissue: "agar-gel",
    probes: littrupLayout(4).map(([x, y]) => ({ model: "argon-2.4", tipMm: [x * 1e3, y * 1e3, 20] })),
    protocol: [{ freezeMin: 15 }],
    mode: "cartesian3d",
    resolutionMm: 1,
  });
  return { axisymmetric, cartesian };
};
