/**
 * One patient, two lesions, two years: cryoablation of one lesion on day 0 and nivolumab 240 mg every
 * 2 weeks (52 doses) — median wall and CPU time per simulation (compiled model reused, as in a cohort) and
 * the solver statistics, for the default solver path and the alternatives tried, in one process.
 * Goal of issue 5: ≤ 1 ms per simulation on one core.
 */
import { ModelCache } from "../src/immune/model-cache.js";
import { type SimulateOptions, simulatePatient } from "../src/immune/simulate.js";
import type { Scenario } from "../src/scenario/schema.js";

const scenario: Scenario = {
  patient: { tumourType: "NSCLC", phenotype: { immune: "intermediate", pdl1: "low" }, weightKg: 70 },
  lesions: [
    { id: "primary", site: "lung", longestDiameterMm: 30 },
    { id: "distant", site: "lung", longestDiameterMm: 20 },
  ],
  treatments: [
    {
      kind: "cryoablation",
      lesion: "primary",
      day: 0,
      killedFraction: 0.95,
      necroticShare: 0.75,
      intactAntigenFraction: 0.9,
    },
    { kind: "ici", regimen: "nivolumab 240 mg q2w", startDay: 0 },
  ],
  horizonDays: 730,
  outputs: { everyDays: 7 },
};

/** Solver paths compared in the same process (the machine is shared: ratios are what carries over). */
const paths: [string, SimulateOptions][] = [
  ["default: rodas5, scaled state, coloured FD Jacobian", {}],
  ["rodas5, unscaled state (the path before the scaling)", { scaled: false }],
  ["rodas5, symbolic Jacobian (compiler's, chunked)", { jacobian: "symbolic" }],
  ["rodas5, solver's own (learnt-pattern) FD Jacobian", { jacobian: "solver" }],
  ["bdf (variable order, Jacobian/LU reuse)", { method: "bdf" }],
  ["radau5", { method: "radau5" }],
  ["rodas5, hMax 7 days", { hMax: 7 }],
  ["rodas5 rtol 1e-5", { rtol: 1e-5 }],
  ["rodas5 rtol 1e-4", { rtol: 1e-4 }],
];

const median = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  return Math.round(s[Math.floor(s.length / 2)] * 10) / 10;
};

export default async function immuneBench() {
  const cache = new ModelCache();
  const t0 = performance.now();
  simulatePatient(undefined, scenario, { cache });
  const firstMs = performance.now() - t0;
  const runs = 5;
  const model = cache.get({ lesionCount: 2, drugs: ["nivolumab"] });
  const rows: Record<string, unknown>[] = [];
  for (const [name, options] of paths) {
    simulatePatient(undefined, scenario, { cache, ...options }); // warm-up (JIT)
    const wall: number[] = [];
    const cpu: number[] = [];
    let last = simulatePatient(undefined, scenario, { cache, ...options });
    for (let i = 0; i < runs; i++) {
      const c = process.cpuUsage();
      const s = performance.now();
      last = simulatePatient(undefined, scenario, { cache, ...options });
      wall.push(performance.now() - s);
      const d = process.cpuUsage(c);
      cpu.push((d.user + d.system) / 1000);
    }
    rows.push({
      path: name,
      medianMsPerSimulation: median(wall),
      medianCpuMsPerSimulation: median(cpu),
      status: last.status,
      method: last.method,
      steps: last.stats.steps,
      rejected: last.stats.rejected,
      rhsEvals: last.stats.rhsEvals,
      jacobianEvals: last.stats.jacobianEvals,
      luFactorizations: last.stats.factorizations,
    });
    console.log(JSON.stringify(rows[rows.length - 1]));
  }
  const base = rows[0] as { medianMsPerSimulation: number; medianCpuMsPerSimulation: number };
  const result = {
    scenario:
      "2 lesions, 730 days, cryo day 0 + nivolumab 240 mg q2w (52 doses), rtol 1e-6 unless stated, 90-day burn-in",
    species: model.species.length,
    processes: model.processes.length,
    firstRunMsIncludingCompile: Math.round(firstMs),
    medianMsPerSimulation: base.medianMsPerSimulation,
    medianCpuMsPerSimulation: base.medianCpuMsPerSimulation,
    goalMs: 1,
    runsPerPath: runs,
    paths: rows.map((r) => ({
      ...r,
      cpuRatioToDefault:
        Math.round(((r.medianCpuMsPerSimulation as number) / base.medianCpuMsPerSimulation) * 100) / 100,
    })),
  };
  console.log(JSON.stringify(result, null, 2));
  return result;
}
