/**
 * `cryoimmune simulate SCENARIO --out DIR [--json] [--rtol R]`: one patient. Writes (atomically, once everything
 * is computed) DIR/timeseries.csv, DIR/summary.json and the plots lesion-diameters, immune-cells,
 * cytokines and occupancy as PNG and SVG; prints where they are (or the summary with --json).
 */
import { readFileSync } from "node:fs";
import type { Command } from "commander";
import { DRUGS, targetByName } from "../../drugs/catalogue/index.js";
import { pkNames } from "../../drugs/pk-module.js";
import { InputError } from "../../errors.js";
import { simulatePatient } from "../../immune/simulate.js";
import type { Trajectory } from "../../immune/trajectory.js";
import { summarizeTrajectory, trajectoryCsv } from "../../immune/trajectory-summary.js";
import { type LineChartSpec, type LineSeries, lineChartSvg } from "../../report/line-chart.js";
import { svgToPng } from "../../report/svg-to-png.js";
import { parseScenario } from "../../scenario/load.js";
import { writeFilesAtomic } from "../output.js";

interface SimulateCliOptions {
  out: string;
  json?: boolean;
  rtol?: string;
}

/** --rtol: a relative tolerance in [1e-12, 1e-2] (looser is not accurate on this model; see docs). */
function parseRtol(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const v = Number(text);
  if (text.trim() === "" || !Number.isFinite(v) || v < 1e-12 || v > 1e-2)
    throw new InputError("--rtol", text, "a number between 1e-12 and 1e-2, e.g. 1e-4");
  return v;
}

function series(
  t: Trajectory,
  names: string[],
  label: (name: string) => string,
  floor?: number,
): LineSeries[] {
  return names
    .filter((n) => t.columns[n])
    .map((n) => ({
      name: label(n),
      x: t.days,
      y: floor === undefined ? t.columns[n] : t.columns[n].map((v) => (v >= floor ? v : Number.NaN)),
    }));
}

/** Chart specs of a trajectory: lesion diameters, immune cells per lesion, cytokines, occupancy. */
export function trajectoryCharts(t: Trajectory): Record<string, LineChartSpec> {
  const labels = new Map<number, string[]>();
  t.events
    .filter((e, i, all) => e.kind === "cryoablation" || all.findIndex((x) => x.kind === "dose") === i)
    .forEach((e) => {
      labels.set(e.day, [...(labels.get(e.day) ?? []), e.kind === "cryoablation" ? "cryo" : "ICI"]);
    });
  const markers = [...labels].map(([x, l]) => ({ x, label: l.join(" + ") }));
  const ids = t.lesionIds;
  const ablated = t.events.find((e) => e.kind === "cryoablation")?.target;
  const focus = ablated ?? ids[0];
  const cells = ids.flatMap((id) => [
    `cd8_per_mm3_${id}`,
    `treg_per_mm3_${id}`,
    `nk_per_mm3_${id}`,
    `mdsc_per_mm3_${id}`,
  ]);
  return {
    "lesion-diameters": {
      title: "Lesion longest diameter",
      xLabel: "day",
      yLabel: "diameter (mm)",
      series: series(
        t,
        ids.map((id) => `diameter_mm_${id}`),
        (n) => n.replace("diameter_mm_", ""),
      ),
      markers,
    },
    "immune-cells": {
      title: "Immune cells per lesion",
      xLabel: "day",
      yLabel: "cells per mm³",
      yScale: "log",
      series: series(t, cells, (n) => n.replace("_per_mm3_", " · "), 0.01),
      markers,
    },
    cytokines: {
      title: `Cytokines: plasma and lesion ${focus}`,
      xLabel: "day",
      yLabel: "pg/mL",
      yScale: "log",
      series: series(
        t,
        [
          "ifng_pg_per_ml_blood",
          "il10_pg_per_ml_blood",
          ...["il1b", "tnfa", "ifng", "il10", "ifn1"].map((c) => `${c}_pg_per_ml_${focus}`),
        ],
        (n) => n.replace("_pg_per_ml_blood", " (plasma)").replace(`_pg_per_ml_${focus}`, ` (${focus})`),
        0.01,
      ),
      markers,
    },
    occupancy: occupancyChart(t, markers),
  };
}

/**
 * Occupancy: the bound fraction at the tumour site per checkpoint (pd1_occupancy, pdl1_occupancy,
 * ctla4_occupancy: what the immune model uses) and, per drug, the occupancy on circulating cells as the
 * clinical assays report it (`<drug>_occupancy_blood`, see src/drugs/pk-module.ts). The 70 % line is the
 * Brahmer 2010 benchmark (nivolumab, PD-1 on circulating T cells), a blood reading: drawn only next to
 * the blood occupancy of a PD-1 drug, never against the tumour-site fraction alone.
 */
function occupancyChart(t: Trajectory, markers: { x: number; label: string }[]): LineChartSpec {
  const site = series(t, ["pd1_occupancy", "pdl1_occupancy", "ctla4_occupancy"], (n) => {
    const target = targetByName(n.replace("_occupancy", ""));
    return `${target.name}, tumour site`;
  });
  const blood = DRUGS.filter((d) => t.columns[pkNames(d.name).occupancyBlood]).map((d) => ({
    drug: d,
    series: {
      name: `${d.name}: ${d.target}, blood cells`,
      x: t.days,
      y: t.columns[pkNames(d.name).occupancyBlood],
    },
  }));
  const pd1Blood = blood.some((b) => targetByName(b.drug.target).id === "pd1");
  return {
    title: blood.length
      ? "Checkpoint occupancy: tumour site (bound fraction) and blood cells (assay)"
      : "Checkpoint occupancy at the tumour site (bound fraction)",
    xLabel: "day",
    yLabel: "occupancy (fraction)",
    series: [...site, ...blood.map((b) => b.series)],
    yDomain: [0, 1],
    // label below the line: the blood readings plateau just above it (nivolumab ~72 %)
    references: pd1Blood
      ? [{ y: 0.7, label: "70 % (Brahmer 2010, PD-1 on blood T cells)", labelBelow: true }]
      : [],
    markers,
  };
}

export function register(program: Command): void {
  program
    .command("simulate")
    .description("Simulate one patient scenario (YAML or JSON): time series, summary and plots")
    .argument("<scenario>", "scenario file (YAML or JSON), see docs/scenario.schema.json")
    .requiredOption("--out <dir>", "output directory")
    .option("--json", "print the summary as JSON")
    .option(
      "--rtol <number>",
      "relative tolerance of the solve (default 1e-6; 1e-4 or 1e-3 take about half the time and kept lesion diameters within ~2e-4 mm on the benchmark patient, see docs/immune-model.md)",
    )
    .action((file: string, options: SimulateCliOptions) => {
      const rtol = parseRtol(options.rtol);
      let text: string;
      try {
        text = readFileSync(file, "utf8");
      } catch {
        throw new InputError("scenario", file, "a readable scenario file");
      }
      const scenario = parseScenario(text, file);
      const trajectory = simulatePatient(undefined, scenario, rtol === undefined ? {} : { rtol });
      const summary = summarizeTrajectory(scenario, trajectory);
      const files: Record<string, string | Uint8Array> = {
        "timeseries.csv": trajectoryCsv(trajectory),
        "summary.json": `${JSON.stringify(summary, null, 2)}\n`,
      };
      for (const [name, spec] of Object.entries(trajectoryCharts(trajectory))) {
        const svg = lineChartSvg(spec);
        files[`${name}.svg`] = svg;
        files[`${name}.png`] = svgToPng(svg);
      }
      const written = writeFilesAtomic(options.out, files);
      if (options.json) process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
      else {
        process.stdout.write(`${trajectory.status}: ${trajectory.message}\n`);
        for (const l of summary.lesions)
          process.stdout.write(
            `  ${l.id}${l.ablated ? " (ablated)" : ""}: ${l.baselineDiameterMm} mm → best ${l.bestChangePct} % (day ${l.nadirDay}), final ${l.finalDiameterMm} mm\n`,
          );
        process.stdout.write(`wrote ${written.filter((p) => !/\.(png|svg)$/.test(p)).join(", ")}\n`);
        process.stdout.write(`plots: ${written.filter((p) => /\.(png|svg)$/.test(p)).join(", ")}\n`);
      }
      if (trajectory.status !== "success") process.exitCode = 1;
    });
}
