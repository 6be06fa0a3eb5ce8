/**
 * The regimen grammar users type, e.g.
 *   240 mg q2w
 *   3 mg/kg q3w x4
 *   1200 mg q3w from day 7 over 60 min
 *   nivolumab 1 mg/kg + ipilimumab 3 mg/kg q3w x4, then nivolumab 480 mg q4w
 *
 *   regimen   := phase ( ("," | ";")? "then" phase )*
 *   phase     := component ( "+" component )*
 *   component := drug? amount ("mg" | "mg/kg") schedule? modifier*
 *   schedule  := "q" N ("w" | "d")  |  "every" N ("weeks" | "days")  |  "once"
 *   modifier  := "x" N  |  "from day" D  |  "over" T ("min" | "h")
 *
 * A component written without a schedule takes the schedule and modifiers it did not write from the
 * last component of its phase ("A 1 mg/kg + B 3 mg/kg q3w x4": both every 3 weeks, 4 doses). A phase
 * after "then" starts when the previous phase's last dose interval ends, unless it says "from day".
 * Parsing gives a typed AST; printRegimen writes it back so that parse(print(r)) equals r.
 * Browser-safe.
 */
import { InputError } from "../errors.js";

export type DoseUnit = "mg" | "mg/kg";

export type DosingSchedule = { kind: "once" } | { kind: "every"; n: number; unit: "week" | "day" };

export interface RegimenComponent {
  /** Lower-case drug name; absent when the regimen names no drug (the caller supplies one). */
  drug?: string;
  amount: number;
  unit: DoseUnit;
  schedule: DosingSchedule;
  /** Number of doses ("x4"); absent: repeat until the end of the simulation. */
  count?: number;
  /** Absolute day of the first dose ("from day 7"). */
  fromDay?: number;
  /** Infusion duration ("over 30 min"); absent: a bolus. */
  infusion?: { value: number; unit: "min" | "h" };
}

export interface RegimenPhase {
  components: RegimenComponent[];
}

export interface Regimen {
  phases: RegimenPhase[];
}

/** A syntax error in a regimen: the InputError message shows the text with a caret under `column`. */
export class RegimenSyntaxError extends InputError {
  constructor(
    text: string,
    /** 1-based column where parsing stopped. */
    readonly column: number,
    expected: string,
    found: string,
  ) {
    super(
      "regimen",
      text,
      `${expected} at column ${column} (found ${found})`,
      `\n  ${text}\n  ${" ".repeat(Math.max(0, column - 1))}^`,
    );
  }
}

type TokenKind = "number" | "word" | "+" | "," | ";" | "/" | "end";

interface Token {
  kind: TokenKind;
  text: string;
  /** 0-based offset in the input. */
  start: number;
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const number = /^\d+(?:\.\d+)?/.exec(text.slice(i));
    if (number) {
      tokens.push({ kind: "number", text: number[0], start: i });
      i += number[0].length;
      continue;
    }
    const word = /^[A-Za-z][A-Za-z0-9_-]*/.exec(text.slice(i));
    if (word) {
      tokens.push({ kind: "word", text: word[0], start: i });
      i += word[0].length;
      continue;
    }
    if (c === "+" || c === "," || c === ";" || c === "/") {
      tokens.push({ kind: c, text: c, start: i });
      i++;
      continue;
    }
    throw new RegimenSyntaxError(text, i + 1, "a number, a word, '+', ',' or 'then'", JSON.stringify(c));
  }
  tokens.push({ kind: "end", text: "", start: text.length });
  return tokens;
}

const KEYWORDS = new Set(["once", "every", "from", "over", "then", "mg", "day", "days", "x"]);

function isKeyword(word: string): boolean {
  const w = word.toLowerCase();
  return KEYWORDS.has(w) || /^q\d+[wd]$/.test(w) || /^x\d+$/.test(w);
}

interface PartialComponent {
  drug?: string;
  amount: number;
  unit: DoseUnit;
  schedule?: DosingSchedule;
  count?: number;
  fromDay?: number;
  infusion?: { value: number; unit: "min" | "h" };
  /** Offset of the token after the component, for "expected a schedule" errors. */
  end: number;
}

class RegimenParser {
  private pos = 0;
  private readonly tokens: Token[];

  constructor(private readonly text: string) {
    this.tokens = tokenize(text);
  }

  parse(): Regimen {
    if (this.peek().kind === "end") this.fail('a regimen such as "240 mg q2w"');
    const phases = [this.phase()];
    for (;;) {
      const t = this.peek();
      if (t.kind === "," || t.kind === ";") {
        this.pos++;
        this.expectWord("then", "'then' after ',' (e.g. \", then nivolumab 480 mg q4w\")");
      } else if (t.kind === "word" && t.text.toLowerCase() === "then") {
        this.pos++;
      } else break;
      phases.push(this.phase());
    }
    if (this.peek().kind !== "end") this.fail("'+', ', then' or the end of the regimen");
    return { phases };
  }

  private phase(): RegimenPhase {
    const parts = [this.component()];
    while (this.peek().kind === "+") {
      this.pos++;
      parts.push(this.component());
    }
    const last = parts[parts.length - 1];
    if (!last.schedule) this.failAt(last.end, "a schedule such as q2w, q21d or once");
    const components = parts.map((p): RegimenComponent => {
      // A component without its own schedule takes what it did not write from the phase's last one.
      const source = p.schedule ? p : { ...last, ...definedOnly(p) };
      const c: RegimenComponent = {
        ...(p.drug !== undefined ? { drug: p.drug } : {}),
        amount: p.amount,
        unit: p.unit,
        schedule: source.schedule as DosingSchedule,
      };
      if (source.count !== undefined) c.count = source.count;
      if (source.fromDay !== undefined) c.fromDay = source.fromDay;
      if (source.infusion !== undefined) c.infusion = source.infusion;
      if (c.schedule.kind === "once" && c.count !== undefined && c.count !== 1)
        this.failAt(p.end, "no dose count with 'once' (use a repeating schedule such as q3w x4)");
      return c;
    });
    return { components };
  }

  private component(): PartialComponent {
    let drug: string | undefined;
    const first = this.peek();
    if (first.kind === "word" && !isKeyword(first.text)) {
      drug = first.text.toLowerCase();
      this.pos++;
    }
    const amount = this.positiveNumber(
      drug ? "a dose amount after the drug name (e.g. 240)" : "a drug name or a dose amount (e.g. 240)",
    );
    const unitToken = this.peek();
    if (unitToken.kind !== "word" || unitToken.text.toLowerCase() !== "mg")
      this.fail("a dose unit: mg or mg/kg");
    this.pos++;
    let unit: DoseUnit = "mg";
    if (this.peek().kind === "/") {
      this.pos++;
      this.expectWord("kg", "kg (as in mg/kg)");
      unit = "mg/kg";
    }
    const c: PartialComponent = { amount, unit, end: 0, ...(drug !== undefined ? { drug } : {}) };
    this.scheduleAndModifiers(c);
    c.end = this.peek().start;
    return c;
  }

  private scheduleAndModifiers(c: PartialComponent): void {
    for (;;) {
      const t = this.peek();
      if (t.kind !== "word") return;
      const w = t.text.toLowerCase();
      const q = /^q(\d+)([wd])$/.exec(w);
      if (q || w === "once" || w === "every") {
        if (c.schedule) this.fail("one schedule per component (found a second one)");
        this.pos++;
        if (q)
          c.schedule = {
            kind: "every",
            n: this.intervalCount(Number(q[1]), t),
            unit: q[2] === "w" ? "week" : "day",
          };
        else if (w === "once") c.schedule = { kind: "once" };
        else {
          const n = this.positiveInteger("a whole number of weeks or days after 'every'");
          const u = this.peek();
          const uw = u.kind === "word" ? u.text.toLowerCase() : "";
          if (uw === "week" || uw === "weeks") c.schedule = { kind: "every", n, unit: "week" };
          else if (uw === "day" || uw === "days") c.schedule = { kind: "every", n, unit: "day" };
          else this.fail("'weeks' or 'days'");
          this.pos++;
        }
        continue;
      }
      const x = /^x(\d+)$/.exec(w);
      if (x || w === "x") {
        if (c.count !== undefined) this.fail("one dose count (x N) per component");
        this.pos++;
        const n = x ? Number(x[1]) : this.positiveInteger("a number of doses after 'x'");
        if (x && n < 1) this.failAt(t.start, "a number of doses ≥ 1 (e.g. x4)");
        c.count = n;
        continue;
      }
      if (w === "from") {
        if (c.fromDay !== undefined) this.fail("one 'from day' per component");
        this.pos++;
        this.expectWord("day", "'day' after 'from' (e.g. from day 7)");
        c.fromDay = this.nonNegativeNumber("a day number after 'from day' (e.g. 7)");
        continue;
      }
      if (w === "over") {
        if (c.infusion !== undefined) this.fail("one infusion duration per component");
        this.pos++;
        const value = this.positiveNumber("an infusion duration after 'over' (e.g. 30)");
        const u = this.peek();
        const uw = u.kind === "word" ? u.text.toLowerCase() : "";
        if (uw === "min" || uw === "mins" || uw === "minutes") c.infusion = { value, unit: "min" };
        else if (uw === "h" || uw === "hour" || uw === "hours") c.infusion = { value, unit: "h" };
        else this.fail("a duration unit: min or h");
        this.pos++;
        continue;
      }
      return;
    }
  }

  private intervalCount(n: number, t: Token): number {
    if (!(n >= 1)) this.failAt(t.start, "an interval of at least 1 (e.g. q2w, q21d)");
    return n;
  }

  private positiveNumber(expected: string): number {
    const t = this.peek();
    if (t.kind !== "number" || !(Number(t.text) > 0)) this.fail(expected);
    this.pos++;
    return Number(t.text);
  }

  private nonNegativeNumber(expected: string): number {
    const t = this.peek();
    if (t.kind !== "number") this.fail(expected);
    this.pos++;
    return Number(t.text);
  }

  private positiveInteger(expected: string): number {
    const t = this.peek();
    if (t.kind !== "number" || !/^\d+$/.test(t.text) || Number(t.text) < 1) this.fail(expected);
    this.pos++;
    return Number(t.text);
  }

  private expectWord(word: string, expected: string): void {
    const t = this.peek();
    if (t.kind !== "word" || t.text.toLowerCase() !== word) this.fail(expected);
    this.pos++;
  }

  private peek(): Token {
    return this.tokens[this.pos];
  }

  private fail(expected: string): never {
    this.failAt(this.peek().start, expected);
  }

  private failAt(offset: number, expected: string): never {
    const t = this.tokens.find((tok) => tok.start >= offset);
    const found = !t || t.kind === "end" ? "the end of the regimen" : JSON.stringify(t.text);
    throw new RegimenSyntaxError(this.text, offset + 1, expected, found);
  }
}

function definedOnly(p: PartialComponent): Partial<PartialComponent> {
  const out: Partial<PartialComponent> = {};
  for (const [k, v] of Object.entries(p)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}

/** Parses a regimen; a malformed one throws RegimenSyntaxError (an InputError) with a caret. */
export function parseRegimen(text: string): Regimen {
  return new RegimenParser(text).parse();
}

function printSchedule(c: RegimenComponent): string {
  const parts: string[] = [];
  parts.push(
    c.schedule.kind === "once" ? "once" : `q${c.schedule.n}${c.schedule.unit === "week" ? "w" : "d"}`,
  );
  if (c.count !== undefined) parts.push(`x${c.count}`);
  if (c.fromDay !== undefined) parts.push(`from day ${c.fromDay}`);
  if (c.infusion !== undefined) parts.push(`over ${c.infusion.value} ${c.infusion.unit}`);
  return parts.join(" ");
}

function printDose(c: RegimenComponent): string {
  return `${c.drug !== undefined ? `${c.drug} ` : ""}${c.amount} ${c.unit}`;
}

/** The canonical text of a regimen (shared schedules written once at the end of a phase). */
export function printRegimen(regimen: Regimen): string {
  return regimen.phases
    .map((phase) => {
      const schedules = phase.components.map(printSchedule);
      const shared = schedules.every((s) => s === schedules[0]);
      if (shared) return `${phase.components.map(printDose).join(" + ")} ${schedules[0]}`;
      return phase.components.map((c, i) => `${printDose(c)} ${schedules[i]}`).join(" + ");
    })
    .join(", then ");
}

/** The drug names a regimen mentions, in order of first appearance. */
export function regimenDrugs(regimen: Regimen): string[] {
  const names: string[] = [];
  for (const phase of regimen.phases)
    for (const c of phase.components) if (c.drug !== undefined && !names.includes(c.drug)) names.push(c.drug);
  return names;
}
