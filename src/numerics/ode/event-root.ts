/**
 * Locates the zero of an event function on the dense output of one step by the Illinois variant of
 * regula falsi (Dowell & Jarratt 1971): superlinear, always bracketing. Returns the right end of the final
 * bracket, so the located time is on the far side of the crossing (the event cannot fire twice).
 */
export function findRootIllinois(
  g: (t: number) => number,
  a: number,
  ga: number,
  b: number,
  gb: number,
): number {
  if (gb === 0) return b;
  let side = 0;
  for (let iter = 0; iter < 200; iter++) {
    const width = b - a;
    if (width <= 4 * 2.220446049250313e-16 * Math.max(Math.abs(a), Math.abs(b), 1e-300)) break;
    let c = (a * gb - b * ga) / (gb - ga);
    // keep the secant point strictly inside; fall back to bisection when it is not
    if (!(c > a && c < b)) c = 0.5 * (a + b);
    const gc = g(c);
    if (gc === 0) return c;
    if (gc > 0 === gb > 0) {
      b = c;
      gb = gc;
      if (side === 1) ga *= 0.5;
      side = 1;
    } else {
      a = c;
      ga = gc;
      if (side === -1) gb *= 0.5;
      side = -1;
    }
  }
  return b;
}
