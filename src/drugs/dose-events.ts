/**
 * Dose administrations as named model events (the EventDecls of ./pk-module.ts): what a simulator
 * that includes drug modules in its own ODE applies, and when. A bolus is `dose_<drug>(amountMg)`;
 * an infusion is `infusion_start_<drug>` at its start and `infusion_stop_<drug>` at its end, both with
 * (amountMg, durationDays). Sorted by time; simultaneous events keep the schedule's order.
 * Browser-safe.
 */
import { pkNames } from "./pk-module.js";
import type { DoseAdministration } from "./schedule.js";

export interface ModelEventApplication {
  day: number;
  drug: string;
  event: string;
  args: Record<string, number>;
  /** The administration this event belongs to. */
  dose: DoseAdministration;
}

export function doseEvents(doses: readonly DoseAdministration[]): ModelEventApplication[] {
  const events: ModelEventApplication[] = [];
  for (const dose of doses) {
    const n = pkNames(dose.drug);
    if (dose.infusionHours > 0) {
      const args = { amountMg: dose.amountMg, durationDays: dose.infusionHours / 24 };
      events.push({ day: dose.day, drug: dose.drug, event: n.infusionStart, args, dose });
      events.push({ day: dose.day + args.durationDays, drug: dose.drug, event: n.infusionStop, args, dose });
    } else
      events.push({ day: dose.day, drug: dose.drug, event: n.dose, args: { amountMg: dose.amountMg }, dose });
  }
  return events
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.day - b.e.day || a.i - b.i)
    .map(({ e }) => e);
}
