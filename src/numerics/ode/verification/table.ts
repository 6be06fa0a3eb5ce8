/**
 * The solver verification table: every Bari problem × stiff method at a tight tolerance, with significant
 * correct digits, work statistics and wall time. Used by `cryoimmune verify` and docs/ode.md.
 */
import { solveOde } from "../solve.js";
import type { OdeMethod, OdeStats } from "../types.js";
import { BARI_PROBLEMS, significantDigits } from "./bari.js";

export interface VerificationRow {
  problem: string;
  /** Method asked for ("auto" included). */
  requested: OdeMethod;
  /** Method that ran. */
  method: Exclude<OdeMethod, "auto">;
  rtol: number;
  status: "success" | "failure";
  /** Significant correct digits against the published reference. */
  scd: number;
  /** Digits required by the verification tests at rtol 1e-12 (E5 is limited by double precision). */
  required: number;
  stats: OdeStats;
  ms: number;
}

/** Digits the tests require at rtol 1e-12 (see test/numerics/ode/bari.test.ts). */
export const REQUIRED_DIGITS: Readonly<Record<string, number>> = { ROBER: 9, VDPOL: 9, POLLU: 9, E5: 3 };

const now = (): number => (typeof performance !== "undefined" ? performance.now() : Date.now());

export function runVerification(
  rtol = 1e-12,
  methods: readonly ("rodas5" | "radau5" | "bdf" | "auto")[] = ["rodas5", "radau5", "bdf", "auto"],
): VerificationRow[] {
  const rows: VerificationRow[] = [];
  for (const make of BARI_PROBLEMS) {
    for (const method of methods) {
      const p = make();
      const options = { method, rtol, atol: p.atolFor(rtol) };
      solveOde(p.problem, options); // warm-up (JIT)
      const t0 = now();
      const s = solveOde(p.problem, options);
      const ms = now() - t0;
      rows.push({
        problem: p.name,
        requested: method,
        method: s.method,
        rtol,
        status: s.status,
        scd: significantDigits(s.y[s.y.length - 1], p),
        required: REQUIRED_DIGITS[p.name] ?? 9,
        stats: s.stats,
        ms,
      });
    }
  }
  return rows;
}
