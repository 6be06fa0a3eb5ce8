/**
 * One patient, two lesions, two years: cryoablation of one lesion on day 0 and nivolumab 240 mg every
 * 2 weeks (52 doses) — median wall time per simulation (compiled model reused, as in a cohort) and the
 * solver statistics. Goal of issue 5: ≤ 1 ms per simulation on one core.
 */
import { ModelCache } from "../src/immune/model-cache.js";
import { simulatePatient } from "../src/immune/simulate.js";
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

export default async function immuneBench() {
  const cache = new ModelCache();
  const t0 = performance.now();
  const first = simulatePatient(undefined, scenario, { cache });
  const firstMs = performance.now() - t0;
  const runs = 7;
  const times: number[] = [];
  let last = first;
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    last = simulatePatient(undefined, scenario, { cache });
    times.push(performance.now() - s);
  }
  times.sort((a, b) => a - b);
  const model = cache.get({ lesionCount: 2, drugs: ["nivolumab"] });
  const result = {
    scenario:
      "2 lesions, 730 days, cryo day 0 + nivolumab 240 mg q2w (52 doses), rodas5 rtol 1e-6, 90-day burn-in",
    species: model.species.length,
    processes: model.processes.length,
    firstRunMsIncludingCompile: Math.round(firstMs),
    medianMsPerSimulation: Math.round(times[Math.floor(runs / 2)] * 10) / 10,
    minMs: Math.round(times[0] * 10) / 10,
    goalMs: 1,
    status: last.status,
    solver: { method: last.method, ...last.stats },
    events: last.events.length,
  };
  console.log(JSON.stringify(result, null, 2));
  return result;
}
