/**
 * Runs one SBML Test Suite case from its texts (model, settings, expected results) and judges it:
 * pass when every requested variable at every output time satisfies
 * |simulated − expected| ≤ absolute + relative·|expected| (the suite's own criterion; NaN matches NaN,
 * an infinity matches the same infinity). Unsupported constructs give "unsupported" with the reason.
 * Browser-safe: the caller reads the files.
 */
import { InputError } from "../errors.js";
import { compileSbml } from "./compile-sbml.js";
import { readSbml, UnsupportedSbmlError } from "./read-sbml.js";
import { simulateCompiled } from "./simulate.js";
import { parseResultsCsv, parseSuiteSettings } from "./test-suite-settings.js";

export type CaseVerdict = "pass" | "fail" | "unsupported" | "error";

export interface CaseResult {
  id: string;
  verdict: CaseVerdict;
  reason: string;
  /** Right-hand-side evaluations used. */
  rhsEvaluations: number;
}

export interface CaseFiles {
  id: string;
  sbml: string;
  settings: string;
  results: string;
}

export interface CaseOptions {
  maxRhsEvaluations?: number;
  timeLimitMs?: number;
  /** Seed of the random order of simultaneous equal-priority events (default 1). */
  seed?: number;
}

export function runSuiteCase(files: CaseFiles, options: CaseOptions = {}): CaseResult {
  const { id } = files;
  let compiled: ReturnType<typeof compileSbml>;
  try {
    compiled = compileSbml(readSbml(files.sbml));
  } catch (err) {
    if (err instanceof UnsupportedSbmlError)
      return { id, verdict: "unsupported", reason: err.message, rhsEvaluations: 0 };
    if (err instanceof InputError) return { id, verdict: "error", reason: err.message, rhsEvaluations: 0 };
    throw err;
  }
  const settings = parseSuiteSettings(files.settings, `${id}-settings.txt`);
  const expected = parseResultsCsv(files.results, `${id}-results.csv`);
  const outputTimes = expected.rows.map((r) => r[0] as number);
  const variables = expected.header.slice(1);
  let course: ReturnType<typeof simulateCompiled>;
  try {
    course = simulateCompiled(compiled, {
      outputTimes,
      variables,
      amounts: settings.amount,
      concentrations: settings.concentration,
      ...(options.maxRhsEvaluations !== undefined ? { maxRhsEvaluations: options.maxRhsEvaluations } : {}),
      ...(options.timeLimitMs !== undefined ? { timeLimitMs: options.timeLimitMs } : {}),
      ...(options.seed !== undefined ? { seed: options.seed } : {}),
    });
  } catch (err) {
    if (err instanceof UnsupportedSbmlError)
      return { id, verdict: "unsupported", reason: err.message, rhsEvaluations: 0 };
    if (err instanceof InputError) return { id, verdict: "error", reason: err.message, rhsEvaluations: 0 };
    return { id, verdict: "error", reason: `crash: ${(err as Error).message}`, rhsEvaluations: 0 };
  }
  if (course.status !== "success")
    return { id, verdict: "fail", reason: course.message, rhsEvaluations: course.rhsEvaluations };
  let worst = { excess: 0, text: "" };
  for (let j = 0; j < variables.length; j++) {
    const name = variables[j] as string;
    const col = course.columns[name] as Float64Array;
    for (let i = 0; i < expected.rows.length; i++) {
      const want = (expected.rows[i] as number[])[j + 1] as number;
      const got = col[i] as number;
      if (Number.isNaN(want) && Number.isNaN(got)) continue;
      if (!Number.isFinite(want) && want === got) continue;
      const tol = settings.absolute + settings.relative * Math.abs(want);
      const err = Math.abs(got - want);
      if (!(err <= tol)) {
        const excess = Number.isFinite(err) ? err / (tol || Number.MIN_VALUE) : Number.POSITIVE_INFINITY;
        if (excess > worst.excess || worst.text === "") {
          worst = {
            excess,
            text: `${name} at t = ${outputTimes[i]}: got ${got}, expected ${want} (tolerance ${tol.toPrecision(3)})`,
          };
        }
      }
    }
  }
  if (worst.text) return { id, verdict: "fail", reason: worst.text, rhsEvaluations: course.rhsEvaluations };
  return { id, verdict: "pass", reason: "", rhsEvaluations: course.rhsEvaluations };
}
