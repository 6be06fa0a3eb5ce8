/**
 * Regenerates docs/sbml-conformance.md and the ratchet test/sbml/passing-cases.txt from a run of the
 * whole SBML Test Suite copy in test/fixtures/sbml-test-suite.
 *   npx tsx scripts/sbml-conformance.ts [--accept-regressions]
 * The ratchet only grows: a case that passed before and fails now stops the script (exit 1) unless
 * --accept-regressions is given.
 */
import { existsSync, readFileSync } from "node:fs";
import { runSuiteDirectory } from "../src/cli/commands/sbml.js";
import { writeFileAtomic } from "../src/cli/output.js";
import { conformanceMarkdown, isCoreCase } from "../src/sbml/conformance-report.js";
import { KNOWN_LIMITATIONS } from "../src/sbml/known-limitations.js";

export const SUITE_DIR = "test/fixtures/sbml-test-suite";
export const RATCHET_FILE = "test/sbml/passing-cases.txt";
export const CONFORMANCE_FILE = "docs/sbml-conformance.md";
export const CONFORMANCE_COMMAND = "npx tsx scripts/sbml-conformance.ts";

const accept = process.argv.includes("--accept-regressions");
const started = performance.now();
const records = runSuiteDirectory(SUITE_DIR, { timeLimitMs: 60_000 });
const seconds = (performance.now() - started) / 1000;
const passing = records.filter((r) => r.verdict === "pass").map((r) => r.id);
const previous = existsSync(RATCHET_FILE)
  ? readFileSync(RATCHET_FILE, "utf8")
      .split("\n")
      .map((l) => l.trim())
      .filter((l) => /^\d{5}$/.test(l))
  : [];
const now = new Set(passing);
const lost = previous.filter((id) => !now.has(id));
if (lost.length > 0) {
  console.error(`cases that passed before and do not now: ${lost.join(", ")}`);
  for (const id of lost) {
    const r = records.find((x) => x.id === id);
    console.error(`  ${id}: ${r?.verdict ?? "missing"} ${r?.reason ?? ""}`);
  }
  if (!accept) process.exit(1);
}
writeFileAtomic(CONFORMANCE_FILE, conformanceMarkdown(records, CONFORMANCE_COMMAND, KNOWN_LIMITATIONS));
writeFileAtomic(
  RATCHET_FILE,
  `# SBML Test Suite cases that pass (one id per line); written by ${CONFORMANCE_COMMAND}.\n` +
    `# test/sbml/test-suite.test.ts fails when any of them stops passing.\n${passing.join("\n")}\n`,
);
const core = records.filter((r) => isCoreCase(r.tags));
console.log(
  `${records.length} cases, ${passing.length} pass; core ${core.length}, ${core.filter((r) => r.verdict === "pass").length} pass ` +
    `(${seconds.toFixed(1)} s); wrote ${CONFORMANCE_FILE} and ${RATCHET_FILE}`,
);
