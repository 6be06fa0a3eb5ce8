/**
 * SVG → PNG with resvg (Rust, no browser). Fonts: the system's (DejaVu Sans on Debian) so that text
 * renders the same on every machine that has the fonts-dejavu-core package.
 */
import { Resvg } from "@resvg/resvg-js";

export function svgToPng(svg: string, options: { widthPx?: number } = {}): Uint8Array {
  const resvg = new Resvg(svg, {
    background: "white",
    fitTo: options.widthPx ? { mode: "width", value: options.widthPx } : { mode: "zoom", value: 2 },
    font: { loadSystemFonts: true, defaultFontFamily: "DejaVu Sans", sansSerifFamily: "DejaVu Sans" },
  });
  return resvg.render().asPng();
}
