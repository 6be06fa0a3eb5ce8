/** The catalogue: every drug record and target record, and lookups by name. */
import { InputError } from "../../errors.js";
import type { DrugRecord, TargetRecord } from "../types.js";
import { atezolizumab } from "./atezolizumab.js";
import { camrelizumab } from "./camrelizumab.js";
import { cemiplimab } from "./cemiplimab.js";
import { durvalumab } from "./durvalumab.js";
import { ipilimumab } from "./ipilimumab.js";
import { nivolumab } from "./nivolumab.js";
import { pembrolizumab } from "./pembrolizumab.js";
import { relatlimab } from "./relatlimab.js";
import { sintilimab } from "./sintilimab.js";
import { TARGETS } from "./targets.js";
import { tislelizumab } from "./tislelizumab.js";
import { toripalimab } from "./toripalimab.js";
import { tremelimumab } from "./tremelimumab.js";

export { TARGETS };

/** Every drug, grouped by target (PD-1, PD-L1, CTLA-4, then next-generation targets). */
export const DRUGS: readonly DrugRecord[] = [
  nivolumab,
  pembrolizumab,
  cemiplimab,
  tislelizumab,
  toripalimab,
  sintilimab,
  camrelizumab,
  atezolizumab,
  durvalumab,
  ipilimumab,
  tremelimumab,
  relatlimab,
];

export function drugNames(): string[] {
  return DRUGS.map((d) => d.name);
}

/** The record of a drug (case-insensitive); InputError listing the known drugs otherwise. */
export function drugByName(name: string, field = "drug"): DrugRecord {
  const key = name.trim().toLowerCase();
  const found = DRUGS.find((d) => d.name === key);
  if (!found) throw new InputError(field, name, `one of the known drugs: ${drugNames().join(", ")}`);
  return found;
}

export function targetByName(name: string): TargetRecord {
  const found = TARGETS.find((t) => t.name === name || t.id === name || t.aliases.includes(name));
  if (!found) throw new InputError("target", name, `one of ${TARGETS.map((t) => t.name).join(", ")}`);
  return found;
}
