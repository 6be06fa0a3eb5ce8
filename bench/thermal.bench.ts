/**
 * Thermal solver benchmarks (issue 6):
 * 1. 2D axisymmetric, one 2.4 mm argon probe, 10-5-10 protocol, 0.5 mm grid, generic tissue — goal ≤ 1 s.
 * 2. 3D Cartesian, four 2.4 mm probes (2 cm square), 15-min freeze, 1 mm grid, 39 °C gel — goal ≤ 20 s
 *    (a published 3D liver FEM needed 23 s: Li et al., BMC Gastroenterol 2025).
 * Reports the grid, the steps, Newton and linear iterations, wall and CPU time.
 */
import { parseThermalPlan, planToSetup } from "../src/thermal/plan.js";
import { simulateAblation } from "../src/thermal/simulate-ablation.js";
import { littrupLayout } from "../src/thermal/validation-littrup.js";

function timed(label: string, goalS: number, input: unknown) {
  const { setup } = planToSetup(parseThermalPlan(input));
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const sim = simulateAblation(setup);
  const wallS = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const g = sim.grid;
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
    cpuS: Number(((cpu.user + cpu.system) / 1e6).toFixed(3)),
    goalS,
    metGoal: wallS <= goalS,
    status: sim.status,
    energyBalanceRelError: sim.energyBalanceRelError,
  };
  console.log(JSON.stringify(result));
  return result;
}

export default async () => {
  const axisymmetric = timed("2D axisymmetric, 1 probe, 10-5-10, 0.5 mm", 1, {
    tissue: "generic",
    probes: [{ model: "argon-2.4", tipMm: [0, 0, 20] }],
    protocol: "10-5-10",
    mode: "axisymmetric",
    resolutionMm: 0.5,
  });
  const cartesian = timed("3D, 4 probes, 15-min freeze, 1 mm", 20, {
    tissue: "agar-gel",
    probes: littrupLayout(4).map(([x, y]) => ({ model: "argon-2.4", tipMm: [x * 1e3, y * 1e3, 20] })),
    protocol: [{ freezeMin: 15 }],
    mode: "cartesian3d",
    resolutionMm: 1,
  });
  return { axisymmetric, cartesian };
};
