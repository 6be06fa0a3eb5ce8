/**
 * A thermal plan — tissue, tumour, probes with positions and directions, protocol, geometry and
 * resolution — as a zod schema (lengths in mm, durations in minutes), and `planAblation(plan)` which
 * validates it, runs the solver and returns the AblationOutcome. Scenarios of the immune model can
 * embed a plan to describe a cryoablation by probes and protocol instead of a fixed killed fraction.
 */
import { z } from "zod";
import { InputError } from "../errors.js";
import type { PlacedProbe, TumourShape } from "./ablation-geometry.js";
import { activeSegment } from "./ablation-geometry.js";
import type { CryoDeathRule } from "./cell-death.js";
import { CRYO_DEATH_RULES } from "./cell-death.js";
import type { Vec3 } from "./field-sampler.js";
import type { AblationOutcome } from "./outcome.js";
import { computeOutcome } from "./outcome.js";
import { getProbe, isCryoProbe } from "./probe.js";
import type { ProtocolStep } from "./protocol.js";
import { parseProtocol, validateProtocol } from "./protocol.js";
import type { AblationSetup, GeometryMode, SimulationResult } from "./simulate-ablation.js";
import { simulateAblation } from "./simulate-ablation.js";
import { getTissue, tissueNumbers } from "./tissue.js";

const vec3 = z.tuple([z.number(), z.number(), z.number()]);
const minutes = z.number().nonnegative();

const stepSchema = z.union([
  z.object({ freezeMin: minutes }).strict(),
  z.object({ thawMin: minutes, mode: z.enum(["passive", "active"]).default("passive") }).strict(),
  z.object({ heatMin: minutes }).strict(),
]);

export const thermalPlanSchema = z
  .object({
    /** Tissue preset name (see TISSUES). */
    tissue: z.string(),
    /** Starting temperature, °C (default: the tissue's). */
    initialTempC: z.number().optional(),
    /** "axisymmetric" (one probe parallel to z) or "cartesian3d"; default: axisymmetric when possible. */
    mode: z.enum(["axisymmetric", "cartesian3d"]).optional(),
    /** Grid spacing, mm (default 0.5 axisymmetric, 1 in 3D). */
    resolutionMm: z.number().positive().optional(),
    /** Tissue around probes and tumour + margin when the domain is not given, mm (default 25). */
    paddingMm: z.number().positive().default(25),
    domain: z.object({ minMm: vec3, maxMm: vec3 }).strict().optional(),
    /** Largest time step, s (default 15; the solver is implicit and stable at any step). */
    maxStepS: z.number().positive().default(15),
    tumour: z
      .object({
        centreMm: vec3,
        diameterMm: z.number().positive().optional(),
        radiiMm: vec3.optional(),
        marginMm: z.number().nonnegative().default(5),
      })
      .strict()
      .optional(),
    probes: z
      .array(
        z
          .object({
            model: z.string(),
            tipMm: vec3,
            /** Insertion direction (handle → tip); default +z. */
            direction: vec3.default([0, 0, 1]),
          })
          .strict(),
      )
      .min(1),
    /** "10-5-10", a preset name, or explicit steps ({freezeMin}, {thawMin, mode}, {heatMin}). */
    protocol: z.union([z.string(), z.array(stepSchema).min(1)]),
    deathRule: z.enum(CRYO_DEATH_RULES as [CryoDeathRule, ...CryoDeathRule[]]).default("gage-baust"),
    pointsOfInterest: z.array(z.object({ name: z.string(), positionMm: vec3 }).strict()).default([]),
    farField: z.enum(["temperature", "insulated"]).default("temperature"),
    /** Perfusion stays off in tissue frozen once (vascular stasis); false only to study its effect. */
    vascularStasis: z.boolean().default(true),
  })
  .strict();

export type ThermalPlan = z.input<typeof thermalPlanSchema>;
export type ParsedThermalPlan = z.output<typeof thermalPlanSchema>;

/** "probes[1].tipMm" from a zod path. */
export function pathToField(path: readonly PropertyKey[]): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out ? `.${String(p)}` : String(p);
  return out || "(plan)";
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = root;
  for (const p of path) {
    if (v == null || typeof v !== "object") return undefined;
    v = (v as Record<PropertyKey, unknown>)[p as string];
  }
  return v;
}

/** Validates a plan; every problem becomes an InputError naming the field. */
export function parseThermalPlan(input: unknown): ParsedThermalPlan {
  const r = thermalPlanSchema.safeParse(input);
  if (!r.success) {
    const issue = r.error.issues[0];
    throw new InputError(
      pathToField(issue.path),
      valueAt(input, issue.path),
      issue.message.replace(/^Invalid input: /, ""),
    );
  }
  return r.data;
}

const mm = (v: readonly number[]): Vec3 => [v[0] * 1e-3, v[1] * 1e-3, v[2] * 1e-3];

function toSteps(plan: ParsedThermalPlan): ProtocolStep[] {
  if (typeof plan.protocol === "string") return parseProtocol(plan.protocol, "protocol");
  const steps: ProtocolStep[] = plan.protocol.map((s) =>
    "freezeMin" in s
      ? { kind: "freeze", minutes: s.freezeMin }
      : "thawMin" in s
        ? { kind: "thaw", minutes: s.thawMin, mode: s.mode }
        : { kind: "heat", minutes: s.heatMin },
  );
  validateProtocol(steps, "protocol");
  return steps;
}

/** Turns a validated plan into the solver's setup (SI units), checking geometry and consistency. */
export function planToSetup(plan: ParsedThermalPlan): { setup: AblationSetup; modality: "cryo" | "heat" } {
  const tissue = tissueNumbers(getTissue(plan.tissue, "tissue"));
  if (plan.initialTempC !== undefined) tissue.initialC = plan.initialTempC;
  const probes: PlacedProbe[] = plan.probes.map((p, i) => {
    const model = getProbe(p.model, `probes[${i}].model`);
    const len = Math.hypot(...p.direction);
    if (!(len > 0)) throw new InputError(`probes[${i}].direction`, p.direction, "a non-zero vector");
    return {
      model,
      tip: mm(p.tipMm),
      direction: [p.direction[0] / len, p.direction[1] / len, p.direction[2] / len],
    };
  });
  const cryo = probes.every((p) => isCryoProbe(p.model));
  const heat = probes.every((p) => !isCryoProbe(p.model));
  if (!cryo && !heat)
    throw new InputError(
      "probes",
      plan.probes.map((p) => p.model),
      "probes of one kind (all cryo or all heat)",
    );
  const steps = toSteps(plan);
  steps.forEach((s, i) => {
    if (cryo && s.kind === "heat")
      throw new InputError(`protocol[${i}]`, s, "freeze or thaw steps for cryoprobes");
    if (heat && s.kind !== "heat") throw new InputError(`protocol[${i}]`, s, "heat steps for RFA/MWA probes");
  });
  let tumour: TumourShape | undefined;
  if (plan.tumour) {
    const t = plan.tumour;
    const radii = t.radiiMm
      ? mm(t.radiiMm)
      : t.diameterMm
        ? mm([t.diameterMm / 2, t.diameterMm / 2, t.diameterMm / 2])
        : undefined;
    if (!radii) throw new InputError("tumour", t, "diameterMm or radiiMm");
    if (radii.some((r) => !(r > 0))) throw new InputError("tumour.radiiMm", t.radiiMm, "positive semi-axes");
    tumour = { centre: mm(t.centreMm), radii, margin: t.marginMm * 1e-3 };
  }
  // domain
  let lo: Vec3;
  let hi: Vec3;
  if (plan.domain) {
    lo = mm(plan.domain.minMm);
    hi = mm(plan.domain.maxMm);
    for (let d = 0; d < 3; d++)
      if (!(hi[d] > lo[d]))
        throw new InputError("domain.maxMm", plan.domain.maxMm, "each coordinate above domain.minMm");
    probes.forEach((p, i) => {
      for (const q of activeSegment(p))
        for (let d = 0; d < 3; d++)
          if (q[d] < lo[d] || q[d] > hi[d])
            throw new InputError(
              `probes[${i}].tipMm`,
              plan.probes[i].tipMm,
              "a probe whose active segment lies inside the domain",
            );
    });
  } else {
    const pts: Vec3[] = probes.flatMap((p) => activeSegment(p));
    if (tumour) {
      const g = tumour.margin;
      pts.push(
        [
          tumour.centre[0] - tumour.radii[0] - g,
          tumour.centre[1] - tumour.radii[1] - g,
          tumour.centre[2] - tumour.radii[2] - g,
        ],
        [
          tumour.centre[0] + tumour.radii[0] + g,
          tumour.centre[1] + tumour.radii[1] + g,
          tumour.centre[2] + tumour.radii[2] + g,
        ],
      );
    }
    const pad = plan.paddingMm * 1e-3;
    lo = [0, 1, 2].map((d) => Math.min(...pts.map((p) => p[d])) - pad) as Vec3;
    hi = [0, 1, 2].map((d) => Math.max(...pts.map((p) => p[d])) + pad) as Vec3;
  }
  // geometry mode
  const axisOk = (): string | null => {
    if (probes.length !== 1) return "exactly one probe";
    const d = probes[0].direction;
    if (Math.abs(Math.abs(d[2]) - 1) > 1e-9) return "a probe parallel to z (direction [0, 0, ±1])";
    if (tumour) {
      const tip = probes[0].tip;
      if (Math.hypot(tumour.centre[0] - tip[0], tumour.centre[1] - tip[1]) > 1e-6)
        return "the tumour centre on the probe axis";
      if (Math.abs(tumour.radii[0] - tumour.radii[1]) > 1e-9) return "equal tumour radii in x and y";
    }
    return null;
  };
  const why = axisOk();
  let mode: GeometryMode;
  if (plan.mode === "axisymmetric") {
    if (why)
      throw new InputError("mode", plan.mode, `cartesian3d, because axisymmetric geometry needs ${why}`);
    mode = "axisymmetric";
  } else mode = plan.mode ?? (why ? "cartesian3d" : "axisymmetric");
  const resolution = (plan.resolutionMm ?? (mode === "axisymmetric" ? 0.5 : 1)) * 1e-3;
  const setup: AblationSetup = {
    tissue,
    probes,
    steps,
    mode,
    resolution,
    domainMin: lo,
    domainMax: hi,
    tumour,
    deathRule: plan.deathRule,
    pointsOfInterest: plan.pointsOfInterest.map((p) => ({ name: p.name, position: mm(p.positionMm) })),
    maxStepS: plan.maxStepS,
    farField: plan.farField,
    vascularStasis: plan.vascularStasis,
  };
  return { setup, modality: cryo ? "cryo" : "heat" };
}

export interface ThermalRun {
  plan: ParsedThermalPlan;
  setup: AblationSetup;
  simulation: SimulationResult;
  outcome: AblationOutcome;
}

/** Validates and runs a plan, keeping the fields (for maps). */
export function runThermalPlan(input: unknown): ThermalRun {
  const plan = parseThermalPlan(input);
  const { setup, modality } = planToSetup(plan);
  const simulation = simulateAblation(setup);
  const outcome = computeOutcome(
    simulation,
    setup.deathRule,
    setup.tumour,
    modality,
    plan.pointsOfInterest.map((p) => p.name),
  );
  return { plan, setup, simulation, outcome };
}

/** Validates and runs a plan; the outcome feeds the immune model's ablation event. */
export function planAblation(plan: ThermalPlan | unknown): AblationOutcome {
  return runThermalPlan(plan).outcome;
}
