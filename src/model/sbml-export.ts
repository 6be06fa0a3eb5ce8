/**
 * SBML Level 3 Version 2 export of a model declaration: unit definitions, compartments, species with
 * initial values, parameters with their source in an annotation, one reaction per process with its
 * stoichiometry and a MathML kinetic law, observables as assignment rules, and function definitions for
 * hill/mm/sign/log2. Expressions are written in base units (each symbol times its unit's scale, the same
 * arithmetic the compiler uses), so mixed-unit models keep their meaning in any SBML tool.
 * Named events (doses, ablation) take arguments chosen by the simulator; they are listed in a model
 * annotation, not exported as SBML events. Browser-safe (returns a string).
 */

import { InputError } from "../errors.js";
import { evidence } from "../evidence/evidence.js";
import {
  type AnalyzedProcess,
  type AnalyzeOptions,
  analyzeModel,
  type ModelAnalysis,
  substitute,
  symbolsOf,
} from "./analyze.js";
import type { Expr } from "./expr/ast.js";
import { div, mul, num, sym } from "./expr/build.js";
import { FUNCTION_ALIASES } from "./expr/functions.js";
import { MATHML_UNARY_FUNCTIONS } from "./expr/mathml-names.js";
import { parseExpr } from "./expr/parse.js";
import { printExpr } from "./expr/print.js";
import { simplify } from "./expr/simplify.js";
import type { ModelDecl, Source } from "./types.js";
import { DIMENSIONS, multiply, parseUnit, type Unit } from "./units.js";

const NS = "http://www.sbml.org/sbml/level3/version2/core";
const NS_CRYO = "urn:cryoimmune:model";
const TIME_URL = "http://www.sbml.org/sbml/symbols/time";

const esc = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function cn(v: number): string {
  if (Number.isNaN(v)) return "<notanumber/>";
  if (v === Number.POSITIVE_INFINITY) return "<infinity/>";
  if (v === Number.NEGATIVE_INFINITY) return "<apply><minus/><infinity/></apply>";
  const text = String(v);
  const m = /^(-?[\d.]+)e([+-]?\d+)$/.exec(text);
  if (m) return `<cn type="e-notation"> ${m[1]} <sep/> ${Number(m[2])} </cn>`;
  return Number.isInteger(v) && Math.abs(v) < 2 ** 31
    ? `<cn type="integer"> ${text} </cn>`
    : `<cn> ${text} </cn>`;
}

/** Built-in function → MathML element: the unary elements' inverse, plus log10 and the n-ary ones. */
const MATHML_FN: Record<string, string> = {
  ...Object.fromEntries(Object.entries(MATHML_UNARY_FUNCTIONS).map(([element, fn]) => [fn, element])),
  log10: "log",
  min: "min",
  max: "max",
  rem: "rem",
  quotient: "quotient",
};

/** Functions without a MathML element, exported as SBML function definitions (lambda). */
const FUNCTION_DEFINITIONS: Record<string, { args: string[]; body: string }> = {
  hill: { args: ["x", "K", "n"], body: "max(x, 0)^n/(K^n + max(x, 0)^n)" },
  mm: { args: ["x", "K"], body: "max(x, 0)/(K + max(x, 0))" },
  sign: { args: ["x"], body: "piecewise(1, x > 0, -1, x < 0, 0)" },
  log2: { args: ["x"], body: "ln(x)/ln(2)" },
};

const CONSTANTS: Record<string, string> = {
  pi: "<pi/>",
  exponentiale: "<exponentiale/>",
  infinity: "<infinity/>",
  notanumber: "<notanumber/>",
};

const CMP: Record<string, string> = {
  "<": "lt",
  "<=": "leq",
  ">": "gt",
  ">=": "geq",
  "==": "eq",
  "!=": "neq",
};

/** MathML for an expression; `isTime(name)` marks the time symbol. Booleans and numbers are kept apart. */
function mathml(e: Expr, isTime: (name: string) => boolean): string {
  const isBool = (x: Expr) =>
    x.kind === "cmp" || x.kind === "logic" || (x.kind === "sym" && (x.name === "true" || x.name === "false"));
  const numeric = (x: Expr): string =>
    isBool(x)
      ? `<piecewise><piece>${cn(1)}${bool(x)}</piece><otherwise>${cn(0)}</otherwise></piecewise>`
      : value(x);
  const bool = (x: Expr): string => {
    if (x.kind === "cmp") return `<apply><${CMP[x.op]}/>${numeric(x.left)}${numeric(x.right)}</apply>`;
    if (x.kind === "logic") return `<apply><${x.op}/>${x.args.map(bool).join("")}</apply>`;
    if (x.kind === "sym" && (x.name === "true" || x.name === "false")) return `<${x.name}/>`;
    return `<apply><neq/>${value(x)}${cn(0)}</apply>`;
  };
  const value = (x: Expr): string => {
    switch (x.kind) {
      case "num":
        return cn(x.value);
      case "sym":
        if (isTime(x.name)) return `<csymbol encoding="text" definitionURL="${TIME_URL}"> t </csymbol>`;
        return CONSTANTS[x.name] ?? `<ci> ${x.name} </ci>`;
      case "neg":
        return `<apply><minus/>${numeric(x.arg)}</apply>`;
      case "bin": {
        const op = { "+": "plus", "-": "minus", "*": "times", "/": "divide", "^": "power" }[x.op];
        return `<apply><${op}/>${numeric(x.left)}${numeric(x.right)}</apply>`;
      }
      case "call": {
        const fn = FUNCTION_ALIASES[x.fn] ?? x.fn; // power(V, 2) is pow(V, 2)
        if (fn === "sqrt") return `<apply><root/>${numeric(x.args[0])}</apply>`;
        if (fn === "root")
          return `<apply><root/><degree>${numeric(x.args[0])}</degree>${numeric(x.args[1])}</apply>`;
        if (fn === "pow") return `<apply><power/>${numeric(x.args[0])}${numeric(x.args[1])}</apply>`;
        if (fn === "log" && x.args.length === 1) return `<apply><ln/>${numeric(x.args[0])}</apply>`;
        if (fn === "log")
          return `<apply><log/><logbase>${numeric(x.args[0])}</logbase>${numeric(x.args[1])}</apply>`;
        const el = MATHML_FN[fn];
        if (el) return `<apply><${el}/>${x.args.map(numeric).join("")}</apply>`;
        return `<apply><ci> ${fn} </ci>${x.args.map(numeric).join("")}</apply>`;
      }
      case "cmp":
      case "logic":
        return numeric(x);
      case "piecewise": {
        const pieces = x.pieces.map((p) => `<piece>${numeric(p.value)}${bool(p.cond)}</piece>`).join("");
        const other = x.otherwise ? `<otherwise>${numeric(x.otherwise)}</otherwise>` : "";
        return `<piecewise>${pieces}${other}</piecewise>`;
      }
    }
  };
  return `<math xmlns="http://www.w3.org/1998/Math/MathML">${numeric(e)}</math>`;
}

/** Functions used anywhere (to emit only the needed function definitions). */
function callsOf(e: Expr, out: Set<string>): void {
  switch (e.kind) {
    case "call":
      out.add(FUNCTION_ALIASES[e.fn] ?? e.fn);
      for (const a of e.args) callsOf(a, out);
      break;
    case "logic":
      for (const a of e.args) callsOf(a, out);
      break;
    case "neg":
      callsOf(e.arg, out);
      break;
    case "bin":
    case "cmp":
      callsOf(e.left, out);
      callsOf(e.right, out);
      break;
    case "piecewise":
      for (const p of e.pieces) {
        callsOf(p.value, out);
        callsOf(p.cond, out);
      }
      if (e.otherwise) callsOf(e.otherwise, out);
      break;
    default:
      break;
  }
}

const SBML_KIND = ["second", "metre", "kilogram", "item", "item", "kelvin"] as const;
const BASE_MULTIPLIER = [86400, 1, 1, 1, 1, 1];

/** Unit definitions by unit text, deduplicated, with SBML-safe ids. */
class UnitTable {
  private readonly ids = new Map<string, string>();
  private readonly defs: string[] = [];
  id(text: string, unit: Unit = parseUnit(text)): string {
    const key = `${unit.scale}|${unit.dims.join(",")}`;
    const hit = this.ids.get(key);
    if (hit) return hit;
    const words = text
      .trim()
      .replace(/µ|μ/g, "u")
      .replace(/%/g, "percent")
      .replace(/^1$/, "dimensionless")
      .replace(/^1\s*\//, "per_")
      .replace(/\//g, "_per_")
      .replace(/[^A-Za-z0-9]+/g, "_")
      .replace(/^_+|_+$/g, "");
    let id = `u_${words || "unit"}`;
    while ([...this.ids.values()].includes(id)) id += "_";
    this.ids.set(key, id);
    const exps = new Map<string, { e: number; mult: number }>();
    unit.dims.forEach((e, i) => {
      if (Math.abs(e) < 1e-12) return;
      const kind = SBML_KIND[i];
      const prev = exps.get(kind);
      exps.set(kind, { e: (prev?.e ?? 0) + e, mult: BASE_MULTIPLIER[i] });
    });
    const units = [...exps.entries()]
      .filter(([, v]) => Math.abs(v.e) > 1e-12)
      .map(([kind, v]) => `<unit kind="${kind}" exponent="${v.e}" scale="0" multiplier="${v.mult}"/>`);
    if (unit.scale !== 1 || units.length === 0)
      units.push(`<unit kind="dimensionless" exponent="1" scale="0" multiplier="${unit.scale}"/>`);
    this.defs.push(
      `      <unitDefinition id="${id}" name="${esc(text)}">\n        <listOfUnits>\n          ${units.join("\n          ")}\n        </listOfUnits>\n      </unitDefinition>`,
    );
    return id;
  }
  xml(): string {
    return this.defs.join("\n");
  }
}

function sourceAnnotation(src: Source | undefined): string {
  if (!src) return "";
  const attrs = [`kind="${esc(src.kind)}"`];
  if (src.citation) attrs.push(`citation="${esc(src.citation)}"`);
  if (src.location) attrs.push(`location="${esc(src.location)}"`);
  if (src.note) attrs.push(`note="${esc(src.note)}"`);
  return `<annotation><cryo:source xmlns:cryo="${NS_CRYO}" ${attrs.join(" ")}/></annotation>`;
}

const notes = (text: string) =>
  text ? `<notes><body xmlns="http://www.w3.org/1999/xhtml"><p>${esc(text)}</p></body></notes>` : "";

/** Length exponent of a compartment's unit → SBML spatialDimensions (0–3). */
function spatialDimensions(u: Unit): number {
  const d = u.dims[DIMENSIONS.indexOf("m")];
  return d >= 0 && d <= 3 && u.dims.every((v, i) => i === 1 || v === 0) ? d : 3;
}

/**
 * In base expressions an observable symbol stands for its base-unit value, while the SBML parameter
 * holds the value in the observable's declared unit: multiply by the unit's scale.
 */
function observablesInBase(e: Expr, a: ModelAnalysis): Expr {
  return simplify(
    substitute(e, (name) => {
      const s = a.symbols.get(name);
      return s?.kind === "observable" && s.unit.scale !== 1 ? mul(sym(name), num(s.unit.scale)) : undefined;
    }),
  );
}

export function exportSbml(model: ModelDecl, options: AnalyzeOptions = {}): string {
  const a = analyzeModel(model, options);
  if (a.inputs.length > 0)
    throw new InputError(
      `model "${model.name}" inputs`,
      a.inputs.map((x) => x.decl.name).join(", "),
      "a model without inputs (SBML has no quantity supplied from outside the model: export the form that computes them, e.g. the patient model with its drug modules as ODEs)",
    );
  return writeSbml(a);
}

function writeSbml(a: ModelAnalysis): string {
  const units = new UnitTable();
  const isTime = (n: string) => n === "t";
  const lines: string[] = [];
  const compIndex = new Map(
    a.parameters.filter((p) => p.kind === "compartment").map((p) => [p.decl.name, p]),
  );
  const speciesCompartment = (i: number) => compIndex.get(a.species[i].decl.compartment);
  /** Concentration species (unit per length^k in a compartment with k spatial dimensions) vs amounts. */
  const isConcentration = a.species.map((s, i) => {
    const c = speciesCompartment(i);
    return !!c && s.unit.dims[1] < 0 && spatialDimensions(c.unit) > 0;
  });

  // ---- function definitions ----
  const used = new Set<string>();
  for (const p of a.processes) callsOf(p.base, used);
  for (const o of a.observables) callsOf(o.base, used);
  const fnDefs = Object.entries(FUNCTION_DEFINITIONS)
    .filter(([name]) => used.has(name))
    .map(([name, def]) => {
      const body = mathml(parseBodies[name], isTime).replace(/^<math[^>]*>|<\/math>$/g, "");
      const bvars = def.args.map((x) => `<bvar><ci> ${x} </ci></bvar>`).join("");
      return `      <functionDefinition id="${name}">\n        <math xmlns="http://www.w3.org/1998/Math/MathML"><lambda>${bvars}${body}</lambda></math>\n      </functionDefinition>`;
    });

  // ---- compartments ----
  const compartments = [...compIndex.values()].map((c) => {
    const d = spatialDimensions(c.unit);
    return `      <compartment id="${c.decl.name}" name="${esc(c.decl.description)}" spatialDimensions="${d}" size="${c.value}" units="${units.id(c.decl.unit, c.unit)}" constant="true">${sourceAnnotation(c.decl.source)}</compartment>`;
  });

  // ---- species ----
  const initialAssignments: string[] = [];
  const species = a.species.map((s, i) => {
    const c = speciesCompartment(i);
    const conc = isConcentration[i];
    const substance = conc && c ? multiply(s.unit, c.unit) : s.unit;
    const init =
      typeof s.initial === "number"
        ? conc
          ? ` initialConcentration="${s.initial}"`
          : ` initialAmount="${s.initial}"`
        : "";
    if (typeof s.initial !== "number") {
      const e = simplify(div(s.initial, num(s.unit.scale)));
      initialAssignments.push(
        `      <initialAssignment symbol="${s.decl.name}">${mathml(e, isTime)}</initialAssignment>`,
      );
    }
    return `      <species id="${s.decl.name}" name="${esc(s.decl.description)}" compartment="${s.decl.compartment}"${init} substanceUnits="${units.id(conc && c ? `${s.decl.unit}*${c.decl.unit}` : s.decl.unit, substance)}" hasOnlySubstanceUnits="${!conc}" boundaryCondition="false" constant="false"/>`;
  });

  // ---- parameters (observables become non-constant parameters with assignment rules) ----
  const params = a.parameters
    .filter((p) => p.kind === "parameter")
    .map((p) => {
      const src = (p.decl as { source?: Source }).source;
      return `      <parameter id="${p.decl.name}" name="${esc(p.decl.description)}" value="${p.value}" units="${units.id(p.decl.unit, p.unit)}" constant="true">${notes(p.decl.description)}${sourceAnnotation(src)}</parameter>`;
    });
  for (const o of a.observables) {
    params.push(
      `      <parameter id="${o.decl.name}" name="${esc(o.decl.description)}" units="${units.id(o.decl.unit, o.unit)}" constant="false"/>`,
    );
  }
  const rules = a.observableOrder.map((i) => {
    const o = a.observables[i];
    const e = simplify(div(observablesInBase(o.base, a), num(o.unit.scale)));
    return `      <assignmentRule variable="${o.decl.name}">${mathml(e, isTime)}</assignmentRule>`;
  });

  // ---- reactions ----
  const reactions = a.processes.map((proc) => reaction(proc, a, isConcentration, initialAssignments, isTime));

  const timeId = units.id(a.timeUnit);
  const events = a.events.map(
    (e) =>
      `<cryo:event name="${esc(e.decl.name)}" arguments="${esc(e.decl.arguments.map((x) => `${x.name} [${x.unit}]`).join(", "))}" description="${esc(e.decl.description)}"/>`,
  );
  const modelAnnotation = events.length
    ? `<annotation><cryo:events xmlns:cryo="${NS_CRYO}">${events.join("")}</cryo:events></annotation>`
    : "";

  lines.push('<?xml version="1.0" encoding="UTF-8"?>');
  lines.push(`<sbml xmlns="${NS}" level="3" version="2">`);
  lines.push(`  <model id="${sbmlId(a.model.name)}" name="${esc(a.model.name)}" timeUnits="${timeId}">`);
  lines.push(`    ${notes(a.model.description)}${modelAnnotation}`);
  const section = (tag: string, items: string[]) => {
    if (items.length) lines.push(`    <${tag}>`, ...items, `    </${tag}>`);
  };
  section("listOfFunctionDefinitions", fnDefs);
  const body: string[] = [];
  const push = (tag: string, items: string[]) => {
    if (items.length) body.push(`    <${tag}>`, ...items, `    </${tag}>`);
  };
  push("listOfCompartments", compartments);
  push("listOfSpecies", species);
  push("listOfParameters", params);
  push("listOfInitialAssignments", initialAssignments);
  push("listOfRules", rules);
  push("listOfReactions", reactions);
  lines.push("    <listOfUnitDefinitions>", units.xml(), "    </listOfUnitDefinitions>");
  lines.push(...body);
  lines.push("  </model>", "</sbml>", "");
  return lines.join("\n");
}

/** The lambda bodies of FUNCTION_DEFINITIONS, parsed once. */
const parseBodies: Record<string, Expr> = Object.fromEntries(
  Object.entries(FUNCTION_DEFINITIONS).map(([name, def]) => [name, parseExpr(def.body)]),
);

/** A number times the rest of a product (num·x, x·num, −x, num, x). */
function splitConstant(e: Expr): [number, Expr | null] {
  if (e.kind === "num") return [e.value, null];
  if (e.kind === "neg") {
    const [c, r] = splitConstant(e.arg);
    return [-c, r];
  }
  if (e.kind === "bin" && e.op === "*" && e.left.kind === "num") return [e.left.value, e.right];
  if (e.kind === "bin" && e.op === "*" && e.right.kind === "num") return [e.right.value, e.left];
  return [1, e];
}

/** a/b, cancelling a common non-numeric factor (e.g. (−1e-12·syn)/(1e-12·syn) = −1). */
function ratio(a: Expr, b: Expr): Expr {
  const [ca, ra] = splitConstant(a);
  const [cb, rb] = splitConstant(b);
  if ((ra === null && rb === null) || (ra !== null && rb !== null && printExpr(ra) === printExpr(rb)))
    return num(ca / cb);
  return simplify(div(a, b));
}

function sbmlId(name: string): string {
  const id = name.replace(/[^A-Za-z0-9_]/g, "_");
  return /^[A-Za-z_]/.test(id) ? id : `m_${id}`;
}

/**
 * One reaction per process. SBML gives d[S]/dt = stoichiometry·kineticLaw / V for a concentration
 * species and stoichiometry·kineticLaw for an amount; the compiler's d[S]/dt = factor·rate_base. With
 * w = V (concentration) or 1 (amount): kineticLaw = rate_base·factor₁·w₁ and stoichiometry_i =
 * (factor_i·w_i)/(factor₁·w₁), a number or, when it involves parameters, an initial assignment.
 */
function reaction(
  proc: AnalyzedProcess,
  a: ModelAnalysis,
  isConcentration: boolean[],
  initialAssignments: string[],
  isTime: (n: string) => boolean,
): string {
  const w = (i: number): Expr => (isConcentration[i] ? sym(a.species[i].decl.compartment) : num(1));
  const first = proc.terms[0];
  const ref = simplify(mul(first.factor, w(first.species)));
  const kinetic = simplify(mul(observablesInBase(proc.base, a), ref));
  const reactants: string[] = [];
  const products: string[] = [];
  proc.terms.forEach((term, k) => {
    const st = ratio(simplify(mul(term.factor, w(term.species))), ref);
    const name = a.species[term.species].decl.name;
    let attrs: string;
    if (st.kind === "num") {
      attrs = `stoichiometry="${Math.abs(st.value)}" constant="true"`;
      (st.value < 0 ? reactants : products).push(`<speciesReference species="${name}" ${attrs}/>`);
    } else {
      // sign unknown at export: a product whose stoichiometry carries the sign
      const id = `SR_${proc.decl.name}_${name}_${k}`;
      initialAssignments.push(
        `      <initialAssignment symbol="${id}">${mathml(st, isTime)}</initialAssignment>`,
      );
      products.push(`<speciesReference id="${id}" species="${name}" constant="true"/>`);
    }
  });
  const rid =
    a.symbols.has(proc.decl.name) || proc.decl.name in FUNCTION_DEFINITIONS
      ? `R_${proc.decl.name}`
      : proc.decl.name;
  const refs = proc.decl.evidence
    .map((id) => `<cryo:ref id="${esc(id)}" year="${esc(String(evidence(id).year))}"/>`)
    .join("");
  const evidenceNote = refs ? `<cryo:evidence xmlns:cryo="${NS_CRYO}">${refs}</cryo:evidence>` : "";
  const rateText = `rate: ${printExpr(proc.rate)}`;
  const modifiers = [...symbolsOf(proc.base)]
    .filter(
      (n) =>
        a.symbols.get(n)?.kind === "species" && !proc.terms.some((t) => a.species[t.species].decl.name === n),
    )
    .map((n) => `<modifierSpeciesReference species="${n}"/>`);
  return [
    `      <reaction id="${rid}" name="${esc(proc.decl.name)}" reversible="false">`,
    `        ${notes(`${proc.decl.description} (${rateText})`)}${evidenceNote ? `<annotation>${evidenceNote}</annotation>` : ""}`,
    reactants.length ? `        <listOfReactants>${reactants.join("")}</listOfReactants>` : "",
    products.length ? `        <listOfProducts>${products.join("")}</listOfProducts>` : "",
    modifiers.length ? `        <listOfModifiers>${modifiers.join("")}</listOfModifiers>` : "",
    `        <kineticLaw>${mathml(kinetic, isTime)}</kineticLaw>`,
    "      </reaction>",
  ]
    .filter(Boolean)
    .join("\n");
}
