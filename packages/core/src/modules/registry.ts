// Every module that brings its own permissions, error codes or server texts: one line each, in name
// order. Nothing else outside a module's folder names it (docs/ARCHITECTURE.md, "Adding a module").
export { default as actionPlans } from './action-plans/module.js';
export { default as informationTypes } from './information-types/module.js';
export { default as measures } from './measures/module.js';
export { default as requirementCatalogues } from './requirement-catalogues/module.js';
export { default as soa } from './soa/module.js';
