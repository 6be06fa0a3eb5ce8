/**
 * simulatePk cost: compile + solve for typical regimens (one year, daily output), and the ODE model's
 * agreement with the closed form on the linear nivolumab model (maximum relative error).
 */
import { drugByName } from "../src/drugs/catalogue/index.js";
import { linearConcentrations } from "../src/drugs/closed-form.js";
import { individualPk } from "../src/drugs/individual-pk.js";
import { simulatePk } from "../src/drugs/simulate-pk.js";
import type { PopulationPk } from "../src/drugs/types.js";

function timeIt<T>(runs: number, f: () => T): { msMedian: number; last: T } {
  const times: number[] = [];
  let last = f();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    last = f();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { msMedian: times[Math.floor(times.length / 2)], last };
}

export default async function pkBench(): Promise<object> {
  const cases = [
    { drug: "nivolumab", regimen: "240 mg q2w over 30 min" },
    { drug: "pembrolizumab", regimen: "200 mg q3w over 30 min" },
    { drug: "durvalumab", regimen: "1500 mg q4w over 60 min" },
    { drug: "tislelizumab", regimen: "200 mg q3w over 60 min" },
    {
      drug: "nivolumab",
      regimen: "nivolumab 1 mg/kg + ipilimumab 3 mg/kg q3w x4, then nivolumab 480 mg q4w",
    },
  ];
  const rows = cases.map((c) => {
    const { msMedian, last } = timeIt(5, () => simulatePk({ ...c, weightKg: 80, days: 365 }));
    console.log(`${c.drug.padEnd(14)} ${c.regimen.padEnd(75)} ${msMedian.toFixed(1)} ms`);
    return { ...c, days: 365, doses: last.doses.length, msMedian, status: last.status };
  });
  const linear = simulatePk({
    drug: "nivolumab",
    regimen: "240 mg q2w",
    days: 365,
    timeVaryingClearance: false,
    rtol: 1e-11,
    atol: 1e-13,
  });
  const exact = linearConcentrations(
    individualPk(drugByName("nivolumab").pk as PopulationPk, { weightKg: 80 }),
    linear.doses,
    linear.days,
  );
  let maxRelError = 0;
  for (let i = 1; i < exact.length; i++)
    maxRelError = Math.max(maxRelError, Math.abs(linear.serumUgPerMl[i] - exact[i]) / exact[i]);
  console.log(
    `closed-form agreement (nivolumab 240 mg q2w, 1 year, rtol 1e-11): max rel error ${maxRelError.toExponential(2)}`,
  );
  return { simulations: rows, closedFormMaxRelError: maxRelError };
}
