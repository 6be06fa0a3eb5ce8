/**
 * From a scenario to what the simulator needs: the model structure, parameter values set by the
 * scenario (preset, phenotype, lesion sizes, weight), and the scheduled events (ablations, doses).
 */
import { parseRegimen } from "../drugs/regimen.js";
import { scheduleRegimen } from "../drugs/schedule.js";
import { scenarioAblationOutcome } from "../scenario/ablation-plan.js";
import type { Scenario } from "../scenario/schema.js";
import { ablationEventName } from "./ablation.js";
import { at } from "./lesion-names.js";
import type { PatientStructure } from "./patient-model.js";
import { FREEZE_CYCLE_OUTCOMES, IMMUNE_PHENOTYPE_PRESETS, PDL1_PRESETS, TUMOUR_PRESETS } from "./presets.js";
import type { TreatmentEvent } from "./trajectory.js";

export const DEFAULT_WEIGHT_KG = 70;

/** A scheduled model event: its day, the model event's name and its arguments. */
export interface PlannedEvent {
  day: number;
  event: string;
  args: Record<string, number>;
  report: TreatmentEvent | null;
}

export interface TreatmentPlan {
  structure: PatientStructure;
  /** Parameter values set by the scenario, by name (before the caller's own overrides). */
  parameters: Record<string, number>;
  events: PlannedEvent[];
  t0: number;
  tEnd: number;
}

/** Tumour cells in a spherical lesion of the given longest diameter (cell density 1e6 per mm^3). */
export function cellsForDiameter(diameterMm: number, cellsPerMm3 = 1e6): number {
  return cellsPerMm3 * (Math.PI / 6) * diameterMm ** 3;
}

function doseEvents(scenario: Scenario, weightKg: number): PlannedEvent[] {
  const out: PlannedEvent[] = [];
  for (const t of scenario.treatments) {
    if (t.kind !== "ici") continue;
    const span = scenario.horizonDays - t.startDay;
    if (span <= 0) continue;
    let doses: { drug: string; day: number; amountMg: number; infusionHours: number }[];
    if (t.regimen !== undefined) {
      doses = scheduleRegimen(parseRegimen(t.regimen), { horizonDays: span, weightKg });
    } else {
      const drug = (t.drug ?? "").toLowerCase();
      const amountMg = t.doseMg ?? (t.doseMgPerKg ?? 0) * weightKg;
      const interval = t.intervalDays ?? span;
      const count = t.doses ?? Number.POSITIVE_INFINITY;
      doses = [];
      for (let k = 0; k < count && k * interval < span; k++)
        doses.push({ drug, day: k * interval, amountMg, infusionHours: 0 });
    }
    for (const d of doses) {
      const drug = d.drug.toLowerCase();
      const day = t.startDay + d.day;
      const report: TreatmentEvent = {
        day,
        kind: "dose",
        target: drug,
        label: `${drug} ${+d.amountMg.toFixed(1)} mg`,
      };
      if (d.infusionHours > 0) {
        const durationDays = d.infusionHours / 24;
        out.push({
          day,
          event: `infusion_start_${drug}`,
          args: { amountMg: d.amountMg, durationDays },
          report,
        });
        out.push({
          day: day + durationDays,
          event: `infusion_stop_${drug}`,
          args: { amountMg: d.amountMg, durationDays },
          report: null,
        });
      } else out.push({ day, event: `dose_${drug}`, args: { amountMg: d.amountMg }, report });
    }
  }
  return out;
}

export function treatmentPlan(scenario: Scenario): TreatmentPlan {
  const weightKg = scenario.patient.weightKg ?? DEFAULT_WEIGHT_KG;
  const parameters: Record<string, number> = { ...TUMOUR_PRESETS[scenario.patient.tumourType].parameters };
  const phenotype = scenario.patient.phenotype;
  if (phenotype?.immune) Object.assign(parameters, IMMUNE_PHENOTYPE_PRESETS[phenotype.immune].parameters);
  if (phenotype?.pdl1 !== undefined)
    parameters.pdl1_expression =
      typeof phenotype.pdl1 === "number"
        ? phenotype.pdl1
        : PDL1_PRESETS[phenotype.pdl1].parameters.pdl1_expression;
  if (phenotype?.antigenicity !== undefined) parameters.antigenicity = phenotype.antigenicity;
  const slotOf = new Map<string, number>();
  scenario.lesions.forEach((l, i) => {
    slotOf.set(l.id, i);
    parameters[at("initial_tumour_cells", i)] = cellsForDiameter(l.longestDiameterMm);
  });

  const events: PlannedEvent[] = [];
  for (const t of scenario.treatments) {
    if (t.kind !== "cryoablation") continue;
    const defaults = FREEZE_CYCLE_OUTCOMES[t.freezeCycles ?? 2];
    // A plan's outcome is computed at load (parseScenario); a scenario built in code gets it here.
    const lesion = scenario.lesions.find((l) => l.id === t.lesion);
    const outcome =
      t.ablationOutcome ??
      (t.plan ? scenarioAblationOutcome(t.plan, lesion?.longestDiameterMm ?? 0) : undefined);
    const args = {
      killedFraction: outcome?.killedFraction ?? t.killedFraction ?? defaults.killedFraction,
      necroticShare: outcome?.necroticShare ?? t.necroticShare ?? defaults.necroticShare,
      intactAntigenFraction:
        outcome?.intactAntigenFraction ?? t.intactAntigenFraction ?? defaults.intactAntigenFraction,
    };
    const slot = slotOf.get(t.lesion) ?? 0;
    events.push({
      day: t.day,
      event: ablationEventName(slot),
      args,
      report: { day: t.day, kind: "cryoablation", target: t.lesion, label: `cryo ${t.lesion}` },
    });
  }
  const doses = doseEvents(scenario, weightKg);
  events.push(...doses);
  events.sort((a, b) => a.day - b.day);
  const drugs = [
    ...new Set(
      doses.map((d) => d.report?.target ?? d.event.replace(/^(dose|infusion_start|infusion_stop)_/, "")),
    ),
  ].sort();
  for (const drug of drugs) parameters[`${drug}_weight_kg`] = weightKg;
  const t0 = Math.min(0, ...events.map((e) => e.day));
  return {
    structure: { lesionCount: scenario.lesions.length, drugs },
    parameters,
    events,
    t0,
    tEnd: scenario.horizonDays,
  };
}
