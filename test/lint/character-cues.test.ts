/**
 * A franchise's cue patterns run only on text holding the literal start of one of their
 * alternatives, and are built on first use (compiling one costs ~1 ms). `findCue` must find
 * exactly what running every pattern found: the original is kept here as the oracle, compared on
 * generated text made of the cues themselves, in any case, joined to letters or not, with 'ſ' and
 * the Kelvin sign (which match 's' and 'k' under the `iu` flags).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FRANCHISE_CUES } from '../../src/core/lint/guardrails/characters.data.js';
import { findCue } from '../../src/core/lint/guardrails/characters.js';

// ---- The original. ----

const oldCache = new Map<string, RegExp[]>();

function oldCues(franchise: string): RegExp[] {
  let r = oldCache.get(franchise);
  if (!r) {
    const parts = (FRANCHISE_CUES[franchise] ?? '').split('|').filter(Boolean);
    const named = parts.filter((p) => /^[\p{Lu}\d]/u.test(p));
    const plain = parts.filter((p) => !/^[\p{Lu}\d]/u.test(p));
    r = [];
    if (named.length) r.push(new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${named.join('|')})(?![\p{L}\p{N}])`, 'u'));
    if (plain.length) r.push(new RegExp(String.raw`(?<![\p{L}\p{N}])(?:${plain.join('|')})(?![\p{L}\p{N}])`, 'iu'));
    oldCache.set(franchise, r);
  }
  return r;
}

function oldFindCue(text: string, franchise: string, start: number, end: number): string | null {
  const blanked = text.slice(0, start) + ' '.repeat(end - start) + text.slice(end);
  for (const re of oldCues(franchise)) {
    const m = re.exec(blanked);
    if (m) return m[0];
  }
  return null;
}

// ---- Generated text. ----

const FRANCHISES = Object.keys(FRANCHISE_CUES);

/** The texts a cue alternative matches, for the syntax the cues use: `x?` and escaped punctuation. */
function spellings(alternative: string): string[] {
  let out = [''];
  for (let i = 0; i < alternative.length; i++) {
    const c = alternative[i] === '\\' ? alternative[++i]! : alternative[i]!;
    out = alternative[i + 1] === '?' ? out.flatMap((s) => [s, s + c]) : out.map((s) => s + c);
    if (alternative[i + 1] === '?') i++;
  }
  return out;
}

const CUES = [...new Set(Object.values(FRANCHISE_CUES).flatMap((list) => list.split('|').flatMap(spellings)))];
const OTHER = ['the', 'Link', 'draws', 'Storm', 'from', 'a', 'with', 'x', 'é', 'ſ', '\u212a', '9', '𝐀', '🚆', '—', '’s', "'s", '.', ','];
const GAPS = [' ', ' ', ' ', '', '-', '\n', '\u00a0', ', ', '. '];

/** Written in any case, sometimes with 's' as 'ſ' and 'k' as the Kelvin sign. */
const cased = fc.tuple(fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...CUES) }, { weight: 1, arbitrary: fc.constantFrom(...OTHER) }), fc.constantFrom('same', 'same', 'lower', 'upper', 'title'), fc.integer({ min: 0, max: 9 })).map(([w, c, odd]) => {
  let t = c === 'lower' ? w.toLowerCase() : c === 'upper' ? w.toUpperCase() : c === 'title' ? w.charAt(0).toUpperCase() + w.slice(1) : w;
  if (odd === 0) t = t.replace(/s/g, 'ſ');
  if (odd === 1) t = t.replace(/k/gi, '\u212a');
  return t;
});

const text = fc.oneof(
  { weight: 8, arbitrary: fc.array(fc.tuple(cased, fc.constantFrom(...GAPS)), { maxLength: 8 }).map((ws) => ws.map(([w, g]) => w + g).join('')) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);
/** A text and the stretch of it the character's name takes. */
const input = text.chain((t) => fc.tuple(fc.constant(t), fc.integer({ min: 0, max: t.length }), fc.integer({ min: 0, max: 12 })).map(([t, start, n]) => ({ t, start, end: Math.min(t.length, start + n) })));

describe('findCue', () => {
  it('finds what running every cue pattern of every franchise found', () => {
    fc.assert(
      fc.property(input, ({ t, start, end }) => {
        for (const f of FRANCHISES) expect(findCue(t, f, start, end), `${f}: ${t}`).toBe(oldFindCue(t, f, start, end));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds each cue of each franchise, written as listed, in lower case and with ſ', () => {
    for (const f of FRANCHISES) {
      for (const alternative of FRANCHISE_CUES[f]!.split('|')) {
        for (const cue of spellings(alternative)) {
          for (const t of [`Link with ${cue} here`, `Link with ${cue.toLowerCase()}`, `Link ${cue.replace(/s/g, 'ſ')}.`, `Link ${cue}x`]) {
            expect(findCue(t, f, 0, 4), `${f}: ${t}`).toBe(oldFindCue(t, f, 0, 4));
          }
          expect(findCue(`Link with ${cue} here`, f, 0, 4), `${f}: ${cue}`).not.toBeNull();
        }
      }
    }
  });
});
