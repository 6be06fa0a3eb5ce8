/**
 * `npm run bench [name ...]`: runs every bench/*.bench.ts (or the one named exactly, or those whose name
 * contains a filter),
 * each exporting `default async () => object`, and writes bench/results/<name>.json (atomically).
 * Benchmarks report ratios against a reference run in the same process where they can.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { writeFileAtomic } from "../src/cli/output.js";

const here = new URL(".", import.meta.url).pathname;
const filters = process.argv.slice(2);
const all = readdirSync(here)
  .filter((f) => f.endsWith(".bench.ts"))
  .sort();
const nameOf = (f: string) => f.replace(/\.bench\.ts$/, "");
// A filter that is a benchmark's exact name selects that one only (`ode` is not also `ode-step` or
// `model`); any other filter selects every benchmark whose name contains it.
const matches = (f: string, s: string) =>
  all.some((g) => nameOf(g) === s) ? nameOf(f) === s : nameOf(f).includes(s);
const files = all.filter((f) => filters.length === 0 || filters.some((s) => matches(f, s)));
if (files.length === 0) {
  console.error(`no benchmark matches ${filters.join(", ") || "bench/*.bench.ts"}`);
  process.exit(1);
}
for (const file of files) {
  const name = file.replace(/\.bench\.ts$/, "");
  console.log(`\n== ${name} ==`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<unknown> };
  const started = new Date().toISOString();
  const result = await mod.default();
  const record = {
    benchmark: name,
    started,
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    result,
  };
  const out = join(here, "results", `${name}.json`);
  writeFileAtomic(out, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`wrote ${out}`);
}
