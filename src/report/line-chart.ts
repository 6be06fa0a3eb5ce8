/**
 * Line charts (time courses) as SVG, with Observable Plot. One series per named line; optional log
 * y-axis; optional vertical markers (doses, ablation).
 */
import * as Plot from "@observablehq/plot";
import { chartDocument, toStandaloneSvg } from "./dom.js";
import { textWidth } from "./text-width.js";

export interface LineSeries {
  name: string;
  x: ArrayLike<number>;
  y: ArrayLike<number>;
}

export interface LineChartSpec {
  title: string;
  xLabel: string;
  yLabel: string;
  series: LineSeries[];
  yScale?: "linear" | "log";
  /** Fixed y-axis range (default: the data's extent). */
  yDomain?: [number, number];
  /** Vertical rules at these x values (e.g. dose days), with an optional label. */
  markers?: { x: number; label?: string }[];
  /**
   * Horizontal reference lines (e.g. a 70 % occupancy threshold); the label sits above the line at the
   * right edge, or below it with `labelBelow` (when a series runs just above the line).
   */
  references?: { y: number; label?: string; labelBelow?: boolean }[];
  widthPx?: number;
  heightPx?: number;
}

export function lineChartSvg(spec: LineChartSpec): string {
  const rows: { x: number; y: number; series: string }[] = [];
  for (const s of spec.series) {
    if (s.x.length !== s.y.length)
      throw new Error(`series ${s.name}: x has ${s.x.length} points, y has ${s.y.length}`);
    for (let i = 0; i < s.x.length; i++) {
      const y = s.y[i];
      if (!Number.isFinite(y) || (spec.yScale === "log" && y <= 0)) continue;
      rows.push({ x: s.x[i], y, series: s.name });
    }
  }
  const marks: Plot.Markish[] = [Plot.frame({ stroke: "#ccc" })];
  for (const m of spec.markers ?? []) {
    marks.push(Plot.ruleX([m.x], { stroke: "#999", strokeDasharray: "3,3" }));
    if (m.label)
      marks.push(
        Plot.text([m], {
          x: "x",
          frameAnchor: "top",
          textAnchor: "start",
          text: "label",
          dx: 4,
          dy: 8,
          fill: "#666",
        }),
      );
  }
  for (const r of spec.references ?? []) {
    marks.push(Plot.ruleY([r.y], { stroke: "#c33", strokeDasharray: "4,2" }));
    if (r.label)
      marks.push(
        Plot.text([r], {
          y: "y",
          frameAnchor: "right",
          text: "label",
          dy: r.labelBelow ? 8 : -6,
          fill: "#c33",
        }),
      );
  }
  marks.push(Plot.line(rows, { x: "x", y: "y", stroke: "series", strokeWidth: 1.8 }));
  const width = spec.widthPx ?? 720;
  const plotHeight = spec.heightPx ?? 400;
  const names = spec.series.map((s) => s.name);
  const chart = Plot.plot({
    document: chartDocument(),
    width,
    height: plotHeight,
    marginLeft: 70,
    style: { fontFamily: "DejaVu Sans, sans-serif", fontSize: "12px", background: "white" },
    x: { label: spec.xLabel, grid: true },
    y: {
      label: spec.yLabel,
      grid: true,
      type: spec.yScale ?? "linear",
      ...(spec.yDomain ? { domain: spec.yDomain } : {}),
    },
    color: { domain: names, range: names.map(seriesColor) },
    marks,
  });
  return framedSvg(spec.title, chart as unknown as Element, width, plotHeight, names);
}

/** Categorical colours (Observable 10), cycled. */
const PALETTE = [
  "#4269d0",
  "#efb118",
  "#ff725c",
  "#6cc5b0",
  "#3ca951",
  "#ff8ab7",
  "#a463f2",
  "#97bbf5",
  "#9c6b4e",
  "#9498a0",
];

export function seriesColor(_name: string, index: number): string {
  return PALETTE[index % PALETTE.length];
}

/**
 * A standalone SVG: the title above, the plot, and a legend below (when there is more than one series),
 * its items placed one after the other by text width and wrapped onto further rows before the right edge.
 */
function framedSvg(title: string, plot: Element, width: number, plotHeight: number, names: string[]): string {
  const titleHeight = 28;
  const fontPx = 12;
  const placed: { name: string; x: number; row: number }[] = [];
  if (names.length > 1) {
    let x = 70;
    let row = 0;
    for (const name of names) {
      const itemWidth = 20 + textWidth(name, fontPx);
      if (x > 70 && x + itemWidth > width - 10) {
        x = 70;
        row++;
      }
      placed.push({ name, x, row });
      x += Math.ceil(itemWidth + 24);
    }
  }
  const legendRows = placed.length > 0 ? placed[placed.length - 1].row + 1 : 0;
  const legendHeight = legendRows * 20 + (legendRows > 0 ? 8 : 0);
  const height = titleHeight + plotHeight + legendHeight;
  const inner = toStandaloneSvg(plot)
    .replace(/^<\?xml[^>]*>\s*/, "")
    .replace("<svg", `<svg x="0" y="${titleHeight}"`);
  const legend = placed
    .map(({ name, x, row }, i) => {
      const y = titleHeight + plotHeight + 14 + row * 20;
      return `<rect x="${x}" y="${y - 9}" width="14" height="10" fill="${seriesColor(name, i)}"/><text x="${x + 20}" y="${y}" font-size="${fontPx}">${escapeXml(name)}</text>`;
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="DejaVu Sans, sans-serif"><rect width="100%" height="100%" fill="white"/><text x="${width / 2}" y="19" text-anchor="middle" font-size="15" font-weight="bold">${escapeXml(title)}</text>${inner}${legend}</svg>
`;
}

export function escapeXml(text: string): string {
  return text.replace(
    /[<>&"']/g,
    (c) => ({ "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" })[c] ?? c,
  );
}
