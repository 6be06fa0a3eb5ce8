/**
 * An SBML model as plain data, after reading (levels and versions normalised, function definitions
 * inlined, local parameters substituted into kinetic laws). The compiler works from this.
 * Browser-safe.
 */
import type { Expr } from "../model/expr/ast.js";

export interface SbmlCompartment {
  id: string;
  /** Size as declared (undefined when unset: an initial assignment, rule or algebraic rule gives it). */
  size?: number;
  constant: boolean;
  spatialDimensions: number;
}

export interface SbmlSpecies {
  id: string;
  compartment: string;
  initialAmount?: number;
  initialConcentration?: number;
  hasOnlySubstanceUnits: boolean;
  boundaryCondition: boolean;
  constant: boolean;
  /** Id of the parameter scaling this species' reaction contributions (L3). */
  conversionFactor?: string;
}

export interface SbmlParameter {
  id: string;
  value?: number;
  constant: boolean;
}

export interface SbmlSpeciesReference {
  species: string;
  /**
   * Stoichiometry as an expression: a number, the reference's own id (when it has one: a variable that
   * rules, initial assignments and events may set), or L2 stoichiometryMath.
   */
  stoichiometry: Expr;
}

export interface SbmlReaction {
  id: string;
  reactants: SbmlSpeciesReference[];
  products: SbmlSpeciesReference[];
  /** Kinetic law with local parameters substituted; undefined when the reaction has none (rate 0). */
  rate?: Expr;
  fast: boolean;
}

export type SbmlRule =
  | { kind: "assignment"; variable: string; math: Expr }
  | { kind: "rate"; variable: string; math: Expr }
  | { kind: "algebraic"; math: Expr };

export interface SbmlEventAssignment {
  variable: string;
  math: Expr;
}

export interface SbmlEvent {
  id: string;
  /** Undefined when the trigger has no math (the event never fires). */
  trigger?: Expr;
  initialValue: boolean;
  persistent: boolean;
  delay?: Expr;
  priority?: Expr;
  useValuesFromTriggerTime: boolean;
  assignments: SbmlEventAssignment[];
}

/** A species reference that has its own id: a variable holding its stoichiometry. */
export interface SbmlStoichiometryVariable {
  id: string;
  value?: number;
  constant: boolean;
}

export interface SbmlModel {
  level: number;
  version: number;
  id: string;
  compartments: SbmlCompartment[];
  species: SbmlSpecies[];
  parameters: SbmlParameter[];
  stoichiometryVariables: SbmlStoichiometryVariable[];
  reactions: SbmlReaction[];
  initialAssignments: { symbol: string; math: Expr }[];
  rules: SbmlRule[];
  events: SbmlEvent[];
  /** Model-wide conversion factor parameter id (L3). */
  conversionFactor?: string;
}
