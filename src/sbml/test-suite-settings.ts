/**
 * The SBML Test Suite's `NNNNN-settings.txt` (start, duration, steps, variables, absolute, relative,
 * amount, concentration) and `NNNNN-results.csv` formats. Browser-safe.
 */
import { InputError } from "../errors.js";

export interface SuiteSettings {
  start: number;
  duration: number;
  steps: number;
  variables: string[];
  absolute: number;
  relative: number;
  amount: string[];
  concentration: string[];
}

export function parseSuiteSettings(text: string, where = "settings"): SuiteSettings {
  const fields = new Map<string, string>();
  for (const line of text.split(/\r?\n/)) {
    const m = /^\s*([A-Za-z]+)\s*:\s*(.*?)\s*$/.exec(line);
    if (m) fields.set((m[1] as string).toLowerCase(), m[2] as string);
  }
  const numberField = (key: string, fallback?: number): number => {
    const raw = fields.get(key);
    if (raw === undefined || raw === "") {
      if (fallback !== undefined) return fallback;
      throw new InputError(key, raw, "a number", where);
    }
    const v = Number(raw);
    if (!Number.isFinite(v)) throw new InputError(key, raw, "a number", where);
    return v;
  };
  const list = (key: string): string[] =>
    (fields.get(key) ?? "")
      .split(",")
      .map((s) => s.trim())
      .filter((s) => s.length > 0);
  const steps = numberField("steps");
  if (!Number.isInteger(steps) || steps < 1)
    throw new InputError("steps", steps, "a positive integer", where);
  return {
    start: numberField("start", 0),
    duration: numberField("duration"),
    steps,
    variables: list("variables"),
    absolute: numberField("absolute", 0),
    relative: numberField("relative", 0),
    amount: list("amount"),
    concentration: list("concentration"),
  };
}

export interface ResultsTable {
  header: string[];
  /** rows[i][j]: value of header[j] at row i (header[0] is time). */
  rows: number[][];
}

export function parseResultsCsv(text: string, where = "results.csv"): ResultsTable {
  const lines = text.split(/\r?\n/).filter((l) => l.trim().length > 0);
  const headerLine = lines.shift();
  if (headerLine === undefined) throw new InputError("results.csv", "empty", "a header line", where);
  const header = headerLine.split(",").map((s) => s.trim());
  const rows = lines.map((line, i) => {
    const cells = line.split(",").map((s) => s.trim());
    if (cells.length !== header.length)
      throw new InputError(`row ${i + 1}`, cells.length, `${header.length} cells`, where);
    return cells.map((c) => {
      if (/^[-+]?inf/i.test(c)) return c.startsWith("-") ? -Infinity : Infinity;
      if (/^nan$/i.test(c)) return Number.NaN;
      return Number(c);
    });
  });
  return { header, rows };
}

/** Formats a time course in the suite's CSV format (header `time,...`; full double precision). */
export function formatResultsCsv(
  time: ArrayLike<number>,
  variables: string[],
  columns: Record<string, ArrayLike<number>>,
): string {
  const lines = [["time", ...variables].join(",")];
  for (let i = 0; i < time.length; i++) {
    const cells = [String(time[i])];
    for (const name of variables) cells.push(String((columns[name] as ArrayLike<number>)[i]));
    lines.push(cells.join(","));
  }
  return `${lines.join("\n")}\n`;
}
