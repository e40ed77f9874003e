// Registration point for feature-module generator steps (see `generatorSteps` in steps.ts): one
// import per module whose file calls `generatorSteps.push(...)`. Imported once by the generator.
import './assets.js';
