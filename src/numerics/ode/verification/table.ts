/**
 * The solver verification table: every Bari problem × stiff method at a tight tolerance, with significant
 * correct digits, work statistics and wall time. Used by `cryoimmune verify` and docs/ode.md.
 */
import { solveOde } from "../solve.js";
import type { OdeMethod, OdeStats } from "../types.js";
import { BARI_PROBLEMS, relativeDigits, significantDigits } from "./bari.js";

export interface VerificationRow {
  problem: string;
  /** Method asked for ("auto" included). */
  requested: OdeMethod;
  /** Method that ran. */
  method: Exclude<OdeMethod, "auto">;
  rtol: number;
  /** Absolute tolerance of the run (E5: the test set's 1.7e-24). */
  atol: number;
  status: "success" | "failure";
  /** The test set's measure for this problem: "relative" (scd) or "mixed" (mescd; E5). */
  measure: "relative" | "mixed";
  /** Significant correct digits against the published reference under the test set's measure. */
  scd: number;
  /** Plain relative-error digits (the test set's scd), reported for every problem (E5 included). */
  relativeScd: number;
  /** Digits required by the verification tests at rtol 1e-12, under `measure`. */
  required: number;
  stats: OdeStats;
  ms: number;
}

/**
 * Digits the tests require at rtol 1e-12 under each problem's measure (scd; E5 mescd at atol 1.7e-24; see
 * test/numerics/ode/bari.test.ts).
 */
export const REQUIRED_DIGITS: Readonly<Record<string, number>> = { ROBER: 9, VDPOL: 9, POLLU: 9, E5: 9 };

const now = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

export function runVerification(
  rtol = 1e-12,
  methods: readonly ("rodas5" | "radau5" | "bdf" | "auto")[] = ["rodas5", "radau5", "bdf", "auto"],
): VerificationRow[] {
  const rows: VerificationRow[] = [];
  for (const make of BARI_PROBLEMS) {
    for (const method of methods) {
      const p = make();
      const atol = p.mixedAtol ?? p.atolFor(rtol);
      const options = { method, rtol, atol };
      solveOde(p.problem, options); // warm-up (JIT)
      const t0 = now();
      const s = solveOde(p.problem, options);
      const ms = now() - t0;
      rows.push({
        problem: p.name,
        requested: method,
        method: s.method,
        rtol,
        atol,
        status: s.status,
        measure: p.measure,
        scd: significantDigits(s.y[s.y.length - 1], p, { rtol, atol }),
        relativeScd: relativeDigits(s.y[s.y.length - 1], p),
        required: REQUIRED_DIGITS[p.name] ?? 9,
        stats: s.stats,
        ms,
      });
    }
  }
  return rows;
}
