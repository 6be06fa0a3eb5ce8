/**
 * The references [1]…[59] of the review in the project brief (a Chinese-language review of
 * cryoablation combined with immune checkpoint inhibitors, with an English abstract). The review text
 * available to us cites references by number only; its bibliography is not part of the text. So each
 * record keeps the number and the claims the review supports with it (summarised in English, with the
 * review section), and marks the bibliographic fields "unknown" — they are not guessed.
 */
import type { EvidenceRecord } from "./types.js";

const SECTION = {
  intro: "Introduction",
  antigen: "§1.1.1 tumour-cell necrosis and antigen release",
  infiltration: "§1.1.2 dynamics of immune-cell infiltration",
  cytokines: "§1.1.3 inflammation and cytokine regulation",
  checkpoints: "§1.2.1 immune checkpoints and their inhibitors",
  limits: "§1.2.2 limitations of ICI therapy",
  irae: "§1.2.3 immune-related adverse events",
  activation: "§1.3.1 enhanced immune activation",
  reversal: "§1.3.2 reversal of the immunosuppressive microenvironment",
  systemic: "§1.3.3 systemic anti-tumour immunity",
} as const;

/** [n, section, claims] for every reference the review cites. */
const CITED: [number, keyof typeof SECTION, string[]][] = [
  [
    1,
    "intro",
    [
      "Cryoablation is widely used clinically as a minimally invasive, precise tumour-killing technique with few side effects.",
      "Source of the review's Figure 2 (cryoablation as a modulator of the cancer-immunity cycle).",
    ],
  ],
  [
    2,
    "intro",
    [
      "Compared with heat-based ablation, cryoablation releases tumour antigens more completely and causes more immunogenic cell death.",
      "Cryoablation and ICIs may act synergistically, strengthening and prolonging the anti-tumour response.",
    ],
  ],
  [
    3,
    "intro",
    [
      "Cryoablation is used for local treatment of breast, lung and kidney tumours.",
      "Multiple freeze-thaw cycles and tuned active/passive thaw times improve killing at the tumour margin and lower local recurrence.",
    ],
  ],
  [4, "intro", ["Cryoablation shows potential for local treatment of breast, lung and kidney cancer."]],
  [
    5,
    "intro",
    [
      "The tumour microenvironment (tumour, immune and stromal cells, matrix, cytokines) shapes tumour behaviour, treatment sensitivity and prognosis.",
    ],
  ],
  [
    6,
    "intro",
    [
      "The TME shapes treatment response and prognosis.",
      "TILs, Tregs, TAMs and MDSCs mediate immune escape through suppressive factors and checkpoint expression.",
    ],
  ],
  [
    7,
    "intro",
    [
      "Suppressive immune cells in the TME produce immune tolerance.",
      "Cryoablation destroys tumour locally with little damage to surrounding tissue and is safe and well tolerated.",
    ],
  ],
  [
    8,
    "intro",
    ["Reshaping the TME to relieve immunosuppression is a key strategy to improve immunotherapy."],
  ],
  [
    9,
    "intro",
    [
      "Reshaping the TME is a key strategy to improve immunotherapy.",
      "Hypoxia, metabolic reprogramming, suppressive-cell infiltration and checkpoint up-regulation limit ICI efficacy.",
    ],
  ],
  [
    10,
    "intro",
    [
      "ICIs blocking PD-1/PD-L1 and CTLA-4 restore T-cell anti-tumour activity and improve survival in some advanced cancers.",
    ],
  ],
  [
    11,
    "intro",
    [
      "ICIs blocking PD-1/PD-L1 and CTLA-4 improve survival in some advanced cancers.",
      "Many patients show primary or acquired resistance to ICI monotherapy.",
    ],
  ],
  [
    12,
    "intro",
    [
      "Many patients show primary or acquired resistance to ICI monotherapy.",
      "Preclinical and early clinical studies report higher response rates and longer survival with cryoablation plus ICI in some tumour types, with good safety.",
    ],
  ],
  [
    13,
    "intro",
    [
      "Hypoxia, metabolic reprogramming, suppressive-cell infiltration and checkpoint up-regulation limit ICI efficacy.",
    ],
  ],
  [
    14,
    "intro",
    [
      "Cryoablation-induced necrosis releases tumour antigens, activates host immunity and may reverse immunosuppression.",
      "The immune response to cryoablation alone is usually insufficient to clear the tumour and is short-lived.",
      "Cryoablation-released antigens form an 'antigen depot' that ICIs can exploit; the two act synergistically.",
      "Combination therapy improved response rates and survival in some tumour types with good safety.",
    ],
  ],
  [15, "intro", ["Cryoablation is minimally invasive, safe and well tolerated."]],
  [
    16,
    "antigen",
    [
      "Tumour-associated antigen expression in tumour tissue increases after cryoablation.",
      "Multi-omics analysis: cryoablation releases antigens locally and induces sterile inflammation in distant tumour microenvironments, activating effector cells and reducing suppressive factors.",
    ],
  ],
  [
    17,
    "antigen",
    [
      "Necrosis after cryoablation releases enzymes such as calpain that degrade whole-protein antigens into peptides readily cross-presented by DCs, enhancing CD8+ T-cell cross-priming.",
    ],
  ],
  [
    18,
    "antigen",
    [
      "Cryoablation induces systemic anti-tumour immunity with increased immune infiltration of distant, untreated tumours (abscopal effect).",
      "Triple-negative breast cancer mouse model: after cryoablation, NK cells and migratory cDC1 increase in distant tumours with up-regulated cytotoxic genes.",
      "IFN-γ enhances the killing activity of cytotoxic T cells and NK cells.",
    ],
  ],
  [
    19,
    "antigen",
    [
      "Cryoablation induces systemic immunity with more CD8+ T-cell and NK infiltration at distant sites (abscopal effect).",
      "Pro-inflammatory cytokines IL-1β, TNF-α and IFN-γ rise after cryoablation and enhance DC antigen presentation and T-cell effector function.",
      "Cryoablation plus ICI increases CD8+ T-cell infiltration and function in treated and distant tumours.",
      "Local cryoablation plus ICI may control systemic tumour burden.",
    ],
  ],
  [
    20,
    "antigen",
    [
      "Unlike heat ablation, cryoablation kills mainly by necrosis, preserving more intact antigen structure.",
    ],
  ],
  [
    21,
    "infiltration",
    [
      "Lung adenocarcinoma patients: peripheral Treg fraction (CD4+CD25hiCD127lo/-) was 7.89% ± 2.07% before cryoablation, 8.62% ± 2.67% on day 3 and 6.61% ± 1.09% on day 30 (significant fall by day 30).",
      "Cryoablation reduces Treg and MDSC proportions.",
    ],
  ],
  [
    22,
    "infiltration",
    [
      "Treg proportion falls after cryoablation in clinical and animal studies (with the day 0/3/30 lung adenocarcinoma figures cited with [21]).",
      "TGF-β signalling is suppressed after cryoablation; lower FOXP3 expression impedes CD4+ to Treg conversion.",
      "IFN-γ enhances the killing activity of cytotoxic T cells and NK cells.",
      "Cryoablation reduces Treg and MDSC infiltration and TGF-β expression.",
    ],
  ],
  [
    23,
    "infiltration",
    [
      "Immune cells activated by cryoablation act on distant tumours through the circulation.",
      "IL-1β, TNF-α and IFN-γ expression rises after cryoablation.",
      "Anti-inflammatory IL-10 is also up-regulated after cryoablation, limiting over-activation.",
    ],
  ],
  [
    24,
    "cytokines",
    [
      "Local inflammation after cryoablation changes over time; excessive neutrophil extracellular trap (NET) formation may promote immune escape and suppress anti-tumour immunity.",
    ],
  ],
  [
    25,
    "checkpoints",
    [
      "PD-1 on activated T cells binding PD-L1 inhibits T-cell activation and proliferation.",
      "CTLA-4 acts early in T-cell activation by competing for CD80/CD86.",
      "Source of the review's Figure 1 (antibody binding); Allison and Honjo received the 2018 Nobel Prize for checkpoint work.",
    ],
  ],
  [
    26,
    "checkpoints",
    [
      "FDA-approved ICIs (nivolumab, pembrolizumab, atezolizumab, ipilimumab) treat melanoma, NSCLC, renal cell and urothelial carcinoma.",
    ],
  ],
  [
    27,
    "checkpoints",
    [
      "FDA-approved ICIs (nivolumab, pembrolizumab, atezolizumab, ipilimumab) treat melanoma, NSCLC, renal cell and urothelial carcinoma.",
    ],
  ],
  [
    28,
    "checkpoints",
    [
      "Next-generation checkpoints (LAG-3, TIM-3, TIGIT) and small-molecule or peptide inhibitors are in development.",
    ],
  ],
  [
    29,
    "limits",
    [
      "Immune-'cold' tumours lack antigenicity and immune infiltration and do not respond to ICI.",
      "Antigen loss or MHC down-regulation lets tumours evade recognition.",
      "Tumour heterogeneity between and within patients diversifies ICI response.",
    ],
  ],
  [
    30,
    "limits",
    [
      "Tregs, MDSCs and TAMs secrete suppressive factors that limit T-cell activity.",
      "Immune-related colitis, in severe cases perforation and bleeding.",
    ],
  ],
  [
    31,
    "limits",
    ["ICIs are increasingly combined with radiotherapy, chemotherapy, targeted and other immune therapies."],
  ],
  [32, "irae", ["ICI irAEs affect skin, gut, endocrine system, liver, lung and heart."]],
  [33, "irae", ["ICI irAEs affect skin, gut, endocrine system, liver, lung and heart."]],
  [
    34,
    "irae",
    [
      "Skin is the most commonly affected organ: rash, pruritus, photosensitivity, rarely Stevens-Johnson syndrome.",
    ],
  ],
  [
    35,
    "irae",
    [
      "Skin is the most commonly affected organ: rash, pruritus, photosensitivity, rarely Stevens-Johnson syndrome.",
    ],
  ],
  [36, "irae", ["Immune-related colitis, in severe cases perforation and bleeding."]],
  [
    37,
    "irae",
    ["Endocrine toxicity: thyroiditis, hypophysitis, diabetes (sometimes severe immune diabetes)."],
  ],
  [
    38,
    "irae",
    ["Endocrine toxicity: thyroiditis, hypophysitis, diabetes (sometimes severe immune diabetes)."],
  ],
  [39, "irae", ["Immune-related pneumonitis is uncommon but often life-threatening."]],
  [40, "irae", ["Immune-related pneumonitis is uncommon but often life-threatening."]],
  [
    41,
    "irae",
    [
      "ICI myocarditis (and pericarditis, arrhythmia, cardiomyopathy) is rare; myocarditis mortality is 25–50%.",
    ],
  ],
  [
    42,
    "irae",
    [
      "ICI myocarditis (and pericarditis, arrhythmia, cardiomyopathy) is rare; myocarditis mortality is 25–50%.",
    ],
  ],
  [
    43,
    "irae",
    [
      "ICI myocarditis (and pericarditis, arrhythmia, cardiomyopathy) is rare; myocarditis mortality is 25–50%.",
    ],
  ],
  [44, "irae", ["ICIs can also induce vasculitis and nephritis."]],
  [45, "irae", ["ICIs can also induce vasculitis and nephritis."]],
  [
    46,
    "irae",
    ["irAE onset is variable, early or delayed even after stopping treatment; some become chronic."],
  ],
  [
    47,
    "irae",
    ["irAE onset is variable, early or delayed even after stopping treatment; some become chronic."],
  ],
  [
    48,
    "irae",
    [
      "irAE management: early recognition, grading, corticosteroids, holding or stopping ICI, multidisciplinary care; immunomodulators or biologics for severe or refractory cases.",
    ],
  ],
  [
    49,
    "irae",
    [
      "irAE management: early recognition, grading, corticosteroids, holding or stopping ICI, multidisciplinary care; immunomodulators or biologics for severe or refractory cases.",
    ],
  ],
  [
    50,
    "irae",
    [
      "irAE management: early recognition, grading, corticosteroids, holding or stopping ICI, multidisciplinary care; immunomodulators or biologics for severe or refractory cases.",
    ],
  ],
  [
    51,
    "activation",
    [
      "Antigens released by cryoablation stay intact, giving ICIs more targets and enhancing T-cell activation.",
    ],
  ],
  [
    52,
    "activation",
    [
      "Antigens released by cryoablation stay intact, giving ICIs more targets and enhancing T-cell activation.",
      "Cryoablation plus ICI can reverse an immune-cold environment and give a more durable response.",
    ],
  ],
  [
    53,
    "activation",
    [
      "Lewis lung carcinoma mice: cryoablation plus a PD-1 inhibitor delays progression and promotes T-cell activation and proliferation through PI3K/AKT/mTOR.",
      "Hepatocellular and cervical cancer models: the combination increases CD8+, CD4+ T-cell and DC infiltration and lowers M2 macrophages and MDSCs.",
    ],
  ],
  [
    54,
    "activation",
    [
      "Cryoablation plus ICI increases CD8+ T-cell infiltration and function in local and distant tumours.",
      "Cryoablation reduces Treg and MDSC infiltration and TGF-β.",
      "Hepatocellular and cervical cancer models: the combination increases CD8+, CD4+ and DC infiltration and lowers M2 macrophages and MDSCs.",
      "Cervical cancer mice: cryoablation plus anti-PD-1 suppresses the treated tumour, increases CD8+ infiltration of distant untreated tumours and prolongs survival.",
    ],
  ],
  [
    55,
    "activation",
    [
      "Preclinical: cryoablation plus ICI increases pro-inflammatory cytokines and anti-tumour immune-cell activity.",
      "Local cryoablation plus ICI may control systemic tumour burden.",
    ],
  ],
  [
    56,
    "activation",
    [
      "Preclinical: cryoablation plus ICI increases pro-inflammatory cytokines and anti-tumour immune-cell activity.",
    ],
  ],
  [
    57,
    "reversal",
    ["Cryoablation plus ICI can reverse an immune-cold environment and give a more durable response."],
  ],
  [
    58,
    "systemic",
    [
      "Antigens and pro-inflammatory factors released by cryoablation are captured by lymph-node APCs, driving systemic expansion of anti-tumour T cells.",
    ],
  ],
  [
    59,
    "systemic",
    [
      "Lung cancer model: cryoablation activates systemic immunity through STING-dependent type I interferon; adding a PD-1 inhibitor improves efficacy further.",
    ],
  ],
];

export const REVIEW_REFERENCES: readonly EvidenceRecord[] = CITED.map(([n, section, claims]) => ({
  id: `review:${n}`,
  kind: "review-reference",
  authors: "unknown",
  title: "unknown",
  journal: "unknown",
  year: "unknown",
  claims,
  note: `Reference [${n}] of the review, first cited in ${SECTION[section]}; the review text gives no bibliographic details.`,
}));
