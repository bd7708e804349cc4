export * from './diagnostic.js';
export * from './catalogue.js';
export * from './make.js';
