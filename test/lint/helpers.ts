/** Linting inline documents the way the CLI does (every rule, an in-memory host), for the rule tables. */
import { compile, memoryHost, type Diagnostic } from '../../src/index.js';
import { applyEdits } from '../../src/core/fix.js';

export interface Found {
  code: string;
  rule: string;
  severity: Diagnostic['severity'];
  message: string;
  /** The source text the diagnostic points at. */
  text: string;
  diagnostic: Diagnostic;
}

/** Every diagnostic for `source`, with the text each one points at. */
export async function lintText(source: string, files: Record<string, string | Uint8Array> = {}): Promise<Found[]> {
  const { diagnostics } = await compile(source, { filename: '/project/scene.shot', host: memoryHost({ ...Object.fromEntries(Object.entries(files).map(([k, v]) => [`/project/${k}`, v])) }, '/project') });
  return diagnostics.map((d) => ({ code: d.code, rule: d.rule, severity: d.severity, message: d.message, text: source.slice(d.span.start, d.span.end), diagnostic: d }));
}

/** Only the diagnostics of one rule. */
export async function lintRule(source: string, rule: string): Promise<Found[]> {
  return (await lintText(source)).filter((d) => d.rule === rule);
}

/** `source` with the first fix of `found` applied. */
export function withFix(source: string, found: Found, index = 0): string {
  const fix = found.diagnostic.fixes?.[index];
  if (!fix) throw new Error(`"${found.message}" has no fix #${index}`);
  return applyEdits(source, fix.edits);
}

/** A small, clean file around some clip lines (Style set, so craft/style-first stays quiet). */
export function clip(lines: string, header = 'CLIP scene 4s', preamble = ''): string {
  return `---\nsize: 1280x720\n---\nStyle: 1970s romantic drama, 35 mm.\n${preamble}\n${header}\n${lines
    .split('\n')
    .map((l) => (l ? `  ${l}` : l))
    .join('\n')}\n`;
}
