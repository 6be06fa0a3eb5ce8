/**
 * Units: parsing and dimensional analysis. A unit is a scale and a vector of exponents over the base
 * dimensions time (day), length (m), mass (kg), amount (molecule; mol = 6.02214076e23 molecule),
 * cell (cell) and temperature (K); a value v in the unit is v·scale in base units.
 *
 * Syntax: products and quotients of atoms with optional integer or decimal powers and parentheses,
 * e.g. "cell", "1/day", "cell/day", "nmol/L", "mL", "mm^3", "pg/mL", "molecule/um^2",
 * "1/(uM*s)", "L/day/kg", "1" (dimensionless). SI prefixes (f p n u µ m c d k M G T) apply to
 * s, m, L, g, mol, M (molar).
 * Browser-safe.
 */
import { InputError } from "../errors.js";

export const DIMENSIONS = ["day", "m", "kg", "molecule", "cell", "K"] as const;
export type Dims = readonly [number, number, number, number, number, number];

export interface Unit {
  scale: number;
  dims: Dims;
}

const D0: Dims = [0, 0, 0, 0, 0, 0];
const dims = (i: number, e = 1): Dims => D0.map((v, k) => (k === i ? e : v)) as unknown as Dims;
const u = (scale: number, d: Dims): Unit => ({ scale, dims: d });

export const AVOGADRO = 6.02214076e23;
export const DIMENSIONLESS: Unit = u(1, D0);

/** Atoms accepted without prefix. */
const ATOMS: Record<string, Unit> = {
  "1": DIMENSIONLESS,
  dimensionless: DIMENSIONLESS,
  "%": u(0.01, D0),
  percent: u(0.01, D0),
  s: u(1 / 86400, dims(0)),
  sec: u(1 / 86400, dims(0)),
  second: u(1 / 86400, dims(0)),
  min: u(1 / 1440, dims(0)),
  minute: u(1 / 1440, dims(0)),
  h: u(1 / 24, dims(0)),
  hr: u(1 / 24, dims(0)),
  hour: u(1 / 24, dims(0)),
  d: u(1, dims(0)),
  day: u(1, dims(0)),
  week: u(7, dims(0)),
  wk: u(7, dims(0)),
  year: u(365.25, dims(0)),
  yr: u(365.25, dims(0)),
  m: u(1, dims(1)),
  meter: u(1, dims(1)),
  metre: u(1, dims(1)),
  L: u(1e-3, dims(1, 3)),
  l: u(1e-3, dims(1, 3)),
  liter: u(1e-3, dims(1, 3)),
  litre: u(1e-3, dims(1, 3)),
  g: u(1e-3, dims(2)),
  gram: u(1e-3, dims(2)),
  mol: u(AVOGADRO, dims(3)),
  mole: u(AVOGADRO, dims(3)),
  molecule: u(1, dims(3)),
  molecules: u(1, dims(3)),
  item: u(1, dims(3)),
  M: u(AVOGADRO / 1e-3, [0, -3, 0, 1, 0, 0]),
  molar: u(AVOGADRO / 1e-3, [0, -3, 0, 1, 0, 0]),
  cell: u(1, dims(4)),
  cells: u(1, dims(4)),
  K: u(1, dims(5)),
  kelvin: u(1, dims(5)),
  J: u(1 / 86400 ** 2, [-2, 2, 1, 0, 0, 0]),
  W: u(1 / 86400 ** 3, [-3, 2, 1, 0, 0, 0]),
  Pa: u(1 / 86400 ** 2, [-2, -1, 1, 0, 0, 0]),
};

const PREFIXES: Record<string, number> = {
  f: 1e-15,
  p: 1e-12,
  n: 1e-9,
  u: 1e-6,
  µ: 1e-6,
  μ: 1e-6,
  m: 1e-3,
  c: 1e-2,
  d: 1e-1,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
};
const PREFIXABLE = new Set(["s", "m", "L", "l", "g", "mol", "M", "J", "W", "Pa"]);

export function multiply(a: Unit, b: Unit): Unit {
  return u(a.scale * b.scale, a.dims.map((v, i) => v + b.dims[i]) as unknown as Dims);
}
export function divide(a: Unit, b: Unit): Unit {
  return u(a.scale / b.scale, a.dims.map((v, i) => v - b.dims[i]) as unknown as Dims);
}
export function power(a: Unit, e: number): Unit {
  return u(a.scale ** e, a.dims.map((v) => v * e) as unknown as Dims);
}
export function sameDimension(a: Unit, b: Unit): boolean {
  return a.dims.every((v, i) => Math.abs(v - b.dims[i]) < 1e-12);
}
export function isDimensionless(a: Unit): boolean {
  return a.dims.every((v) => Math.abs(v) < 1e-12);
}

/** Readable base-dimension form, e.g. "cell/day", "molecule/(m^2·day)", "1". Scale is not shown. */
export function formatDims(d: Dims): string {
  const pos: string[] = [];
  const neg: string[] = [];
  d.forEach((e, i) => {
    if (Math.abs(e) < 1e-12) return;
    const name = DIMENSIONS[i];
    const mag = Math.abs(e);
    const text = mag === 1 ? name : `${name}^${Number(mag.toFixed(6))}`;
    (e > 0 ? pos : neg).push(text);
  });
  const num = pos.length ? pos.join("·") : "1";
  if (!neg.length) return num;
  return `${num}/${neg.length > 1 ? `(${neg.join("·")})` : neg[0]}`;
}

class UnitParser {
  private i = 0;
  constructor(private readonly text: string) {}

  private skip(): void {
    while (this.text[this.i] === " ") this.i++;
  }
  private fail(expected: string): never {
    throw new InputError("unit", this.text, `${expected} at column ${this.i + 1}`);
  }
  parse(): Unit {
    this.skip();
    if (this.i >= this.text.length) this.fail("a unit");
    const out = this.expr();
    this.skip();
    if (this.i < this.text.length) this.fail('"*", "/" or the end of the unit');
    return out;
  }
  private expr(): Unit {
    let acc = this.term();
    for (;;) {
      this.skip();
      const c = this.text[this.i];
      if (c === "*" || c === "·" || c === ".") {
        this.i++;
        acc = multiply(acc, this.term());
      } else if (c === "/") {
        this.i++;
        acc = divide(acc, this.term());
      } else return acc;
    }
  }
  private term(): Unit {
    const base = this.factor();
    this.skip();
    if (this.text[this.i] !== "^") return base;
    this.i++;
    this.skip();
    const m = /^(\(-?\d+(?:\.\d+)?\)|-?\d+(?:\.\d+)?)/.exec(this.text.slice(this.i));
    if (!m) this.fail("a number after ^");
    this.i += m[0].length;
    return power(base, Number(m[0].replace(/[()]/g, "")));
  }
  private factor(): Unit {
    this.skip();
    if (this.text[this.i] === "(") {
      this.i++;
      const inner = this.expr();
      this.skip();
      if (this.text[this.i] !== ")") this.fail('")"');
      this.i++;
      return inner;
    }
    const m = /^(?:1|%|[A-Za-zµμ_]+)/.exec(this.text.slice(this.i));
    if (!m) this.fail("a unit name");
    const atom = lookupAtom(m[0]);
    if (!atom)
      throw new InputError("unit", this.text, `known unit names (unknown "${m[0]}" at column ${this.i + 1})`);
    this.i += m[0].length;
    return atom;
  }
}

function lookupAtom(name: string): Unit | undefined {
  const exact = ATOMS[name];
  if (exact) return exact;
  for (const [prefix, factor] of Object.entries(PREFIXES)) {
    if (!name.startsWith(prefix)) continue;
    const rest = name.slice(prefix.length);
    if (PREFIXABLE.has(rest)) return u(ATOMS[rest].scale * factor, ATOMS[rest].dims);
  }
  return undefined;
}

/** Parse a unit string; InputError (field "unit") naming the text and the column on failure. */
export function parseUnit(text: string): Unit {
  if (typeof text !== "string") throw new InputError("unit", text, 'a unit written as text, e.g. "cell/day"');
  return new UnitParser(text).parse();
}

/** Factor converting a value in unit `from` to unit `to` (InputError when the dimensions differ). */
export function conversionFactor(from: string, to: string): number {
  const a = parseUnit(from);
  const b = parseUnit(to);
  if (!sameDimension(a, b)) {
    throw new InputError(
      "unit",
      from,
      `a unit convertible to ${to} (${formatDims(b.dims)}), got dimension ${formatDims(a.dims)}`,
    );
  }
  return a.scale / b.scale;
}
