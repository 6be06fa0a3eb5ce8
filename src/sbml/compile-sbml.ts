/**
 * Compiles an `SbmlModel` into generated JavaScript over Float64Arrays (one engine: the expressions go
 * through the shared `emitJs`, the ODE is solved by `solveOde`).
 *
 * Layout. `v` (values) holds every named quantity: slot 0 is time, then each SBML symbol (compartment,
 * species, parameter, stoichiometry id, reaction id = its rate), then internal quantities whose names
 * cannot clash with SBML ids: `#n:S` (amount of species S), `#rateOf:X`, `#delay:k`, `#xi:R` (extent of
 * fast reaction R). `y` (the ODE state) holds: species amounts (for species changed by reactions or
 * events), the values of rate-rule variables, and non-constant quantities changed only by events.
 * `fill(t, y, v)` computes every value from the state (assignment rules in dependency order, algebraic
 * rules and fast-reaction equilibria by Newton), `rates(v, dydt)` the derivatives.
 *
 * Species follow the SBML semantics: the symbol means the concentration unless hasOnlySubstanceUnits
 * (or the compartment is 0-D); reactions change the amount (times the conversion factor); rate and
 * assignment rules set the symbol's own value. Browser-safe.
 */
import { InputError } from "../errors.js";
import type { Expr } from "../model/expr/ast.js";
import { add, div, mul, num, sub, sym } from "../model/expr/build.js";
import { differentiate } from "../model/expr/derivative.js";
import { emitJs } from "../model/expr/emit.js";
import { evaluateExpr } from "../model/expr/evaluate.js";
import { FUNCTION_RUNTIME } from "../model/expr/functions.js";
import { AlgebraicSolver } from "./algebraic-solver.js";
import { collectSymbols, rewriteExpr } from "./expr-symbols.js";
import { TIME_SYMBOL } from "./mathml.js";
import type { SbmlEvent, SbmlModel, SbmlSpecies } from "./model.js";
import { UnsupportedSbmlError } from "./read-sbml.js";
import { switchingFunction } from "./trigger-switch.js";

/** Looks up the value of a delayed expression: D(k, tau) = value of delay argument k at time tau. */
export type DelayLookup = (k: number, tau: number) => number;

export interface CompiledEvent {
  event: SbmlEvent;
  trigger(v: Float64Array): number;
  delay?(v: Float64Array): number;
  priority?(v: Float64Array): number;
  values: ((v: Float64Array) => number)[];
  targets: string[];
}

export interface SpeciesLayout {
  id: string;
  slot: number;
  compartmentSlot: number;
  /** True when the symbol is an amount (hasOnlySubstanceUnits or 0-D compartment). */
  amountValued: boolean;
  /** Slot of `#n:S` when the amount is stored (state-driven); -1 otherwise. */
  amountSlot: number;
  /** True when the state holds the symbol's value itself (a rate rule on the species). */
  valueIsState: boolean;
}

type Role =
  | { kind: "time" }
  | { kind: "const" }
  | { kind: "state"; index: number }
  | { kind: "amount"; index: number; species: SbmlSpecies }
  | { kind: "derived" }
  | { kind: "algebraic" };

export interface CompiledSbml {
  model: SbmlModel;
  nState: number;
  nValues: number;
  slotOf(name: string): number | undefined;
  species: Map<string, SpeciesLayout>;
  /** Computes the delayed values used only by event assignments, delays and priorities (after fill). */
  fillEventDelays(v: Float64Array, delay: DelayLookup): void;
  /** Fills v from (t, y); returns false when an algebraic solve failed. */
  fill(t: number, y: Float64Array, v: Float64Array, delay: DelayLookup): boolean;
  rates(v: Float64Array, dydt: Float64Array): void;
  /**
   * ∂(dy/dt)/∂y at a filled v into J (row-major n×n), using G (nValues × nState scratch); absent when the
   * model has algebraic rules, fast reactions, delays or a non-differentiable function.
   */
  jacobian?: (v: Float64Array, J: Float64Array, G: Float64Array) => void;
  /** Initial state and values at t0 (initial assignments, rules, algebraic rules solved). */
  initial(t0: number): { y: Float64Array; v: Float64Array };
  events: CompiledEvent[];
  /** Delay arguments (evaluate on a filled past value array). */
  delayArgs: ((v: Float64Array) => number)[];
  /** Delay durations as functions of the current values (to size the method-of-steps chunks). */
  delayTimes: ((v: Float64Array) => number)[];
  /** Sets a variable (event assignment semantics: species values are symbol values). Call fill after. */
  assign(name: string, value: number, y: Float64Array, v: Float64Array): void;
  /** Every comparison in the right-hand side and in event triggers: the condition and its switching function. */
  discontinuities: { cond(v: Float64Array): number; switching(v: Float64Array): number }[];
  /** Whether the right-hand side depends on time explicitly. */
  autonomous: boolean;
  /**
   * State components whose derivative is identically zero (quantities changed only by events): the
   * simulator carries them across integration segments exactly, free of dense-output rounding.
   */
  piecewiseConstantStates: Int32Array;
  /** Per delay: whether its argument depends on another delayed value (else a past state needs none). */
  delayArgUsesDelay: boolean[];
  /** Whether a delay() enters the right-hand side or a trigger (else only event assignments use them). */
  delaysInDynamics: boolean;
  /** rateOf quantities: the slot holding rateOf(x) and the slot of x. */
  rateOfSlots: { slot: number; of: number }[];
}

interface DerivedNode {
  name: string;
  deps: Set<string>;
  code: string;
  /** The node as an expression of other values (for the generated Jacobian); absent: not differentiable here. */
  expr?: Expr;
}

/** Compiles a model; throws InputError / UnsupportedSbmlError for models we cannot simulate. */
export function compileSbml(model: SbmlModel): CompiledSbml {
  const names = new Map<string, number>();
  const roles = new Map<string, Role>();
  const addSlot = (name: string): number => {
    const existing = names.get(name);
    if (existing !== undefined) return existing;
    const slot = names.size;
    names.set(name, slot);
    return slot;
  };
  addSlot(TIME_SYMBOL);
  roles.set(TIME_SYMBOL, { kind: "time" });

  const declared = new Set<string>();
  const declare = (id: string, what: string) => {
    if (declared.has(id)) throw new InputError(`${what} id`, id, "an id not used by another element");
    declared.add(id);
    addSlot(id);
  };
  for (const c of model.compartments) declare(c.id, "compartment");
  for (const s of model.species) declare(s.id, "species");
  for (const p of model.parameters) declare(p.id, "parameter");
  for (const s of model.stoichiometryVariables) declare(s.id, "speciesReference");
  for (const r of model.reactions) declare(r.id, "reaction");

  const compartmentById = new Map(model.compartments.map((c) => [c.id, c]));
  const speciesById = new Map(model.species.map((s) => [s.id, s]));
  const paramById = new Map(model.parameters.map((p) => [p.id, p]));
  const stoichById = new Map(model.stoichiometryVariables.map((s) => [s.id, s]));
  const reactionIds = new Set(model.reactions.map((r) => r.id));

  const assignmentRules = new Map<string, Expr>();
  const rateRules = new Map<string, Expr>();
  const algebraicRules: Expr[] = [];
  for (const rule of model.rules) {
    if (rule.kind === "algebraic") {
      algebraicRules.push(rule.math);
      continue;
    }
    if (!declared.has(rule.variable) || reactionIds.has(rule.variable)) {
      throw new InputError(
        `${rule.kind} rule variable`,
        rule.variable,
        "a compartment, species, parameter or species reference id",
      );
    }
    if (assignmentRules.has(rule.variable) || rateRules.has(rule.variable)) {
      throw new InputError(`${rule.kind} rule variable`, rule.variable, "a variable with at most one rule");
    }
    (rule.kind === "assignment" ? assignmentRules : rateRules).set(rule.variable, rule.math);
  }

  const isConstant = (id: string): boolean => {
    const c = compartmentById.get(id);
    if (c) return c.constant;
    const s = speciesById.get(id);
    if (s) return s.constant;
    const p = paramById.get(id);
    if (p) return p.constant;
    const st = stoichById.get(id);
    if (st) return st.constant && !assignmentRules.has(id) && !rateRules.has(id);
    return false;
  };

  // Species changed by reactions (not boundary, not constant)
  const fastReactions = model.reactions.filter((r) => r.fast);
  const reactionChanged = new Set<string>();
  for (const r of model.reactions) {
    for (const sr of [...r.reactants, ...r.products]) {
      const sp = speciesById.get(sr.species);
      if (!sp) throw new InputError(`reaction ${r.id} species`, sr.species, "a declared species id");
      if (!sp.boundaryCondition && !sp.constant) reactionChanged.add(sp.id);
    }
  }

  // Algebraic rules: match each rule to the variable it determines (maximum bipartite matching).
  const algebraicVars: string[] = [];
  if (algebraicRules.length > 0) {
    const candidates = (e: Expr): string[] =>
      [...collectSymbols(e)].filter(
        (n) =>
          declared.has(n) &&
          !reactionIds.has(n) &&
          !isConstant(n) &&
          !assignmentRules.has(n) &&
          !rateRules.has(n) &&
          !reactionChanged.has(n),
      );
    // Preference among the candidates of a rule (the spec allows any complete matching; these choices
    // follow the test suite): a variable without any initial value first (the rule is what defines it,
    // case 01589), variables set by events last (01589), boundary species after free ones (01787).
    const eventTargets = new Set(model.events.flatMap((e) => e.assignments.map((a) => a.variable)));
    const hasValue = (n: string): boolean => {
      if (model.initialAssignments.some((ia) => ia.symbol === n)) return true;
      const sp = speciesById.get(n);
      if (sp) return sp.initialAmount !== undefined || sp.initialConcentration !== undefined;
      const value = paramById.get(n)?.value ?? compartmentById.get(n)?.size ?? stoichById.get(n)?.value;
      return value !== undefined;
    };
    const rank = (n: string): number =>
      (hasValue(n) ? 4 : 0) + (eventTargets.has(n) ? 2 : 0) + (speciesById.get(n)?.boundaryCondition ? 1 : 0);
    const boundaryLast = (list: string[]) => [...list].sort((a, b) => rank(a) - rank(b));
    const ruleCands = algebraicRules.map((e) => boundaryLast(candidates(e)));
    const owner = new Map<string, number>();
    const tryAssign = (i: number, seen: Set<string>): boolean => {
      for (const c of ruleCands[i] as string[]) {
        if (seen.has(c)) continue;
        seen.add(c);
        const o = owner.get(c);
        if (o === undefined || tryAssign(o, seen)) {
          owner.set(c, i);
          return true;
        }
      }
      return false;
    };
    for (let i = 0; i < algebraicRules.length; i++) {
      if (!tryAssign(i, new Set())) {
        throw new UnsupportedSbmlError(
          "algebraic rule",
          `rule ${i + 1} determines no variable that is free (overdetermined or index > 1)`,
        );
      }
    }
    for (const [name] of owner) algebraicVars.push(name);
  }
  const algebraicSet = new Set(algebraicVars);

  // Roles and state layout
  const stateNames: string[] = [];
  const newState = (name: string): number => {
    stateNames.push(name);
    return stateNames.length - 1;
  };
  const speciesLayout = new Map<string, SpeciesLayout>();
  for (const id of declared) {
    if (reactionIds.has(id)) {
      roles.set(id, { kind: "derived" });
      continue;
    }
    if (assignmentRules.has(id)) roles.set(id, { kind: "derived" });
    else if (algebraicSet.has(id)) roles.set(id, { kind: "algebraic" });
    else if (rateRules.has(id)) roles.set(id, { kind: "state", index: newState(id) });
    else if (speciesById.has(id)) {
      // A species keeps its amount (constant or changed by reactions and events); its symbol is derived.
      const sp = speciesById.get(id) as SbmlSpecies;
      const nName = `#n:${id}`;
      addSlot(nName);
      roles.set(id, { kind: "derived" });
      roles.set(nName, { kind: "amount", index: newState(nName), species: sp });
    } else if (isConstant(id)) roles.set(id, { kind: "const" });
    else roles.set(id, { kind: "state", index: newState(id) });
  }
  for (const sp of model.species) {
    const comp = compartmentById.get(sp.compartment);
    if (!comp)
      throw new InputError(`species ${sp.id}.compartment`, sp.compartment, "a declared compartment id");
    const nName = `#n:${sp.id}`;
    speciesLayout.set(sp.id, {
      id: sp.id,
      slot: names.get(sp.id) as number,
      compartmentSlot: names.get(comp.id) as number,
      amountValued: sp.hasOnlySubstanceUnits || comp.spatialDimensions === 0,
      amountSlot: roles.get(nName)?.kind === "amount" ? (names.get(nName) as number) : -1,
      valueIsState: roles.get(sp.id)?.kind === "state",
    });
  }
  for (const r of fastReactions) addSlot(`#xi:${r.id}`);

  const conversionOf = (sp: SbmlSpecies): Expr | undefined => {
    const cf = sp.conversionFactor ?? model.conversionFactor;
    return cf === undefined ? undefined : sym(cf);
  };

  /** d(amount of S)/dt from the reactions (fast ones excluded), as an expression. */
  const netAmountRate = (sp: SbmlSpecies): Expr => {
    let total: Expr | undefined;
    for (const r of model.reactions) {
      if (r.fast) continue;
      for (const [list, sign] of [
        [r.reactants, -1],
        [r.products, 1],
      ] as const) {
        for (const sr of list) {
          if (sr.species !== sp.id) continue;
          const term = mul(sr.stoichiometry, sym(r.id));
          total =
            total === undefined
              ? sign < 0
                ? mul(num(-1), term)
                : term
              : sign < 0
                ? sub(total, term)
                : add(total, term);
        }
      }
    }
    if (total === undefined || sp.boundaryCondition || sp.constant) return num(0);
    const cf = conversionOf(sp);
    return cf ? mul(total, cf) : total;
  };

  // Lowering of rateOf and delay calls into internal symbols
  const rateOfExprs = new Map<string, Expr>();
  const delayArgExprs: Expr[] = [];
  const delayTimeExprs: Expr[] = [];
  const inProgress = new Set<string>();
  const rateOfExpr = (x: string): Expr => {
    const rr = rateRules.get(x);
    if (rr) return lower(rr);
    const ar = assignmentRules.get(x);
    const role = roles.get(x);
    if (ar) {
      let total: Expr = num(0);
      const body = lower(ar);
      for (const s of collectSymbols(body)) {
        const d = differentiate(body, s);
        if (d.kind === "num" && d.value === 0) continue;
        const rs = s === TIME_SYMBOL ? num(1) : rateOfSym(s);
        total = add(total, mul(d, rs));
      }
      return total;
    }
    if (role?.kind === "derived" && speciesById.has(x)) {
      const sp = speciesById.get(x) as SbmlSpecies;
      if (fastReactions.length > 0)
        throw new UnsupportedSbmlError("rateOf", `rateOf(${x}) with fast reactions`);
      const dn = netAmountRate(sp);
      const lay = speciesLayout.get(x) as SpeciesLayout;
      if (lay.amountValued) return lower(dn);
      const c = sp.compartment;
      const dc = rateOfSym(c);
      const first = div(dn, sym(c));
      return lower(dc.kind === "num" && dc.value === 0 ? first : sub(first, mul(sym(x), div(dc, sym(c)))));
    }
    if (role?.kind === "algebraic")
      throw new UnsupportedSbmlError("rateOf", `rateOf(${x}) of an algebraic variable`);
    if (reactionIds.has(x)) throw new UnsupportedSbmlError("rateOf", `rateOf(${x}) of a reaction rate`);
    return num(0);
  };
  const rateOfSym = (x: string): Expr => {
    if (x === TIME_SYMBOL) return num(1);
    const name = `#rateOf:${x}`;
    if (rateOfExprs.has(name)) return sym(name);
    if (inProgress.has(name)) throw new UnsupportedSbmlError("rateOf", `circular rateOf(${x})`);
    inProgress.add(name);
    const e = rateOfExpr(x);
    inProgress.delete(name);
    if (e.kind === "num") return e;
    rateOfExprs.set(name, e);
    addSlot(name);
    roles.set(name, { kind: "derived" });
    return sym(name);
  };
  const lowered = new WeakMap<Expr, Expr>();
  const delayByKey = new Map<string, string>();
  const lower = (e: Expr): Expr => {
    const cached = lowered.get(e);
    if (cached) return cached;
    const out = rewriteExpr(e, (node) => {
      if (node.kind !== "call") return node;
      if (node.fn === "rateOf") {
        const arg = node.args[0];
        // a number here is a substituted local parameter: constant by definition
        if (arg?.kind === "num") return num(0);
        if (arg?.kind !== "sym" || !names.has(arg.name)) {
          throw new InputError(
            "rateOf argument",
            arg?.kind === "sym" ? arg.name : "expression",
            "a model variable",
          );
        }
        return rateOfSym(arg.name);
      }
      if (node.fn === "delay") {
        // the same delay written twice (or lowered twice) is one quantity
        const key = JSON.stringify(node.args);
        const known = delayByKey.get(key);
        if (known) return sym(known);
        const k = delayArgExprs.length;
        delayArgExprs.push(node.args[0] as Expr);
        delayTimeExprs.push(node.args[1] as Expr);
        const name = `#delay:${k}`;
        delayByKey.set(key, name);
        addSlot(name);
        roles.set(name, { kind: "derived" });
        return sym(name);
      }
      return node;
    });
    lowered.set(e, out);
    return out;
  };

  const resolve = (name: string): string => {
    const slot = names.get(name);
    if (slot === undefined)
      throw new InputError(
        "symbol",
        name,
        "a declared compartment, species, parameter, species reference or reaction id",
      );
    return `v[${slot}]`;
  };
  const js = (e: Expr): string => emitJs(lower(e), resolve);

  // Derived nodes
  const nodes: DerivedNode[] = [];
  const depsOf = (e: Expr): Set<string> => collectSymbols(lower(e));
  for (const [id, math] of assignmentRules) {
    nodes.push({ name: id, deps: depsOf(math), code: js(math), expr: lower(math) });
  }
  for (const r of model.reactions) {
    nodes.push(
      r.rate
        ? { name: r.id, deps: depsOf(r.rate), code: js(r.rate), expr: lower(r.rate) }
        : { name: r.id, deps: new Set(), code: "0", expr: num(0) },
    );
  }
  const fastStoich = (sp: SbmlSpecies): { deps: Set<string>; code: string } | undefined => {
    let code = "";
    const deps = new Set<string>();
    for (const r of fastReactions) {
      for (const [list, sign] of [
        [r.reactants, "-"],
        [r.products, "+"],
      ] as const) {
        for (const sr of list) {
          if (sr.species !== sp.id || sp.boundaryCondition || sp.constant) continue;
          const cf = conversionOf(sp);
          const coef = cf ? mul(sr.stoichiometry, cf) : sr.stoichiometry;
          for (const d of depsOf(coef)) deps.add(d);
          code += ` ${sign} (${js(coef)}) * v[${names.get(`#xi:${r.id}`)}]`;
        }
      }
    }
    return code ? { deps, code } : undefined;
  };
  for (const sp of model.species) {
    const nName = `#n:${sp.id}`;
    const role = roles.get(nName);
    if (role?.kind !== "amount") continue;
    const lay = speciesLayout.get(sp.id) as SpeciesLayout;
    const fast = fastStoich(sp);
    if (fast) nodes.push({ name: nName, deps: fast.deps, code: `y[${role.index}]${fast.code}` });
    const valueCode = lay.amountValued
      ? `v[${lay.amountSlot}]`
      : `v[${lay.amountSlot}] / v[${lay.compartmentSlot}]`;
    nodes.push({
      name: sp.id,
      deps: new Set(fast ? [nName, sp.compartment] : [sp.compartment]),
      code: valueCode,
      expr: lay.amountValued ? sym(nName) : div(sym(nName), sym(sp.compartment)),
    });
  }
  // rateOf nodes may be created while emitting the nodes above; iterate until stable
  const emittedRateOf = new Set<string>();
  const emitRateOfNodes = () => {
    let again = true;
    while (again) {
      again = false;
      for (const [name, e] of rateOfExprs) {
        if (emittedRateOf.has(name)) continue;
        emittedRateOf.add(name);
        nodes.push({ name, deps: collectSymbols(e), code: emitJs(e, resolve), expr: e });
        again = true;
      }
    }
  };

  // Derivatives
  const rateExprs: Expr[] = stateNames.map((name) => {
    const role = roles.get(name) as Role;
    if (role.kind === "amount") return lower(netAmountRate(role.species));
    const rr = rateRules.get(name);
    return rr ? lower(rr) : num(0);
  });
  const rateCode: string[] = rateExprs.map((e) => emitJs(e, resolve));

  // Residuals of the algebraic part
  const residualCode: string[] = [
    ...algebraicRules.map((e) => js(e)),
    ...fastReactions.map((r) => (r.rate ? js(r.rate) : "0")),
  ];
  const unknownSlots = [...algebraicVars, ...fastReactions.map((r) => `#xi:${r.id}`)].map(
    (n) => names.get(n) as number,
  );

  // Events
  const eventSources = model.events.map((ev) => {
    for (const a of ev.assignments) {
      const role = roles.get(a.variable);
      if (!declared.has(a.variable) || reactionIds.has(a.variable)) {
        throw new InputError(
          `event ${ev.id} assignment variable`,
          a.variable,
          "a compartment, species, parameter or species reference id",
        );
      }
      if (role?.kind === "const" || (role?.kind === "derived" && !speciesById.has(a.variable))) {
        throw new InputError(
          `event ${ev.id} assignment variable`,
          a.variable,
          "a non-constant variable without an assignment rule",
        );
      }
      if (role?.kind === "algebraic")
        throw new UnsupportedSbmlError(
          "event assignment",
          `event ${ev.id} assigns the algebraic variable ${a.variable}`,
        );
    }
    return {
      trigger: ev.trigger ? js(ev.trigger) : "0",
      delay: ev.delay ? js(ev.delay) : undefined,
      priority: ev.priority ? js(ev.priority) : undefined,
      values: ev.assignments.map((a) => js(a.math)),
    };
  });
  const delayArgCode = delayArgExprs.map((e) => js(e));
  const delayTimeCode = delayTimeExprs.map((e) => js(e));
  // Discontinuities in the right-hand side (piecewise conditions, comparisons)
  const discontinuityCode: { cond: string; switching: string }[] = [];
  {
    const seen = new Set<string>();
    const visit = (e: Expr) => {
      rewriteExpr(e, (node) => {
        if (node.kind === "cmp") {
          const code = emitJs(switchingFunction(node), resolve);
          if (!seen.has(code)) {
            seen.add(code);
            discontinuityCode.push({ cond: emitJs(node, resolve), switching: code });
          }
        }
        return node;
      });
    };
    for (const m of assignmentRules.values()) visit(lower(m));
    for (const m of rateRules.values()) visit(lower(m));
    for (const r of model.reactions) if (r.rate) visit(lower(r.rate));
    // every comparison inside a trigger is located on its own (a window such as a < t < b is found
    // even when one step spans all of it)
    for (const ev of model.events) if (ev.trigger) visit(lower(ev.trigger));
  }
  emitRateOfNodes();
  // delay nodes depend on their delay time only (the argument is evaluated on the past state)
  delayTimeExprs.forEach((e, k) => {
    nodes.push({ name: `#delay:${k}`, deps: collectSymbols(e), code: "" });
  });

  /**
   * Forward-mode derivative code: G (values × states) holds ∂value/∂y; state slots are unit rows, each
   * derived node's row is Σ ∂node/∂dep · row(dep) in dependency order, and J's rows likewise from the
   * rate expressions. Undefined (finite differences are used) with algebraic rules, fast reactions,
   * delays or a function without derivative rule.
   */
  function generatedJacobian(): string | undefined {
    if (unknownSlots.length > 0 || delayArgExprs.length > 0) return undefined;
    const n = stateNames.length;
    const lines: string[] = ["G.fill(0);", "J.fill(0);"];
    stateNames.forEach((name, k) => {
      lines.push(`G[${(names.get(name) as number) * n + k}] = 1;`);
    });
    const accumulate = (target: string, e: Expr): boolean => {
      for (const dep of collectSymbols(e)) {
        if (dep === TIME_SYMBOL) continue;
        const slot = names.get(dep) as number;
        const role = roles.get(dep);
        if (role?.kind === "const") continue;
        let d: Expr;
        try {
          d = differentiate(e, dep);
        } catch {
          return false;
        }
        if (d.kind === "num" && d.value === 0) continue;
        lines.push(`p = ${emitJs(d, resolve)};`);
        lines.push(`if (p !== 0) for (let j = 0; j < ${n}; j++) ${target} += p * G[${slot * n} + j];`);
      }
      return true;
    };
    for (const node of order) {
      if (!node.expr) return undefined;
      const base = (names.get(node.name) as number) * n;
      if (!accumulate(`G[${base} + j]`, node.expr)) return undefined;
    }
    for (let k = 0; k < n; k++) if (!accumulate(`J[${k * n} + j]`, rateExprs[k] as Expr)) return undefined;
    return `let p = 0;\n${lines.join("\n")}`;
  }

  // Topological order of the derived nodes
  const nodeByName = new Map(nodes.map((n) => [n.name, n]));
  const order: DerivedNode[] = [];
  const mark = new Map<string, 1 | 2>();
  const visitNode = (n: DerivedNode, path: string[]) => {
    const m = mark.get(n.name);
    if (m === 2) return;
    if (m === 1)
      throw new InputError("assignment rules", [...path, n.name].join(" → "), "no circular dependency");
    mark.set(n.name, 1);
    for (const d of n.deps) {
      const dn = nodeByName.get(d);
      if (dn) visitNode(dn, [...path, n.name]);
      else if (!names.has(d)) resolve(d);
    }
    mark.set(n.name, 2);
    order.push(n);
  };
  for (const n of nodes) visitNode(n, []);

  const nState = stateNames.length;
  const nValues = names.size;
  const jacobianSource = generatedJacobian();
  const preamble: string[] = ["v[0] = t;"];
  stateNames.forEach((name, k) => {
    if (!nodeByName.has(name)) preamble.push(`v[${names.get(name)}] = y[${k}];`);
  });
  const dynamicExprs: Expr[] = [
    ...assignmentRules.values(),
    ...rateRules.values(),
    ...algebraicRules,
    ...model.reactions.flatMap((r) => (r.rate ? [r.rate] : [])),
    ...model.reactions.flatMap((r) => [...r.reactants, ...r.products].map((sr) => sr.stoichiometry)),
    ...model.events.flatMap((e) => (e.trigger ? [e.trigger] : [])),
    ...delayArgExprs,
  ];
  // delays that only event assignments, delays or priorities use are computed at events only
  const dynamicDelays = new Set<string>();
  for (const e of dynamicExprs)
    for (const n of collectSymbols(lower(e))) if (n.startsWith("#delay:")) dynamicDelays.add(n);
  const delaysInDynamics = dynamicDelays.size > 0;
  const delayCode = (name: string): string => {
    const k = Number(name.slice(7));
    return `v[${names.get(name)}] = D(${k}, v[0] - (${delayTimeCode[k]}));`;
  };
  const derivedBody = order
    .filter((n) => !n.name.startsWith("#delay:") || dynamicDelays.has(n.name))
    .map((n) => (n.name.startsWith("#delay:") ? delayCode(n.name) : `v[${names.get(n.name)}] = ${n.code};`));
  const eventDelayBody = order
    .filter((n) => n.name.startsWith("#delay:") && !dynamicDelays.has(n.name))
    .map((n) => delayCode(n.name));
  // delay nodes have the delay-time dependencies only
  const source = `
"use strict";
return {
  preamble(t, y, v) { ${preamble.join("\n")} },
  derived(v, y, D) { ${derivedBody.join("\n")} },
  eventDelays(v, D) { ${eventDelayBody.join("\n")} },
  rates(v, dydt) { ${rateCode.map((c, k) => `dydt[${k}] = ${c};`).join("\n")} },
  jacobian: ${jacobianSource === undefined ? "undefined" : `(v, J, G) => { ${jacobianSource} }`},
  residual(v, r) { ${residualCode.map((c, k) => `r[${k}] = ${c};`).join("\n")} },
  events: [${eventSources
    .map(
      (e) => `{
    trigger(v) { return ${e.trigger}; },
    delay: ${e.delay ? `(v) => ${e.delay}` : "undefined"},
    priority: ${e.priority ? `(v) => ${e.priority}` : "undefined"},
    values: [${e.values.map((c) => `(v) => ${c}`).join(", ")}],
  }`,
    )
    .join(",\n")}],
  delayArgs: [${delayArgCode.map((c) => `(v) => ${c}`).join(", ")}],
  delayTimes: [${delayTimeCode.map((c) => `(v) => ${c}`).join(", ")}],
  discontinuities: [${discontinuityCode.map((c) => `{ cond: (v) => ${c.cond}, switching: (v) => ${c.switching} }`).join(", ")}],
};`;
  type Generated = {
    preamble(t: number, y: Float64Array, v: Float64Array): void;
    derived(v: Float64Array, y: Float64Array, D: DelayLookup): void;
    eventDelays(v: Float64Array, D: DelayLookup): void;
    rates(v: Float64Array, dydt: Float64Array): void;
    jacobian?: (v: Float64Array, J: Float64Array, G: Float64Array) => void;
    residual(v: Float64Array, r: Float64Array): void;
    events: {
      trigger(v: Float64Array): number;
      delay?: (v: Float64Array) => number;
      priority?: (v: Float64Array) => number;
      values: ((v: Float64Array) => number)[];
    }[];
    delayArgs: ((v: Float64Array) => number)[];
    delayTimes: ((v: Float64Array) => number)[];
    discontinuities: { cond(v: Float64Array): number; switching(v: Float64Array): number }[];
  };
  const gen = new Function("Fn", source)(FUNCTION_RUNTIME) as Generated;

  // Algebraic solve: one solver per nesting depth (a delayed value is computed by filling a past state,
  // which may solve the algebraic part again while the outer solve is in progress)
  const solvers: AlgebraicSolver[] = [];
  const solverStack: { y: Float64Array; D: DelayLookup }[] = [];
  let depth = 0;
  const solverAt = (d: number): AlgebraicSolver => {
    let s = solvers[d];
    if (!s) {
      s = new AlgebraicSolver({
        slots: Int32Array.from(unknownSlots),
        // the fast rates are also the direction their extents relax (rows and unknowns after the algebraic ones)
        relaxing: Int32Array.from(fastReactions, (_, j) => algebraicVars.length + j),
        update: (v) => {
          const top = solverStack[d] as { y: Float64Array; D: DelayLookup };
          gen.derived(v, top.y, top.D);
        },
        residual: gen.residual,
      });
      solvers[d] = s;
    }
    return s;
  };

  const fill = (t: number, y: Float64Array, v: Float64Array, D: DelayLookup): boolean => {
    gen.preamble(t, y, v);
    if (unknownSlots.length === 0) {
      gen.derived(v, y, D);
      return true;
    }
    if (depth > 20) return false;
    const d = depth++;
    solverStack[d] = { y, D };
    try {
      return solverAt(d).solve(v);
    } finally {
      depth--;
    }
  };

  // Initial values (interpreted, in dependency order)
  const initialAssignments = new Map(model.initialAssignments.map((ia) => [ia.symbol, ia.math]));
  for (const ia of model.initialAssignments) {
    if (!declared.has(ia.symbol) || reactionIds.has(ia.symbol)) {
      throw new InputError(
        "initialAssignment.symbol",
        ia.symbol,
        "a compartment, species, parameter or species reference id",
      );
    }
  }
  const initExprOf = (name: string): Expr | undefined => {
    const ia = initialAssignments.get(name);
    if (ia) return lower(ia);
    const ar = assignmentRules.get(name);
    if (ar) return lower(ar);
    if (reactionIds.has(name)) {
      const r = model.reactions.find((x) => x.id === name);
      return r?.rate ? lower(r.rate) : num(0);
    }
    const c = compartmentById.get(name);
    if (c) return num(c.size ?? Number.NaN);
    const p = paramById.get(name);
    if (p) return num(p.value ?? Number.NaN);
    const st = stoichById.get(name);
    if (st) return num(st.value ?? Number.NaN);
    const sp = speciesById.get(name);
    if (sp) {
      const lay = speciesLayout.get(name) as SpeciesLayout;
      if (sp.initialAmount !== undefined) {
        return lay.amountValued ? num(sp.initialAmount) : div(num(sp.initialAmount), sym(sp.compartment));
      }
      if (sp.initialConcentration !== undefined) {
        return lay.amountValued
          ? mul(num(sp.initialConcentration), sym(sp.compartment))
          : num(sp.initialConcentration);
      }
      return num(Number.NaN);
    }
    const re = rateOfExprs.get(name);
    if (re) return re;
    if (name.startsWith("#delay:")) return lower(delayArgExprs[Number(name.slice(7))] as Expr);
    return undefined;
  };

  const initial = (t0: number): { y: Float64Array; v: Float64Array } => {
    const v = new Float64Array(nValues);
    const y = new Float64Array(nState);
    const solved = new Map<string, number>();
    const runInit = () => {
      const memo = new Map<string, number>();
      const stack = new Set<string>();
      const value = (name: string): number => {
        if (name === TIME_SYMBOL) return t0;
        if (solved.has(name) && !initialAssignments.has(name)) return solved.get(name) as number;
        const m = memo.get(name);
        if (m !== undefined) return m;
        if (stack.has(name))
          throw new InputError("initial values", [...stack, name].join(" → "), "no circular dependency");
        const e = initExprOf(name);
        if (e === undefined) throw new InputError("symbol", name, "a declared id");
        stack.add(name);
        const x = evaluateExpr(e, value);
        stack.delete(name);
        memo.set(name, x);
        return x;
      };
      for (const name of declared) v[names.get(name) as number] = value(name);
      for (const [name] of rateOfExprs) v[names.get(name) as number] = value(name);
      stateNames.forEach((name, k) => {
        const role = roles.get(name) as Role;
        if (role.kind === "amount") {
          const lay = speciesLayout.get(role.species.id) as SpeciesLayout;
          const val = v[lay.slot];
          y[k] = lay.amountValued ? val : val * v[lay.compartmentSlot];
        } else y[k] = v[names.get(name) as number];
      });
    };
    runInit();
    const D: DelayLookup = (k) => (delayArgs[k] as (v: Float64Array) => number)(v);
    const delayArgs = gen.delayArgs;
    if (unknownSlots.length > 0) {
      // Algebraic unknowns may feed initial assignments: alternate solve and re-evaluation.
      for (let pass = 0; pass < 4; pass++) {
        fill(t0, y, v, D);
        for (const n of algebraicVars) solved.set(n, v[names.get(n) as number]);
        const before = Float64Array.from(y);
        runInit();
        for (const n of algebraicVars) v[names.get(n) as number] = solved.get(n) as number;
        let same = true;
        for (let i = 0; i < nState; i++)
          if (!(Math.abs(before[i] - y[i]) <= 1e-14 * Math.abs(y[i]))) same = false;
        if (same) break;
      }
    }
    fill(t0, y, v, D);
    return { y, v };
  };

  const assign = (name: string, value: number, y: Float64Array, v: Float64Array): void => {
    const role = roles.get(name);
    if (role?.kind === "state") {
      y[role.index] = value;
      return;
    }
    const nRole = roles.get(`#n:${name}`);
    if (nRole?.kind === "amount") {
      const lay = speciesLayout.get(name) as SpeciesLayout;
      const amount = lay.amountValued ? value : value * v[lay.compartmentSlot];
      // keep the fast-reaction extents: the stored part is the amount minus their contribution
      const current = v[lay.amountSlot];
      y[nRole.index] += amount - current;
      return;
    }
    throw new InputError("assignment target", name, "a variable an event may set");
  };

  const events: CompiledEvent[] = model.events.map((event, i) => {
    const g = gen.events[i] as Generated["events"][number];
    const ce: CompiledEvent = {
      event,
      trigger: g.trigger,
      values: g.values,
      targets: event.assignments.map((a) => a.variable),
    };
    if (g.delay) ce.delay = g.delay;
    if (g.priority) ce.priority = g.priority;
    return ce;
  });

  const timeDependent = [...nodes.map((n) => n.deps)].some((d) => d.has(TIME_SYMBOL));
  return {
    model,
    nState,
    nValues,
    slotOf: (name) => names.get(name),
    species: speciesLayout,
    fill,
    fillEventDelays: gen.eventDelays,
    rates: gen.rates,
    ...(gen.jacobian ? { jacobian: gen.jacobian } : {}),
    initial,
    events,
    delayArgs: gen.delayArgs,
    delayTimes: gen.delayTimes,
    assign,
    discontinuities: gen.discontinuities,
    delaysInDynamics,
    piecewiseConstantStates: Int32Array.from(
      rateExprs.flatMap((e, k) => (e.kind === "num" && e.value === 0 ? [k] : [])),
    ),
    delayArgUsesDelay: delayArgExprs.map((e) => {
      // does the delayed expression depend, through assignment rules and rates, on a delayed value?
      const seen = new Set<string>();
      const stack = [...collectSymbols(e)];
      while (stack.length > 0) {
        const name = stack.pop() as string;
        if (seen.has(name)) continue;
        seen.add(name);
        if (name.startsWith("#delay:")) return true;
        const node = nodeByName.get(name);
        if (node) stack.push(...node.deps);
      }
      // algebraic unknowns may depend on anything: be safe
      return unknownSlots.length > 0 && delayArgExprs.length > 1;
    }),
    rateOfSlots: [...rateOfExprs.keys()].map((name) => ({
      slot: names.get(name) as number,
      of: names.get(name.slice("#rateOf:".length)) as number,
    })),
    autonomous: !timeDependent && rateCode.every((c) => !c.includes("v[0]")) && delayArgCode.length === 0,
  };
}
