/**
 * From a regimen (the AST of ./regimen.ts) to the list of dose administrations a simulator applies:
 * {drug, day, amountMg, infusionHours}. Weight-based doses are resolved with the patient's weight.
 * Browser-safe.
 */
import { InputError } from "../errors.js";
import { checkWeightKg } from "./covariate-ranges.js";
import type { Regimen, RegimenComponent } from "./regimen.js";

export interface DoseAdministration {
  drug: string;
  /** Day of the start of the dose (infusion start), from the start of treatment (day 0). */
  day: number;
  amountMg: number;
  /** Infusion duration; 0 for a bolus. */
  infusionHours: number;
}

export interface ScheduleOptions {
  /** Body weight for mg/kg doses. */
  weightKg?: number;
  /** Doses of open-ended schedules are generated for days < horizonDays. */
  horizonDays: number;
  /** Drug for components that name none (e.g. "240 mg q2w" with --drug nivolumab). */
  defaultDrug?: string;
}

function intervalDays(c: RegimenComponent): number {
  if (c.schedule.kind === "once") return 0;
  return c.schedule.n * (c.schedule.unit === "week" ? 7 : 1);
}

/**
 * Interval that separates a single ("once") dose from the phase after it: the shortest interval of
 * that phase's repeating doses, so "300 mg once, then 240 mg q2w" gives 300 mg on day 0 and 240 mg
 * from day 14 — the next dose comes one of its own intervals after the single dose. A following phase
 * made only of single doses has no interval: it needs "from day N".
 */
function gapAfterOnce(next: RegimenComponent[] | undefined, phaseIndex: number): number {
  if (next === undefined) return 0;
  const undated = next.filter((c) => c.fromDay === undefined);
  if (undated.length === 0) return 0;
  const intervals = undated.filter((c) => c.schedule.kind !== "once").map(intervalDays);
  if (intervals.length === 0)
    throw new InputError(
      `regimen.phases[${phaseIndex + 1}]`,
      undated[0].drug ?? "(dose)",
      "a repeating dose (e.g. q3w) or 'from day N' on a phase that follows a single ('once') dose",
    );
  return Math.min(...intervals);
}

/**
 * Day on which a phase ends (where a following "then" phase starts): the end of the last dosing
 * interval of its repeating doses, and for a single dose the day of that dose plus the interval of
 * the next phase (see gapAfterOnce).
 */
function phaseEndDay(
  components: RegimenComponent[],
  startDay: number,
  phaseIndex: number,
  next: RegimenComponent[] | undefined,
): number {
  let end = startDay;
  for (const c of components) {
    const first = c.fromDay ?? startDay;
    if (c.schedule.kind === "once") {
      end = Math.max(end, first + gapAfterOnce(next, phaseIndex));
      continue;
    }
    if (c.count === undefined)
      throw new InputError(
        `regimen.phases[${phaseIndex}]`,
        c.drug ?? "(dose)",
        "a number of doses (x N) on every repeating dose of a phase that is followed by 'then'",
      );
    end = Math.max(end, first + c.count * intervalDays(c));
  }
  return end;
}

/** Every dose of the regimen, sorted by day (ties keep the regimen's order). */
export function scheduleRegimen(regimen: Regimen, options: ScheduleOptions): DoseAdministration[] {
  if (!(options.horizonDays > 0))
    throw new InputError("horizonDays", options.horizonDays, "a positive number of days");
  if (options.weightKg !== undefined) checkWeightKg(options.weightKg);
  const doses: DoseAdministration[] = [];
  let phaseStart = 0;
  regimen.phases.forEach((phase, p) => {
    for (const c of phase.components) {
      const drug = c.drug ?? options.defaultDrug;
      if (drug === undefined)
        throw new InputError("regimen", c.amount, "a drug name in the regimen or a default drug (--drug)");
      let amountMg = c.amount;
      if (c.unit === "mg/kg") {
        if (options.weightKg === undefined)
          throw new InputError(
            "weightKg",
            undefined,
            `a body weight to resolve the ${c.amount} mg/kg dose of ${drug}`,
          );
        amountMg = c.amount * options.weightKg;
      }
      const infusionHours = c.infusion
        ? c.infusion.unit === "h"
          ? c.infusion.value
          : c.infusion.value / 60
        : 0;
      const first = c.fromDay ?? phaseStart;
      const step = intervalDays(c);
      const maxCount = c.schedule.kind === "once" ? 1 : (c.count ?? Number.POSITIVE_INFINITY);
      for (let k = 0; k < maxCount; k++) {
        const day = first + k * step;
        if (day >= options.horizonDays) break;
        doses.push({ drug, day, amountMg, infusionHours });
      }
    }
    if (p < regimen.phases.length - 1)
      phaseStart = phaseEndDay(phase.components, phaseStart, p, regimen.phases[p + 1].components);
  });
  return doses
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.day - b.d.day || a.i - b.i)
    .map(({ d }) => d);
}
