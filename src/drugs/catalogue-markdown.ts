/**
 * docs/drugs.md, generated from the catalogue (one source of truth): drug and target tables, the
 * population PK table with half-lives computed from the parameters, the PK/PD model, the regimen
 * grammar and the sources. A test fails when docs/drugs.md differs from this output.
 * Browser-safe (returns a string).
 */
import { DRUGS, TARGETS } from "./catalogue/index.js";
import { TUMOUR_PARTITION } from "./catalogue/tumour-partition.js";
import { ALBUMIN_RANGE_G_PER_L, WEIGHT_RANGE_KG } from "./covariate-ranges.js";
import { effectiveHalfLifeDays, terminalHalfLifeDays } from "./disposition.js";
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
    .map(
      (v) =>
        `${[v.parameter, ...(v.sharedWith ?? [])].map((x) => x.toUpperCase()).join("/")} ${Math.round(v.cv * 100)} %`,
    )
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
    `${tv && isSimulatedTimeVarying(tv) ? `${fmt(tFirst)} → ${fmt(tSs)}` : fmt(tFirst)}${pk.structure === "three-compartment" ? ` (effective at q3w: ${fmt(effectiveHalfLifeDays(ind, 21, steadyStateClearance(ind)))})` : ""}`,
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
    if (d.occupancy) add(d.occupancy.emax.source.citation);
  }
  add(TUMOUR_PARTITION.source.citation);
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
variation; "CL/Q" marks one random effect the source shares between two parameters (applied here as one
factor on both). t½: terminal half-life computed here from the parameters (eigenvalues of the linear
disposition) at the first-dose clearance → at the clearance after long treatment (time-varying models);
for three-compartment models also the effective (accumulation) half-life at q3w, which is what the
label reports (tislelizumab: deepest eigenvalue ≈ 36 d, label 23.8 d; see "Half-lives" below).

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
- **Site concentration** \`<drug>_site\` = ${fmt(TUMOUR_PARTITION.value)} × serum: the tumour-averaged
  concentration, taking the volume fraction of tumour tissue open to IgG in the QSP-IO family of models
  (γ_T, Ruiz-Martinez et al. 2022, S2 Table${DAGGER}) to equilibrate with serum. It ignores the days of
  extravasation and lymphatic drainage (a partition, not transport). Option \`sitePartition\` overrides it.
- **Occupancy** \`occupancy_<target>\` = C_site/(C_site + EC50), the bound fraction at the tumour site —
  the exposure handed to the immune model — and \`<drug>_occupancy_blood\` = Emax·C/(C + EC50) on
  circulating cells (C = serum), as clinical receptor-occupancy assays report it. Emax is the plateau at
  which the measurement saturates; it is applied to the measured (blood) occupancy only. Brahmer's
  plateau is the same over a 33-fold dose range (0.3–10 mg/kg), which reads as the ceiling of the assay;
  treating it as a ceiling on binding instead would cap PD-1 blockade at 72 % for nivolumab alone (no
  other drug has such data) — that reading is not taken. Quasi-equilibrium: the drug is in large excess
  over the receptor, so binding does not deplete serum drug; target-mediated elimination is inside the
  population clearances and the Michaelis–Menten term.
  - **Nivolumab** (the only drug with in vivo occupancy data transcribed): Emax = 0.72${DAGGER}, the mean
    plateau on circulating CD3+ T cells, the same for 0.3–10 mg/kg (Brahmer et al. 2010); EC50 =
    ${fmt(DRUGS.find((d) => d.name === "nivolumab")?.occupancy?.ec50UgPerMl.value ?? Number.NaN)} µg/mL (≈ 0.1 nM), **fitted** to Brahmer's data only: the largest EC50 for
    which one 0.3 mg/kg dose keeps occupancy ≥ 70 % to day 60 (day-60 serum 0.50 µg/mL in the
    Bajaj 2017 typical 80-kg patient). The SPR Kd (7.2 nM = 1.05 µg/mL, Brown 2020) would give 32 % at day
    60 after 0.3 mg/kg and 95–99 % after 3 mg/kg, contradicting both observations; monovalent SPR
    underestimates bivalent binding to cells.
  - **Other drugs**: EC50 = Kd (SPR, Kd·MW in mg/L) and Emax = 1 (assumed), until cell-based or in vivo
    occupancy data are transcribed (pembrolizumab: Patnaik 2015 / Lindauer 2017 ex vivo IL-2 data, not
    checked here).
  - The option \`targetBinding\` (baseline target nM, kdeg, kint, kon, with their source) adds the total
    target as a species (synthesis, free-target turnover, complex internalisation that also removes drug:
    quasi-steady-state TMDD, Gibiansky et al. 2008); occupancy is then the bound fraction in serum with
    K_ss = Kd + kint/kon.
- **Events**: \`dose_<drug>(amountMg)\` (bolus), \`infusion_start_<drug>(amountMg, durationDays)\` and
  \`infusion_stop_<drug>(amountMg, durationDays)\`.
- **Observables**: \`<drug>_serum\` (mg/L = µg/mL), \`<drug>_site\` (mg/L), \`<drug>_clearance\`
  (L/day), \`occupancy_<target>\` (tumour site), \`<drug>_occupancy_blood\`.
- **Parameters** carry their source and, for CL, Vc, Q, Vp, the published between-patient variability as a
  log-normal distribution (for virtual populations). Patient covariates are checked once
  (\`src/drugs/covariate-ranges.ts\`): body weight ${WEIGHT_RANGE_KG[0]}–${WEIGHT_RANGE_KG[1]} kg and albumin
  ${ALBUMIN_RANGE_G_PER_L[0]}–${ALBUMIN_RANGE_G_PER_L[1]} g/L (rounded outward from the covariate ranges of the analyses; the limits
  are assumed), reported under the caller's field (\`weightKg\`, \`--weight-kg\`).

### Between-patient variability

Where the source estimated one random effect for two parameters — pembrolizumab (Ahamadi 2017: "CL/Q"
and "Vc/Vp") and cemiplimab (Nguyen 2022: ETA1 CL_Q, ETA2 V1_V2) — the module has one factor parameter
(\`<drug>_eta_CL_Q\`, \`<drug>_eta_Vc_Vp\`; value 1, log-normal with the published CV) multiplying both,
so a sampled patient keeps the coupling. Dropped: any correlation between different etas that an
analysis reports (off-diagonal elements of Ω, e.g. a CL–Vc covariance) is not transcribed; those etas
are sampled independently, which keeps each parameter's spread but not their joint spread (e.g. of
peaks against troughs). Between-patient variability of time-varying-clearance Emax (nivolumab,
ω² = 0.0719) and of residual error is not carried.

\`doseEvents(scheduleRegimen(parseRegimen(text), options))\` lists the events (name, day, arguments) a
larger model applies for a regimen. \`simulatePk\` compiles the modules of every drug a regimen names, schedules each dose as an exact event
of \`solveOde\` (doses at day 0, several at one time, and doses between output times are all applied)
and reports serum concentration, occupancy, troughs (just before each dose) and the terminal
half-life.

### Half-lives

\`halfLifeDays\` (CLI and \`simulatePk\`) is the terminal half-life, ln 2 / (smallest eigenvalue), at the
clearance after long treatment. \`effectiveHalfLifeDays\` is the half-life of the one-compartment drug
with the same AUC accumulation over the regimen's dosing interval τ: t½ = ln 2·τ / ln(R/(R − 1)),
R = AUC(0–∞)/AUC(0–τ) of one dose. For two-compartment antibodies the two are close (the terminal phase
carries ~90 % of the AUC); for tislelizumab's three compartments the deepest phase (≈ 36 d) carries a
quarter of the AUC, and the effective half-life at q3w (23.7 d) is the label's 23.8 d.

### Checks (tests in \`test/drugs/\`)

- Half-lives within ± 20 % of the published values (the typical patient of a log-normal population sits
  near the geometric mean; 20 % is below every reported between-patient CV, 31–77 %): nivolumab 25 d,
  pembrolizumab 22 d, atezolizumab 27 d, ipilimumab 15.4 d, durvalumab 21 d, tremelimumab 18 d
  (terminal), tislelizumab 23.8 d (effective at q3w, within 5 %); the simulated terminal slope matches
  the eigenvalue half-life within 1 %.
- Nivolumab occupancy on blood T cells (Brahmer 2010): at day 60 after one dose of 0.3, 3 and 10 mg/kg
  within 60–85 % (the 72 % plateau), ≥ 70 % through day 60, and the 3 mg/kg plateau (days 7–60) in
  the band and within 2 points of 10 mg/kg. The site occupancy is the bound fraction at the site
  concentration.
- Steady-state troughs and exposure (typical patient against a reported mean or median, ± 25 %, or
  the reported interquartile range): cemiplimab 350 mg q3w Ctrough,ss in the popPK-predicted IQR
  42.4–74.1 µg/mL and within 25 % of its median 56.6 (Rischin et al., J Immunother Cancer 2020,
  Table 4); ipilimumab 3 mg/kg q3w trough before dose 4 within 25 % of the label's mean Cmin,ss
  19.4 µg/mL; pembrolizumab 200 mg q3w AUC over 6 weeks at steady state within 20 % of 1.87 mg·day/mL
  (Freshwater 2017); atezolizumab 1200 mg trough after dose 1 within 20 % of 85 µg/mL (IMscin001 IV
  arm).
- Labelled regimens against published exposure (\`test/drugs/published-exposure.test.ts\`; sources in
  \`EXPOSURE_SOURCES\`, \`src/drugs/catalogue/sources.ts\`). Where only ratios between regimens are
  published, the ratio is checked. Nivolumab 480 mg q4w vs 3 mg/kg q2w at 80 kg (Ann Oncol 2020
  bridging analysis): trough at day 28 −22.1 % (model −22.9 %), mean level over days 0–28 +26.8 %
  (+21.4 %), at steady state +5.2 % (0.0 %), first Cmax +110.4 % (+100 %), each within ± 6 % of the
  ratio. Durvalumab 1500 mg q4w vs 10 mg/kg q2w at 69.8 kg (label): AUC +6 % (+7.6 %), Ctrough −19 %
  (−15.6 %), Cmax +55 % (+58.8 %), each within ± 0.05; and a seeded population (200 patients, catalogue
  IIV, reference covariates) has ≥ 95.4 % of steady-state troughs above 53.3 µg/mL at 10 mg/kg q2w
  (the licence holder's simulation; this population, without covariate spread, has 99 %).
  Pembrolizumab AUC over 6 weeks at 2 and 10 mg/kg q3w within 20 % of 1.38 and 7.63 mg·day/mL
  (Freshwater 2017; model 1.37, 6.84), accumulation 2.1-fold (model 2.11) and ≥ 90 % of steady state in
  the interval from week 15 (Swiss label), 400 mg q6w Cavg,ss within 3 % of 200 mg q3w (Lala 2020).
  Atezolizumab 1200 mg q3w accumulation 1.91 / 1.46 / 2.75 (AUC / Cmax / Ctrough; EU SmPC) within
  20 % (model 2.08 / 1.55 / 2.37; the stationary model lacks the label's ~17 % fall in clearance).
  Tislelizumab 200 mg q3w (Desai 2020, Table 2): cycle 1 Cmax 77.2 ± 13.9 µg/mL (model 64.0), AUC0–21
  674.7 ± 173.6 (598), cycle 4–5 AUCτ 977.8 ± 440.3 µg·day/mL (1109, 1174) within mean ± SD; about
  2-fold accumulation and 90 % of steady state after about 84 days (EU SmPC). Tremelimumab 300 mg once
  (STRIDE): level at day 28 within 20 % of the predicted Cmin1 12.9 µg/mL (Song 2023; model 12.1).
  Cemiplimab 350 mg q3w, seeded population: Ctrough,ss quartiles 36.7 / 47.4 / 68.0 µg/mL within 25 %
  of the popPK-predicted 42.4 / 56.6 / 74.1 (Rischin 2020). Virtual patients: \`samplePkPatient\`
  (\`src/drugs/population.ts\`) draws each declared random effect (median = typical value) from a
  seeded stream; \`simulatePk({ parameters })\` takes them. **Not checked** against a published
  absolute value: steady-state troughs of nivolumab 240 mg q2w / 480 mg q4w, pembrolizumab 200 mg q3w
  and durvalumab (none could be read in the material searched); the model's typical values are 81 / 67,
  30 and 149 / 126 µg/mL.
- Troughs are recorded before every dose of a drug after its first (none for a first dose on a later
  day); a single ("once") dose followed by "then" is separated from the next phase by that phase's
  interval.
- The ODE model reproduces the closed-form bi-/tri-exponential (bolus and infusion superposition) to a
  relative 1e-8, including doses at day 0, simultaneous doses and doses between output times.
- Time-varying (nivolumab) and Michaelis–Menten (durvalumab) clearance match SciPy Radau reference
  solutions (\`test/fixtures/drugs/make_pk_reference.py\`) to a relative 1e-6 (measured ≈ 1e-10).

Known limits: pembrolizumab and atezolizumab time-varying clearance is reported but not simulated
(parameters not transcribed); occupancy at the tumour site rests on an equilibrium partition and, except
for nivolumab, on SPR affinities; receptor turnover is off by default; toripalimab, sintilimab and
camrelizumab have no simulated PK (their popPK parameter tables could not be read here).

## Regimen grammar

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
x N); after a single ("once") dose it starts one interval of the next phase later ("300 mg once, then
240 mg q2w": 300 mg on day 0, 240 mg from day 14), and a phase of single doses after a single dose needs
"from day N". A malformed regimen is an input error that shows the text with a caret where parsing stopped and
what was expected there.`);

  parts.push(`## Sources

${sources()
  .map((s) => `- ${s}`)
  .join("\n")}`);
  return `${parts.join("\n\n")}\n`;
}
