/**
 * A checkpoint inhibitor as a module of the model language: serum PK (two or three compartments,
 * time-varying and saturable clearance where the catalogue has them, covariates on weight and albumin)
 * and target occupancy, with dose events the immune model (or simulatePk) applies.
 *
 * Species (amounts in mg): `<drug>_amount_central`, `<drug>_amount_peripheral` (and `_peripheral2`),
 * `<drug>_infusion_rate` (mg/day, changed only by infusion events), `<drug>_treated` (0 before the
 * first dose, 1 after) and `<drug>_days_on_treatment` (days since the first dose; it grows at rate
 * `<drug>_treated`, so time-varying clearance needs no first-dose parameter and stays right when the
 * drug module sits inside a larger model with its own clock).
 *
 * Exposure at the site: `<drug>_site` = partition × serum, the tumour-averaged concentration
 * (./catalogue/tumour-partition.ts, QSP-IO volume fraction available to IgG in tumour tissue).
 *
 * Occupancy: `occupancy_<target>` = C_site / (C_site + EC50), the bound fraction at the tumour site
 * handed to the immune model, and `<drug>_occupancy_blood` = Emax · C / (C + EC50) on circulating cells
 * (C = serum) as the clinical receptor-occupancy assays report it: Emax is the plateau at which the
 * measurement saturates (nivolumab: about 72 % whatever the dose, Brahmer 2010), a property of the
 * assay, not a limit on binding. EC50 comes from in vivo occupancy data where the catalogue has them
 * (nivolumab, fitted to Brahmer 2010); otherwise EC50 = Kd (SPR, monovalent; converted with the
 * molecular weight) and Emax = 1 (assumed). Quasi-equilibrium: drug is in large excess over receptor,
 * so binding does not deplete serum drug; target-mediated elimination is already inside the population
 * clearances (and the Michaelis–Menten term where one was published). `options.targetBinding` switches
 * on the quasi-steady-state TMDD form with caller-supplied (sourced) target parameters; occupancy is
 * then the bound fraction in serum.
 *
 * Events: `dose_<drug>(amountMg)` (bolus), `infusion_start_<drug>(amountMg, durationDays)` and
 * `infusion_stop_<drug>(amountMg, durationDays)` (zero-order input between the two).
 * Browser-safe.
 */
import { InputError } from "../errors.js";
import type {
  CompartmentDecl,
  EventDecl,
  ModuleDecl,
  ObservableDecl,
  ParameterDecl,
  ProcessDecl,
  Source,
  SpeciesDecl,
} from "../model/types.js";
import { targetByName } from "./catalogue/index.js";
import { TUMOUR_PARTITION } from "./catalogue/tumour-partition.js";
import {
  ALBUMIN_RANGE_G_PER_L,
  checkAlbuminGPerL,
  checkWeightKg,
  WEIGHT_RANGE_KG,
} from "./covariate-ranges.js";
import type { DrugRecord, PkParameterName, PopulationPk, Quantity, Variability } from "./types.js";
import { hasPopulationPk, isKnown, isSimulatedTimeVarying } from "./types.js";

export interface PkModuleOptions {
  /** Patient body weight (default: the analysis' reference weight). */
  weightKg?: number;
  /** Patient serum albumin (default: the analysis' reference value). */
  albuminGPerL?: number;
  /** Site (tumour) concentration as a fraction of serum (default TUMOUR_PARTITION). */
  sitePartition?: number;
  /** Include the published time-varying clearance (default true). */
  timeVaryingClearance?: boolean;
  /** Include the published saturable clearance (default true). */
  saturableClearance?: boolean;
  /**
   * Target turnover at the site (quasi-steady-state TMDD, Gibiansky et al. 2008): adds the total
   * target as a species with synthesis, degradation of free target and internalisation of the complex,
   * which removes drug. Occupancy then uses K_ss = Kd + kint/kon. Off by default: no target in the
   * catalogue has checked values; callers supply calibrated or assumed ones with their source.
   */
  targetBinding?: TargetBindingParameters;
}

export interface TargetBindingParameters {
  /** Baseline total target concentration at the site, nmol/L. */
  baselineNanomolar: number;
  /** Turnover rate of the free target, 1/day. */
  degradationPerDay: number;
  /** Internalisation rate of the drug–target complex, 1/day. */
  internalisationPerDay: number;
  /** Association rate constant, L/nmol/day. */
  konPerNanomolarPerDay: number;
  source: Source;
}

/** Typical IgG molecular weight used when a drug's is not in the catalogue. */
export const ASSUMED_IGG_KDA = 146;
/** Affinity used when a drug's is not in the catalogue (typical of approved checkpoint antibodies). */
export const ASSUMED_KD_NANOMOLAR = 1;

/** Names of a drug module's species, parameters, observables and events. */
export function pkNames(drug: string) {
  const id = drug.toLowerCase();
  return {
    central: `${id}_amount_central`,
    peripheral: `${id}_amount_peripheral`,
    peripheral2: `${id}_amount_peripheral2`,
    infusionRate: `${id}_infusion_rate`,
    treated: `${id}_treated`,
    daysOnTreatment: `${id}_days_on_treatment`,
    serum: `${id}_serum`,
    site: `${id}_site`,
    occupancyBlood: `${id}_occupancy_blood`,
    clearance: `${id}_clearance`,
    dose: `dose_${id}`,
    infusionStart: `infusion_start_${id}`,
    infusionStop: `infusion_stop_${id}`,
    weight: `${id}_weight_kg`,
    albumin: `${id}_albumin_g_per_l`,
    ec50: `${id}_occupancy_ec50`,
    emax: `${id}_occupancy_emax`,
    partition: `${id}_site_partition`,
  };
}

export function occupancyName(drug: DrugRecord): string {
  return `occupancy_${targetByName(drug.target).id}`;
}

function parameter(
  name: string,
  q: Quantity,
  description: string,
  extra: Partial<ParameterDecl> = {},
): ParameterDecl {
  const note = q.verified
    ? q.source.note
    : `${q.source.note ? `${q.source.note}; ` : ""}not verified against the source here`;
  return {
    name,
    value: q.value,
    unit: q.unit,
    description,
    source: { ...q.source, ...(note ? { note } : {}) },
    ...extra,
  };
}

const PARAMETER_LABEL: Record<PkParameterName, string> = {
  cl: "CL",
  vc: "Vc",
  q: "Q",
  vp: "Vp",
  q2: "Q2",
  vp2: "Vp2",
};

/** Name of the factor carrying a random effect shared by several parameters (e.g. nivolumab_eta_CL_Q). */
function sharedEtaName(id: string, v: Variability): string {
  return `${id}_eta_${[v.parameter, ...(v.sharedWith ?? [])].map((x) => PARAMETER_LABEL[x as PkParameterName]).join("_")}`;
}

/** The shared-eta entry that applies to `p`, if any. */
function sharedEta(pk: PopulationPk, p: PkParameterName): Variability | undefined {
  return pk.variability.find((v) => v.sharedWith && (v.parameter === p || v.sharedWith.includes(p)));
}

/**
 * Expression of an individual parameter: typical value times its covariate effects, times the factor
 * of a random effect it shares with other parameters (value 1 with the published log-normal spread).
 */
function individualExpr(id: string, pk: PopulationPk, p: PkParameterName, params: ParameterDecl[]): string {
  const names = pkNames(id);
  const typical = `${id}_${PARAMETER_LABEL[p]}`;
  const factors = [typical];
  const shared = sharedEta(pk, p);
  if (shared) factors.push(sharedEtaName(id, shared));
  pk.covariates
    .filter((e) => e.parameter === p)
    .forEach((e, k) => {
      const coef = `${id}_${PARAMETER_LABEL[p]}_${e.covariate === "weightKg" ? "weight" : "albumin"}_${e.form}${k > 0 ? k : ""}`;
      const ref = `${id}_${PARAMETER_LABEL[p]}_${e.covariate === "weightKg" ? "weight" : "albumin"}_reference${k > 0 ? k : ""}`;
      const refUnit = e.covariate === "weightKg" ? "kg" : "g/L";
      params.push({
        name: coef,
        value: e.coefficient,
        unit: e.form === "power" ? "1" : e.covariate === "weightKg" ? "1/kg" : "L/g",
        description: `${e.form} effect of ${e.covariate === "weightKg" ? "body weight" : "albumin"} on ${PARAMETER_LABEL[p]}`,
        source: e.source,
      });
      params.push({
        name: ref,
        value: e.reference,
        unit: refUnit,
        description: `reference ${e.covariate === "weightKg" ? "body weight" : "albumin"} of the ${PARAMETER_LABEL[p]} effect`,
        source: e.source,
      });
      const x = e.covariate === "weightKg" ? names.weight : names.albumin;
      factors.push(e.form === "power" ? `(${x} / ${ref})^${coef}` : `(1 + ${coef} * (${x} - ${ref}))`);
    });
  return factors.length === 1 ? factors[0] : `(${factors.join(" * ")})`;
}

/** The PK/PD module of one drug. InputError when the catalogue has no population PK for it. */
export function pkModule(drug: DrugRecord, options: PkModuleOptions = {}): ModuleDecl {
  const pk = drug.pk;
  if (!hasPopulationPk(pk))
    throw new InputError(
      "drug",
      drug.name,
      `a drug with population PK in the catalogue (${drug.name}: ${pk.reason})`,
    );
  const id = drug.name.toLowerCase();
  const n = pkNames(id);
  const target = targetByName(drug.target);
  const evidence = drug.evidence;
  const params: ParameterDecl[] = [];
  const threeCompartment = pk.q2LPerDay !== undefined && pk.vp2L !== undefined;
  const hasAlbumin = pk.covariates.some((e) => e.covariate === "albuminGPerL");

  const weightKg = options.weightKg === undefined ? pk.referenceWeightKg : checkWeightKg(options.weightKg);
  if (options.albuminGPerL !== undefined) checkAlbuminGPerL(options.albuminGPerL);
  const sitePartition = options.sitePartition ?? TUMOUR_PARTITION.value;
  if (!(sitePartition > 0 && sitePartition <= 1))
    throw new InputError("sitePartition", options.sitePartition, "a fraction in (0, 1]");

  // Between-patient variability (log-normal CV) travels with the parameter, for virtual populations.
  // A random effect the source shares between parameters (one eta on CL and Q, or on Vc and Vp) is a
  // separate factor parameter (value 1) multiplying each of them, so a sampled patient keeps the
  // published coupling.
  const iiv = (p: PkParameterName): Partial<ParameterDecl> => {
    const v = pk.variability.find((x) => x.parameter === p && !x.sharedWith);
    return v ? { distribution: { kind: "lognormal", cv: v.cv } } : {};
  };
  for (const v of pk.variability)
    if (v.sharedWith)
      params.push({
        name: sharedEtaName(id, v),
        value: 1,
        unit: "1",
        description: `${drug.name}: between-patient factor shared by ${[v.parameter, ...v.sharedWith].map((x) => PARAMETER_LABEL[x as PkParameterName]).join(" and ")} (one random effect in the source)`,
        source: v.source,
        distribution: { kind: "lognormal", cv: v.cv },
      });
  params.push(
    parameter(
      `${id}_CL`,
      pk.clLPerDay,
      `${drug.name} clearance of the reference patient (first dose)`,
      iiv("cl"),
    ),
  );
  params.push(
    parameter(`${id}_Vc`, pk.vcL, `${drug.name} central volume of the reference patient`, iiv("vc")),
  );
  params.push(parameter(`${id}_Q`, pk.qLPerDay, `${drug.name} intercompartmental clearance`, iiv("q")));
  params.push(parameter(`${id}_Vp`, pk.vpL, `${drug.name} peripheral volume`, iiv("vp")));
  if (threeCompartment && pk.q2LPerDay && pk.vp2L) {
    params.push(
      parameter(
        `${id}_Q2`,
        pk.q2LPerDay,
        `${drug.name} clearance to the second peripheral compartment`,
        iiv("q2"),
      ),
    );
    params.push(parameter(`${id}_Vp2`, pk.vp2L, `${drug.name} second peripheral volume`, iiv("vp2")));
  }
  const weightSource: Source = {
    kind: "assumed",
    note: `patient covariate; default the analysis' reference weight (${pk.referenceWeightKg} kg)`,
  };
  params.push({
    name: n.weight,
    value: weightKg,
    unit: "kg",
    description: `body weight of the patient receiving ${drug.name}`,
    source: weightSource,
    min: WEIGHT_RANGE_KG[0],
    max: WEIGHT_RANGE_KG[1],
  });
  if (hasAlbumin) {
    // Default: the analysis' reference patient; an analysis without one (none in the catalogue now)
    // falls back to the reference of its albumin covariate effect, and says so.
    const effectReference = pk.covariates.find((e) => e.covariate === "albuminGPerL")?.reference;
    const albuminDefault = pk.referenceAlbuminGPerL ?? effectReference;
    params.push({
      name: n.albumin,
      value: options.albuminGPerL ?? (albuminDefault as number),
      unit: "g/L",
      description: `serum albumin of the patient receiving ${drug.name}`,
      source: {
        kind: "assumed",
        note:
          pk.referenceAlbuminGPerL !== undefined
            ? `patient covariate; default the analysis' reference patient (${pk.referenceAlbuminGPerL} g/L)`
            : `patient covariate; default the reference value of the albumin covariate effect (${effectReference} g/L)`,
      },
      min: ALBUMIN_RANGE_G_PER_L[0],
      max: ALBUMIN_RANGE_G_PER_L[1],
    });
  }

  const clTypical = individualExpr(id, pk, "cl", params);
  const vc = individualExpr(id, pk, "vc", params);
  const q = individualExpr(id, pk, "q", params);
  const vp = individualExpr(id, pk, "vp", params);
  const conc = `(${n.central} / ${vc})`;

  let cl = clTypical;
  const tv = pk.timeVaryingClearance;
  if (options.timeVaryingClearance !== false && isSimulatedTimeVarying(tv)) {
    params.push(
      parameter(`${id}_CL_emax`, tv.emax, "maximal change of log clearance with time on treatment"),
    );
    params.push(parameter(`${id}_CL_t50`, tv.t50Days, "time on treatment to half the clearance change"));
    params.push(parameter(`${id}_CL_hill`, tv.hill, "sigmoidicity of the clearance change"));
    const r = `(${n.daysOnTreatment} / ${id}_CL_t50)^${id}_CL_hill`;
    cl = `(${clTypical} * exp(${id}_CL_emax * ${r} / (1 + ${r})))`;
  }

  const processes: ProcessDecl[] = [
    {
      name: `${id}_linear_elimination`,
      rate: `${cl} * ${conc}`,
      changes: { [n.central]: -1 },
      evidence,
      description: `${drug.name}: linear (FcRn-protected catabolic) elimination from serum`,
    },
    {
      name: `${id}_distribution`,
      rate: `${q} * (${conc} - ${n.peripheral} / ${vp})`,
      changes: { [n.central]: -1, [n.peripheral]: 1 },
      evidence,
      description: `${drug.name}: net exchange between serum and the peripheral compartment`,
    },
    {
      name: `${id}_infusion`,
      rate: n.infusionRate,
      changes: { [n.central]: 1 },
      evidence,
      description: `${drug.name}: zero-order intravenous infusion into serum`,
    },
    {
      name: `${id}_treatment_clock`,
      rate: n.treated,
      changes: { [n.daysOnTreatment]: 1 },
      evidence,
      description: `${drug.name}: days since the first dose (drives time-varying clearance)`,
    },
  ];
  if (threeCompartment) {
    const q2 = individualExpr(id, pk, "q2", params);
    const vp2 = individualExpr(id, pk, "vp2", params);
    processes.splice(2, 0, {
      name: `${id}_distribution2`,
      rate: `${q2} * (${conc} - ${n.peripheral2} / ${vp2})`,
      changes: { [n.central]: -1, [n.peripheral2]: 1 },
      evidence,
      description: `${drug.name}: net exchange with the second (deep) peripheral compartment`,
    });
  }
  if (options.saturableClearance !== false && pk.saturableClearance) {
    params.push(
      parameter(`${id}_Vmax`, pk.saturableClearance.vmaxMgPerDay, "maximal rate of saturable elimination"),
    );
    params.push(
      parameter(
        `${id}_Km`,
        pk.saturableClearance.kmMgPerL,
        "serum concentration of half-maximal saturable elimination",
      ),
    );
    processes.splice(1, 0, {
      name: `${id}_saturable_elimination`,
      rate: `${id}_Vmax * ${conc} / (${id}_Km + ${conc})`,
      changes: { [n.central]: -1 },
      evidence,
      description: `${drug.name}: saturable (target-mediated) elimination, Michaelis–Menten`,
    });
  }

  // Binding constant at the site, in mg/L (quasi-equilibrium; see the file comment).
  const kd = isKnown(drug.kdNanomolar) ? drug.kdNanomolar : undefined;
  const mw = isKnown(drug.molecularWeightKDa) ? drug.molecularWeightKDa : undefined;
  const kdNm = kd ? kd.value : ASSUMED_KD_NANOMOLAR;
  const mwKDa = mw ? mw.value : ASSUMED_IGG_KDA;
  const kdSource: Source = kd
    ? {
        kind: "derived",
        citation: kd.source.citation,
        note: `Kd ${kdNm} nmol/L × ${mwKDa} kDa${mw ? "" : " (assumed typical IgG mass)"} / 1000${kd.verified ? "" : "; Kd not verified"}${kd.qualifier === "upper-bound" ? "; source gives an upper bound" : ""}`,
      }
    : {
        kind: "assumed",
        note: `no checked affinity for ${drug.name}; ${ASSUMED_KD_NANOMOLAR} nmol/L, typical of approved checkpoint antibodies, × ${mwKDa} kDa`,
      };
  const occ = drug.occupancy;
  if (occ) {
    params.push(
      parameter(
        n.ec50,
        occ.ec50UgPerMl,
        `${drug.name}–${target.name}: concentration of half-maximal occupancy (${occ.measuredOn})`,
      ),
      parameter(n.emax, occ.emax, `${drug.name}–${target.name}: plateau of the measured occupancy`),
    );
  } else {
    params.push(
      {
        name: n.ec50,
        value: (kdNm * mwKDa) / 1000,
        unit: "mg/L",
        description: `${drug.name}–${target.name}: concentration of half-maximal occupancy, the dissociation constant Kd as a concentration (no in vivo occupancy data)`,
        source: kdSource,
      },
      {
        name: n.emax,
        value: 1,
        unit: "1",
        description: `${drug.name}–${target.name}: plateau of the measured occupancy`,
        source: {
          kind: "assumed",
          note: `no in vivo occupancy plateau transcribed for ${drug.name}; the measurement taken to reach full occupancy`,
        },
      },
    );
  }
  params.push({
    name: n.partition,
    value: sitePartition,
    unit: "1",
    description: `${drug.name}: concentration at the tumour site as a fraction of serum`,
    source:
      options.sitePartition === undefined
        ? TUMOUR_PARTITION.source
        : { kind: "assumed", note: "caller-supplied site partition (PkModuleOptions.sitePartition)" },
  });
  const site = `(${n.partition} * ${conc})`;
  let occupancyExpr = `${site} / (${site} + ${n.ec50})`;
  const occupancyBloodExpr = `${n.emax} * ${conc} / (${conc} + ${n.ec50})`;
  const extraSpecies: SpeciesDecl[] = [];
  const tb = options.targetBinding;
  if (tb) {
    for (const [field, v] of Object.entries({
      baselineNanomolar: tb.baselineNanomolar,
      degradationPerDay: tb.degradationPerDay,
      internalisationPerDay: tb.internalisationPerDay,
      konPerNanomolarPerDay: tb.konPerNanomolarPerDay,
    }))
      if (!(v > 0 && Number.isFinite(v)))
        throw new InputError(`targetBinding.${field}`, v, "a positive number");
    const rtot = `${id}_target_total`;
    const cNm = `(${conc} * ${id}_nmol_per_mg)`;
    const kss = `(${id}_kd_nM + ${id}_target_kint / ${id}_kon)`;
    const bound = `(${cNm} / (${kss} + ${cNm}))`;
    params.push(
      {
        name: `${id}_nmol_per_mg`,
        value: 1000 / mwKDa,
        unit: "nmol/mg",
        description: `${drug.name}: amount per mass (1/MW)`,
        source: mw
          ? { kind: "derived", citation: mw.source.citation, note: `1000 / ${mwKDa} kDa` }
          : { kind: "assumed", note: `1000 / ${mwKDa} kDa (typical IgG mass)` },
      },
      {
        name: `${id}_kd_nM`,
        value: kdNm,
        unit: "nmol/L",
        description: `${drug.name}–${target.name} dissociation constant`,
        source: kd ? kd.source : { kind: "assumed", note: "no checked affinity; typical value" },
      },
      {
        name: `${id}_target_baseline`,
        value: tb.baselineNanomolar,
        unit: "nmol/L",
        description: `baseline total ${target.name} at the site`,
        source: tb.source,
      },
      {
        name: `${id}_target_kdeg`,
        value: tb.degradationPerDay,
        unit: "1/day",
        description: `turnover of free ${target.name}`,
        source: tb.source,
      },
      {
        name: `${id}_target_kint`,
        value: tb.internalisationPerDay,
        unit: "1/day",
        description: `internalisation of the ${drug.name}–${target.name} complex`,
        source: tb.source,
      },
      {
        name: `${id}_kon`,
        value: tb.konPerNanomolarPerDay,
        unit: "L/nmol/day",
        description: `${drug.name}–${target.name} association rate constant`,
        source: tb.source,
      },
    );
    extraSpecies.push({
      name: rtot,
      compartment: `${id}_serum_space`,
      unit: "nmol/L",
      initial: `${id}_target_baseline`,
      description: `total ${target.name} (free + bound to ${drug.name}) at the site`,
    });
    processes.push(
      {
        name: `${id}_target_synthesis`,
        rate: `${id}_target_kdeg * ${id}_target_baseline`,
        changes: { [rtot]: 1 },
        evidence,
        description: `${target.name} synthesis (zero order, balancing turnover at baseline)`,
      },
      {
        name: `${id}_target_degradation`,
        rate: `${id}_target_kdeg * ${rtot} * (1 - ${bound})`,
        changes: { [rtot]: -1 },
        evidence,
        description: `turnover of free ${target.name}`,
      },
      {
        name: `${id}_complex_internalisation`,
        rate: `${id}_target_kint * ${rtot} * ${bound}`,
        changes: { [rtot]: -1, [n.central]: `-${vc} / ${id}_nmol_per_mg` },
        evidence,
        description: `internalisation of ${drug.name}–${target.name} complexes (removes drug and target)`,
      },
    );
    occupancyExpr = bound;
  }

  const species: SpeciesDecl[] = [
    {
      name: n.central,
      compartment: `${id}_serum_space`,
      unit: "mg",
      initial: 0,
      description: `${drug.name} in serum (central compartment)`,
    },
    {
      name: n.peripheral,
      compartment: `${id}_tissue_space`,
      unit: "mg",
      initial: 0,
      description: `${drug.name} in the peripheral compartment`,
    },
    ...(threeCompartment
      ? [
          {
            name: n.peripheral2,
            compartment: `${id}_tissue_space`,
            unit: "mg",
            initial: 0,
            description: `${drug.name} in the second peripheral compartment`,
          },
        ]
      : []),
    {
      name: n.infusionRate,
      compartment: `${id}_serum_space`,
      unit: "mg/day",
      initial: 0,
      description: `${drug.name} infusion rate (set by infusion events)`,
    },
    {
      name: n.treated,
      compartment: `${id}_serum_space`,
      unit: "1",
      initial: 0,
      description: `1 once ${drug.name} has been given, else 0`,
    },
    {
      name: n.daysOnTreatment,
      compartment: `${id}_serum_space`,
      unit: "day",
      initial: 0,
      description: `days since the first dose of ${drug.name}`,
    },
  ];
  species.push(...extraSpecies);
  const compartments: CompartmentDecl[] = [
    {
      name: `${id}_serum_space`,
      size: pk.vcL.value,
      unit: "L",
      description: `${drug.name} central volume of the reference patient (bookkeeping: rates use the individual volume)`,
      source: pk.vcL.source,
    },
    {
      name: `${id}_tissue_space`,
      size: pk.vpL.value,
      unit: "L",
      description: `${drug.name} peripheral volume of the reference patient (bookkeeping)`,
      source: pk.vpL.source,
    },
  ];
  const observables: ObservableDecl[] = [
    {
      name: n.serum,
      expression: conc,
      unit: "mg/L",
      description: `${drug.name} serum concentration (mg/L = µg/mL)`,
    },
    { name: n.clearance, expression: cl, unit: "L/day", description: `${drug.name} linear clearance now` },
    {
      name: n.site,
      expression: site,
      unit: "mg/L",
      description: `${drug.name} concentration at the tumour site (partition × serum)`,
    },
    {
      name: occupancyName(drug),
      expression: occupancyExpr,
      unit: "1",
      description: `fraction of ${target.name} bound by ${drug.name} at the tumour site (quasi-equilibrium)`,
    },
    {
      name: n.occupancyBlood,
      expression: occupancyBloodExpr,
      unit: "1",
      description: `${target.name} occupancy by ${drug.name} on circulating cells as measured (Emax × bound fraction at the serum concentration)`,
    },
  ];
  const events: EventDecl[] = [
    {
      name: n.dose,
      arguments: [{ name: "amountMg", unit: "mg", description: "dose given as a bolus" }],
      assign: { [n.central]: `${n.central} + amountMg`, [n.treated]: "1" },
      evidence,
      description: `${drug.name} intravenous dose (bolus)`,
    },
    {
      name: n.infusionStart,
      arguments: [
        { name: "amountMg", unit: "mg", description: "dose infused" },
        { name: "durationDays", unit: "day", description: "infusion duration" },
      ],
      assign: { [n.infusionRate]: `${n.infusionRate} + amountMg / durationDays`, [n.treated]: "1" },
      evidence,
      description: `${drug.name} infusion starts (zero-order input)`,
    },
    {
      name: n.infusionStop,
      arguments: [
        { name: "amountMg", unit: "mg", description: "dose infused" },
        { name: "durationDays", unit: "day", description: "infusion duration" },
      ],
      assign: { [n.infusionRate]: `max(0, ${n.infusionRate} - amountMg / durationDays)` },
      evidence,
      description: `${drug.name} infusion ends`,
    },
  ];
  return {
    name: `drug_${id}`,
    description: `${drug.name} (${drug.brand}, anti-${target.name}): ${pk.structure} population PK and ${target.name} occupancy`,
    compartments,
    species,
    parameters: params,
    processes,
    observables,
    events,
  };
}
