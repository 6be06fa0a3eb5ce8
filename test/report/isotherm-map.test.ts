/**
 * The isotherm map's title and legend must stay inside the picture: rendered at several widths, the
 * band above the chart has blank right-most pixel columns, and every legend label is drawn (title and
 * legend wrap onto further rows when the picture is narrow).
 */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Resvg } from "@resvg/resvg-js";
import { isothermMapSvg } from "../../src/report/isotherm-map.js";
import { runThermalPlan } from "../../src/thermal/plan.js";

const run = runThermalPlan({
  tissue: "generic",
  tumour: { centreMm: [0, 0, 0], diameterMm: 20, marginMm: 5 },
  probes: [{ model: "argon-2.4", tipMm: [0, 0, 20], direction: [0, 0, 1] }],
  protocol: [{ freezeMin: 1 }],
  resolutionMm: 2,
});

/** RGBA pixels of the SVG at scale 1 and the y of the chart's top (the legend lies above it). */
function render(svg: string): { pixels: Uint8Array; width: number; height: number } {
  const r = new Resvg(svg, {
    background: "white",
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
  }).render();
  return { pixels: r.pixels, width: r.width, height: r.height };
}

describe("isotherm map legend", () => {
  for (const widthPx of [640, 420, 300]) {
    it(`fits inside a ${widthPx} px picture`, () => {
      const svg = isothermMapSvg(run, { widthPx, samples: 40 });
      const top = Number(/translate\(0,(\d+)\)/.exec(svg)?.[1]);
      assert.ok(top > 30, `legend band height ${top}`);
      const { pixels, width } = render(svg);
      assert.equal(width, widthPx);
      let inked = 0;
      for (let y = 0; y < top; y++)
        for (let x = width - 6; x < width; x++) {
          const o = 4 * (y * width + x);
          if (pixels[o] < 200 || pixels[o + 1] < 200 || pixels[o + 2] < 200) inked++;
        }
      assert.equal(inked, 0, "title or legend ink in the right-most 6 px columns (clipped text)");
      for (const label of ["0 °C (lowest reached)", "−20 °C", "−40 °C", "tumour", "margin"])
        assert.ok(svg.includes(`>${label}</text>`), `legend label ${label}`);
      const rows = new Set([...svg.matchAll(/<line x1="[\d.]+" y1="(\d+)"/g)].map((m) => m[1]));
      if (widthPx <= 300) assert.ok(rows.size >= 2, "a narrow picture wraps the legend");
    });
  }
});

describe("isotherm map of a heat ablation", () => {
  it("draws the highest temperature reached (50 / 60 °C contours), not the cold isotherms", () => {
    const heat = runThermalPlan({
      tissue: "liver",
      probes: [{ model: "rfa-1.5", tipMm: [0, 0, 15] }],
      protocol: [{ heatMin: 4 }],
      resolutionMm: 1,
    });
    const svg = isothermMapSvg(heat, { samples: 80 });
    assert.ok(svg.includes(">50 °C (highest reached)</text>") && svg.includes(">60 °C</text>"));
    assert.ok(!svg.includes("−40 °C"));
    const paths = [...svg.matchAll(/<path[^>]*stroke="#fdae61"[^>]*d="([^"]+)"/g)].map((m) => m[1]);
    const g = [...svg.matchAll(/<g[^>]*stroke="#fdae61"[^>]*>\s*<path d="([^"]+)"/g)].map((m) => m[1]);
    assert.ok(
      paths.length + g.length > 0 && [...paths, ...g].some((d) => d.length > 20),
      "a 50 °C contour path",
    );
  });
});
