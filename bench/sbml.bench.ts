/**
 * SBML Test Suite timing: the whole suite (1214 cases; package cases are refused at once) run
 * in-process, total wall time and per-case median / 90th percentile / maximum, with the pass counts.
 */
import { runSuiteDirectory } from "../src/cli/commands/sbml.js";
import { isCoreCase } from "../src/sbml/conformance-report.js";

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (pos - lo);
}

export default async () => {
  const started = performance.now();
  const records = runSuiteDirectory("test/fixtures/sbml-test-suite", { timeLimitMs: 60_000 });
  const totalSeconds = (performance.now() - started) / 1000;
  const core = records.filter((r) => isCoreCase(r.tags));
  const ms = core.map((r) => r.ms).sort((a, b) => a - b);
  const slowest = [...core].sort((a, b) => b.ms - a.ms).slice(0, 5);
  const result = {
    cases: records.length,
    coreCases: core.length,
    corePass: core.filter((r) => r.verdict === "pass").length,
    totalSeconds: Number(totalSeconds.toFixed(2)),
    perCaseMs: {
      median: Number(quantile(ms, 0.5).toFixed(2)),
      p90: Number(quantile(ms, 0.9).toFixed(2)),
      max: Number((ms[ms.length - 1] ?? Number.NaN).toFixed(1)),
    },
    slowest: slowest.map((r) => ({ id: r.id, ms: Number(r.ms.toFixed(1)), verdict: r.verdict })),
  };
  console.log(JSON.stringify(result, null, 2));
  return result;
};
