/**
 * The model language: declarations a biologist can read. Every number carries a unit and a source;
 * every process names its evidence. Declarations are plain data (browser-safe), composed from modules,
 * and compiled once into a fast right-hand side (see compile.ts).
 *
 * Units are strings parsed by the unit checker, e.g. "cell", "1/day", "cell/day", "nmol/L", "mL",
 * "mm^3", "pg/mL", "1" (dimensionless). The model's time unit is the day.
 *
 * Rules the compiler enforces (src/model/analyze.ts, units.ts, unit-check.ts):
 * - Names (species, parameters, compartments, observables) share one namespace across all modules;
 *   `t` (time) and and/or/not/xor/piecewise are reserved. pi, exponentiale, true and false are
 *   constants when no declaration has that name; infinity and notanumber are rejected (every value in a
 *   rate law must be finite).
 * - hill(x, K, n) and mm(x, K) treat x < 0 as 0 (solver stage values may dip slightly below zero).
 * - Expressions: + - * / ^, comparisons, and/or/not, piecewise(v1, c1, ..., otherwise) and the
 *   functions of src/model/expr/functions.ts (exp, ln, log, sqrt, min, max, hill(x, K, n), mm(x, K), ...).
 * - Dimensional analysis: every expression is checked. Quantities of the same dimension but different
 *   units are converted automatically (e.g. a rate constant in 1/(uM*s) times densities in
 *   molecule/um^2, Avogadro's number included). Literal numbers are dimensionless except 0, so a
 *   threshold on a dimensioned quantity is a parameter with a unit.
 * - Stoichiometric coefficients are numbers or expressions over parameters and compartments only.
 * - Inputs: a module may declare `inputs`, quantities of time the simulator supplies while it solves
 *   (e.g. drug amounts from a separate pharmacokinetic solve, see ./input-form.ts). They may appear in
 *   rates, observables and event assignments, not in initial values or stoichiometry; no process or
 *   event changes them. Compiled, each input has a slot in the parameter vector after the parameters
 *   and compartment sizes (CompiledModel.inputs), which the caller writes before evaluating the model
 *   at a time t; the Jacobian ∂f/∂y does not contain them (they do not depend on the state).
 * - Sources: every parameter has one. A compartment's size needs one too, except the dimensionless
 *   placeholder (size 1, unit "1"); checked when `compartmentSources` is on (always for the registered
 *   models and the CLI; see AnalyzeOptions in analyze.ts). Every process names at least one evidence id.
 */

/** Where a number comes from. */
export interface Source {
  /** "literature": taken from a paper; "derived": computed from cited values; "fitted": calibrated here; "assumed": a modelling choice. */
  kind: "literature" | "derived" | "fitted" | "assumed";
  /** Citation, e.g. "Sové et al., CPT Pharmacometrics Syst Pharmacol 2020". Required for literature/derived. */
  citation?: string;
  /** Table/figure/equation within the citation, e.g. "Table S1". */
  location?: string;
  /** Why this value: how it was derived, what it was fitted to, or why it is assumed. Required for fitted/assumed. */
  note?: string;
}

/** Between-patient variability for virtual populations. */
export type Distribution =
  | { kind: "lognormal" /** coefficient of variation (sd/mean on the natural scale) */; cv: number }
  | { kind: "normal"; sd: number }
  | { kind: "uniform"; min: number; max: number }
  | { kind: "loguniform"; min: number; max: number };

export interface CompartmentDecl {
  name: string;
  /** Volume (or area, or 1 for a dimensionless 0-D compartment). */
  size: number;
  unit: string;
  description: string;
  /** Where the size comes from; required unless size 1 with unit "1" (a placeholder). */
  source?: Source;
}

export interface SpeciesDecl {
  name: string;
  compartment: string;
  /** Unit of the state variable (amount like "cell", or concentration like "nmol/L"). */
  unit: string;
  /** Initial value: a number in `unit`, or an expression over parameters. */
  initial: number | string;
  description: string;
  /** Clamp at zero in the solver (default true for amounts and concentrations). */
  nonNegative?: boolean;
}

export interface ParameterDecl {
  name: string;
  value: number;
  unit: string;
  description: string;
  source: Source;
  /** Population distribution around `value`, for virtual patients. */
  distribution?: Distribution;
  /** Allowed range, checked when a parameter vector is built. */
  min?: number;
  max?: number;
}

/**
 * A process: one rate law and the species it changes. `changes` maps species names to stoichiometric
 * coefficients (numbers, or expressions e.g. for a volume conversion when crossing compartments).
 * The unit of `rate` times each coefficient must equal (species unit)/day.
 */
export interface ProcessDecl {
  name: string;
  rate: string;
  changes: Record<string, number | string>;
  /** Ids of evidence in src/evidence (e.g. "review:22", "sove2020"): at least one; unknown ids are a compile error. */
  evidence: string[];
  description: string;
}

/** A derived quantity (assignment rule / observable), e.g. a lesion diameter or Treg % of CD4. */
export interface ObservableDecl {
  name: string;
  expression: string;
  unit: string;
  description: string;
}

/**
 * A named event applied by the simulator at a time it chooses (a dose, an ablation).
 * `arguments` are named inputs supplied when the event is applied; `assign` maps species to expressions
 * evaluated simultaneously over the pre-event state, parameters and arguments (and `t`: then
 * applyEvent must be given the time).
 */
export interface EventDecl {
  name: string;
  arguments: { name: string; unit: string; description: string }[];
  assign: Record<string, string>;
  evidence: string[];
  description: string;
}

/**
 * An input: a quantity of time supplied by the simulator, not computed by the model (no value, no
 * source here: whoever supplies it documents where it comes from).
 */
export interface InputDecl {
  name: string;
  unit: string;
  description: string;
}

export interface ModuleDecl {
  name: string;
  description: string;
  compartments?: CompartmentDecl[];
  species?: SpeciesDecl[];
  parameters?: ParameterDecl[];
  /** Quantities of time supplied by the simulator (see the file comment). */
  inputs?: InputDecl[];
  processes?: ProcessDecl[];
  observables?: ObservableDecl[];
  events?: EventDecl[];
}

export interface ModelDecl {
  name: string;
  description: string;
  /** Time unit of the model (default "day"). */
  timeUnit?: string;
  modules: ModuleDecl[];
}
