/**
 * `cryoimmune verify [--json] [--markdown] [--rtol R]`: runs the ODE solver verification table (Bari test
 * set problems × methods against their published reference solutions) and prints it.
 */
import type { Command } from "commander";
import { InputError } from "../../errors.js";
import { runVerification, type VerificationRow } from "../../numerics/ode/verification/table.js";

const HEADERS = [
  "problem",
  "method",
  "rtol",
  "atol",
  "measure",
  "digits",
  "rel scd",
  "required",
  "ok",
  "steps",
  "rejected",
  "f evals",
  "Jacobians",
  "LUs",
  "ms",
];

/** The required digits are defined at rtol ≤ 1e-12 (the verification tests' tolerance). */
function checked(r: VerificationRow): boolean {
  return r.rtol <= 1e-12;
}

function failed(r: VerificationRow): boolean {
  return r.status !== "success" || (checked(r) && r.scd < r.required);
}

function cells(r: VerificationRow): string[] {
  return [
    r.problem,
    r.requested === r.method ? r.method : `${r.requested}→${r.method}`,
    r.rtol.toExponential(0),
    r.atol.toExponential(1),
    r.measure === "mixed" ? "mescd" : "scd",
    r.scd.toFixed(2),
    r.relativeScd.toFixed(2),
    checked(r) ? r.required.toFixed(1) : "-",
    r.status !== "success" ? "NO" : !checked(r) ? "-" : r.scd >= r.required ? "yes" : "NO",
    String(r.stats.steps),
    String(r.stats.rejected),
    String(r.stats.rhsEvals),
    String(r.stats.jacobianEvals),
    String(r.stats.factorizations),
    r.ms.toFixed(1),
  ];
}

export function formatText(rows: VerificationRow[]): string {
  const table = [HEADERS, ...rows.map(cells)];
  const widths = HEADERS.map((_, c) => Math.max(...table.map((row) => row[c].length)));
  const line = (row: string[]) =>
    row.map((v, c) => (c < 2 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join("  ");
  return [
    line(HEADERS),
    widths.map((w) => "-".repeat(w)).join("  "),
    ...rows.map((r) => line(cells(r))),
  ].join("\n");
}

export function formatMarkdown(rows: VerificationRow[]): string {
  const head = `| ${HEADERS.join(" | ")} |`;
  const sep = `|${HEADERS.map((_, c) => (c < 2 ? "---" : "--:")).join("|")}|`;
  return [head, sep, ...rows.map((r) => `| ${cells(r).join(" | ")} |`)].join("\n");
}

export function register(program: Command): void {
  program
    .command("verify")
    .description(
      "run the ODE solver verification table (Bari test set: ROBER, VDPOL, POLLU, E5 vs published references)",
    )
    .option("--json", "print the table as JSON")
    .option("--markdown", "print the table as a Markdown table")
    .option(
      "--rtol <rtol>",
      "relative tolerance of every solve (digits are checked at rtol ≤ 1e-12)",
      "1e-12",
    )
    .action((opts: { json?: boolean; markdown?: boolean; rtol: string }) => {
      const rtol = Number(opts.rtol);
      if (!(rtol > 0 && rtol < 1)) throw new InputError("--rtol", opts.rtol, "a number in (0, 1)");
      const rows = runVerification(rtol);
      if (opts.json) process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`);
      else if (opts.markdown) process.stdout.write(`${formatMarkdown(rows)}\n`);
      else {
        process.stdout.write(
          "ODE solver verification: Bari test set (Mazzia & Magherini 2008) against its published reference solutions.\n" +
            "digits = the test set's measure: scd = −log10 of the largest relative error (components ≥ 1e-200);\n" +
            "E5: mescd = −log10 max |error| / (atol/rtol + |ref|) at the set's atol 1.7e-24 (its published y2, y3\n" +
            "are themselves off by 7e-4, so rel scd ≤ 3.14 even for the exact solution): see docs/ode.md.\n\n",
        );
        process.stdout.write(`${formatText(rows)}\n`);
        const bad = rows.filter(failed);
        const verdict =
          bad.length > 0
            ? `${bad.length} row(s) failed or below the required digits`
            : rtol <= 1e-12
              ? "all rows meet the required digits"
              : "all solves succeeded (digits are checked at rtol <= 1e-12 only)";
        process.stdout.write(`\n${verdict}\n`);
        if (bad.length > 0) process.exitCode = 1;
      }
    });
}
