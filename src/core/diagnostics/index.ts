export * from './diagnostic.js';
export * from './catalogue.js';
export * from './make.js';
export * from './schema.js';
export * from './pretty.js';
