import klassaPreset from './classification-models/klassa-preset.json' with { type: 'json' };
import informationTypes from './information-types.json' with { type: 'json' };
import importVocabulary from './asset-import-vocabulary.json' with { type: 'json' };
import { classificationModelDefinition, type ClassificationModelDefinition } from '../schemas/classification-model.js';
import { informationTypeLibraryFile, type InformationTypeLibraryFile } from '../modules/information-types/schemas.js';

/** The shipped model (KLASSA-compatible), validated once so a broken data file fails loudly at start. */
export const klassaPresetModel: ClassificationModelDefinition = classificationModelDefinition.parse(klassaPreset);
/** The shipped information-type library, in the shareable file format. */
export const informationTypePreset: InformationTypeLibraryFile = informationTypeLibraryFile.parse(informationTypes);
export const assetImportVocabulary = importVocabulary;
