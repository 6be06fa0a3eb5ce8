/**
 * `cryoimmune ablate SCENARIO --out DIR`: runs a thermal plan (YAML or JSON: tissue, tumour, probes
 * with positions and directions, protocol, geometry and resolution; see docs/thermal.md) and writes
 * DIR/summary.json (the AblationOutcome) and DIR/isotherms.svg + DIR/isotherms.png (a cut through the
 * probe axis with the 0/−20/−40 °C isotherms, the tumour and its margin), all atomically. Bad input is
 * an InputError naming the field and, for YAML/JSON files, its line.
 */
import { readFileSync } from "node:fs";
import { basename, join } from "node:path";
import type { Command } from "commander";
import { LineCounter, parseDocument } from "yaml";
import { InputError } from "../../errors.js";
import { isothermMapSvg } from "../../report/isotherm-map.js";
import { svgToPng } from "../../report/svg-to-png.js";
import { runThermalPlan } from "../../thermal/plan.js";
import { writeFilesAtomic } from "../output.js";

/** "probes[1].tipMm" → ["probes", 1, "tipMm"]. */
export function fieldToPath(field: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const part of field.split(".")) {
    const m = /^([^[\]]*)((?:\[\d+\])*)$/.exec(part);
    if (!m) return out;
    if (m[1]) out.push(m[1]);
    for (const idx of m[2].matchAll(/\[(\d+)\]/g)) out.push(Number(idx[1]));
  }
  return out;
}

interface Loaded {
  data: unknown;
  /** Line of a field in the file, if known. */
  lineOf: (field: string) => number | undefined;
}

export function loadPlanText(text: string, file: string): Loaded {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  if (doc.errors.length > 0) {
    const e = doc.errors[0];
    const line = e.linePos?.[0]?.line;
    throw new InputError(
      "(file)",
      basename(file),
      `valid YAML or JSON (${e.message.split("\n")[0]})`,
      line ? `line ${line} of ${basename(file)}` : undefined,
    );
  }
  return {
    data: doc.toJS(),
    lineOf(field: string) {
      let path = fieldToPath(field);
      while (path.length > 0) {
        const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
        if (node?.range) return lineCounter.linePos(node.range[0]).line;
        // the field may be missing: report its parent
        path = path.slice(0, -1);
      }
      return undefined;
    },
  };
}

export function register(program: Command): void {
  program
    .command("ablate")
    .description(
      "simulate a cryoablation (or heat ablation) plan: iceball, cell death, AblationOutcome, isotherm maps",
    )
    .argument("<scenario>", "thermal plan, YAML or JSON (see examples/ablate-*.yaml)")
    .requiredOption("--out <dir>", "output directory for summary.json, isotherms.svg and isotherms.png")
    .action((scenario: string, opts: { out: string }) => {
      let text: string;
      try {
        text = readFileSync(scenario, "utf8");
      } catch {
        throw new InputError("scenario", scenario, "a readable YAML or JSON file");
      }
      const loaded = loadPlanText(text, scenario);
      let run: ReturnType<typeof runThermalPlan>;
      try {
        run = runThermalPlan(loaded.data);
      } catch (err) {
        if (err instanceof InputError && !err.where) {
          const line = loaded.lineOf(err.field);
          if (line !== undefined)
            throw new InputError(err.field, err.value, err.expected, `line ${line} of ${basename(scenario)}`);
        }
        throw err;
      }
      const svg = isothermMapSvg(run);
      const png = svgToPng(svg);
      const summary = { scenario: basename(scenario), plan: run.plan, outcome: run.outcome };
      const written = writeFilesAtomic(opts.out, {
        "summary.json": `${JSON.stringify(summary, null, 2)}\n`,
        "isotherms.svg": svg,
        "isotherms.png": png,
      });
      const o = run.outcome;
      process.stdout.write(
        `killed ${(100 * o.killedFraction).toFixed(1)} % of the tumour (necrotic ${(100 * o.necroticShare).toFixed(1)} %, intact antigen ${(100 * o.intactAntigenFraction).toFixed(1)} %), coverage ${(100 * o.coverage).toFixed(1)} %, solver ${o.solver.status}\n`,
      );
      for (const f of written) process.stdout.write(`wrote ${join(f)}\n`);
      if (o.solver.status !== "ok") process.exitCode = 1;
    });
}
