/**
 * Freeze/thaw (or heat) protocols. A protocol is a list of steps, each with a duration in minutes:
 * - `freeze`: probe surfaces follow their freeze ramp towards the floor temperature;
 * - `thaw` with `mode: "passive"` (gas off, the probe surface is insulated) or `"active"` (helium or
 *   electric heating: the surface is held near the probe's active-thaw temperature);
 * - `heat`: heat applicators (RFA/MWA) hold their set point.
 *
 * The string form `a-b-c-…` alternates freeze and passive thaw, starting with a freeze: `10-5-10` is a
 * 10-min freeze, a 5-min passive thaw and a 10-min freeze (liver, kidney). Read the same way `3-7-10`
 * is a 3-min freeze, 7-min passive thaw and 10-min freeze. SCIENCE.md calls 3-7-10 the lung "triple
 * freeze"; with three numbers it cannot hold three freezes and their thaws, so the triple-freeze lung
 * protocol (freezes of 3, 7 and 10 min per SCIENCE.md; triple freeze in lung: Lyons et al., JVIR 2019,
 * durations †not checked against the paper) is the preset `lung-triple-freeze`, whose 3-min passive
 * thaws are assumed.
 */
import { InputError } from "../errors.js";

export type ProtocolStep =
  | { kind: "freeze"; minutes: number }
  | { kind: "thaw"; minutes: number; mode: "passive" | "active" }
  | { kind: "heat"; minutes: number };

export const PROTOCOL_PRESETS: Readonly<Record<string, { steps: ProtocolStep[]; source: string }>> = {
  "lung-triple-freeze": {
    steps: [
      { kind: "freeze", minutes: 3 },
      { kind: "thaw", minutes: 3, mode: "passive" },
      { kind: "freeze", minutes: 7 },
      { kind: "thaw", minutes: 3, mode: "passive" },
      { kind: "freeze", minutes: 10 },
    ],
    source:
      "freezes 3/7/10 min (SCIENCE.md §1; triple freeze: Lyons et al., JVIR 2019, †verify); 3-min passive thaws assumed",
  },
  "double-freeze-10-5-10": {
    steps: [
      { kind: "freeze", minutes: 10 },
      { kind: "thaw", minutes: 5, mode: "passive" },
      { kind: "freeze", minutes: 10 },
    ],
    source: "standard double freeze (SCIENCE.md §1: liver, kidney)",
  },
};

/** Parses `10-5-10` (alternating freeze / passive thaw) or a preset name. */
export function parseProtocol(text: string, field = "protocol"): ProtocolStep[] {
  const preset = PROTOCOL_PRESETS[text];
  if (preset) return preset.steps.map((s) => ({ ...s }));
  const parts = text.split("-").map((s) => s.trim());
  const expected = `a dash-separated list of minutes starting with a freeze (e.g. "10-5-10") or one of ${Object.keys(PROTOCOL_PRESETS).join(", ")}`;
  if (parts.length === 0 || parts.some((p) => !/^\d+(\.\d+)?$/.test(p))) {
    // a leading or doubled dash means a negative number: say so
    if (/(^|-)\s*-/.test(text) || text.trim().startsWith("-"))
      throw new InputError(field, text, "non-negative durations in minutes");
    throw new InputError(field, text, expected);
  }
  const steps: ProtocolStep[] = parts.map((p, i) =>
    i % 2 === 0
      ? { kind: "freeze", minutes: Number(p) }
      : { kind: "thaw", minutes: Number(p), mode: "passive" },
  );
  validateProtocol(steps, field);
  return steps;
}

/** Checks durations (finite, ≥ 0, total > 0). */
export function validateProtocol(steps: ProtocolStep[], field = "protocol"): void {
  if (steps.length === 0) throw new InputError(field, steps, "at least one step");
  steps.forEach((s, i) => {
    if (!Number.isFinite(s.minutes) || s.minutes < 0)
      throw new InputError(`${field}[${i}].minutes`, s.minutes, "a non-negative number of minutes");
  });
  const total = steps.reduce((a, s) => a + s.minutes, 0);
  if (!(total > 0)) throw new InputError(field, steps, "a protocol with a positive total duration");
}

/** A step with its start and end in seconds. */
export interface TimedStep {
  step: ProtocolStep;
  startS: number;
  endS: number;
  /** 1-based count of freezes up to and including this step (0 before the first). */
  freezeNumber: number;
}

export function schedule(steps: ProtocolStep[]): TimedStep[] {
  let t = 0;
  let freezes = 0;
  return steps.map((step) => {
    if (step.kind === "freeze") freezes++;
    const startS = t;
    t += step.minutes * 60;
    return { step, startS, endS: t, freezeNumber: freezes };
  });
}

/** Short text of a protocol, e.g. "freeze 10 min, passive thaw 5 min, freeze 10 min". */
export function describeProtocol(steps: ProtocolStep[]): string {
  return steps
    .map((s) => (s.kind === "thaw" ? `${s.mode} thaw ${s.minutes} min` : `${s.kind} ${s.minutes} min`))
    .join(", ");
}
