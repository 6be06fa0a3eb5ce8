/**
 * Reading a scenario from YAML or JSON text (JSON is YAML). Errors are InputErrors naming the field
 * path, the value, what was expected and the line: `treatments[1].startDay: expected a number ≥ -60,
 * got "soon" (line 12 of x.yaml)`. Browser-safe: the caller reads the file.
 */
import { isNode, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { drugByName } from "../drugs/catalogue/index.js";
import { parseRegimen } from "../drugs/regimen.js";
import { InputError } from "../errors.js";
import { scenarioAblationOutcome } from "./ablation-plan.js";
import { type Scenario, scenarioSchema } from "./schema.js";

type Path = (string | number)[];

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || "(scenario)";
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let cur = data;
  for (const key of path) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[key];
  }
  return cur;
}

/** Parses and validates a scenario. `fileName` is used in messages ("line 12 of x.yaml"). */
export function parseScenario(text: string, fileName = "scenario"): Scenario {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line;
    throw new InputError(
      "(file)",
      fileName,
      "valid YAML or JSON",
      `${e.message.split("\n")[0]}${line ? `; line ${line}` : ""}`,
    );
  }
  const data: unknown = doc.toJS();
  const where = (path: readonly PropertyKey[]): string => {
    for (let k = path.length; k >= 0; k--) {
      const node = doc.getIn(path.slice(0, k) as Path, true);
      if (isNode(node) && node.range) return `line ${lineCounter.linePos(node.range[0]).line} of ${fileName}`;
    }
    return fileName;
  };
  const result = scenarioSchema.safeParse(data);
  if (!result.success) {
    const issue = pickIssue(result.error.issues);
    throw new InputError(
      formatPath(issue.path),
      valueAt(data, issue.path),
      expectedOf(issue),
      where(issue.path),
    );
  }
  const fail: Fail = (path, value, expected) =>
    new InputError(formatPath(path), value, expected, where(path));
  checkConsistency(result.data, fail);
  return resolveAblationPlans(result.data, fail);
}

/** "probes[1].tipMm" (a thermal plan's field) → ["probes", 1, "tipMm"]. */
function fieldToPath(field: string): Path {
  const out: Path = [];
  for (const m of field.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]);
  return out;
}

/**
 * Runs the thermal plan of every cryoablation that has one, once, and keeps its outcome on the
 * treatment (`ablationOutcome`). A bad plan is an InputError naming the field under the treatment
 * (`treatments[0].plan.probes[1].model`) and its line.
 */
function resolveAblationPlans(s: Scenario, fail: Fail): Scenario {
  if (!s.treatments.some((t) => t.kind === "cryoablation" && t.plan)) return s;
  const treatments = s.treatments.map((t, i) => {
    if (t.kind !== "cryoablation" || !t.plan) return t;
    const base: Path = ["treatments", i, "plan"];
    const lesion = s.lesions.find((l) => l.id === t.lesion);
    let outcome: ReturnType<typeof scenarioAblationOutcome>;
    try {
      outcome = scenarioAblationOutcome(t.plan, lesion?.longestDiameterMm ?? 0);
    } catch (err) {
      if (!(err instanceof InputError)) throw err;
      const field = err.field === "(plan)" ? [] : fieldToPath(err.field);
      throw fail([...base, ...field], err.value, err.expected);
    }
    if (outcome.solver.status !== "ok")
      throw fail(
        base,
        "(plan)",
        `a plan the thermal solver finishes (${outcome.solver.message}); try a smaller maxStepS or another resolutionMm`,
      );
    return { ...t, ablationOutcome: outcome };
  });
  return { ...s, treatments };
}

/** The most specific issue (deepest path), so that a bad field inside a union is named, not the union. */
function pickIssue(issues: z.core.$ZodIssue[]): z.core.$ZodIssue {
  let best = issues[0];
  for (const issue of issues) {
    if (issue.code === "invalid_union" && issue.errors.length > 0) {
      for (const branch of issue.errors)
        for (const sub of branch) {
          const full = { ...sub, path: [...issue.path, ...sub.path] } as z.core.$ZodIssue;
          if (full.path.length > best.path.length) best = full;
        }
    }
    if (issue.path.length > best.path.length) best = issue;
  }
  return best;
}

function expectedOf(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys")
    return `no field named ${issue.keys.map((k) => JSON.stringify(k)).join(", ")} here`;
  // zod's own messages (the embedded thermal plan schema has no custom ones), made to read alike.
  const size = /^Too (?:small|big): expected (\w+) to (?:be|have) ([<>]=?)(.+)$/.exec(issue.message);
  if (size) {
    const bound = `${size[2].replace(">=", "≥").replace("<=", "≤")} ${size[3]}`;
    return size[1] === "array" ? `a list with ${bound}` : `a ${size[1]} ${bound}`;
  }
  return issue.message
    .replace(/^Invalid input: expected /, "")
    .replace(/^Invalid option: expected /, "")
    .replace(/^Invalid input/, "a valid value")
    .replace(/, received \w+$/, "")
    .replaceAll('"|"', '", "');
}

type Fail = (path: Path, value: unknown, expected: string) => InputError;

/** Checks that need more than one field: unique lesion ids, treatments naming known lesions and drugs. */
function checkConsistency(s: Scenario, fail: Fail): void {
  const ids = new Set<string>();
  s.lesions.forEach((l, i) => {
    if (ids.has(l.id)) throw fail(["lesions", i, "id"], l.id, "a lesion id not used by another lesion");
    ids.add(l.id);
  });
  s.treatments.forEach((t, i) => {
    if (t.kind === "cryoablation") {
      if (t.plan) {
        const direct = (
          ["killedFraction", "necroticShare", "intactAntigenFraction", "freezeCycles"] as const
        ).find((k) => t[k] !== undefined);
        if (direct)
          throw fail(
            ["treatments", i, direct],
            t[direct],
            "either a plan (probes and protocol) or the outcome numbers, not both",
          );
        if (!t.plan.tumour)
          throw fail(
            ["treatments", i, "plan", "tumour"],
            undefined,
            "a plan with a tumour (centreMm; diameterMm defaults to the lesion's longest diameter)",
          );
      }
      if (!ids.has(t.lesion))
        throw fail(["treatments", i, "lesion"], t.lesion, `the id of a lesion (${[...ids].join(", ")})`);
      if (t.day > s.horizonDays)
        throw fail(["treatments", i, "day"], t.day, `a day ≤ horizonDays (${s.horizonDays})`);
      return;
    }
    if (t.regimen !== undefined) {
      if (
        t.drug !== undefined ||
        t.doseMg !== undefined ||
        t.doseMgPerKg !== undefined ||
        t.intervalDays !== undefined
      )
        throw fail(
          ["treatments", i, "regimen"],
          t.regimen,
          "either a regimen text or drug/dose/interval fields, not both",
        );
      try {
        const regimen = parseRegimen(t.regimen);
        for (const phase of regimen.phases)
          for (const c of phase.components) {
            if (c.drug === undefined)
              throw fail(["treatments", i, "regimen"], t.regimen, "a regimen that names its drug");
            drugByName(c.drug);
          }
      } catch (err) {
        if (err instanceof InputError && err.field.startsWith("treatments")) throw err;
        throw fail(
          ["treatments", i, "regimen"],
          t.regimen,
          err instanceof InputError ? err.expected : "a valid regimen",
        );
      }
      return;
    }
    if (t.drug === undefined)
      throw fail(["treatments", i], t, "a regimen text, or drug + doseMg (or doseMgPerKg) + intervalDays");
    try {
      drugByName(t.drug);
    } catch (err) {
      throw fail(
        ["treatments", i, "drug"],
        t.drug,
        err instanceof InputError ? err.expected : "a drug in the catalogue",
      );
    }
    if ((t.doseMg === undefined) === (t.doseMgPerKg === undefined))
      throw fail(["treatments", i, "doseMg"], t.doseMg, "exactly one of doseMg or doseMgPerKg");
    if (t.intervalDays === undefined && t.doses !== 1)
      throw fail(["treatments", i, "intervalDays"], undefined, "an interval in days (or doses: 1)");
  });
}
