export * from './ast.js';
export { parse, type ParseOptions, type ParseResult } from './parse.js';
export { parseTime } from './build.js';
export * from './keys.js';
export { classifyLine, type LineInfo, type LineKind } from './lines.js';
export { shotParser } from './parser.js';
export * from './query.js';
