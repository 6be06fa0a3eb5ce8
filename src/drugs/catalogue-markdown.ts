/**
 * docs/drugs.md, generated from the catalogue (one source of truth): drug and target tables, the
 * population PK table with half-lives computed from the parameters, the PK/PD model, the regimen
 * grammar and the sources. A test fails when docs/drugs.md differs from this output.
 * Browser-safe (returns a string).
 */
import { DRUGS, TARGETS } from "./catalogue/index.js";
import { terminalHalfLifeDays } from "./disposition.js";
import { individualPk, steadyStateClearance } from "./individual-pk.js";
import { ASSUMED_IGG_KDA, ASSUMED_KD_NANOMOLAR } from "./pk-module.js";
import type { DrugRecord, MaybeQuantity, PopulationPk, Quantity } from "./types.js";
import { hasPopulationPk, isKnown, isSimulatedTimeVarying } from "./types.js";

const DAGGER = "†";

function fmt(x: number, digits = 3): string {
  return Number(x.toPrecision(digits)).toString();
}

function quantity(q: MaybeQuantity | undefined, digits = 3): string {
  if (q === undefined) return "—";
  if (!isKnown(q)) return "unknown";
  const prefix = q.qualifier === "upper-bound" ? "< " : q.qualifier === "lower-bound" ? "> " : "";
  return `${prefix}${fmt(q.value, digits)}${q.verified ? "" : DAGGER}`;
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ].join("\n");
}

function shortCitation(citation: string | undefined): string {
  if (!citation) return "—";
  const m = /^([A-Z][^,]+?)\s+[A-Z-]+[,.]/.exec(citation);
  const year = /(19|20)\d\d/.exec(citation)?.[0];
  if (citation.includes("prescribing information"))
    return citation.replace(" US prescribing information (FDA label)", " label");
  return m && year ? `${m[1]} ${year}` : citation.slice(0, 40);
}

function covariateText(pk: PopulationPk, covariate: "weightKg" | "albuminGPerL"): string {
  const effects = pk.covariates.filter((e) => e.covariate === covariate);
  if (effects.length === 0) return "—";
  return effects
    .map((e) => `${e.parameter.toUpperCase()} ${e.form === "power" ? "^" : "lin "}${fmt(e.coefficient)}`)
    .join(", ");
}

function drugRow(d: DrugRecord): string[] {
  return [
    `**${d.name}**`,
    d.brand,
    d.target,
    d.isotype,
    quantity(d.kdNanomolar),
    quantity(d.molecularWeightKDa),
    d.regimens.map((r) => `\`${r.text}\`${r.verified ? "" : DAGGER}`).join("<br>"),
    hasPopulationPk(d.pk) ? shortCitation(d.pk.model.citation) : "not available",
  ];
}

function pkRow(d: DrugRecord, pk: PopulationPk): string[] {
  const ind = individualPk(pk);
  const tFirst = terminalHalfLifeDays(ind);
  const tSs = terminalHalfLifeDays(ind, steadyStateClearance(ind));
  const tv = pk.timeVaryingClearance;
  const tvText = isSimulatedTimeVarying(tv)
    ? `Emax ${fmt(tv.emax.value)}, T50 ${fmt(tv.t50Days.value)} d, Hill ${fmt(tv.hill.value)}`
    : tv
      ? "reported, not simulated"
      : "—";
  const sat = pk.saturableClearance
    ? `Vmax ${quantity(pk.saturableClearance.vmaxMgPerDay)} mg/d, Km ${quantity(pk.saturableClearance.kmMgPerL)} mg/L`
    : "—";
  const iiv = pk.variability
    .map((v) => `${v.parameter.toUpperCase()} ${Math.round(v.cv * 100)} %`)
    .join(", ");
  const published = pk.publishedHalfLifeDays ? quantity(pk.publishedHalfLifeDays as Quantity) : "—";
  return [
    `**${d.name}**`,
    pk.structure === "two-compartment" ? "2" : "3",
    quantity(pk.clLPerDay),
    quantity(pk.vcL),
    quantity(pk.qLPerDay),
    quantity(pk.vpL),
    pk.q2LPerDay && pk.vp2L ? `${quantity(pk.q2LPerDay)} / ${quantity(pk.vp2L)}` : "—",
    tvText,
    sat,
    `${fmt(pk.referenceWeightKg)} kg: ${covariateText(pk, "weightKg")}`,
    pk.referenceAlbuminGPerL !== undefined
      ? `${fmt(pk.referenceAlbuminGPerL)} g/L: ${covariateText(pk, "albuminGPerL")}`
      : "—",
    iiv || "—",
    tv && isSimulatedTimeVarying(tv) ? `${fmt(tFirst)} → ${fmt(tSs)}` : fmt(tFirst),
    published,
    shortCitation(pk.model.citation),
  ];
}

function sources(): string[] {
  const seen = new Map<string, string>();
  const add = (c: string | undefined) => {
    if (c && !seen.has(c)) seen.set(c, c);
  };
  for (const d of DRUGS) {
    for (const q of [d.kdNanomolar, d.molecularWeightKDa]) if (isKnown(q)) add(q.source.citation);
    for (const r of d.regimens) add(r.source.citation);
    if (hasPopulationPk(d.pk)) {
      add(d.pk.model.citation);
      if (d.pk.timeVaryingClearance && !isSimulatedTimeVarying(d.pk.timeVaryingClearance))
        add(d.pk.timeVaryingClearance.source.citation);
      if (d.pk.publishedHalfLifeDays) add(d.pk.publishedHalfLifeDays.source.citation);
    }
  }
  return [...seen.keys()].sort();
}

export function catalogueMarkdown(): string {
  const withPk = DRUGS.filter((d) => hasPopulationPk(d.pk));
  const withoutPk = DRUGS.filter((d) => !hasPopulationPk(d.pk));
  const parts: string[] = [];
  parts.push(`# Checkpoint inhibitors: catalogue, regimens, PK/PD

<!-- Generated from src/drugs/catalogue by catalogueMarkdown() (src/drugs/catalogue-markdown.ts).
     Do not edit by hand: regenerate with  UPDATE_DOCS=1 node scripts/run-tests.mjs test/drugs/docs  -->

Every number below comes from the catalogue in \`src/drugs/catalogue/\`, where each value carries its
unit and its source (paper or label, table). ${DAGGER} marks a value not checked against its source while
it was entered (recalled, or seen only in a secondary document); "unknown" marks a value that was not
found — nothing is guessed. Used from the command line as

\`\`\`
cryoimmune pk --drug nivolumab --regimen "240 mg q2w" [--weight-kg 80] [--days 168] [--json] [--plot pk.png]
\`\`\`

and from code as \`simulatePk({ drug, regimen, weightKg, days })\` or, inside a larger model,
\`pkModule(drugByName("nivolumab"), { weightKg })\` (a \`ModuleDecl\` of the model language).`);

  parts.push(`## Drugs

${table(
  ["drug", "brand", "target", "isotype", "Kd (nM)", "MW (kDa)", "labelled regimens", "population PK"],
  DRUGS.map(drugRow),
)}

Affinities of the PD-1 antibodies are from one method (Brown et al. 2020, Table 3, analogs made from the
published sequences); reported affinities differ by orders of magnitude between methods (see the
\`notes\` of each record). Where no affinity is known the occupancy uses an assumed ${ASSUMED_KD_NANOMOLAR} nM,
and where no molecular weight is known ${ASSUMED_IGG_KDA} kDa (typical IgG); both are flagged as assumed in
the model's parameter sources.`);

  parts.push(`## Population pharmacokinetics

Typical values for the reference patient of each analysis (CL, Q in L/day; volumes in L). Covariates:
power effects (x/ref)^θ, or linear 1 + θ·(x − ref) ("lin"). IIV: between-patient coefficient of
variation. t½: terminal half-life computed here from the parameters (eigenvalues of the linear
disposition) at the first-dose clearance → at the clearance after long treatment (time-varying models).

${table(
  [
    "drug",
    "cmt",
    "CL",
    "Vc",
    "Q",
    "Vp",
    "Q2 / Vp2",
    "time-varying CL",
    "saturable CL",
    "weight",
    "albumin",
    "IIV",
    "t½ computed (d)",
    "t½ published (d)",
    "source",
  ],
  withPk.map((d) => pkRow(d, d.pk as PopulationPk)),
)}

Not simulated (no checked parameter set):

${withoutPk.map((d) => `- **${d.name}**: ${(d.pk as { reason: string }).reason}${(d.pk as { partial?: string }).partial ? ` ${(d.pk as { partial?: string }).partial}` : ""}`).join("\n")}

Reference patients:

${withPk.map((d) => `- **${d.name}**: ${(d.pk as PopulationPk).referencePatient}`).join("\n")}`);

  parts.push(`## Targets

Targets are data (\`src/drugs/catalogue/targets.ts\`): a new checkpoint and drugs against it are added as
records, without code. Receptor densities and turnover are not known for human cells in vivo with
checked sources; they are marked unknown.

${table(
  ["target", "id", "aliases", "ligands", "expressed on", "receptors/cell", "turnover t½", "evidence"],
  TARGETS.map((t) => [
    `**${t.name}**`,
    `occupancy_${t.id}`,
    t.aliases.join(", "),
    t.ligands.join(", "),
    t.expressingCells.join("; "),
    quantity(t.receptorsPerCell),
    quantity(t.turnoverHalfLifeHours),
    t.evidence.join(", "),
  ]),
)}`);

  parts.push(`## The PK/PD model

\`pkModule(drug, options)\` writes the drug as a module of the model language (compiled with the rest of
a model by \`compileModel\`):

- **Species** (amounts, mg): \`<drug>_amount_central\`, \`<drug>_amount_peripheral\` (and
  \`_peripheral2\` for three-compartment drugs); \`<drug>_infusion_rate\` (mg/day, set by infusion
  events); \`<drug>_treated\` (0 before the first dose, 1 after) and \`<drug>_days_on_treatment\`, which
  grows at rate \`<drug>_treated\` — time since the first dose, so time-varying clearance needs no
  first-dose parameter and keeps its meaning inside a larger model.
- **Processes**: linear elimination CL(t)·C with
  CL(t) = CL·Π covariates · exp(Emax·r/(1 + r)), r = (days on treatment / T50)^Hill; saturable
  elimination Vmax·C/(Km + C) where published (durvalumab); net distribution Q·(C − A_p/Vp) to each
  peripheral compartment; zero-order infusion input. Individual CL, Vc, Q, Vp are expressions of the
  patient's weight and albumin (parameters \`<drug>_weight_kg\`, \`<drug>_albumin_g_per_l\`).
- **Occupancy** \`occupancy_<target>\` = C/(C + K): quasi-equilibrium binding at the site, with K the
  dissociation constant converted to mg/L (Kd·MW). The drug is in large excess over the receptor in
  blood, so binding does not deplete serum drug; target-mediated elimination is inside the population
  clearances and the Michaelis–Menten term. With receptor turnover and internalisation the constant
  would become Kd + kint/kon (quasi-steady state); no target has checked values for them, so K = Kd by
  default. The option \`targetBinding\` (baseline target nM, kdeg, kint, kon, with their source) adds the
  total target as a species (synthesis, free-target turnover, complex internalisation that also removes
  drug: quasi-steady-state TMDD, Gibiansky et al. 2008) and uses K_ss for occupancy.
  Free drug at the site is taken equal to serum drug (blood T cells); tissue penetration is not
  modelled here.
- **Events**: \`dose_<drug>(amountMg)\` (bolus), \`infusion_start_<drug>(amountMg, durationDays)\` and
  \`infusion_stop_<drug>(amountMg, durationDays)\`.
- **Observables**: \`<drug>_serum\` (mg/L = µg/mL), \`<drug>_clearance\` (L/day), \`occupancy_<target>\`.
- **Parameters** carry their source and, for CL, Vc, Q, Vp, the published between-patient variability as a
  log-normal distribution (for virtual populations).

\`doseEvents(scheduleRegimen(parseRegimen(text), options))\` lists the events (name, day, arguments) a
larger model applies for a regimen. \`simulatePk\` compiles the modules of every drug a regimen names, schedules each dose as an exact event
of \`solveOde\` (doses at day 0, several at one time, and doses between output times are all applied)
and reports serum concentration, occupancy, troughs (just before each dose) and the terminal
half-life.

### Checks (tests in \`test/drugs/\`)

- Terminal half-lives from the catalogue in the published ranges: nivolumab 20–30 d (label 25 d),
  pembrolizumab 22–27 d, atezolizumab 24–30 d (27 d), ipilimumab 14–17 d (15.4 d); the simulated
  terminal slope matches the eigenvalue half-life within 1 %.
- One 3 mg/kg nivolumab dose: PD-1 occupancy ≥ 70 % through day 60 (Brahmer et al., JCO 2010).
- Ipilimumab 3 mg/kg q3w: trough before dose 4 within 30 % of the label's mean Cmin,ss 19.4 µg/mL;
  pembrolizumab 200 mg q3w: steady-state AUC over 6 weeks within 37 % (its CV) of 1.87 mg·day/mL
  (Freshwater 2017); atezolizumab 1200 mg: trough after dose 1 within 33 % (its CV) of 85 µg/mL
  (IMscin001 IV arm).
- The ODE model reproduces the closed-form bi-/tri-exponential (bolus and infusion superposition) to a
  relative 1e-8, including doses at day 0, simultaneous doses and doses between output times.
- Time-varying (nivolumab) and Michaelis–Menten (durvalumab) clearance match SciPy Radau reference
  solutions (\`test/fixtures/drugs/make_pk_reference.py\`) to a relative 1e-6 (measured ≈ 1e-10).

Known limits: pembrolizumab and atezolizumab time-varying clearance is reported but not simulated
(parameters not transcribed); nivolumab steady-state troughs were not checked against a published
value; occupancy at the site ignores tissue penetration and receptor turnover; measured PD-1 occupancy
plateaus near 70 % for all doses (Brahmer 2010) while the model with SPR affinities gives > 90 % at
therapeutic concentrations.`);

  parts.push(`## Regimen grammar

\`\`\`
regimen   := phase ( ("," | ";")? "then" phase )*
phase     := component ( "+" component )*
component := drug? amount ("mg" | "mg/kg") schedule? modifier*
schedule  := "q" N ("w" | "d")  |  "every" N ("weeks" | "days")  |  "once"
modifier  := "x" N  |  "from day" D  |  "over" T ("min" | "h")
\`\`\`

Examples: \`240 mg q2w\`, \`3 mg/kg q3w x4\`, \`1200 mg q3w from day 7\`, \`1500 mg q4w over 60 min\`,
\`nivolumab 1 mg/kg + ipilimumab 3 mg/kg q3w x4, then nivolumab 480 mg q4w\`. A component without its
own schedule takes the schedule and modifiers of the last component of its phase; a phase after "then"
starts when the previous phase's last dosing interval ends (every repeating dose before "then" needs
x N). A malformed regimen is an input error that shows the text with a caret where parsing stopped and
what was expected there.`);

  parts.push(`## Sources

${sources()
  .map((s) => `- ${s}`)
  .join("\n")}`);
  return `${parts.join("\n\n")}\n`;
}
