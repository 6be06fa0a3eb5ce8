/**
 * `cryoimmune pk`: serum concentration and target occupancy of a checkpoint inhibitor regimen.
 *   cryoimmune pk --drug nivolumab --regimen "240 mg q2w" [--weight-kg 80] [--days 168] [--json]
 *                 [--plot FILE.png|svg]
 * Prints a table (day, serum µg/mL, occupancy at the tumour site, site µg/mL, occupancy on blood
 * cells) or JSON { drug, regimen, halfLifeDays, days, serumUgPerMl, occupancy, siteUgPerMl,
 * effectiveHalfLifeDays, bloodOccupancy } (the first six are the contract; halfLifeDays is the
 * terminal half-life at the long-treatment clearance, effectiveHalfLifeDays the accumulation half-life
 * at the regimen's interval); --plot draws both over time in one image (concentration above,
 * occupancy below).
 */
import type { Command } from "commander";
import { drugByName } from "../../drugs/catalogue/index.js";
import { checkWeightKg } from "../../drugs/covariate-ranges.js";
import { simulatePk } from "../../drugs/simulate-pk.js";
import { InputError } from "../../errors.js";
import { escapeXml, lineChartSvg } from "../../report/line-chart.js";
import { svgToPng } from "../../report/svg-to-png.js";
import { writeFileAtomic } from "../output.js";

interface PkCliOptions {
  drug: string;
  regimen: string;
  weightKg: string;
  days: string;
  stepDays: string;
  json?: boolean;
  plot?: string;
}

function positiveNumber(field: string, text: string, max: number): number {
  const value = Number(text);
  if (!(text.trim() !== "" && Number.isFinite(value) && value > 0 && value <= max))
    throw new InputError(field, text, `a positive number up to ${max}`);
  return value;
}

/** Header lines, then standalone SVG charts stacked vertically, in one SVG. */
function stackSvgs(header: string[], parts: string[]): string {
  const lineHeight = 20;
  let y = 12 + header.length * lineHeight;
  let width = 0;
  const inner = parts.map((svg) => {
    const body = svg.replace(/^<\?xml[^>]*>\s*/, "");
    const w = Number(/width="(\d+(?:\.\d+)?)"/.exec(body)?.[1] ?? 0);
    const h = Number(/height="(\d+(?:\.\d+)?)"/.exec(body)?.[1] ?? 0);
    const placed = body.replace("<svg", `<svg x="0" y="${y}"`);
    y += h;
    width = Math.max(width, w);
    return placed;
  });
  const text = header
    .map(
      (line, i) =>
        `<text x="${width / 2}" y="${24 + i * lineHeight}" text-anchor="middle" font-size="${i === 0 ? 16 : 13}"${i === 0 ? ' font-weight="bold"' : ""}>${escapeXml(line)}</text>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}" font-family="DejaVu Sans, sans-serif"><rect width="100%" height="100%" fill="white"/>${text}${inner.join("")}</svg>
`;
}

function formatTable(result: ReturnType<typeof simulatePk>): string {
  const lines = [
    `# ${result.drug} (anti-${result.target}), ${result.regimen}, ${result.weightKg} kg`,
    `# terminal half-life ${result.halfLifeDays.toFixed(1)} days (first dose ${result.halfLifeFirstDoseDays.toFixed(1)} days); effective (accumulation at ${result.effectiveHalfLifeIntervalDays} days) ${result.effectiveHalfLifeDays.toFixed(1)} days`,
    "day\tserum_ug_per_ml\toccupancy\tsite_ug_per_ml\tblood_occupancy",
  ];
  for (let i = 0; i < result.days.length; i++)
    lines.push(
      `${result.days[i]}\t${result.serumUgPerMl[i].toPrecision(5)}\t${result.occupancy[i].toFixed(4)}\t${result.siteUgPerMl[i].toPrecision(5)}\t${result.bloodOccupancy[i].toFixed(4)}`,
    );
  return `${lines.join("\n")}\n`;
}

function plotSvg(result: ReturnType<typeof simulatePk>, regimenText: string): string {
  const doseDays = [...new Set(result.doses.map((d) => d.day))];
  const markers = doseDays.map((x) => ({ x }));
  const names = Object.keys(result.drugs);
  const concentration = lineChartSvg({
    title: "Serum concentration",
    xLabel: "day",
    yLabel: "serum concentration (µg/mL)",
    series: names.map((name) => ({ name, x: result.days, y: result.drugs[name].serumUgPerMl })),
    markers,
    heightPx: 320,
  });
  // Two readings per drug: the bound fraction at the tumour site (what the immune model uses) and the
  // occupancy measured on blood cells (assay plateau), which the Brahmer 2010 benchmark refers to.
  const occupancy = lineChartSvg({
    title: "Target occupancy: tumour site (bound fraction) and blood cells (assay)",
    xLabel: "day",
    yLabel: "occupancy (%)",
    series: names.flatMap((name) => [
      {
        name: `${name}: ${drugByName(name).target}, tumour site`,
        x: result.days,
        y: result.drugs[name].occupancy.map((o) => 100 * o),
      },
      {
        name: `${name}: ${drugByName(name).target}, blood cells`,
        x: result.days,
        y: result.drugs[name].bloodOccupancy.map((o) => 100 * o),
      },
    ]),
    markers,
    // Axis fixed at 0–100 %; the one reference line is the Brahmer 2010 benchmark (≥ 70 % on blood T cells).
    yDomain: [0, 100],
    // label below the line: the blood readings of nivolumab plateau just above it (~72 %)
    references: [{ y: 70, label: "70 % (Brahmer 2010, blood T cells)", labelBelow: true }],
    heightPx: 300,
  });
  const header = [
    `${result.drug} (${result.weightKg} kg) — terminal half-life ${result.halfLifeDays.toFixed(1)} days`,
    ...regimenText.split(/,?\s+then\s+/i).map((phase, i) => (i === 0 ? phase : `then ${phase}`)),
  ];
  return stackSvgs(header, [concentration, occupancy]);
}

export function register(program: Command): void {
  program
    .command("pk")
    .description("Serum concentration and target occupancy of a checkpoint inhibitor regimen")
    .requiredOption("--drug <name>", "drug (e.g. nivolumab, pembrolizumab, atezolizumab, ipilimumab)")
    .requiredOption("--regimen <text>", 'regimen, e.g. "240 mg q2w" or "3 mg/kg q3w x4 over 90 min"')
    .option("--weight-kg <kg>", "body weight (for mg/kg doses and covariates)", "80")
    .option("--days <days>", "simulated period", "168")
    .option("--step-days <days>", "spacing of the reported days", "1")
    .option(
      "--json",
      "print JSON { drug, regimen, halfLifeDays, days, serumUgPerMl, occupancy, siteUgPerMl, effectiveHalfLifeDays, bloodOccupancy }",
    )
    .option("--plot <file>", "draw concentration and occupancy over time (.png or .svg)")
    .action((opts: PkCliOptions) => {
      const weightText = opts.weightKg.trim();
      const weightKg = checkWeightKg(weightText === "" ? Number.NaN : Number(weightText), "--weight-kg");
      const days = positiveNumber("--days", opts.days, 3650);
      const stepDays = positiveNumber("--step-days", opts.stepDays, days);
      if (opts.plot !== undefined && !/\.(png|svg)$/i.test(opts.plot))
        throw new InputError("--plot", opts.plot, "a file name ending in .png or .svg");
      const result = simulatePk({ drug: opts.drug, regimen: opts.regimen, weightKg, days, stepDays });
      if (opts.json) {
        const json = {
          drug: result.drug,
          regimen: opts.regimen.trim(),
          halfLifeDays: result.halfLifeDays,
          days: result.days,
          serumUgPerMl: result.serumUgPerMl,
          occupancy: result.occupancy,
          siteUgPerMl: result.siteUgPerMl,
          effectiveHalfLifeDays: result.effectiveHalfLifeDays,
          bloodOccupancy: result.bloodOccupancy,
        };
        process.stdout.write(`${JSON.stringify(json)}\n`);
      } else process.stdout.write(formatTable(result));
      if (opts.plot !== undefined) {
        // The plot also samples the end of every infusion (the peaks) and twice a day.
        const fine = new Set<number>();
        for (let t = 0; t <= days; t += 0.5) fine.add(t);
        for (const d of result.doses)
          if (d.day + d.infusionHours / 24 <= days) fine.add(d.day + d.infusionHours / 24);
        const outputDays = [...fine].sort((a, b) => a - b);
        const svg = plotSvg(
          simulatePk({ drug: opts.drug, regimen: opts.regimen, weightKg, days, outputDays }),
          opts.regimen.trim(),
        );
        writeFileAtomic(opts.plot, /\.png$/i.test(opts.plot) ? svgToPng(svg) : svg);
        if (!opts.json) process.stderr.write(`wrote ${opts.plot}\n`);
      }
      if (result.status !== "success") {
        process.stderr.write(`cryoimmune: the simulation stopped early: ${result.message}\n`);
        process.exitCode = 1;
      }
    });
}
