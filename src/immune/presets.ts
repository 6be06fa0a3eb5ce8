/**
 * Tumour-type presets and immune phenotypes as data: parameter overrides with their reasons.
 * The presets differ in the immune phenotype (antigenicity, infiltration, PD-L1), not in growth, which
 * stays QSP-IO's for every type (no per-type growth rate was checked against a source here).
 */
import type { Source } from "../model/types.js";
import { assumed } from "./sources.js";

export const TUMOUR_TYPES = ["HCC", "NSCLC", "melanoma", "RCC", "TNBC", "cervical"] as const;
export type TumourType = (typeof TUMOUR_TYPES)[number];

export interface Preset {
  label: string;
  parameters: Record<string, number>;
  source: Source;
}

const TMB_NOTE =
  "antigenicity ∝ typical tumour mutational burden relative to 10 mut/Mb (type medians as recalled from Chalmers et al., Genome Med 2017;9:34: melanoma ≈ 13, lung ≈ 7-9, cervical ≈ 4, HCC ≈ 3-4, TNBC ≈ 2-3, RCC ≈ 2); not checked against the table";

export const TUMOUR_PRESETS: Record<TumourType, Preset> = {
  melanoma: {
    label: "Melanoma",
    parameters: { antigenicity: 1.3, infiltration: 1, pdl1_expression: 0.6 },
    source: assumed(`${TMB_NOTE}; frequently T-cell-inflamed`),
  },
  NSCLC: {
    label: "Non-small-cell lung cancer",
    parameters: { antigenicity: 0.8, infiltration: 0.6, pdl1_expression: 0.6 },
    source: assumed(`${TMB_NOTE}; about a third of NSCLC have PD-L1 TPS ≥ 50 %`),
  },
  cervical: {
    label: "Cervical cancer",
    parameters: { antigenicity: 0.6, infiltration: 0.6, pdl1_expression: 0.8 },
    source: assumed(`${TMB_NOTE}; viral (HPV) antigens add immunogenicity; most are PD-L1 CPS ≥ 1`),
  },
  HCC: {
    label: "Hepatocellular carcinoma",
    parameters: { antigenicity: 0.35, infiltration: 0.4, pdl1_expression: 0.3 },
    source: assumed(`${TMB_NOTE}; tolerogenic liver milieu, PD-L1 often low`),
  },
  TNBC: {
    label: "Triple-negative breast cancer",
    parameters: { antigenicity: 0.3, infiltration: 0.5, pdl1_expression: 0.5 },
    source: assumed(`${TMB_NOTE}; TIL-rich subsets exist`),
  },
  RCC: {
    label: "Renal cell carcinoma",
    parameters: { antigenicity: 0.25, infiltration: 0.8, pdl1_expression: 0.4 },
    source: assumed(`${TMB_NOTE}; highly infiltrated despite low TMB (indel-derived antigens)`),
  },
};

export const IMMUNE_PHENOTYPES = ["hot", "intermediate", "cold"] as const;
export type ImmunePhenotype = (typeof IMMUNE_PHENOTYPES)[number];

export const IMMUNE_PHENOTYPE_PRESETS: Record<ImmunePhenotype, Preset> = {
  hot: {
    label: "Immune-inflamed",
    parameters: { antigenicity: 1, infiltration: 1 },
    source: assumed("T-cell-inflamed: immunogenic, infiltrated [29]"),
  },
  intermediate: {
    label: "Intermediate",
    parameters: { antigenicity: 0.5, infiltration: 0.4 },
    source: assumed("between inflamed and desert"),
  },
  cold: {
    label: "Immune-desert (cold)",
    parameters: { antigenicity: 0.25, infiltration: 0.15 },
    source: assumed("cold tumours lack antigenicity and infiltration [29]"),
  },
};

export const PDL1_LEVELS = ["high", "low", "negative"] as const;
export type Pdl1Level = (typeof PDL1_LEVELS)[number];

export const PDL1_PRESETS: Record<Pdl1Level, Preset> = {
  high: {
    label: "PD-L1 high (TPS ≥ 50 %)",
    parameters: { pdl1_expression: 1 },
    source: assumed("relative scale: 1 = high expresser"),
  },
  low: {
    label: "PD-L1 low (1-49 %)",
    parameters: { pdl1_expression: 0.3 },
    source: assumed("relative scale"),
  },
  negative: {
    label: "PD-L1 negative (< 1 %)",
    parameters: { pdl1_expression: 0.05 },
    source: assumed("relative scale; IFN-γ can still induce it"),
  },
};

/**
 * Ablation outcome by number of freeze cycles when a scenario gives no numbers (and no thermal plan):
 * a second freeze extends lethality towards −20 °C (Gage & Baust, Cryobiology 1998), so more cells die and
 * more of them by necrosis. Values assumed (the thermal module computes them from a plan).
 */
export const FREEZE_CYCLE_OUTCOMES: Record<
  1 | 2 | 3,
  { killedFraction: number; necroticShare: number; intactAntigenFraction: number }
> = {
  1: { killedFraction: 0.85, necroticShare: 0.6, intactAntigenFraction: 0.9 },
  2: { killedFraction: 0.95, necroticShare: 0.75, intactAntigenFraction: 0.9 },
  3: { killedFraction: 0.97, necroticShare: 0.8, intactAntigenFraction: 0.9 },
};
