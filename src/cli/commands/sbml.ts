/**
 * `cryoimmune sbml run MODEL.xml [--settings SETTINGS.txt] [--out DIR]` — simulate an SBML model;
 * `cryoimmune sbml test-suite DIR` — run the SBML Test Suite's semantic cases under DIR and judge them.
 * The file reading lives here; the simulation and the judging are browser-safe (src/sbml/).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import type { Command } from "commander";
import { InputError } from "../../errors.js";
import { conformanceMarkdown, isCoreCase, type SuiteCaseRecord } from "../../sbml/conformance-report.js";
import { simulateSbml } from "../../sbml/simulate.js";
import { runSuiteCase } from "../../sbml/test-suite-case.js";
import { formatResultsCsv, parseSuiteSettings } from "../../sbml/test-suite-settings.js";
import { writeFileAtomic } from "../output.js";

export interface SuiteCaseFiles {
  id: string;
  dir: string;
  sbmlFile: string;
  levelVersion: string;
}

/** Cases under dir (`NNNNN/NNNNN-sbml-lXvY.xml` with settings and results), highest level/version file each. */
export function listSuiteCases(dir: string): SuiteCaseFiles[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new InputError("DIR", dir, "a directory of test-suite cases");
  const out: SuiteCaseFiles[] = [];
  for (const id of readdirSync(dir).sort()) {
    const caseDir = join(dir, id);
    if (!/^\d{5}$/.test(id) || !statSync(caseDir).isDirectory()) continue;
    const xmls = readdirSync(caseDir)
      .map((f) => /^\d{5}-sbml-(l(\d)v(\d))\.xml$/.exec(f))
      .filter((m): m is RegExpExecArray => m !== null)
      .sort((a, b) => Number(a[2]) - Number(b[2]) || Number(a[3]) - Number(b[3]));
    const best = xmls[xmls.length - 1];
    if (!best) continue;
    out.push({ id, dir: caseDir, sbmlFile: join(caseDir, best[0]), levelVersion: best[1] as string });
  }
  return out;
}

/** componentTags and testTags of a case (from its NNNNN-model.m description, when present). */
export function readSuiteTags(caseDir: string, id: string): string[] {
  const path = join(caseDir, `${id}-model.m`);
  if (!existsSync(path)) return [];
  const text = readFileSync(path, "utf8");
  const tags: string[] = [];
  for (const key of ["componentTags", "testTags"]) {
    const m = new RegExp(`^${key}:(.*)$`, "m").exec(text);
    if (m) for (const t of (m[1] as string).split(",")) if (t.trim()) tags.push(t.trim());
  }
  return tags;
}

export interface SuiteRunOptions {
  timeLimitMs?: number;
  filter?: (id: string) => boolean;
  onCase?: (record: SuiteCaseRecord) => void;
}

/** Runs every case under dir in-process; each case is bounded by a time limit and a work budget. */
export function runSuiteDirectory(dir: string, options: SuiteRunOptions = {}): SuiteCaseRecord[] {
  const records: SuiteCaseRecord[] = [];
  for (const c of listSuiteCases(dir)) {
    if (options.filter && !options.filter(c.id)) continue;
    const tags = readSuiteTags(c.dir, c.id);
    const started = performance.now();
    let verdict: SuiteCaseRecord["verdict"];
    let reason: string;
    try {
      const r = runSuiteCase(
        {
          id: c.id,
          sbml: readFileSync(c.sbmlFile, "utf8"),
          settings: readFileSync(join(c.dir, `${c.id}-settings.txt`), "utf8"),
          results: readFileSync(join(c.dir, `${c.id}-results.csv`), "utf8"),
        },
        { timeLimitMs: options.timeLimitMs ?? 10_000 },
      );
      verdict = r.verdict;
      reason = r.reason;
    } catch (err) {
      verdict = "error";
      reason = `crash: ${(err as Error).message}`;
    }
    const record: SuiteCaseRecord = {
      id: c.id,
      verdict,
      reason,
      tags,
      levelVersion: c.levelVersion,
      ms: performance.now() - started,
    };
    records.push(record);
    options.onCase?.(record);
  }
  return records;
}

function parseIdRange(spec: string): (id: string) => boolean {
  const parts = spec.split(",").map((p) => p.trim());
  const ranges = parts.map((p) => {
    const m = /^(\d+)(?:-(\d+))?$/.exec(p);
    if (!m) throw new InputError("--cases", spec, "case numbers or ranges such as 1-100,1234");
    return [Number(m[1]), Number(m[2] ?? m[1])] as const;
  });
  return (id) => ranges.some(([a, b]) => Number(id) >= a && Number(id) <= b);
}

function numberOption(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (!Number.isFinite(v)) throw new InputError(name, raw, "a number");
  return v;
}

export function register(program: Command): void {
  const sbml = program.command("sbml").description("Import and simulate SBML models (Level 2 and 3)");

  sbml
    .command("run")
    .description("simulate an SBML model; with --settings, write results.csv in the SBML Test Suite's format")
    .argument("<model>", "SBML file")
    .option(
      "--settings <file>",
      "test-suite settings file (start, duration, steps, variables, amount, concentration)",
    )
    .option("--out <dir>", "output directory", ".")
    .option("--start <t>", "start time (without --settings)")
    .option("--duration <t>", "duration (without --settings)")
    .option("--steps <n>", "number of output intervals (without --settings)")
    .action(
      (
        model: string,
        opts: { settings?: string; out: string; start?: string; duration?: string; steps?: string },
      ) => {
        if (!existsSync(model)) throw new InputError("MODEL", model, "an existing SBML file");
        const xml = readFileSync(model, "utf8");
        const settings = opts.settings
          ? parseSuiteSettings(readFileSync(opts.settings, "utf8"), opts.settings)
          : undefined;
        const course = simulateSbml(xml, {
          start: settings?.start ?? numberOption("--start", opts.start, 0),
          duration: settings?.duration ?? numberOption("--duration", opts.duration, 10),
          steps: settings?.steps ?? numberOption("--steps", opts.steps, 100),
          ...(settings && settings.variables.length > 0 ? { variables: settings.variables } : {}),
          amounts: settings?.amount ?? [],
          concentrations: settings?.concentration ?? [],
        });
        const path = join(resolve(opts.out), "results.csv");
        writeFileAtomic(path, formatResultsCsv(course.time, course.variables, course.columns));
        console.log(
          `${course.status}: ${course.message}; wrote ${path} (${course.time.length} rows, ${course.variables.length} variables)`,
        );
        if (course.status !== "success") process.exitCode = 1;
      },
    );

  sbml
    .command("test-suite")
    .description(
      "run every SBML Test Suite case under DIR (NNNNN/NNNNN-sbml-lXvY.xml, -settings.txt, -results.csv)",
    )
    .argument("<dir>", "directory holding the cases")
    .option("--cases <ranges>", "only these case numbers, e.g. 1-100,1234")
    .option("--time-limit <ms>", "wall-clock limit per case in milliseconds", "10000")
    .option("--quiet", "print only cases that do not pass, and the totals")
    .option("--conformance <file>", "also write the conformance table (Markdown) to this file")
    .action(
      (dir: string, opts: { cases?: string; timeLimit: string; quiet?: boolean; conformance?: string }) => {
        const filter = opts.cases ? parseIdRange(opts.cases) : undefined;
        const records = runSuiteDirectory(dir, {
          timeLimitMs: numberOption("--time-limit", opts.timeLimit, 10_000),
          ...(filter ? { filter } : {}),
          onCase: (r) => {
            if (opts.quiet && r.verdict === "pass") return;
            console.log(`${r.id} ${r.verdict}${r.reason ? `: ${r.reason}` : ""}`);
          },
        });
        const total = (rs: SuiteCaseRecord[], v: string) => rs.filter((r) => r.verdict === v).length;
        const core = records.filter((r) => isCoreCase(r.tags));
        for (const [label, rs] of [
          ["all", records],
          ["core", core],
        ] as const) {
          console.log(
            `${label}: ${rs.length} cases, ${total(rs, "pass")} pass, ${total(rs, "fail")} fail, ` +
              `${total(rs, "unsupported")} unsupported, ${total(rs, "error")} error`,
          );
        }
        if (opts.conformance) {
          writeFileAtomic(
            opts.conformance,
            conformanceMarkdown(
              records,
              `cryoimmune sbml test-suite ${dir} --conformance ${opts.conformance}`,
            ),
          );
          console.log(`wrote ${opts.conformance}`);
        }
      },
    );
}
