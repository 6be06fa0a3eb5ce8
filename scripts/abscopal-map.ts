/**
 * Abscopal map: where in the phenotype space does the immune model shrink an UNTREATED distant lesion,
 * and which arm does it need? Two-lesion NSCLC patient as in test/immune/behaviour.test.ts (primary
 * 30 mm, distant 20 mm; cryoablation of the primary on day 0, killed 95 %, necrotic 75 %, intact
 * antigen 90 %; nivolumab 240 mg q2w from day 0; 365 days). For every (antigenicity, infiltration)
 * cell of a grid, and each PD-L1 level asked for, four arms: none, cryo, anti-PD-1, cryo + anti-PD-1.
 *
 * Per arm: the distant lesion's best % change of its longest diameter over days 1..365 against day 0
 * (RECIST-like: ≤ −30 % = response) and its diameter on day 365. Each cell is classified:
 *   untreated    the untreated lesion already responds (spontaneous control)
 *   cryo-alone   cryoablation alone gives a distant response
 *   ici-alone    anti-PD-1 alone responds (cryo alone does not)
 *   synergy      only the combination responds (cryo needed: neither alone does)
 *   antagonism   a monotherapy responds and the combination does not
 *   none         no arm responds
 *
 *   npx tsx scripts/abscopal-map.ts [--pdl1 0.05,0.3,1] [--out docs/figures] [--prefix abscopal-map]
 *                                   [--params name=value,...]
 * Writes <out>/<prefix>.csv, .svg, .png atomically and prints the classification counts. --params
 * overrides model parameters for every run (for sensitivity maps; the default map uses none).
 *
 *   npx tsx scripts/abscopal-map.ts --thresholds [--pdl1 0.05,0.3,1] [--out docs/figures]
 * For each infiltration level of the grid (and the PD-L1 levels asked for): the smallest antigenicity
 * at which each arm gives a distant response, by bisection on a log scale over [0.05, 4] (12 halvings,
 * ~0.03 % of the value; assumes one threshold per line, as the grid shows). Writes
 * <out>/abscopal-thresholds.csv (Infinity: no response up to 4) and a chart of the thresholds against
 * infiltration at PD-L1 0.3 (.svg, .png). The synergy band of a line is [combo threshold, anti-PD-1
 * threshold).
 *
 *   npx tsx scripts/abscopal-map.ts --diagnose
 * Prints what limits the distant response at the intermediate phenotype (antigenicity 0.5,
 * infiltration 0.4, PD-L1 0.3): the time course of priming and of the distant lesion's killing brakes
 * per arm, the year's effector output, and counterfactual bounds (parameter changes applied to the
 * cryoablation arms only, or to every arm). Nothing is written.
 */
import * as Plot from "@observablehq/plot";
import { writeFileAtomic } from "../src/cli/output.js";
import { ModelCache, simulatePatient } from "../src/immune/index.js";
import { chartDocument, toStandaloneSvg } from "../src/report/dom.js";
import { lineChartSvg } from "../src/report/line-chart.js";
import { svgToPng } from "../src/report/svg-to-png.js";
import type { Scenario, Treatment } from "../src/scenario/schema.js";
import { CRYO_PRIMARY, NIVOLUMAB_Q2W, twoLesionPatient } from "../test/fixtures/immune/two-lesion-patient.js";

const ANTIGENICITY = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1, 1.25, 1.5];
const INFILTRATION = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.8, 1, 1.25, 1.5];
const RESPONSE = -30;

const CRYO = CRYO_PRIMARY;
const NIVO = NIVOLUMAB_Q2W;

const ARMS: Record<string, Treatment[]> = {
  none: [],
  cryo: [CRYO],
  ici: [NIVO],
  combo: [CRYO, NIVO],
};
type Arm = keyof typeof ARMS;
const ARM_LABELS: Record<Arm, string> = {
  none: "untreated",
  cryo: "cryo alone",
  ici: "anti-PD-1 alone",
  combo: "cryo + anti-PD-1",
};

const CLASSES = ["untreated", "cryo-alone", "ici-alone", "synergy", "antagonism", "none"] as const;
type CellClass = (typeof CLASSES)[number];

interface ArmResult {
  bestPct: number;
  nadirDay: number;
  d365: number;
}

function scenario(parameters: Record<string, number>, treatments: Treatment[]): Scenario {
  return twoLesionPatient({ treatments, horizonDays: 365, parameters });
}

function distantResponse(
  cache: ModelCache,
  parameters: Record<string, number>,
  treatments: Treatment[],
  params?: Record<string, number>,
): ArmResult {
  const t = simulatePatient(params, scenario(parameters, treatments), { cache });
  if (t.status !== "success") throw new Error(`simulation failed: ${t.message}`);
  const days = t.days;
  const d = t.columns.diameter_mm_distant;
  const i0 = Array.from(days).findIndex((x) => Math.abs(x) < 1e-9);
  if (i0 < 0) throw new Error("day 0 missing from the output");
  let best = Number.POSITIVE_INFINITY;
  let nadirDay = Number.NaN;
  let d365 = Number.NaN;
  for (let i = 0; i < days.length; i++) {
    if (days[i] < 1 - 1e-9) continue;
    const pct = (100 * (d[i] - d[i0])) / d[i0];
    if (pct < best) {
      best = pct;
      nadirDay = days[i];
    }
    if (Math.abs(days[i] - 365) < 1e-9) d365 = d[i];
  }
  return { bestPct: best, nadirDay, d365 };
}

function classify(r: Record<Arm, ArmResult>): CellClass {
  const resp = (a: Arm) => r[a].bestPct <= RESPONSE;
  if (resp("none")) return "untreated";
  if (resp("cryo")) return "cryo-alone";
  if (resp("ici")) return resp("combo") ? "ici-alone" : "antagonism";
  return resp("combo") ? "synergy" : "none";
}

interface Row {
  pdl1: number;
  antigenicity: number;
  infiltration: number;
  arms: Record<Arm, ArmResult>;
  cls: CellClass;
}

const COLOURS: Record<CellClass, string> = {
  untreated: "#8c8c8c",
  "cryo-alone": "#6a3d9a",
  "ici-alone": "#1f78b4",
  synergy: "#e31a1c",
  antagonism: "#ff7f00",
  none: "#f0f0f0",
};

function heatMapSvg(rows: Row[], title: string): string {
  const data = rows.map((r) => ({
    a: String(r.antigenicity),
    i: String(r.infiltration),
    pdl1: `PD-L1 ${r.pdl1}`,
    cls: r.cls,
    label: `${Math.round(r.arms.combo.bestPct)}`,
  }));
  const facets = [...new Set(data.map((d) => d.pdl1))];
  const width = 120 + 420 * facets.length;
  const chart = Plot.plot({
    document: chartDocument(),
    width,
    height: 470,
    marginLeft: 60,
    marginBottom: 45,
    marginTop: 30,
    padding: 0.04,
    style: { fontFamily: "DejaVu Sans, sans-serif", fontSize: "11px", background: "white" },
    fx: { label: null, domain: facets },
    x: { label: "antigenicity →", domain: ANTIGENICITY.map(String) },
    y: { label: "↑ infiltration", domain: INFILTRATION.map(String), reverse: true },
    color: { domain: [...CLASSES], range: CLASSES.map((c) => COLOURS[c]) },
    marks: [
      Plot.cell(data, { x: "a", y: "i", fx: "pdl1", fill: "cls", inset: 0.5 }),
      Plot.text(data, {
        x: "a",
        y: "i",
        fx: "pdl1",
        text: "label",
        fill: (d: { cls: CellClass }) => (d.cls === "none" ? "#333" : "white"),
        fontSize: 10,
      }),
    ],
  });
  const svg = toStandaloneSvg(chart as unknown as Element);
  const head = /<svg[^>]*>/.exec(svg)?.[0] ?? "";
  const w = Number(/\swidth="(\d+(?:\.\d+)?)"/.exec(head)?.[1] ?? width);
  const h = Number(/\sheight="(\d+(?:\.\d+)?)"/.exec(head)?.[1] ?? 470);
  const inner = svg.replace(/^<\?xml[^>]*>\s*/, "");
  const top = 62;
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const legend = CLASSES.map((c, k) => {
    const x = 10 + k * Math.floor(w / CLASSES.length);
    return `<rect x="${x}" y="28" width="14" height="14" fill="${COLOURS[c]}" stroke="#999"/><text x="${x + 19}" y="40" font-size="11" font-family="DejaVu Sans, sans-serif">${esc(c)}</text>`;
  }).join("");
  const note =
    "number in a cell: best % change of the distant lesion with cryo + anti-PD-1 (response ≤ −30 %)";
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h + top}" viewBox="0 0 ${w} ${h + top}"><rect width="100%" height="100%" fill="white"/><text x="10" y="18" font-size="14" font-weight="bold" font-family="DejaVu Sans, sans-serif">${esc(title)}</text>${legend}<text x="10" y="57" font-size="11" fill="#444" font-family="DejaVu Sans, sans-serif">${esc(note)}</text><g transform="translate(0,${top})">${inner}</g></svg>`;
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && i + 1 < process.argv.length ? process.argv[i + 1] : fallback;
}

/** Smallest antigenicity in [0.05, 4] at which the arm gives a distant response (Infinity: none). */
function antigenicityThreshold(
  cache: ModelCache,
  infiltration: number,
  pdl1: number,
  treatments: Treatment[],
  params?: Record<string, number>,
): number {
  const responds = (a: number) =>
    distantResponse(cache, { antigenicity: a, infiltration, pdl1_expression: pdl1 }, treatments, params)
      .bestPct <= RESPONSE;
  let lo = 0.05;
  let hi = 4;
  if (!responds(hi)) return Number.POSITIVE_INFINITY;
  if (responds(lo)) return lo;
  for (let k = 0; k < 12; k++) {
    const m = Math.sqrt(lo * hi);
    if (responds(m)) hi = m;
    else lo = m;
  }
  return hi;
}

function thresholds(): void {
  const pdl1Levels = arg("pdl1", "0.05,0.3,1").split(",").map(Number);
  const out = arg("out", "docs/figures");
  const cache = new ModelCache();
  const arms = Object.keys(ARMS) as Arm[];
  const lines: string[] = [];
  const series: Record<string, number[]> = {};
  for (const pdl1 of pdl1Levels)
    for (const infiltration of INFILTRATION) {
      const th = arms.map((a) => antigenicityThreshold(cache, infiltration, pdl1, ARMS[a]));
      const [, , ici, combo] = th;
      const ratio = combo / ici;
      lines.push([pdl1, infiltration, ...th.map((x) => x.toFixed(4)), ratio.toFixed(4)].join(","));
      arms.forEach((a, k) => {
        const key = `${a}, PD-L1 ${pdl1}`;
        series[key] ??= [];
        series[key].push(th[k]);
      });
      console.log(
        `PD-L1 ${pdl1}, infiltration ${infiltration}: antigenicity for a distant response: ${arms.map((a, k) => `${a} ${th[k].toFixed(3)}`).join(", ")}; combo/anti-PD-1 ${ratio.toFixed(3)}`,
      );
    }
  const header = ["pdl1_expression", "infiltration", ...arms.map((a) => `antigenicity_threshold_${a}`)];
  header.push("combo_over_ici");
  writeFileAtomic(`${out}/abscopal-thresholds.csv`, `${header.join(",")}\n${lines.join("\n")}\n`);
  // the figure: the PD-L1 level of the intermediate phenotype (0.3) if asked for, else the first
  const shown = pdl1Levels.includes(0.3) ? 0.3 : pdl1Levels[0];
  const svg = lineChartSvg({
    title: `Antigenicity needed for a distant response (best change ≤ −30 %), PD-L1 ${shown}`,
    xLabel: "infiltration",
    yLabel: "antigenicity threshold",
    yScale: "log",
    series: arms.map((a) => ({
      name: ARM_LABELS[a],
      x: INFILTRATION,
      y: series[`${a}, PD-L1 ${shown}`],
    })),
  });
  writeFileAtomic(`${out}/abscopal-thresholds.svg`, svg);
  writeFileAtomic(`${out}/abscopal-thresholds.png`, svgToPng(svg, { widthPx: 1000 }));
  console.log(`wrote ${out}/abscopal-thresholds.csv, .svg, .png`);
}

const INTERMEDIATE = { antigenicity: 0.5, infiltration: 0.4, pdl1_expression: 0.3 };

function diagnose(): void {
  const cache = new ModelCache();
  const days = [0, 7, 14, 30, 60, 90, 180, 365];
  console.log("Intermediate phenotype (antigenicity 0.5, infiltration 0.4, PD-L1 0.3), distant lesion:");
  for (const arm of Object.keys(ARMS) as Arm[]) {
    const t = simulatePatient(undefined, scenario(INTERMEDIATE, ARMS[arm]), { cache });
    if (t.status !== "success") throw new Error(`simulation failed: ${t.message}`);
    const c = t.columns;
    const D = Array.from(t.days);
    let year = 0;
    for (let i = 1; i < D.length; i++)
      year += 0.5 * (c.effector_output_cd8[i] + c.effector_output_cd8[i - 1]) * (D[i] - D[i - 1]);
    console.log(`\n${arm}: effector CD8 output over days 0-365 ${year.toExponential(3)} cells`);
    console.log(
      "day | diameter mm | effector output /day | H_mDC_LN | CD8 /mm3 | Treg /mm3 | CD8/(CD8+11 Treg) | 1-H_TGFb | 1-H_PD1 | 1-H_myeloid | kill per tumour cell /day",
    );
    for (const d of days) {
      const i = D.indexOf(d);
      const g = (n: string) => c[n][i];
      const cd8 = g("cd8_per_mm3_distant");
      const treg = g("treg_per_mm3_distant");
      console.log(
        [
          d,
          g("diameter_mm_distant").toFixed(1),
          g("effector_output_cd8").toExponential(2),
          g("H_mDC_LN").toFixed(3),
          cd8.toFixed(0),
          treg.toFixed(0),
          (cd8 / (cd8 + 11 * treg)).toFixed(3),
          (1 - g("H_TGFb_kill_distant")).toFixed(2),
          (1 - g("H_PD1_distant")).toFixed(2),
          (1 - g("H_myeloid_distant")).toFixed(2),
          (g("kill_cd8_distant") / g("tumour_cells_distant")).toFixed(4),
        ].join(" | "),
      );
    }
  }
  const fmt = (r: ArmResult) =>
    `${r.bestPct > 0 ? "+" : ""}${r.bestPct.toFixed(1)} % / ${r.d365.toFixed(1)} mm`;
  const phenotypes: Record<string, Record<string, number>> = {
    intermediate: INTERMEDIATE,
    "antigenicity 0.8, infiltration 0.4": { ...INTERMEDIATE, antigenicity: 0.8 },
  };
  const bounds: Record<string, Record<string, number>> = {
    "Treg homing −16 % (treg_infiltration 0.168)": { treg_infiltration: 0.168 },
    "Treg homing halved (treg_infiltration 0.1)": { treg_infiltration: 0.1 },
    "no Treg brake on killing (r_treg_kill 0)": { r_treg_kill: 0 },
    "no myeloid brake (i_myeloid 0)": { i_myeloid: 0 },
    "no TGF-β brake (K_TGFb_kill 1e9)": { K_TGFb_kill: 1e9 },
    "no Treg, myeloid or TGF-β brake": { r_treg_kill: 0, i_myeloid: 0, K_TGFb_kill: 1e9 },
    "memory capacity × 3 (Mem_max 3e6)": { Mem_max: 3e6 },
    "memory capacity × 10 (Mem_max 1e7)": { Mem_max: 1e7 },
  };
  console.log(
    "\nUpper bounds for cryo-specific systemic effects: the change applied for the whole year to the cryoablation arms only (best % change / day-365 diameter of the distant lesion)",
  );
  for (const [pn, ph] of Object.entries(phenotypes)) {
    const base = (a: Arm) => fmt(distantResponse(cache, ph, ARMS[a]));
    console.log(`${pn}: anti-PD-1 ${base("ici")}, cryo ${base("cryo")}, combo ${base("combo")}`);
    for (const [name, p] of Object.entries(bounds))
      console.log(
        `  ${name}: cryo ${fmt(distantResponse(cache, ph, ARMS.cryo, p))}, combo ${fmt(distantResponse(cache, ph, ARMS.combo, p))}`,
      );
  }
  console.log(
    "\nSynergy band at infiltration 0.4, PD-L1 0.3 (antigenicity thresholds; combination with the change in the cryo arms only):",
  );
  const ici04 = antigenicityThreshold(cache, 0.4, 0.3, ARMS.ici);
  const bandCases: Record<string, Record<string, number>> = {
    "as modelled": {},
    "Treg homing −16 % (treg_infiltration 0.168)": { treg_infiltration: 0.168 },
  };
  for (const [name, p] of Object.entries(bandCases)) {
    const combo04 = antigenicityThreshold(cache, 0.4, 0.3, ARMS.combo, p);
    console.log(
      `  ${name}: anti-PD-1 ${ici04.toFixed(3)}, combination ${combo04.toFixed(3)} (band ${(100 * (1 - combo04 / ici04)).toFixed(1)} % of the antigenicity)`,
    );
  }
  const everyArm: Record<string, Record<string, number>> = {
    "memory formation k_mem ÷ 30": { k_mem: 0.01 / 30 },
    "memory formation k_mem × 3": { k_mem: 0.03 },
    "naive CD8 clones × 2 (n_clones_cd8 184)": { n_clones_cd8: 184 },
    "naive CD8 clones × 2.5 (n_clones_cd8 230)": { n_clones_cd8: 230 },
  };
  console.log("\nThe same change in every arm, intermediate phenotype (none / cryo / anti-PD-1 / combo):");
  for (const [name, p] of Object.entries(everyArm))
    console.log(
      `  ${name}: ${(Object.keys(ARMS) as Arm[]).map((a) => fmt(distantResponse(cache, INTERMEDIATE, ARMS[a], p))).join("; ")}`,
    );
}

function map(): void {
  const pdl1Levels = arg("pdl1", "0.05,0.3,1").split(",").map(Number);
  const out = arg("out", "docs/figures");
  const prefix = arg("prefix", "abscopal-map");
  const paramsArg = arg("params", "");
  const params: Record<string, number> = {};
  for (const kv of paramsArg.split(",").filter(Boolean)) {
    const [k, v] = kv.split("=");
    params[k] = Number(v);
  }
  const cache = new ModelCache();
  const rows: Row[] = [];
  const started = performance.now();
  for (const pdl1 of pdl1Levels)
    for (const infiltration of INFILTRATION)
      for (const antigenicity of ANTIGENICITY) {
        const phenotype = { antigenicity, infiltration, pdl1_expression: pdl1 };
        const arms = {} as Record<Arm, ArmResult>;
        for (const arm of Object.keys(ARMS) as Arm[])
          arms[arm] = distantResponse(cache, phenotype, ARMS[arm], params);
        rows.push({ pdl1, antigenicity, infiltration, arms, cls: classify(arms) });
      }
  const seconds = (performance.now() - started) / 1000;
  const f = (x: number, d: number) => x.toFixed(d);
  const header = [
    "pdl1_expression",
    "antigenicity",
    "infiltration",
    ...(Object.keys(ARMS) as Arm[]).flatMap((a) => [`best_pct_${a}`, `nadir_day_${a}`, `d365_mm_${a}`]),
    "class",
  ];
  const lines = rows.map((r) =>
    [
      r.pdl1,
      r.antigenicity,
      r.infiltration,
      ...(Object.keys(ARMS) as Arm[]).flatMap((a) => [
        f(r.arms[a].bestPct, 2),
        r.arms[a].nadirDay,
        f(r.arms[a].d365, 2),
      ]),
      r.cls,
    ].join(","),
  );
  const csv = `${header.join(",")}\n${lines.join("\n")}\n`;
  const paramNote = Object.keys(params).length
    ? ` (${Object.entries(params)
        .map(([k, v]) => `${k} = ${v}`)
        .join(", ")})`
    : "";
  const svg = heatMapSvg(
    rows,
    `Distant (untreated) lesion: which arm gives a response? NSCLC, 2 lesions, 365 days${paramNote}`,
  );
  writeFileAtomic(`${out}/${prefix}.csv`, csv);
  writeFileAtomic(`${out}/${prefix}.svg`, svg);
  writeFileAtomic(`${out}/${prefix}.png`, svgToPng(svg, { widthPx: 1000 * pdl1Levels.length }));
  const counts: Record<string, number> = {};
  for (const r of rows) {
    const key = `pdl1 ${r.pdl1}: ${r.cls}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  console.log(`${rows.length} cells × 4 arms in ${seconds.toFixed(1)} s (wall)${paramNote}`);
  for (const [k, v] of Object.entries(counts).sort()) console.log(`  ${k}: ${v}`);
  console.log(`wrote ${out}/${prefix}.csv, .svg, .png`);
}

if (process.argv.includes("--thresholds")) thresholds();
else if (process.argv.includes("--diagnose")) diagnose();
else map();
