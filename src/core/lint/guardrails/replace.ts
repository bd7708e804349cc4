/** Suggestions that swap a name for a generic description, keeping the sentence's capitalisation. */
import type { Fix } from '../../diagnostics/index.js';
import type { Span } from '../../source/index.js';
import { article } from './text.js';

/** "a footballer", "an actor": the occupation in lower case with its article. */
export function withArticle(noun: string): string {
  return `${article(noun, false)} ${noun}`;
}

/** Replace `text[start, end)` (in a fragment at `at`) with `generic`, capitalised at a sentence start. */
export function replaceFix(title: string, text: string, at: Span, start: number, end: number, generic: string): Fix {
  const sentenceStart = /(?:^|[.!?]\s+)$/.test(text.slice(0, start)) || /^\s*$/.test(text.slice(0, start));
  const newText = sentenceStart ? generic[0]!.toUpperCase() + generic.slice(1) : generic;
  // A possessive after the name stays: "Messi's boots" → "a footballer's boots".
  return { title, safe: false, edits: [{ span: { start: at.start + start, end: at.start + end }, newText }] };
}
