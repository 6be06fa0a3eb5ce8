/**
 * From a regimen (the AST of ./regimen.ts) to the list of dose administrations a simulator applies:
 * {drug, day, amountMg, infusionHours}. Weight-based doses are resolved with the patient's weight.
 * Browser-safe.
 */
import { InputError } from "../errors.js";
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

/** Day on which a phase's last dosing interval ends (where a following "then" phase starts). */
function phaseEndDay(components: RegimenComponent[], startDay: number, phaseIndex: number): number {
  let end = startDay;
  for (const c of components) {
    const first = c.fromDay ?? startDay;
    if (c.schedule.kind === "once") {
      end = Math.max(end, first);
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
  if (options.weightKg !== undefined && !(options.weightKg > 0 && options.weightKg < 500))
    throw new InputError("weightKg", options.weightKg, "a body weight between 0 and 500 kg");
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
    if (p < regimen.phases.length - 1) phaseStart = phaseEndDay(phase.components, phaseStart, p);
  });
  return doses
    .map((d, i) => ({ d, i }))
    .sort((a, b) => a.d.day - b.d.day || a.i - b.i)
    .map(({ d }) => d);
}
