import controls from './iso27002-controls.json' with { type: 'json' };
import triggers from './requirement-triggers.json' with { type: 'json' };
import laws from './laws.json' with { type: 'json' };
import tillitBas20261 from './requirement-catalogues/tillit-bas/2026.1.json' with { type: 'json' };
import {
  annexAControlsFile,
  lawVocabularyFile,
  triggerVocabularyFile,
  type AnnexAControlsFile,
  type LawVocabularyFile,
  type RequirementCatalogueFile,
  type TriggerVocabularyFile,
} from '../schemas/requirement-catalogue.js';
import { validateCatalogue, type CatalogueContext } from '../rules/requirement-catalogue.js';

/** The 93 controls of ISO/IEC 27001:2022 Annex A by number, with our own short titles. */
export const annexAControls: AnnexAControlsFile = annexAControlsFile.parse(controls);
/** Law triggers and the fact rules that set them. */
export const triggerVocabulary: TriggerVocabularyFile = triggerVocabularyFile.parse(triggers);
/** Laws a requirement reference may name. */
export const lawVocabulary: LawVocabularyFile = lawVocabularyFile.parse(laws);

/**
 * What a catalogue is checked against. `maxLevel` is the highest level below the model's
 * special-analysis level (3 in the shipped model, where 4 is säkerhetsskydd).
 */
export function catalogueContext(maxLevel = 3): CatalogueContext {
  return {
    controls: new Set(annexAControls.controls.map((c) => c.control)),
    triggers: new Set(triggerVocabulary.triggers.map((t) => t.code)),
    laws: new Set(lawVocabulary.laws.map((l) => l.code)),
    maxLevel,
  };
}

function shipped(input: unknown): RequirementCatalogueFile {
  const result = validateCatalogue(input, catalogueContext());
  if (!result.ok) throw new Error(`shipped requirement catalogue is invalid: ${JSON.stringify(result.problems.slice(0, 5))}`);
  return result.catalogue;
}

/** Catalogues shipped with Tillit, validated once so a broken data file fails loudly at start. Oldest first. */
export const shippedCatalogues: readonly RequirementCatalogueFile[] = [shipped(tillitBas20261)];
/** The newest shipped base catalogue. */
export const baseCatalogue: RequirementCatalogueFile = shippedCatalogues[shippedCatalogues.length - 1]!;
