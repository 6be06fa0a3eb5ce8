/**
 * Reads an SBML document (Level 2 Versions 1–5, Level 3 Versions 1–2) into an `SbmlModel`.
 * Packages that change semantics (comp, fbc, and any package marked required) are refused with an
 * InputError naming the package; layout/render annotations are ignored. Browser-safe.
 */
import { InputError } from "../errors.js";
import type { Expr } from "../model/expr/ast.js";
import { type MathContext, mathToExpr, substitute } from "./mathml.js";
import type {
  SbmlCompartment,
  SbmlEvent,
  SbmlModel,
  SbmlParameter,
  SbmlReaction,
  SbmlRule,
  SbmlSpecies,
  SbmlSpeciesReference,
  SbmlStoichiometryVariable,
} from "./model.js";
import { child, listItems, parseXmlTree, type XmlElement } from "./xml-tree.js";

/** Packages whose semantics we do not implement; a model using them is refused. */
const REFUSED_PACKAGES = new Set(["comp", "fbc", "qual", "multi", "spatial", "arrays", "distrib", "dyn"]);

/** Thrown (as an InputError subclass) when a model uses something we do not simulate. */
export class UnsupportedSbmlError extends InputError {
  override name = "UnsupportedSbmlError";
  constructor(
    readonly construct: string,
    detail: string,
  ) {
    super(construct, detail, "a construct this importer supports");
  }
}

function bool(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  return value === "true" || value === "1";
}

function number(value: string | undefined, field: string): number | undefined {
  if (value === undefined) return undefined;
  const v = Number(value.trim());
  if (value.trim() === "" || Number.isNaN(v)) {
    if (/^[-+]?inf/i.test(value.trim())) return value.trim().startsWith("-") ? -Infinity : Infinity;
    if (/^nan$/i.test(value.trim())) return Number.NaN;
    throw new InputError(field, value, "a number");
  }
  return v;
}

function requireId(el: XmlElement, what: string): string {
  const id = el.attrs.id ?? (el.attrs.name && what === "compartment" ? el.attrs.name : undefined);
  if (!id) throw new InputError(`${what}.id`, undefined, "an id attribute");
  return id;
}

/** Reads SBML text. Throws InputError (or UnsupportedSbmlError) for bad or unsupported input. */
export function readSbml(xmlText: string): SbmlModel {
  const root = parseXmlTree(xmlText);
  if (root.name !== "sbml") throw new InputError("root element", root.qname, "<sbml>");
  const level = number(root.attrs.level, "sbml.level") ?? 0;
  const version = number(root.attrs.version, "sbml.version") ?? 0;
  if (level !== 2 && level !== 3)
    throw new UnsupportedSbmlError("SBML level", `level ${level} (Levels 2 and 3 are read)`);
  for (const [attr, value] of Object.entries(root.attrs)) {
    if (!attr.startsWith("xmlns:")) continue;
    const prefix = attr.slice(6);
    const pkg = /sbml\.org\/sbml\/level3\/version\d\/([a-z]+)\//.exec(value)?.[1];
    if (!pkg) continue;
    if (REFUSED_PACKAGES.has(pkg) || bool(root.attrs[`${prefix}:required`], false)) {
      throw new UnsupportedSbmlError(`package ${pkg}`, `the SBML ${pkg} package is not supported`);
    }
  }
  const model = child(root, "model");
  if (!model) throw new InputError("sbml.model", undefined, "a <model> element");
  const l3 = level === 3;

  const functions = new Map<string, XmlElement>();
  for (const fd of listItems(model, "listOfFunctionDefinitions", "functionDefinition")) {
    const math = child(fd, "math");
    if (math) functions.set(requireId(fd, "functionDefinition"), math);
  }
  const mathOf = (el: XmlElement | undefined, where: string): Expr | undefined => {
    const math = el ? child(el, "math") : undefined;
    if (!math || math.children.length === 0) return undefined;
    const ctx: MathContext = { where, functions };
    return mathToExpr(math, ctx);
  };

  const compartments: SbmlCompartment[] = listItems(model, "listOfCompartments", "compartment").map((c) => {
    const id = requireId(c, "compartment");
    const size = number(c.attrs.size ?? c.attrs.volume, `compartment ${id}.size`);
    const dims = number(c.attrs.spatialDimensions, `compartment ${id}.spatialDimensions`) ?? 3;
    const comp: SbmlCompartment = { id, constant: bool(c.attrs.constant, true), spatialDimensions: dims };
    if (size !== undefined) comp.size = size;
    else if (!l3 && dims !== 0) comp.size = 1; // L2 default size is 1 (L2V4 section 4.7.5)
    return comp;
  });

  const species: SbmlSpecies[] = listItems(model, "listOfSpecies", "species").map((s) => {
    const id = requireId(s, "species");
    const compartment = s.attrs.compartment;
    if (!compartment) throw new InputError(`species ${id}.compartment`, undefined, "a compartment id");
    const sp: SbmlSpecies = {
      id,
      compartment,
      hasOnlySubstanceUnits: bool(s.attrs.hasOnlySubstanceUnits, false),
      boundaryCondition: bool(s.attrs.boundaryCondition, false),
      constant: bool(s.attrs.constant, false),
    };
    const amount = number(s.attrs.initialAmount, `species ${id}.initialAmount`);
    const conc = number(s.attrs.initialConcentration, `species ${id}.initialConcentration`);
    if (amount !== undefined) sp.initialAmount = amount;
    if (conc !== undefined) sp.initialConcentration = conc;
    if (s.attrs.conversionFactor) sp.conversionFactor = s.attrs.conversionFactor;
    return sp;
  });

  const parameters: SbmlParameter[] = listItems(model, "listOfParameters", "parameter").map((p) => {
    const id = requireId(p, "parameter");
    const par: SbmlParameter = { id, constant: bool(p.attrs.constant, true) };
    const value = number(p.attrs.value, `parameter ${id}.value`);
    if (value !== undefined) par.value = value;
    return par;
  });

  const stoichiometryVariables: SbmlStoichiometryVariable[] = [];
  const speciesRef = (sr: XmlElement, where: string): SbmlSpeciesReference => {
    const sp = sr.attrs.species;
    if (!sp) throw new InputError(`${where}.species`, undefined, "a species id");
    const value = number(sr.attrs.stoichiometry, `${where}.stoichiometry`);
    const stoichMath = mathOf(child(sr, "stoichiometryMath"), `${where} stoichiometryMath`);
    if (stoichMath) return { species: sp, stoichiometry: stoichMath };
    if (sr.attrs.id) {
      const v: SbmlStoichiometryVariable = { id: sr.attrs.id, constant: bool(sr.attrs.constant, false) };
      if (value !== undefined) v.value = value;
      else if (!l3) v.value = 1;
      stoichiometryVariables.push(v);
      return { species: sp, stoichiometry: { kind: "sym", name: sr.attrs.id } };
    }
    // L2 default is 1; an unset L3 stoichiometry without an id has no defined value: we use 1.
    return { species: sp, stoichiometry: { kind: "num", value: value ?? 1 } };
  };

  const reactions: SbmlReaction[] = listItems(model, "listOfReactions", "reaction").map((r) => {
    const id = requireId(r, "reaction");
    const reactants = listItems(r, "listOfReactants", "speciesReference").map((sr, i) =>
      speciesRef(sr, `reaction ${id} reactant ${i + 1}`),
    );
    const products = listItems(r, "listOfProducts", "speciesReference").map((sr, i) =>
      speciesRef(sr, `reaction ${id} product ${i + 1}`),
    );
    const reaction: SbmlReaction = { id, reactants, products, fast: bool(r.attrs.fast, false) };
    const law = child(r, "kineticLaw");
    if (law) {
      const rate = mathOf(law, `reaction ${id} kinetic law`);
      if (rate) {
        const locals = new Map<string, Expr>();
        const localEls = [
          ...listItems(law, "listOfLocalParameters", "localParameter"),
          ...listItems(law, "listOfParameters", "parameter"),
        ];
        for (const lp of localEls) {
          const lid = requireId(lp, `reaction ${id} local parameter`);
          const v = number(lp.attrs.value, `reaction ${id} local parameter ${lid}.value`);
          locals.set(lid, { kind: "num", value: v ?? Number.NaN });
        }
        reaction.rate = locals.size > 0 ? substitute(rate, locals) : rate;
      }
    }
    return reaction;
  });

  const initialAssignments: { symbol: string; math: Expr }[] = [];
  for (const ia of listItems(model, "listOfInitialAssignments", "initialAssignment")) {
    const symbol = ia.attrs.symbol;
    if (!symbol) throw new InputError("initialAssignment.symbol", undefined, "a symbol id");
    const math = mathOf(ia, `initial assignment of ${symbol}`);
    if (math) initialAssignments.push({ symbol, math });
  }

  const rules: SbmlRule[] = [];
  const rulesList = child(model, "listOfRules");
  for (const r of rulesList?.children ?? []) {
    const variable = r.attrs.variable ?? r.attrs.species ?? r.attrs.compartment;
    if (r.name === "algebraicRule") {
      const math = mathOf(r, "algebraic rule");
      if (math) rules.push({ kind: "algebraic", math });
      continue;
    }
    if (!variable) throw new InputError(`${r.name}.variable`, undefined, "a variable id");
    const math = mathOf(r, `${r.name} for ${variable}`);
    if (!math) continue;
    if (r.name === "assignmentRule") rules.push({ kind: "assignment", variable, math });
    else if (r.name === "rateRule") rules.push({ kind: "rate", variable, math });
    else throw new UnsupportedSbmlError(`rule <${r.name}>`, "unknown rule kind");
  }

  const events: SbmlEvent[] = listItems(model, "listOfEvents", "event").map((e, i) => {
    const id = e.attrs.id ?? `event${i + 1}`;
    const triggerEl = child(e, "trigger");
    const ev: SbmlEvent = {
      id,
      initialValue: bool(triggerEl?.attrs.initialValue, true),
      persistent: bool(triggerEl?.attrs.persistent, true),
      useValuesFromTriggerTime: bool(e.attrs.useValuesFromTriggerTime, true),
      assignments: [],
    };
    const trigger = mathOf(triggerEl, `event ${id} trigger`);
    if (trigger) ev.trigger = trigger;
    const delay = mathOf(child(e, "delay"), `event ${id} delay`);
    if (delay) ev.delay = delay;
    const priority = mathOf(child(e, "priority"), `event ${id} priority`);
    if (priority) ev.priority = priority;
    for (const ea of listItems(e, "listOfEventAssignments", "eventAssignment")) {
      const variable = ea.attrs.variable;
      if (!variable) throw new InputError(`event ${id} eventAssignment.variable`, undefined, "a variable id");
      const math = mathOf(ea, `event ${id} assignment to ${variable}`);
      if (math) ev.assignments.push({ variable, math });
    }
    return ev;
  });

  const result: SbmlModel = {
    level,
    version,
    id: model.attrs.id ?? "",
    compartments,
    species,
    parameters,
    stoichiometryVariables,
    reactions,
    initialAssignments,
    rules,
    events,
  };
  if (model.attrs.conversionFactor) result.conversionFactor = model.attrs.conversionFactor;
  return result;
}
