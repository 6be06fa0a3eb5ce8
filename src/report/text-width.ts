/**
 * Approximate advance width of `text` in DejaVu Sans (the font the plots are drawn and rasterised with)
 * at `fontPx`: about 0.62 em per character on average, more for capitals and symbols, less for narrow
 * glyphs. Used to lay legends and titles out without clipping.
 */
export function textWidth(text: string, fontPx: number): number {
  let em = 0;
  for (const ch of text) em += /[A-Z°−×]/.test(ch) ? 0.75 : /[il.,:'()| ]/.test(ch) ? 0.36 : 0.62;
  return em * fontPx;
}
