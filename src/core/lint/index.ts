export { lint, lintFast, type LintOptions } from './engine.js';
export { allRules, registerRules } from './registry.js';
export { fragmentsOf } from './fragments.js';
export { ruleMeta } from './meta.js';
export * from './types.js';
