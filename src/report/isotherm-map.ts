/**
 * Isotherm map of an ablation: a cut through the probe axis (the plane through the probes' mean tip
 * holding the mean probe direction and, with several probes, the direction between the first two; probes
 * off the plane are drawn projected onto it), showing the lowest temperature each point
 * reached as its 0 / −20 / −40 °C isotherms (what cell death depends on), the tumour outline and its
 * margin, and the probes. SVG with Observable Plot.
 */
import * as Plot from "@observablehq/plot";
import { ellipsoidRadius } from "../thermal/ablation-geometry.js";
import type { Vec3 } from "../thermal/field-sampler.js";
import {
  axisymmetricSampler,
  cartesianSampler,
  normalise,
  perpendicularBasis,
} from "../thermal/field-sampler.js";
import type { ThermalRun } from "../thermal/plan.js";
import { describeProtocol } from "../thermal/protocol.js";
import { chartDocument, toStandaloneSvg } from "./dom.js";
import { textWidth } from "./text-width.js";

export interface IsothermMapOptions {
  widthPx?: number;
  /** Raster resolution of the cut (samples across), default 160. */
  samples?: number;
}

const ISO_COLOURS: Record<string, string> = {
  "0": "#2b8cbe",
  "-20": "#7b3294",
  "-40": "#d7191c",
  "50": "#fdae61",
  "60": "#a50026",
};

export function isothermMapSvg(run: ThermalRun, options: IsothermMapOptions = {}): string {
  const { simulation: sim, setup } = run;
  const probes = setup.probes;
  const axis = normalise(
    probes.reduce<Vec3>(
      (a, p) => [a[0] + p.direction[0], a[1] + p.direction[1], a[2] + p.direction[2]],
      [0, 0, 0],
    ),
  );
  let u = perpendicularBasis(axis)[0];
  if (probes.length >= 2) {
    const d: Vec3 = [0, 1, 2].map((k) => probes[1].tip[k] - probes[0].tip[k]) as Vec3;
    const along = d[0] * axis[0] + d[1] * axis[1] + d[2] * axis[2];
    const perp: Vec3 = [d[0] - along * axis[0], d[1] - along * axis[1], d[2] - along * axis[2]];
    if (Math.hypot(...perp) > 1e-9) u = normalise(perp);
  }
  // the cut passes through the probes' mean tip position; within the plane it is centred on the domain
  const mean: Vec3 = [0, 1, 2].map((k) => probes.reduce((a, p) => a + p.tip[k], 0) / probes.length) as Vec3;
  const mid: Vec3 = [0, 1, 2].map((k) => (sim.sampler.min[k] + sim.sampler.max[k]) / 2 - mean[k]) as Vec3;
  const du = mid[0] * u[0] + mid[1] * u[1] + mid[2] * u[2];
  const da = mid[0] * axis[0] + mid[1] * axis[1] + mid[2] * axis[2];
  const centre: Vec3 = [0, 1, 2].map((k) => mean[k] + du * u[k] + da * axis[k]) as Vec3;
  // extents of the cut: half-sizes along u and axis from the domain box
  const half = (dir: Vec3) =>
    0.5 * [0, 1, 2].reduce((a, k) => a + Math.abs(dir[k]) * (sim.sampler.max[k] - sim.sampler.min[k]), 0);
  const hu = half(u);
  const ha = half(axis);
  const nsU = options.samples ?? 160;
  const nsA = Math.max(2, Math.round((nsU * ha) / hu));
  const minT = new Float64Array(nsU * nsA);
  const tumourR = new Float64Array(nsU * nsA);
  const marginR = new Float64Array(nsU * nsA);
  const g = sim.grid;
  // cryo: the lowest temperature each point reached (0/−20/−40 °C); heat: the highest (50/60 °C, the
  // outcome's heat isotherms)
  const heat = run.outcome.modality !== "cryo";
  const extreme = heat ? sim.history.tMax : sim.history.tMin;
  const isotherms = heat ? [50, 60] : [0, -20, -40];
  const minSampler =
    g.kind === "axisymmetric2d" ? axisymmetricSampler(g, extreme, sim.axis) : cartesianSampler(g, extreme);
  for (let b = 0; b < nsA; b++) {
    for (let a = 0; a < nsU; a++) {
      const s = -hu + ((a + 0.5) * 2 * hu) / nsU;
      const t = ha - ((b + 0.5) * 2 * ha) / nsA;
      const p: Vec3 = [0, 1, 2].map((k) => centre[k] + s * u[k] + t * axis[k]) as Vec3;
      const idx = a + nsU * b;
      minT[idx] = minSampler.at(p);
      tumourR[idx] = setup.tumour ? ellipsoidRadius(setup.tumour, p, 0) : 2;
      marginR[idx] = setup.tumour ? ellipsoidRadius(setup.tumour, p, setup.tumour.margin) : 2;
    }
  }
  const mmU = (s: number) => s * 1e3;
  const grid = { width: nsU, height: nsA, x1: mmU(-hu), x2: mmU(hu), y1: mmU(ha), y2: mmU(-ha) };
  const marks: Plot.Markish[] = [Plot.frame({ stroke: "#999" })];
  for (const iso of isotherms) {
    marks.push(
      Plot.contour(Array.from(minT), {
        ...grid,
        thresholds: [iso + 1e-9],
        stroke: ISO_COLOURS[String(iso)],
        strokeWidth: 2,
      }),
    );
  }
  if (setup.tumour) {
    marks.push(
      Plot.contour(Array.from(tumourR), { ...grid, thresholds: [1], stroke: "black", strokeWidth: 2 }),
    );
    marks.push(
      Plot.contour(Array.from(marginR), {
        ...grid,
        thresholds: [1],
        stroke: "black",
        strokeWidth: 1.2,
        strokeDasharray: "5,4",
      }),
    );
  }
  const probeLines: { x: number; y: number; probe: number }[] = [];
  probes.forEach((p, q) => {
    const len = p.model.activeLengthMm.value * 1e-3;
    for (const back of [len + 0.02, 0]) {
      const pt: Vec3 = [0, 1, 2].map((k) => p.tip[k] - back * p.direction[k] - centre[k]) as Vec3;
      probeLines.push({
        x: mmU(pt[0] * u[0] + pt[1] * u[1] + pt[2] * u[2]),
        y: mmU(pt[0] * axis[0] + pt[1] * axis[1] + pt[2] * axis[2]),
        probe: q,
      });
    }
  });
  marks.push(
    Plot.line(probeLines, { x: "x", y: "y", z: "probe", stroke: "#333", strokeWidth: 3, clip: true }),
  );
  const legend = [
    ...isotherms.map((iso, i) => ({
      label: `${String(iso).replace("-", "−")} °C${i === 0 ? (heat ? " (highest reached)" : " (lowest reached)") : ""}`,
      colour: ISO_COLOURS[String(iso)],
    })),
    ...(setup.tumour
      ? [
          { label: "tumour", colour: "black" },
          { label: "margin", colour: "black", dash: "5,4" },
        ]
      : []),
  ];
  const width = options.widthPx ?? 640;
  const height = Math.round(((width - 75) * ha) / hu) + 60;
  const chart = Plot.plot({
    document: chartDocument(),
    width,
    height,
    marginLeft: 55,
    marginRight: 20,
    marginBottom: 40,
    style: { fontFamily: "DejaVu Sans, sans-serif", fontSize: "12px", background: "white" },
    x: { label: "across the probe axis (mm)", domain: [mmU(-hu), mmU(hu)] },
    y: { label: "along the probe axis (mm)", domain: [mmU(-ha), mmU(ha)] },
    marks,
  });
  const svg = toStandaloneSvg(chart as unknown as Element);
  return addLegend(svg, legend, run.outcome.modality === "cryo" ? titleOf(run) : `${titleOf(run)} (heat)`);
}

function titleOf(run: ThermalRun): string {
  const p = run.plan;
  const protocol = typeof p.protocol === "string" ? p.protocol : describeProtocol(run.setup.steps);
  return `${p.tissue}, ${p.probes.length} × ${p.probes[0].model}, protocol ${protocol}`;
}

/**
 * Wraps the chart with a title and a legend (plain SVG). The title wraps at spaces and the legend items
 * (placed one after the other by their text width) wrap onto further rows rather than run past the
 * right edge.
 */
function addLegend(
  svg: string,
  items: { label: string; colour: string; dash?: string }[],
  title: string,
): string {
  const head = /<svg[^>]*>/.exec(svg)?.[0] ?? "";
  const w = Number(/\swidth="(\d+(?:\.\d+)?)"/.exec(head)?.[1] ?? 640);
  const h = Number(/\sheight="(\d+(?:\.\d+)?)"/.exec(head)?.[1] ?? 640);
  const inner = svg.replace(/^<\?xml[^>]*>\s*/, "");
  // title: bold 14 px (wider glyphs: ×1.1), wrapped at spaces onto further lines of 18 px
  const titleLines: string[] = [];
  for (const word of title.split(" ")) {
    const last = titleLines.length - 1;
    const candidate = last >= 0 ? `${titleLines[last]} ${word}` : word;
    if (last >= 0 && 1.1 * textWidth(candidate, 14) > w - 20) titleLines.push(word);
    else if (last >= 0) titleLines[last] = candidate;
    else titleLines.push(word);
  }
  const titleSvg = titleLines
    .map(
      (line, i) =>
        `<text x="10" y="${18 + 18 * i}" font-size="14" font-weight="bold" font-family="DejaVu Sans, sans-serif">${escapeXml(line)}</text>`,
    )
    .join("");
  const fontPx = 11;
  const rowH = 16;
  const parts: string[] = [];
  let x = 10;
  let y = 36 + 18 * (titleLines.length - 1);
  for (const it of items) {
    const itemW = 27 + textWidth(it.label, fontPx);
    if (x > 10 && x + itemW > w - 10) {
      x = 10;
      y += rowH;
    }
    const dash = it.dash ? ` stroke-dasharray="${it.dash}"` : "";
    parts.push(
      `<line x1="${x}" y1="${y}" x2="${x + 22}" y2="${y}" stroke="${it.colour}" stroke-width="${it.dash ? 1.5 : 3}"${dash}/><text x="${x + 27}" y="${y + 4}" font-size="${fontPx}" font-family="DejaVu Sans, sans-serif">${escapeXml(it.label)}</text>`,
    );
    x += Math.ceil(itemW + 18);
  }
  const top = y + 12;
  const legend = parts.join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h + top}" viewBox="0 0 ${w} ${h + top}"><rect width="100%" height="100%" fill="white"/>${titleSvg}${legend}<g transform="translate(0,${top})">${inner}</g></svg>`;
}

function escapeXml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
