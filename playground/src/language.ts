/**
 * The `.shot` language for CodeMirror 6: a StreamLanguage whose tokens come from `highlight.ts`
 * (the compiler's line classifier), and a highlight style in the spirit of a screenplay:
 * headings strong, keys and names distinct, dialogue as strings, notes and comments quiet.
 */
import { HighlightStyle, LanguageSupport, ParseContext, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';
import { copyState, highlightLine, startState, type HighlightState, type LookAhead, type Segment } from './highlight.js';

interface State extends HighlightState {
  /** Segments of the current line still to be emitted. */
  pending: Segment[];
}

/**
 * Lines below the current one, for the two constructs the classifier measures across lines (front
 * matter, multi-line notes). A stream tokenizer sees one line at a time, so read ahead in the
 * document being parsed; outside a parse (or if the line numbers disagree) there is no look-ahead.
 */
function lookAhead(index: number, line: string): LookAhead {
  const doc = ParseContext.get()?.state.doc;
  if (!doc || index + 1 > doc.lines || doc.line(index + 1).text !== line) return () => null;
  return (n) => (index + 1 + n <= doc.lines ? doc.line(index + 1 + n).text : null);
}

const shot = StreamLanguage.define<State>({
  name: 'shot',
  startState: () => ({ ...startState(), pending: [] }),
  copyState: (s) => ({ ...copyState(s), pending: s.pending.map((x) => ({ ...x })) }),
  token(stream, state) {
    if (stream.sol()) state.pending = highlightLine(stream.string, state, lookAhead(state.line, stream.string)).segments;
    const next = state.pending.shift();
    if (!next || next.end <= stream.pos) {
      stream.skipToEnd();
      return null;
    }
    stream.pos = next.end;
    return next.style;
  },
  blankLine(state) {
    highlightLine('', state);
  },
  languageData: { commentTokens: { line: '//' } },
});

const style = HighlightStyle.define([
  { tag: t.heading, fontWeight: '700', color: 'var(--hl-heading)' },
  { tag: t.keyword, fontWeight: '700', color: 'var(--hl-heading)' },
  { tag: t.definition(t.variableName), fontWeight: '700', color: 'var(--hl-name)' },
  { tag: t.variableName, color: 'var(--hl-name)' },
  { tag: t.attributeName, color: 'var(--hl-attr)' },
  { tag: t.number, color: 'var(--hl-number)' },
  { tag: t.propertyName, color: 'var(--hl-key)', fontWeight: '600' },
  { tag: t.invalid, color: 'var(--hl-invalid)', textDecoration: 'underline wavy' },
  { tag: t.labelName, color: 'var(--hl-character)', fontWeight: '700' },
  { tag: t.string, color: 'var(--hl-string)' },
  { tag: t.emphasis, fontStyle: 'italic', color: 'var(--hl-muted)' },
  { tag: t.punctuation, color: 'var(--hl-muted)' },
  { tag: t.comment, color: 'var(--hl-comment)', fontStyle: 'italic' },
  { tag: t.docComment, color: 'var(--hl-note)', fontStyle: 'italic' },
  { tag: t.meta, color: 'var(--hl-muted)' },
]);

export function shotLanguage(): LanguageSupport {
  return new LanguageSupport(shot, [syntaxHighlighting(style)]);
}
