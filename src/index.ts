/**
 * shotc's library API, browser-safe: parse, format, lint and compile `.shot` sources, and the
 * video API targets. The Node entry (`shotc/node`, or `shotc` under Node) adds file IO.
 */
export { parse, type ParseOptions, type ParseResult } from './core/syntax/parse.js';
export type * as Ast from './core/syntax/ast.js';
export { format, type FormatOptions } from './core/format/index.js';
export { compile, findConfig, CONFIG_FILE, type CompileOptions, type CompileResult } from './core/compile.js';
export { lint, lintFast, allRules, type Rule, type RuleMeta, type LintOptions } from './core/lint/index.js';
export { resolve, type ResolveInput } from './core/resolve/resolve.js';
export type { ResolvedFile, ResolvedClip } from './core/resolve/model.js';
export { renderPrompt, PlanSchema, PlanClipSchema, type Plan, type PlanClip, type RenderedPrompt } from './core/emit/index.js';
export { targets, getTarget, DEFAULT_TARGET, type Target, type ModelCard } from './core/targets/index.js';
export { SourceFile, type Position, type Span } from './core/source/index.js';
export {
  toRecord,
  allEntries,
  lookupEntry,
  type Diagnostic,
  type DiagnosticRecord,
  type Severity,
  type Fix,
} from './core/diagnostics/index.js';
export { DiagnosticRecordSchema } from './core/diagnostics/schema.js';
export { memoryHost, type Host } from './core/host.js';
export { sniffImage, type ImageInfo } from './core/images/sniff.js';
