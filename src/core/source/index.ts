export { SourceFile, computeLineStarts } from './source-file.js';
export type { Position, Span } from './source-file.js';
