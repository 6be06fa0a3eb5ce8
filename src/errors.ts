/**
 * Errors for bad input. Every message names the field, the value given and what was expected, e.g.
 * `arms[1].drug.doseMg: expected a positive number, got -5 (line 14 of hcc.yaml)`.
 * Browser-safe; the CLI turns an InputError into one line on stderr and exit code 2.
 */
export class InputError extends Error {
  override name = "InputError";
  constructor(
    /** Path of the offending field, e.g. "options.rtol" or "arms[0].treatments[1].startDay". */
    readonly field: string,
    readonly value: unknown,
    /** What was expected, e.g. "a positive number". */
    readonly expected: string,
    /** Where it came from, e.g. "line 12 of hcc.yaml", or a hint. */
    readonly where?: string,
  ) {
    super(`${field}: expected ${expected}, got ${describeValue(value)}${where ? ` (${where})` : ""}`);
  }
}

/** A short, readable rendering of a bad value for error messages. */
export function describeValue(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "number" || typeof value === "boolean" || value == null) return String(value);
  if (ArrayBuffer.isView(value) || Array.isArray(value)) {
    const arr = Array.from(value as ArrayLike<unknown>);
    const head = arr.slice(0, 6).map(describeValue).join(", ");
    return `[${head}${arr.length > 6 ? `, … (${arr.length} items)` : ""}]`;
  }
  try {
    const json = JSON.stringify(value);
    return json.length > 80 ? `${json.slice(0, 77)}...` : json;
  } catch {
    return String(value);
  }
}
