/**
 * Inline suppression comments:
 *   // shotc-disable-next-line RULE[, RULE…]   the next line only
 *   // shotc-disable RULE[, RULE…]             from here to `// shotc-enable RULE` or the end
 * Without rule names they apply to every rule. Rules may be named by rule name or by code. They
 * silence warnings and notes from the parser and resolver as well as lint rules, but never a
 * syntax error (the file would not mean what it seems to).
 */
import type { SourceFile } from '../source/index.js';
import type { File } from '../syntax/ast.js';
import { lookupEntry } from './catalogue.js';
import type { Diagnostic } from './diagnostic.js';
import { diagnostic } from './make.js';

interface Range {
  rules: Set<string> | null;
  from: number;
  to: number;
}

const DIRECTIVE = /^\s*shotc-(disable-next-line|disable|enable)\b(.*)$/;

export function suppressions(file: { ast: File; source: SourceFile }): { isSuppressed: (d: Diagnostic) => boolean; problems: Diagnostic[] } {
  const ranges: Range[] = [];
  const open = new Map<string, Range>();
  const problems: Diagnostic[] = [];
  const src = file.source;
  for (const t of file.ast.trivia) {
    if (t.kind !== 'Comment') continue;
    const m = DIRECTIVE.exec(t.text.text);
    if (!m) continue;
    const names = m[2]!
      .split(/[\s,]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const rules = new Set<string>();
    for (const n of names) {
      const entry = lookupEntry(n);
      if (!entry) {
        const at = t.text.text.indexOf(n);
        const start = t.text.span.start + Math.max(0, at);
        problems.push(diagnostic('SC802', { start, end: start + n.length }, `Unknown rule "${n}" in a shotc-${m[1]} comment; it suppresses nothing.`));
        continue;
      }
      rules.add(entry.rule);
    }
    const line = src.positionAt(t.span.start).line;
    const key = names.length ? [...rules].sort().join(',') : '*';
    if (m[1] === 'disable-next-line') {
      const next = line + 1 < src.lineCount ? src.lines[line + 1]! : src.text.length;
      ranges.push({ rules: names.length ? rules : null, from: next, to: src.lineEnd(Math.min(line + 1, src.lineCount - 1)) });
    } else if (m[1] === 'disable') {
      const r: Range = { rules: names.length ? rules : null, from: t.span.end, to: Number.POSITIVE_INFINITY };
      ranges.push(r);
      open.set(key, r);
    } else {
      const r = open.get(key) ?? [...open.values()].find((x) => x.rules && [...rules].every((n) => x.rules!.has(n)));
      if (r) {
        r.to = t.span.start;
        open.delete(key);
      }
    }
  }
  return {
    problems,
    isSuppressed(d) {
      if (d.rule.startsWith('syntax/') && d.severity === 'error') return false;
      return ranges.some((r) => d.span.start >= r.from && d.span.start <= r.to && (r.rules === null || r.rules.has(d.rule)));
    },
  };
}
