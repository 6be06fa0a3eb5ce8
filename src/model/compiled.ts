/** What compileModel returns: a model compiled once into fast functions over Float64Arrays. */
import type { OdeProblem } from "../numerics/ode/types.js";
import type { Expr } from "./expr/ast.js";
import type { CompartmentDecl, Distribution, ModelDecl, Source } from "./types.js";

export interface CompiledSpecies {
  name: string;
  index: number;
  unit: string;
  compartment: string;
  module: string;
  description: string;
  nonNegative: boolean;
}

export interface CompiledParameter {
  name: string;
  index: number;
  /** "compartment": a compartment size, kept in the parameter vector so it can vary per patient. */
  kind: "parameter" | "compartment";
  value: number;
  unit: string;
  module: string;
  description: string;
  source?: Source;
  distribution?: Distribution;
  min?: number;
  max?: number;
}

/** An input (see InputDecl): its slot `index` in the parameter vector, written by the caller. */
export interface CompiledInput {
  name: string;
  index: number;
  unit: string;
  module: string;
  description: string;
}

export interface CompiledObservable {
  name: string;
  index: number;
  unit: string;
  module: string;
  description: string;
  expression: Expr;
}

export interface CompiledProcess {
  name: string;
  module: string;
  description: string;
  rate: Expr;
  changes: { species: string; index: number; coefficient: Expr }[];
  evidence: string[];
}

export interface CompiledEvent {
  name: string;
  module: string;
  description: string;
  arguments: { name: string; unit: string; description: string }[];
  evidence: string[];
}

export interface CompiledModel {
  name: string;
  description: string;
  timeUnit: string;
  decl: ModelDecl;
  compartments: readonly (CompartmentDecl & { module: string })[];
  species: readonly CompiledSpecies[];
  parameters: readonly CompiledParameter[];
  /**
   * Inputs: quantities of time the caller supplies by writing p[input.index] (declared unit) before it
   * evaluates rhs, jacobian or observe at a time t. Their slots follow the parameters and compartments,
   * so a parameter vector has parameters.length + inputs.length entries (inputs 0 by default).
   */
  inputs: readonly CompiledInput[];
  observables: readonly CompiledObservable[];
  processes: readonly CompiledProcess[];
  events: readonly CompiledEvent[];
  /** Indices of species clamped at zero (pass as OdeOptions.nonNegative). */
  nonNegativeIndices: number[];
  /** Structurally non-zero Jacobian entries (row i, column j), row-major order. */
  jacobianPattern: { rows: Int32Array; cols: Int32Array };
  /** Index of a species; InputError if unknown. */
  speciesIndex(name: string): number;
  /** Index of a parameter or compartment in the parameter vector; InputError if unknown. */
  parameterIndex(name: string): number;
  /** Slot of an input in the parameter vector; InputError if unknown. */
  inputIndex(name: string): number;
  /** Index of an observable; InputError if unknown. */
  observableIndex(name: string): number;
  /** A fresh parameter vector with the declared values (and 0 for every input). */
  defaultParameters(): Float64Array;
  /**
   * Checks a parameter vector (length, finite values, declared min/max); InputError naming the first
   * offending parameter, e.g. for virtual patients drawn from the distributions.
   */
  checkParameters(p: Float64Array): void;
  /** Initial state for parameters p (initial expressions evaluated over p). */
  initialState(p: Float64Array): Float64Array;
  rhs(t: number, y: Float64Array, dydt: Float64Array, p: Float64Array): void;
  /**
   * Dense row-major n×n Jacobian ∂f_i/∂y_j. Every entry of `jacobianPattern` is written on every call;
   * entries outside it are zeroed only the first time a buffer is passed (then left alone), so a buffer
   * must not be written by anyone else between calls (the solvers only read J). Dense zeroing on every
   * call would cost n² writes per Jacobian for nothing.
   */
  jacobian(t: number, y: Float64Array, J: Float64Array, p: Float64Array): void;
  /** Observables in their declared units, written to out (length observables.length). */
  observe(t: number, y: Float64Array, p: Float64Array, out: Float64Array): void;
  /**
   * Apply a named event to y in place; args in the declared argument units. `t` (model time unit) is
   * required when the event's assignments use `t` (InputError naming the event otherwise).
   */
  applyEvent(name: string, y: Float64Array, p: Float64Array, args: Record<string, number>, t?: number): void;
  /** An OdeProblem for solveOde with parameters p (y0 defaults to initialState(p)). */
  problem(p: Float64Array, t0: number, tEnd: number, y0?: ArrayLike<number>): OdeProblem;
  /** Generated JavaScript, for inspection and debugging. */
  source: { rhs: string; jacobian: string; observe: string };
}
