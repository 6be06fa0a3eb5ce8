/**
 * simulatePk: one patient, one regimen — serum concentration and target occupancy over time, from the
 * drug modules of ./pk-module.ts compiled by the model compiler and integrated by solveOde with every
 * dose as an exact scheduled event (bolus, or infusion start/stop). Doses at day 0, several at the same
 * time, and doses between output times are all applied. Browser-safe.
 */
import { InputError } from "../errors.js";
import { compileModel } from "../model/compile.js";
import type { ScheduledEvent } from "../numerics/ode/index.js";
import { solveOde } from "../numerics/ode/index.js";
import { drugByName } from "./catalogue/index.js";
import { checkAlbuminGPerL, checkWeightKg } from "./covariate-ranges.js";
import { effectiveHalfLifeDays, terminalHalfLifeDays } from "./disposition.js";
import { doseEvents } from "./dose-events.js";
import { individualPk, steadyStateClearance } from "./individual-pk.js";
import { occupancyName, pkModule, pkNames, type TargetBindingParameters } from "./pk-module.js";
import { parseRegimen, printRegimen, type Regimen, regimenDrugs } from "./regimen.js";
import { type DoseAdministration, scheduleRegimen } from "./schedule.js";
import { hasPopulationPk } from "./types.js";

export interface SimulatePkInput {
  /** The drug reported (others named in the regimen are simulated alongside). */
  drug: string;
  /** Regimen text (./regimen.ts grammar) or a parsed regimen. */
  regimen: string | Regimen;
  /** Body weight (default 80 kg). */
  weightKg?: number;
  /** Serum albumin (default: each analysis' reference value). */
  albuminGPerL?: number;
  /** Simulated period (default 168 days). */
  days?: number;
  /** Spacing of the reported time grid (default 1 day); ignored when outputDays is given. */
  stepDays?: number;
  /** Explicit report times (days, ascending, within [0, days]). */
  outputDays?: number[];
  /** Use published time-varying / saturable clearance (default true). */
  timeVaryingClearance?: boolean;
  saturableClearance?: boolean;
  rtol?: number;
  atol?: number;
  /** Target turnover (quasi-steady-state TMDD) per drug name; see PkModuleOptions.targetBinding. */
  targetBinding?: Record<string, TargetBindingParameters>;
  /**
   * Values for named model parameters, e.g. one virtual patient from ./population.ts
   * (`nivolumab_CL`, `nivolumab_eta_CL_Q`, …); positive and finite.
   */
  parameters?: Record<string, number>;
}

export interface DrugExposure {
  serumUgPerMl: number[];
  /** Concentration at the tumour site (partition × serum), µg/mL. */
  siteUgPerMl: number[];
  /** Occupancy of the target at the tumour site (what the immune model receives). */
  occupancy: number[];
  /** Occupancy on circulating cells (serum concentration): what clinical RO assays measure. */
  bloodOccupancy: number[];
  /** Serum concentration just before each dose of this drug after the first (µg/mL). */
  troughs: { day: number; serumUgPerMl: number }[];
}

export interface PkSimulation extends DrugExposure {
  drug: string;
  target: string;
  /** Name of the occupancy observable in the model (occupancy_<target>). */
  occupancyObservable: string;
  /** Canonical regimen text. */
  regimen: string;
  weightKg: number;
  /** Terminal half-life at the clearance reached after long treatment (time-varying models), days. */
  halfLifeDays: number;
  /** Terminal half-life at the first-dose clearance, days. */
  halfLifeFirstDoseDays: number;
  /**
   * Effective (accumulation) half-life at the regimen's dosing interval and the long-treatment
   * clearance, days: the one-compartment half-life with the same AUC accumulation (see disposition.ts).
   */
  effectiveHalfLifeDays: number;
  /** The dosing interval used for effectiveHalfLifeDays (days). */
  effectiveHalfLifeIntervalDays: number;
  days: number[];
  doses: DoseAdministration[];
  /** Every drug of the regimen (for combinations), by name. */
  drugs: Record<string, DrugExposure>;
  status: "success" | "failure";
  message: string;
}

function outputGrid(input: SimulatePkInput, days: number): number[] {
  if (input.outputDays) {
    const out = input.outputDays;
    out.forEach((d, i) => {
      if (!(d >= 0 && d <= days) || (i > 0 && !(d > out[i - 1])))
        throw new InputError(`outputDays[${i}]`, d, `ascending days within [0, ${days}]`);
    });
    return [...out];
  }
  const step = input.stepDays ?? 1;
  if (!(step > 0)) throw new InputError("stepDays", step, "a positive number of days");
  const n = Math.floor(days / step + 1e-9);
  const grid = Array.from({ length: n + 1 }, (_, i) => i * step);
  if (grid[grid.length - 1] < days - 1e-9) grid.push(days);
  return grid;
}

/**
 * The interval between the last two doses of `drug` (its maintenance interval); 21 days (the most
 * common labelled interval) when the regimen gives it fewer than two doses.
 */
function dosingIntervalDays(doses: DoseAdministration[], drug: string): number {
  const days = [...new Set(doses.filter((d) => d.drug === drug).map((d) => d.day))];
  return days.length >= 2 ? days[days.length - 1] - days[days.length - 2] : 21;
}

export function simulatePk(input: SimulatePkInput): PkSimulation {
  const days = input.days ?? 168;
  if (!(days > 0 && days <= 3650))
    throw new InputError("days", days, "a simulated period between 0 and 3650 days");
  const weightKg = checkWeightKg(input.weightKg ?? 80);
  if (input.albuminGPerL !== undefined) checkAlbuminGPerL(input.albuminGPerL);
  const reported = drugByName(input.drug);
  const regimen = typeof input.regimen === "string" ? parseRegimen(input.regimen) : input.regimen;
  const named = regimenDrugs(regimen);
  const drugNamesInModel = [...new Set([reported.name, ...named])];
  const records = drugNamesInModel.map((name) => drugByName(name, "regimen"));
  if (named.length > 0 && !named.includes(reported.name))
    throw new InputError("drug", input.drug, `a drug the regimen names (${named.join(", ")})`);
  for (const r of records)
    if (!hasPopulationPk(r.pk))
      throw new InputError(
        "drug",
        r.name,
        `a drug with population PK in the catalogue (${r.name}: ${r.pk.reason})`,
      );

  const doses = scheduleRegimen(regimen, { weightKg, horizonDays: days, defaultDrug: reported.name });
  const moduleOptions = {
    weightKg,
    ...(input.albuminGPerL !== undefined ? { albuminGPerL: input.albuminGPerL } : {}),
    ...(input.timeVaryingClearance !== undefined ? { timeVaryingClearance: input.timeVaryingClearance } : {}),
    ...(input.saturableClearance !== undefined ? { saturableClearance: input.saturableClearance } : {}),
  };
  const model = compileModel({
    name: `pk_${drugNamesInModel.join("_")}`,
    description: `PK/PD of ${drugNamesInModel.join(" + ")}`,
    modules: records.map((r) => {
      const binding = input.targetBinding?.[r.name];
      return pkModule(r, binding ? { ...moduleOptions, targetBinding: binding } : moduleOptions);
    }),
  });
  const p = model.defaultParameters();
  for (const [name, value] of Object.entries(input.parameters ?? {})) {
    if (!(Number.isFinite(value) && value > 0))
      throw new InputError(`parameters.${name}`, value, "a positive finite parameter value");
    p[model.parameterIndex(name)] = value;
  }
  const obs = new Float64Array(model.observables.length);
  const serumIndex = new Map(records.map((r) => [r.name, model.observableIndex(pkNames(r.name).serum)]));
  const siteIndex = new Map(records.map((r) => [r.name, model.observableIndex(pkNames(r.name).site)]));
  const bloodIndex = new Map(
    records.map((r) => [r.name, model.observableIndex(pkNames(r.name).occupancyBlood)]),
  );
  const occupancyIndex = new Map(records.map((r) => [r.name, model.observableIndex(occupancyName(r))]));
  const troughs = new Map(records.map((r) => [r.name, [] as { day: number; serumUgPerMl: number }[]]));

  // A trough is the serum level just before a dose that follows an earlier dose of the same drug:
  // each drug's first dose (whatever its day) has none.
  const firstDoseDay = new Map<string, number>();
  for (const d of doses) if (!firstDoseDay.has(d.drug)) firstDoseDay.set(d.drug, d.day);
  const events: ScheduledEvent[] = [];
  for (const application of doseEvents(doses)) {
    if (application.day >= days) continue;
    const isStart = !application.event.startsWith("infusion_stop_");
    const afterFirst = application.day > (firstDoseDay.get(application.drug) ?? 0);
    events.push({
      at: application.day,
      name: application.event,
      apply: (y) => {
        // Record the trough (serum just before the dose) of each drug once per dose day.
        if (isStart && afterFirst) {
          model.observe(application.day, y, p, obs);
          const list = troughs.get(application.drug);
          const last = list?.[list.length - 1];
          if (list && !(last && last.day === application.day))
            list.push({
              day: application.day,
              serumUgPerMl: obs[serumIndex.get(application.drug) as number],
            });
        }
        model.applyEvent(application.event, y, p, application.args);
      },
    });
  }

  const grid = outputGrid(input, days);
  const solution = solveOde(model.problem(p, 0, days), {
    outputTimes: grid,
    events,
    rtol: input.rtol ?? 1e-8,
    atol: input.atol ?? 1e-10,
    nonNegative: [...model.nonNegativeIndices],
  });

  const exposures: Record<string, DrugExposure> = {};
  for (const r of records)
    exposures[r.name] = {
      serumUgPerMl: [],
      siteUgPerMl: [],
      occupancy: [],
      bloodOccupancy: [],
      troughs: troughs.get(r.name) ?? [],
    };
  for (let i = 0; i < solution.t.length; i++) {
    model.observe(solution.t[i], solution.y[i], p, obs);
    for (const r of records) {
      exposures[r.name].serumUgPerMl.push(obs[serumIndex.get(r.name) as number]);
      exposures[r.name].siteUgPerMl.push(obs[siteIndex.get(r.name) as number]);
      exposures[r.name].occupancy.push(obs[occupancyIndex.get(r.name) as number]);
      exposures[r.name].bloodOccupancy.push(obs[bloodIndex.get(r.name) as number]);
    }
  }
  const population = reported.pk;
  if (!hasPopulationPk(population)) throw new InputError("drug", reported.name, "a drug with population PK");
  const pkReported = individualPk(population, {
    weightKg,
    ...(input.albuminGPerL !== undefined ? { albuminGPerL: input.albuminGPerL } : {}),
  });
  const ssClearance =
    input.timeVaryingClearance === false ? pkReported.clLPerDay : steadyStateClearance(pkReported);
  const mine = exposures[reported.name];
  const tau = dosingIntervalDays(doses, reported.name);
  return {
    drug: reported.name,
    target: reported.target,
    occupancyObservable: occupancyName(reported),
    regimen: printRegimen(regimen),
    weightKg,
    halfLifeDays: terminalHalfLifeDays(pkReported, ssClearance),
    halfLifeFirstDoseDays: terminalHalfLifeDays(pkReported),
    effectiveHalfLifeDays: effectiveHalfLifeDays(pkReported, tau, ssClearance),
    effectiveHalfLifeIntervalDays: tau,
    days: Array.from(solution.t),
    serumUgPerMl: mine.serumUgPerMl,
    siteUgPerMl: mine.siteUgPerMl,
    occupancy: mine.occupancy,
    bloodOccupancy: mine.bloodOccupancy,
    troughs: mine.troughs,
    doses,
    drugs: exposures,
    status: solution.status,
    message: solution.message,
  };
}
