/**
 * The scenario of one patient: tumour type and phenotype, lesions, treatments (cryoablation, checkpoint
 * inhibitors), horizon. Validated with zod; every message is the "expected …" part of an InputError,
 * so that loading can report `treatments[1].startDay: expected a number ≥ -60, got "soon" (line 12)`.
 * The JSON Schema in docs/scenario.schema.json is generated from this file (z.toJSONSchema).
 */
import { z } from "zod";
import { IMMUNE_PHENOTYPES, PDL1_LEVELS, TUMOUR_TYPES } from "../immune/presets.js";
import type { AblationOutcome } from "../thermal/outcome.js";
import { thermalPlanSchema } from "../thermal/plan.js";

const num = (min: number, max: number, what = "a number") =>
  z
    .number({ error: `${what} between ${min} and ${max}` })
    .min(min, { error: `${what} ≥ ${min}` })
    .max(max, { error: `${what} ≤ ${max}` });

const fraction = (what: string) => num(0, 1, "a fraction").describe(what);

const lesionId = z
  .string({ error: "a lesion id (letters, digits, _ or -, starting with a letter)" })
  .regex(/^[A-Za-z][A-Za-z0-9_-]{0,31}$/, {
    error: "a lesion id (letters, digits, _ or -, starting with a letter, ≤ 32 characters)",
  });

export const lesionSchema = z
  .object({
    id: lesionId.describe("Lesion id, used in output column names (e.g. diameter_mm_<id>)"),
    site: z
      .string({ error: "a site name (e.g. lung, liver)" })
      .min(1)
      .describe("Anatomical site (informative)"),
    longestDiameterMm: num(1, 200, "a diameter in mm").describe(
      "Longest diameter at the start of the simulation, mm",
    ),
  })
  .strict();

/** A day relative to the reference day 0 (treatments may start up to 60 days before it). */
const dayField = (what: string) =>
  z
    .number({ error: "a number ≥ -60" })
    .min(-60, { error: "a number ≥ -60" })
    .max(3650, { error: "a number ≤ 3650" })
    .describe(what);

export const cryoablationSchema = z
  .object({
    kind: z.literal("cryoablation"),
    lesion: lesionId.describe("Id of the ablated lesion"),
    day: dayField("Day of the ablation"),
    killedFraction: fraction("Fraction of the lesion's cells killed").optional(),
    necroticShare: fraction("Share of the killed cells dying by necrosis (rest apoptosis)").optional(),
    intactAntigenFraction: fraction("Fraction of released antigen left intact").optional(),
    freezeCycles: z
      .union([z.literal(1), z.literal(2), z.literal(3)], { error: "1, 2 or 3 freeze cycles" })
      .optional()
      .describe("Number of freeze-thaw cycles (default outcome numbers when none are given; default 2)"),
    plan: thermalPlanSchema
      .optional()
      .describe(
        "The freeze as probes and protocol (the thermal plan of `cryoimmune ablate`: tissue, tumour, probes, protocol, resolution; lengths in mm, durations in minutes) instead of killedFraction/necroticShare/intactAntigenFraction/freezeCycles; its computed outcome feeds the ablation event. The tumour's diameter defaults to the lesion's longest diameter; the grid to 1 mm (2D axisymmetric) or 2 mm (3D)",
      ),
  })
  .strict();

export const iciSchema = z
  .object({
    kind: z.literal("ici"),
    regimen: z
      .string({ error: 'a regimen such as "nivolumab 240 mg q2w"' })
      .min(1)
      .optional()
      .describe('Regimen text, e.g. "nivolumab 240 mg q2w" or "pembrolizumab 200 mg q3w x8"'),
    drug: z
      .string({ error: "a drug name from the catalogue" })
      .min(1)
      .optional()
      .describe("Drug (when no regimen text)"),
    doseMg: num(0.001, 10000, "a dose in mg").optional().describe("Flat dose, mg"),
    doseMgPerKg: num(0.001, 100, "a dose in mg/kg").optional().describe("Weight-based dose, mg/kg"),
    intervalDays: num(1, 365, "an interval in days").optional().describe("Days between doses"),
    doses: z
      .number({ error: "a whole number of doses ≥ 1" })
      .int({ error: "a whole number of doses ≥ 1" })
      .min(1, { error: "a whole number of doses ≥ 1" })
      .optional()
      .describe("Number of doses (default: until the horizon)"),
    startDay: dayField("Day of the first dose"),
  })
  .strict();

export const treatmentSchema = z.discriminatedUnion("kind", [cryoablationSchema, iciSchema], {
  error: 'a treatment with kind "cryoablation" or "ici"',
});

export const patientSchema = z
  .object({
    tumourType: z
      .enum(TUMOUR_TYPES, { error: `one of ${TUMOUR_TYPES.join(", ")}` })
      .describe("Tumour-type preset"),
    phenotype: z
      .object({
        immune: z.enum(IMMUNE_PHENOTYPES, { error: `one of ${IMMUNE_PHENOTYPES.join(", ")}` }).optional(),
        pdl1: z
          .union([z.enum(PDL1_LEVELS), num(0, 3, "a relative PD-L1 expression")], {
            error: `one of ${PDL1_LEVELS.join(", ")} or a number between 0 and 3`,
          })
          .optional(),
        antigenicity: num(0, 5, "an antigenicity").optional(),
      })
      .strict()
      .optional()
      .describe("Overrides of the preset's immune phenotype"),
    weightKg: num(20, 250, "a weight in kg")
      .optional()
      .describe("Body weight (weight-based doses, PK covariates)"),
  })
  .strict();

export const scenarioSchema = z
  .object({
    name: z.string().optional().describe("Scenario name"),
    patient: patientSchema,
    lesions: z
      .array(lesionSchema, { error: "a list of lesions" })
      .min(1, { error: "at least one lesion" })
      .max(8, { error: "at most 8 lesions" }),
    treatments: z.array(treatmentSchema, { error: "a list of treatments" }).default([]),
    horizonDays: num(1, 3650, "a number of days").describe("Days simulated after day 0"),
    seed: z
      .number({ error: "an integer seed" })
      .int({ error: "an integer seed" })
      .optional()
      .describe("Random seed (reserved for stochastic extensions)"),
    outputs: z
      .object({ everyDays: num(0.01, 30, "an output interval in days").optional() })
      .strict()
      .optional()
      .describe("Output options"),
    parameters: z
      .record(z.string(), z.number({ error: "a number" }), {
        error: "a map from model parameter names to numbers",
      })
      .optional()
      .describe("Overrides of model parameters by name (advanced)"),
  })
  .strict();

/**
 * A cryoablation as loaded: as written, plus the outcome computed from its plan at load
 * (`ablationOutcome`, echoed in summary.json; never written in a scenario file).
 */
export type CryoablationTreatment = z.infer<typeof cryoablationSchema> & {
  ablationOutcome?: AblationOutcome;
};
export type IciTreatment = z.infer<typeof iciSchema>;
export type Treatment = CryoablationTreatment | IciTreatment;
export type Scenario = Omit<z.infer<typeof scenarioSchema>, "treatments"> & { treatments: Treatment[] };

/** The JSON Schema of a scenario file (docs/scenario.schema.json). */
export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(scenarioSchema, { io: "input" });
}
