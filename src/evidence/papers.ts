/**
 * Primary papers and databases used by models, drugs, thermal and clinic code. A flat array of records:
 * add an entry by appending one object (keep ids unique; evidence.ts rejects duplicates at load).
 * Bibliographic fields are given only as far as they were checked; say so in `note`.
 */
import type { EvidenceRecord } from "./types.js";

export const PAPERS: EvidenceRecord[] = [
  {
    id: "kuznetsov1994",
    kind: "paper",
    authors: "Kuznetsov VA, Makalkin IA, Taylor MA, Perelson AS",
    title: "Nonlinear dynamics of immunogenic tumors: parameter estimation and global bifurcation analysis",
    journal: "Bulletin of Mathematical Biology",
    year: 1994,
    volumePages: "56(2):295–321",
    doi: "10.1007/BF02460644",
    claims: [
      "Effector cell–tumour cell model with effector inactivation; parameters estimated from BCL1 lymphoma in chimeric mice.",
      "Dormant and tumour-free equilibria and sneaking-through behaviour.",
    ],
  },
  {
    id: "biomodels762",
    kind: "database",
    authors: "BioModels Database curators",
    title: "BIOMD0000000762: Kuznetsov1994 - Nonlinear dynamics of immunogenic tumors",
    journal: "BioModels Database",
    year: "unknown",
    claims: ["Curated SBML encoding of the Kuznetsov et al. 1994 effector–tumour model."],
  },
  {
    id: "sove2020",
    kind: "paper",
    authors: "Sové RJ, Jafarnejad M, Zhao C, Wang H, Ma H, Popel AS",
    title:
      "QSP-IO: a quantitative systems pharmacology toolbox for mechanistic multiscale modeling for immuno-oncology applications",
    journal: "CPT: Pharmacometrics & Systems Pharmacology",
    year: 2020,
    volumePages: "9(9):484–497",
    claims: [
      "Modular QSP platform for immuno-oncology (SimBiology); checkpoint, T-cell, APC, antigen modules.",
    ],
    note: "Citation as listed in the README of the QSPIO-TNBC repository (Popel lab).",
  },
  {
    id: "milberg2019",
    kind: "paper",
    authors: "Milberg O, Gong C, Jafarnejad M, Bartelink IH, Wang B, Vicini P, Narwal R, Roskos L, Popel AS",
    title:
      "A QSP model for predicting clinical responses to monotherapy, combination and sequential therapy following CTLA-4, PD-1, and PD-L1 checkpoint blockade",
    journal: "Scientific Reports",
    year: 2019,
    volumePages: "9:11286",
    claims: [
      "QSP model of CTLA-4, PD-1 and PD-L1 blockade with a PD-1/PD-L1 synapse and Hill inhibition of T-cell killing.",
    ],
    note: "Citation as listed in the README of the QSPIO-TNBC repository (Popel lab).",
  },
  {
    id: "jafarnejad2019",
    kind: "paper",
    authors:
      "Jafarnejad M, Gong C, Gabrielson E, Bartelink IH, Vicini P, Wang B, Narwal R, Roskos L, Popel AS",
    title: "A computational model of neoadjuvant PD-1 inhibition in non-small cell lung cancer",
    journal: "The AAPS Journal",
    year: 2019,
    volumePages: "21:79",
    pmid: "31236847",
    claims: ["PD-1/PD-L1 synapse density for half-maximal inhibition of T-cell killing (PD1_50)."],
    note: "Citation as listed in the README of the QSPIO-TNBC repository; PMID as given in its parameter file.",
  },
  {
    id: "wang2021",
    kind: "paper",
    authors: "Wang H, Ma H, Sové RJ, Emens LA, Popel AS",
    title:
      "Quantitative systems pharmacology model predictions for efficacy of atezolizumab and nab-paclitaxel in triple-negative breast cancer",
    journal: "Journal for ImmunoTherapy of Cancer",
    year: 2021,
    volumePages: "9(2):e002100",
    claims: [
      "QSP-IO TNBC platform; its parameter file (parameters_TNBC.m) lists value, unit and source per parameter.",
    ],
    note: "Citation as listed in the README of the QSPIO-TNBC repository (Popel lab).",
  },
  {
    id: "cheng2013",
    kind: "paper",
    authors: "Cheng X, Veverka V, Radhakrishnan A, et al.",
    title: "Structure and interactions of the human programmed cell death 1 receptor",
    journal: "Journal of Biological Chemistry",
    year: 2013,
    pmid: "23417675",
    claims: ["PD-1/PD-L1 and PD-1/PD-L2 affinities (Kd) and association rates used by QSP-IO."],
    note: "PMID as cited in the QSP-IO TNBC parameter file; title and authors from memory, not checked against the paper.",
  },
  {
    id: "jansson2005",
    kind: "paper",
    authors: "Jansson A, Barnes E, Klenerman P, et al.",
    title: "A theoretical framework for quantitative analysis of the molecular basis of costimulation",
    journal: "Journal of Immunology",
    year: 2005,
    pmid: "16034096",
    claims: [
      "Immunological synapse area (37.8 µm²) and gap (3 nm) used to convert 3-D to 2-D binding constants.",
    ],
    note: "PMID as cited in the QSP-IO TNBC parameter file; title and authors from memory, not checked against the paper.",
  },
  {
    id: "kosinsky2018",
    kind: "paper",
    authors: "Kosinsky Y, Dovedi SJ, Peskov K, et al.",
    title:
      "Radiation and PD-(L)1 treatment combinations: immune response and dose optimization via a predictive systems model",
    journal: "Journal for ImmunoTherapy of Cancer",
    year: 2018,
    volumePages: "6:17",
    claims: ["Systems model of radiotherapy combined with PD-(L)1 blockade in mouse tumour models."],
  },
  {
    id: "gage1998",
    kind: "paper",
    authors: "Gage AA, Baust J",
    title: "Mechanisms of tissue injury in cryosurgery",
    journal: "Cryobiology",
    year: 1998,
    volumePages: "37(3):171–186",
    claims: ["Direct and vascular mechanisms of cryo-injury; lethal temperatures and freeze-thaw cycles."],
  },
  {
    id: "deng2004",
    kind: "paper",
    authors: "Deng ZS, Liu J",
    title:
      "Numerical simulation of 3-D freezing and heating problems for combined cryosurgery and hyperthermia therapy",
    journal: "Numerical Heat Transfer, Part A",
    year: 2004,
    claims: [
      "3-D enthalpy-method simulation of freezing in perfused tissue (Pennes bioheat) with tissue properties.",
    ],
    note: "Details from memory, not checked against the paper; the thermal engineer should confirm volume and pages.",
  },
  {
    id: "bajaj2017",
    kind: "paper",
    authors: "Bajaj G, Wang X, Agrawal S, Gupta M, Roy A, Feng Y",
    title: "Model-based population pharmacokinetic analysis of nivolumab in patients with solid tumors",
    journal: "CPT: Pharmacometrics & Systems Pharmacology",
    year: 2017,
    volumePages: "6(1):58–66",
    claims: ["Nivolumab population PK (two-compartment, time-varying clearance)."],
  },
  {
    id: "ahamadi2017",
    kind: "paper",
    authors: "Ahamadi M, Freshwater T, Prohn M, et al.",
    title:
      "Model-based characterization of the pharmacokinetics of pembrolizumab: a humanized anti-PD-1 monoclonal antibody in advanced solid tumors",
    journal: "CPT: Pharmacometrics & Systems Pharmacology",
    year: 2017,
    volumePages: "6(1):49–57",
    claims: ["Pembrolizumab population PK."],
  },
  {
    id: "stroh2017",
    kind: "paper",
    authors: "Stroh M, Winter H, Marchand M, et al.",
    title:
      "Clinical pharmacokinetics and pharmacodynamics of atezolizumab in metastatic urothelial carcinoma",
    journal: "Clinical Pharmacology & Therapeutics",
    year: 2017,
    volumePages: "102(2):305–312",
    claims: ["Atezolizumab population PK."],
  },
  {
    id: "baverel2018",
    kind: "paper",
    authors: "Baverel PG, Dubois VFS, Jin CY, et al.",
    title:
      "Population pharmacokinetics of durvalumab in cancer patients and association with longitudinal biomarkers of disease status",
    journal: "Clinical Pharmacology & Therapeutics",
    year: 2018,
    volumePages: "103(4):631–642",
    claims: ["Durvalumab population PK."],
  },
  {
    id: "feng2014",
    kind: "paper",
    authors: "Feng Y, Masson E, Dai D, Parker SM, Berman D, Roy A",
    title: "Model-based clinical pharmacology profiling of ipilimumab in patients with advanced melanoma",
    journal: "British Journal of Clinical Pharmacology",
    year: 2014,
    volumePages: "78(1):106–117",
    claims: ["Ipilimumab population PK."],
  },
  {
    id: "brahmer2010",
    kind: "paper",
    authors: "Brahmer JR, Drake CG, Wollner I, et al.",
    title:
      "Phase I study of single-agent anti-programmed death-1 (MDX-1106) in refractory solid tumors: safety, clinical activity, pharmacodynamics, and immunologic correlates",
    journal: "Journal of Clinical Oncology",
    year: 2010,
    volumePages: "28(19):3167–3175",
    claims: ["PD-1 receptor occupancy on circulating T cells after nivolumab (MDX-1106) dosing."],
  },
  {
    id: "eisenhauer2009",
    kind: "paper",
    authors: "Eisenhauer EA, Therasse P, Bogaerts J, et al.",
    title: "New response evaluation criteria in solid tumours: revised RECIST guideline (version 1.1)",
    journal: "European Journal of Cancer",
    year: 2009,
    volumePages: "45(2):228–247",
    claims: ["RECIST 1.1 response categories and measurement rules."],
  },
];
