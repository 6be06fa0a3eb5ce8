/**
 * Cost of one virtual patient on a synthetic stand-in for the immune model (the real one does not exist
 * yet): 60 species, a stiff cascade (rates 1e-2 … 1e2 per day) with quadratic coupling, a dose every 14 days
 * for 2 years (52 restarts), daily output. CPU milliseconds per solve for each stiff method at rtol 1e-4 and
 * 1e-6. Goal of issue 2: ≤ 1 ms per patient for the immune model. `npm run bench ode-dosing`.
 */
import { solveOde } from "../src/numerics/ode/index.js";
import type { OdeProblem } from "../src/numerics/ode/types.js";

const n = 60;
const rates = Float64Array.from({ length: n }, (_, i) => 10 ** (-2 + (4 * ((i * 37) % n)) / n));
const problem: OdeProblem = {
  f(_t, y, d) {
    for (let i = 0; i < n; i++) {
      const up = i > 0 ? y[i - 1] : 0;
      d[i] = rates[i] * (0.5 * up - y[i]) - 0.01 * y[i] * y[(i + 7) % n];
    }
  },
  jacobian(_t, y, J) {
    J.fill(0);
    for (let i = 0; i < n; i++) {
      const k = (i + 7) % n;
      J[i * n + i] += -rates[i] - 0.01 * y[k];
      J[i * n + k] += -0.01 * y[i];
      if (i > 0) J[i * n + i - 1] += 0.5 * rates[i];
    }
  },
  y0: new Float64Array(n).fill(1),
  t0: 0,
  tEnd: 730,
  autonomous: true,
};
const events = Array.from({ length: 52 }, (_, k) => ({
  at: 14 * k,
  apply: (y: Float64Array) => {
    y[0] += 10;
  },
}));
const outputTimes = Array.from({ length: 731 }, (_, i) => i);

export default async function dosingBench(): Promise<object> {
  const rows: object[] = [];
  for (const method of ["rodas5", "radau5", "bdf"] as const) {
    for (const rtol of [1e-4, 1e-6]) {
      const options = { method, rtol, atol: rtol * 1e-3, events, outputTimes };
      let s = solveOde(problem, options);
      for (let i = 0; i < 3; i++) s = solveOde(problem, options);
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      let reps = 0;
      while (performance.now() - t0 < 1000 || reps < 3) {
        s = solveOde(problem, options);
        reps++;
      }
      const cpu = process.cpuUsage(c0);
      const ms = (cpu.user + cpu.system) / 1000 / reps;
      console.log(
        `  ${method} rtol ${rtol.toExponential(0)}: ${ms.toFixed(2)} ms CPU per patient, ${s.stats.steps} steps, ${s.stats.factorizations} LUs`,
      );
      rows.push({ method, rtol, msPerPatient: Number(ms.toFixed(3)), stats: s.stats });
    }
  }
  return { species: n, days: 730, doses: events.length, rows };
}
