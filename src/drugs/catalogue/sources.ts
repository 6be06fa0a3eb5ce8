/**
 * Citations shared by the catalogue records (one place for each paper or label).
 * "Secondary" notes say through which document a value was checked when the primary was not at hand.
 */
import type { Source } from "../../model/types.js";

function lit(citation: string, location?: string, note?: string): Source {
  return { kind: "literature", citation, ...(location ? { location } : {}), ...(note ? { note } : {}) };
}

export const BAJAJ_2017 = (location = "Table 1") =>
  lit(
    "Bajaj G, Wang X, Agrawal S, Gupta M, Roy A, Feng Y. Model-based population pharmacokinetic analysis of nivolumab in patients with solid tumors. CPT Pharmacometrics Syst Pharmacol 2017;6(1):58-66",
    location,
    "checked against the nlmixr2lib transcription of Table 1 (Bajaj_2017_nivolumab)",
  );

export const AHAMADI_2017 = (location = "Table 3") =>
  lit(
    "Ahamadi M, Freshwater T, Prohn M, et al. Model-based characterization of the pharmacokinetics of pembrolizumab. CPT Pharmacometrics Syst Pharmacol 2017;6(1):49-57",
    location,
    "checked against the nlmixr2lib transcription of Table 3 (Ahamadi_2017_pembrolizumab)",
  );

export const STROH_2017 = (location = "as tabulated in Centanni 2019, Table 2") =>
  lit(
    "Stroh M, Winter H, Marchand M, et al. Clinical pharmacokinetics and pharmacodynamics of atezolizumab in metastatic urothelial carcinoma. Clin Pharmacol Ther 2017;102(2):305-312",
    location,
    "checked against Centanni M, et al. Clin Pharmacokinet 2019;58:835-857, Table 2 (secondary)",
  );

export const BAVEREL_2018 = (location = "final model") =>
  lit(
    "Baverel PG, Dubois VFS, Jin CY, et al. Population pharmacokinetics of durvalumab in cancer patients and association with longitudinal biomarkers of disease status. Clin Pharmacol Ther 2018;103(4):631-642",
    location,
    "checked against Centanni 2019 Table 2 and the de Vries 2025 (Clin Pharmacokinet) control stream that reuses the Baverel estimates (secondary)",
  );

export const FENG_2014 = (location = "Table 2") =>
  lit(
    "Feng Y, Masson E, Dai D, Parker SM, Berman D, Roy A. Model-based clinical pharmacology profiling of ipilimumab in patients with advanced melanoma. Br J Clin Pharmacol 2014;78(1):106-117",
    location,
    "checked against the nlmixr2lib transcription of Table 2 (Feng_2014_ipilimumab)",
  );

export const NGUYEN_2022 = (location = "Table 1") =>
  lit(
    "Nguyen J-H, Epling D, Dolphin N, et al. Population pharmacokinetics modeling and exposure-response analyses of cemiplimab in patients with recurrent or metastatic cervical cancer. CPT Pharmacometrics Syst Pharmacol 2022;11(11):1458-1471",
    location,
    "checked against Table 1 of the article (PMC9662200); reference covariates from its Appendix S1 via nlmixr2lib",
  );

export const BUDHA_2023 = (location = "Table 3") =>
  lit(
    "Budha N, Wu CY, Tang Z, et al. Model-based population pharmacokinetic analysis of tislelizumab in patients with advanced tumors. CPT Pharmacometrics Syst Pharmacol 2023;12(1):95-109",
    location,
    "checked against the nlmixr2lib transcription of Table 3 (Budha_2023_tislelizumab)",
  );

export const HWANG_2023 = (location = "Table 3") =>
  lit(
    "Hwang M, Chia YL, Zheng Y, et al. Population pharmacokinetic modelling of tremelimumab in patients with advanced solid tumours and the impact of disease status on time-varying clearance. Br J Clin Pharmacol 2023;89(5):1601-1616",
    location,
    "checked against the nlmixr2lib transcription of Table 3 (Hwang_2022_tremelimumab)",
  );

export const LI_2023_TORIPALIMAB = (location?: string) =>
  lit(
    "Li L, Qu J, Song M, et al. Flat dose regimen of toripalimab based on model-informed drug development approach. Front Pharmacol 2023;13:1069818",
    location,
  );

export const WANG_2021_CAMRELIZUMAB = (location?: string) =>
  lit(
    "Wang C-Y, Sheng C-C, Ma G-L, et al. Population pharmacokinetics of the anti-PD-1 antibody camrelizumab in patients with multiple tumor types and model-informed dosing strategy. Acta Pharmacol Sin 2021;42(8):1368-1375",
    location,
  );

export const BROWN_2020 = (location = "Table 3") =>
  lit(
    "Brown ME, Bedinger D, Lilov A, et al. Assessing the binding properties of the anti-PD-1 antibody landscape using label-free biosensors. PLoS One 2020;15(3):e0229206",
    location,
    "KD of an analog made from the published sequence, Carterra LSA, CMD-P chip; checked against Table 3 (PMC7058304)",
  );

export const BRAHMER_2010 = (location?: string) =>
  lit(
    "Brahmer JR, Drake CG, Wollner I, et al. Phase I study of single-agent anti-programmed death-1 (MDX-1106) in refractory solid tumors: safety, clinical activity, pharmacodynamics, and immunologic correlates. J Clin Oncol 2010;28(19):3167-3175",
    location,
  );

export const FRESHWATER_2017 = (location?: string) =>
  lit(
    "Freshwater T, Kondic A, Ahamadi M, et al. Evaluation of dosing strategy for pembrolizumab for oncology indications. J Immunother Cancer 2017;5:43",
    location,
  );

export const CENTANNI_2019 = (location = "Table 2") =>
  lit(
    "Centanni M, Moes DJAR, Trocóniz IF, Ciccolini J, van Hasselt JGC. Clinical pharmacokinetics and pharmacodynamics of immune checkpoint inhibitors. Clin Pharmacokinet 2019;58:835-857",
    location,
  );

export const LABEL = (product: string, location = "section 12.3", note?: string) =>
  lit(`${product} US prescribing information (FDA label)`, location, note);

export const REVIEW_28 = () =>
  lit(
    "The cryoimmune seed review, reference [28] (next-generation checkpoint targets LAG-3, TIM-3, TIGIT)",
    "section 1.2.1",
  );

export function assumed(note: string): Source {
  return { kind: "assumed", note };
}

export function derived(citation: string, note: string): Source {
  return { kind: "derived", citation, note };
}

/** Exposure facts used as checks (test/drugs/published-exposure.test.ts), one place for each source. */
export const EXPOSURE_SOURCES = {
  nivolumabQ4w: lit(
    "Model-based evaluation of the efficacy and safety of nivolumab once every 4 weeks across multiple tumor types. Ann Oncol 2020 (Elsevier; authors include Ivaturi V, Gopalakrishnan M, Gobburu J)",
    "Abstract, Results",
    "seen in the University of Maryland archive listing of the abstract (archive.hshsl.umaryland.edu); 480 mg Q4W vs 3 mg/kg Q2W, popPK predictions for 3203 patients",
  ),
  durvalumabLabel: LABEL(
    "IMFINZI (durvalumab)",
    "Pharmacodynamics: 1500 mg Q4W vs 10 mg/kg Q2W at steady state",
    "seen in the MIMS Hong Kong reproduction of the prescribing information",
  ),
  durvalumabTdm: lit(
    "TDM-Based Tailored Dosing of Durvalumab in Lung Cancer Patients: A Comprehensive Population Pharmacokinetic-Pharmacoeconomic Evaluation (Clin Pharmacokinet)",
    "Methods 2.1",
    "seen in a reproduction (med4.mdlalibrary.com); reports the licence holder's simulation: 95.4 % of patients above a Ctrough of 53.3 µg/mL at 10 mg/kg Q2W",
  ),
  pembrolizumabSwissLabel: lit(
    "KEYTRUDA (pembrolizumab) Swiss prescribing information (Fachinformation)",
    "Pharmakokinetik",
    "seen on ch.oddb.org: steady state after 16 weeks of Q3W dosing, systemic accumulation 2.1-fold",
  ),
  pembrolizumabQ6w: lit(
    "Lala M, Li TR, de Alwis DP, et al. A six-weekly dosing schedule for pembrolizumab in patients with cancer based on evaluation using modelling and simulation. Eur J Cancer 2020;131:68-75",
    "Abstract, Results",
  ),
  atezolizumabSmpc: lit(
    "Tecentriq (atezolizumab) EU summary of product characteristics (EMA)",
    "section 5.2",
    "seen through a secondary reproduction (galenreasoner.com): accumulation 1.91 (AUC), 1.46 (Cmax), 2.75 (Ctrough); steady state after 6–9 weeks",
  ),
  tislelizumabPhase1: lit(
    "Desai J, Deva S, Lee JS, et al. Phase IA/IB study of single-agent tislelizumab, an investigational anti-PD-1 antibody, in solid tumors. J Immunother Cancer 2020;8(1):e000453",
    "Table 2 (part 3, 200 mg every 3 weeks)",
    "table seen on jitc.bmj.com; its dose levels match this study's phase IA design",
  ),
  tislelizumabSmpc: lit(
    "Tevimbra (tislelizumab) EU summary of product characteristics (EMA)",
    "section 5.2",
    "seen through a secondary reproduction (rxreasoner.com): 90 % of steady state after about 84 days at 200 mg Q3W, accumulation about 2-fold",
  ),
  tremelimumabStride: lit(
    "Song X, et al. Exposure-Response Analyses of Tremelimumab Monotherapy or in Combination with Durvalumab in Patients with Unresectable Hepatocellular Carcinoma. Clin Cancer Res 2023;29(4):754-763",
    "Abstract, Results",
    "predicted Cmin1 of tremelimumab in the STRIDE regimen (300 mg once) 12.9 µg/mL",
  ),
} as const;
