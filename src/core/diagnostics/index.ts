// The zod schema of a diagnostic record (schema.ts) is not re-exported here: only the library API
// and the plan schema use it, and re-exporting it made every importer build it.
export * from './diagnostic.js';
export * from './catalogue.js';
export * from './make.js';
export * from './pretty.js';
