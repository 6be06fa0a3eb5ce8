/**
 * A cryoablation described by a thermal plan (tissue, tumour, probes, protocol) instead of fixed
 * outcome numbers: the plan as the thermal module runs it, with the scenario's defaults (the lesion's
 * longest diameter as the tumour diameter; a coarse grid so that `simulate` stays fast), and its
 * AblationOutcome, whose killed fraction, necrotic share and intact-antigen fraction feed the ablation
 * event. Browser-safe.
 */
import type { AblationOutcome, ThermalPlan } from "../thermal/index.js";
import { planAblation } from "../thermal/index.js";
import type { CryoablationTreatment } from "./schema.js";

/** Default grid spacing of a scenario's plan, mm: 1 mm in 2D axisymmetric geometry (one probe along z). */
export const SCENARIO_PLAN_RESOLUTION_AXISYMMETRIC_MM = 1;
/** Default grid spacing of a scenario's plan in 3D (several or tilted probes), mm. */
export const SCENARIO_PLAN_RESOLUTION_3D_MM = 2;

type ScenarioPlan = NonNullable<CryoablationTreatment["plan"]>;

/** True when the thermal module will choose (or was told) the 2D axisymmetric geometry. */
function axisymmetric(plan: ScenarioPlan): boolean {
  if (plan.mode !== undefined) return plan.mode === "axisymmetric";
  if (plan.probes.length !== 1) return false;
  const [dx, dy] = plan.probes[0].direction ?? [0, 0, 1];
  if (dx !== 0 || dy !== 0) return false;
  const t = plan.tumour;
  if (!t) return true;
  const tip = plan.probes[0].tipMm;
  return (
    t.centreMm[0] === tip[0] && t.centreMm[1] === tip[1] && (!t.radiiMm || t.radiiMm[0] === t.radiiMm[1])
  );
}

/**
 * The plan the thermal module runs for a scenario's cryoablation: the given plan, with the tumour's
 * diameter defaulting to the lesion's longest diameter and the resolution to a coarse grid.
 */
export function thermalPlanOf(plan: ScenarioPlan, lesionDiameterMm: number): ThermalPlan {
  const resolutionMm =
    plan.resolutionMm ??
    (axisymmetric(plan) ? SCENARIO_PLAN_RESOLUTION_AXISYMMETRIC_MM : SCENARIO_PLAN_RESOLUTION_3D_MM);
  const tumour =
    plan.tumour && plan.tumour.diameterMm === undefined && plan.tumour.radiiMm === undefined
      ? { ...plan.tumour, diameterMm: lesionDiameterMm }
      : plan.tumour;
  return { ...plan, resolutionMm, ...(tumour ? { tumour } : {}) };
}

/** Runs the plan of a scenario's cryoablation (throws the thermal module's InputErrors, fields relative to the plan). */
export function scenarioAblationOutcome(plan: ScenarioPlan, lesionDiameterMm: number): AblationOutcome {
  return planAblation(thermalPlanOf(plan, lesionDiameterMm));
}
