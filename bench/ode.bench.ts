/**
 * Work–precision benchmark of the ODE engine on ROBER, POLLU and E5 (Bari test set) at rtol 1e-4 … 1e-10:
 * microseconds per solve against significant correct digits, for rodas5, radau5 and bdf, and in the same run
 * SUNDIALS CVODE (BDF, dense, analytic Jacobian; bench/ode/cvode_driver.c built with gcc against
 * libsundials-dev) and SciPy solve_ivp (Radau, BDF, LSODA; bench/ode/scipy_bench.py, timed inside Python).
 * Ratios are taken at matched accuracy: our time interpolated (log time, linear in scd) at each competitor
 * point's scd. All three measure process CPU time (not wall time), so a loaded machine distorts less.
 * `npm run bench ode`.
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { solveOde } from "../src/numerics/ode/index.js";
import {
  type BariProblem,
  e5,
  pollu,
  rober,
  significantDigits,
} from "../src/numerics/ode/verification/bari.js";
import { buildCDriver, CVODE_DENSE_LIBS } from "./c-build.js";

interface Point {
  solver: string;
  problem: string;
  rtol: number;
  scd: number;
  usPerSolve: number;
  steps: number;
  rhsEvals: number;
}

const here = new URL(".", import.meta.url).pathname;
const RTOLS = [1e-4, 1e-5, 1e-6, 1e-7, 1e-8, 1e-9, 1e-10];
/** Our sweep starts looser so that competitors' loose-tolerance points (fewer digits) can be matched. */
const OUR_RTOLS = [1e-2, 1e-3, ...RTOLS];
const PROBLEMS: (() => BariProblem)[] = [rober, pollu, e5];

const OURS = ["rodas5", "radau5", "bdf"] as const;

function timeOurs(p: BariProblem, method: (typeof OURS)[number], rtol: number): Point {
  const options = { method, rtol, atol: p.atolFor(rtol) };
  let s = solveOde(p.problem, options);
  const w0 = performance.now();
  while (performance.now() - w0 < 100) s = solveOde(p.problem, options); // warm-up (JIT tiers)
  let reps = 0;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  while (performance.now() - t0 < 300 || reps < 3) {
    s = solveOde(p.problem, options);
    reps++;
  }
  const cpu = process.cpuUsage(c0);
  const us = (cpu.user + cpu.system) / reps;
  return {
    solver: method,
    problem: p.name,
    rtol,
    scd: significantDigits(s.y[s.y.length - 1], p),
    usPerSolve: us,
    steps: s.stats.steps,
    rhsEvals: s.stats.rhsEvals,
  };
}

function buildCvode(): string | null {
  const built = buildCDriver("cvode_driver", join(here, "ode", "cvode_driver.c"), CVODE_DENSE_LIBS);
  if (built.exe === null) console.log(built.reason);
  return built.exe;
}

function external(cmd: string, args: string[], p: BariProblem, solver: string, rtol: number): Point | null {
  try {
    const out = execFileSync(cmd, args, { encoding: "utf8", cwd: join(here, "ode"), timeout: 600_000 });
    const r = JSON.parse(out.trim().split("\n").pop() ?? "{}") as {
      usPerSolve: number;
      y: number[];
      steps: number;
      rhsEvals: number;
    };
    return {
      solver,
      problem: p.name,
      rtol,
      scd: significantDigits(r.y, p),
      usPerSolve: r.usPerSolve,
      steps: r.steps,
      rhsEvals: r.rhsEvals,
    };
  } catch (e) {
    console.log(`${solver} ${p.name} ${rtol}: ${(e as Error).message.split("\n")[0]}`);
    return null;
  }
}

/** log10 time of the best of our methods at accuracy scd (linear interpolation in scd; null outside range). */
function oursAt(points: Point[], scd: number): { us: number; solver: string } | null {
  let best: { us: number; solver: string } | null = null;
  for (const solver of OURS) {
    const pts = points.filter((q) => q.solver === solver).sort((a, b) => a.scd - b.scd);
    for (let i = 0; i + 1 < pts.length; i++) {
      const a = pts[i];
      const b = pts[i + 1];
      if (scd >= a.scd && scd <= b.scd && b.scd > a.scd) {
        const w = (scd - a.scd) / (b.scd - a.scd);
        const us = 10 ** ((1 - w) * Math.log10(a.usPerSolve) + w * Math.log10(b.usPerSolve));
        if (best === null || us < best.us) best = { us, solver };
      }
    }
  }
  return best;
}

export default async function odeBench(): Promise<object> {
  const cvode = buildCvode();
  const results: { problem: string; points: Point[]; ratios: object[] }[] = [];
  for (const make of PROBLEMS) {
    const p = make();
    const points: Point[] = [];
    for (const method of OURS) for (const rtol of OUR_RTOLS) points.push(timeOurs(p, method, rtol));
    for (const rtol of RTOLS) {
      if (cvode !== null) {
        const reps = p.name === "POLLU" ? "20" : "10";
        const q = external(cvode, [p.name, String(rtol), reps], p, "cvode-bdf", rtol);
        if (q) points.push(q);
      }
    }
    for (const method of ["Radau", "BDF", "LSODA"]) {
      for (const rtol of [1e-4, 1e-6, 1e-8, 1e-10]) {
        const q = external(
          "python3",
          [join(here, "ode", "scipy_bench.py"), p.name, method, String(rtol), "2"],
          p,
          `scipy-${method}`,
          rtol,
        );
        if (q) points.push(q);
      }
    }
    const ratios = points
      .filter((q) => !(OURS as readonly string[]).includes(q.solver))
      .map((q) => {
        const ours = oursAt(points, q.scd);
        return {
          solver: q.solver,
          rtol: q.rtol,
          scd: Number(q.scd.toFixed(2)),
          theirUs: Math.round(q.usPerSolve),
          ourUs: ours ? Math.round(ours.us) : null,
          ourMethod: ours?.solver ?? null,
          speedup: ours ? Number((q.usPerSolve / ours.us).toFixed(2)) : null,
        };
      });
    console.log(`\n${p.name}: work-precision (µs per solve, scd)`);
    for (const q of points)
      console.log(
        `  ${q.solver.padEnd(12)} rtol ${q.rtol.toExponential(0)}  scd ${q.scd.toFixed(2).padStart(6)}  ${q.usPerSolve.toFixed(0).padStart(9)} µs  steps ${q.steps}`,
      );
    console.log(
      `${p.name}: speed-up of ours at matched accuracy (their time / our time; >1 = we are faster)`,
    );
    for (const r of ratios)
      console.log(
        `  ${r.solver.padEnd(12)} rtol ${r.rtol.toExponential(0)}  scd ${String(r.scd).padStart(6)}  ${r.speedup === null ? "outside our accuracy range" : `${r.speedup}× (${r.ourMethod})`}`,
      );
    results.push({ problem: p.name, points, ratios });
  }
  return { rtols: RTOLS, results };
}
