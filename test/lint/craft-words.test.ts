/**
 * The craft and wardrobe word searches run without regular expressions (see phrases.ts). Each is
 * held here to the expression it replaced, copied as it was built, and the craft functions to
 * their code before the change, over generated text made of the lists' own words. One thing
 * changed since: a match is the phrase of the list that the expression took there, however it is
 * written ("pushin" is the move "push in", "ſtunning" the vague word "stunning").
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACTION_VERBS, actions, cameraMoves, MOVES, VAGUE, vagueWords } from '../../src/core/lint/guardrails/craft.js';
import { GARMENT_SLOT, garmentMatches, hairMatches, readLook, type LookMatch } from '../../src/core/lint/guardrails/wardrobe.js';

// ---- The code before the change: the oracle. ----

const key = (phrase: string): string => phrase.toLowerCase().replace(/[\s-]+/g, ' ');

/** Which of `phrases` (in the alternation's order, each word gap written as `gap`) the alternation took for its match `m`: the first that matches there as far. */
function taken(phrases: readonly string[], gap: string, m: RegExpMatchArray): string {
  return phrases.find((p) => {
    const re = new RegExp(p.replace(/ /g, gap), 'iuy');
    re.lastIndex = m.index!;
    return re.exec(m.input!)?.[0].length === m[0].length;
  })!;
}
const moveKind = new Map(MOVES.flatMap(([kind, ps]) => ps.map((p): [string, string] => [key(p), kind])));
const movePhrases = [...moveKind.keys()].sort((x, y) => y.length - x.length);
const moveRe = new RegExp(String.raw`(?<![\p{L}\p{N}-])(?:${movePhrases.map((p) => p.replace(/ /g, '[- ]?')).join('|')})(?![\p{L}\p{N}-])`, 'giu');
function oldCameraMoves(text: string): Array<{ kind: string; start: number; end: number }> {
  const hits: Array<{ kind: string; start: number; end: number }> = [];
  for (const m of text.matchAll(moveRe)) hits.push({ kind: moveKind.get(taken(movePhrases, '[- ]?', m))!, start: m.index, end: m.index + m[0].length });
  return hits;
}

const actionLemma = new Map(ACTION_VERBS.flatMap(([lemma, forms]) => forms.map((f): [string, string] => [key(f), lemma])));
const actionPhrases = [...actionLemma.keys()].sort((x, y) => y.length - x.length);
const actionRe = new RegExp(String.raw`(?<![\p{L}\p{N}'’-])(?:${actionPhrases.map((f) => f.replace(/ /g, '\\s+')).join('|')})(?![\p{L}\p{N}-])`, 'giu');
const DETERMINER = /(?:^|\s)(?:the|a|an|of|some|his|her|their|its|my|your|our|two|three|few|many|several|with|no|more|french|lamb|pork|fish)\s+$/i;
const PROGRESSIVE = /(?:^|\s)(?:is|are|was|were|be|been|keeps|starts|begins|stops|continues|finishes|keep|start|begin|stop|continue|finish|then|and|while|,)\s*$/i;
function oldActions(text: string): Array<{ lemma: string; start: number; end: number }> {
  const hits: Array<{ lemma: string; start: number; end: number }> = [];
  for (const m of text.matchAll(actionRe)) {
    const start = m.index;
    const before = text.slice(Math.max(0, start - 24), start);
    const phrase = taken(actionPhrases, '\\s+', m);
    const first = phrase.split(' ')[0]!;
    if (first.endsWith('s') && DETERMINER.test(before)) continue;
    if (first.endsWith('ing') && !PROGRESSIVE.test(before)) continue;
    hits.push({ lemma: actionLemma.get(phrase)!, start, end: start + m[0].length });
  }
  return hits;
}

const vaguePhrases = Object.keys(VAGUE).sort((a, b) => b.length - a.length);
const vagueRe = new RegExp(String.raw`(?<![\p{L}\p{N}'’-])(?:${vaguePhrases.map((w) => w.replace(/ /g, '\\s+')).join('|')})(?![\p{L}\p{N}-])`, 'giu');
function oldVagueWords(text: string): Array<{ word: string; start: number; end: number; advice: string }> {
  const out: Array<{ word: string; start: number; end: number; advice: string }> = [];
  for (const m of text.matchAll(vagueRe)) {
    const word = taken(vaguePhrases, '\\s+', m);
    if (word === 'pretty' && /^\s+(?:much|well|quickly|slowly|quiet|loud|close|far|dark|bright|good|bad|sure)\b/i.test(text.slice(m.index + m[0].length))) continue;
    out.push({ word: m[0], start: m.index, end: m.index + m[0].length, advice: VAGUE[word]! });
  }
  return out;
}

const GARMENTS = Object.keys(GARMENT_SLOT).sort((a, b) => b.length - a.length);
const garmentRe = new RegExp(String.raw`(?<![\p{L}\p{N}-])((?:[\p{L}-]+\s+){0,3}?)(${GARMENTS.map((g) => g.replace(/-/g, '-?').replace(/ /g, '\\s+')).join('|')})s?\b`, 'giu');
const hairRe = /(?<![\p{L}\p{N}-])((?:[\p{L}-]+\s+){1,3})hair\b/giu;
/** What readLook read of each match: where it starts and ends, and groups 1 and 2. */
const groups = (text: string, re: RegExp): LookMatch[] =>
  [...text.matchAll(re)].map((m) => ({ start: m.index, before: m[1]!, noun: m[2] ?? m[0].slice(m[1]!.length), end: m.index + m[0].length }));

// ---- Generated text. ----

const phrases = [...MOVES.flatMap(([, ps]) => ps), ...ACTION_VERBS.flatMap(([, fs]) => fs), ...Object.keys(VAGUE), ...Object.keys(GARMENT_SLOT)];
const vocabulary = [
  ...new Set(phrases.flatMap((p) => p.split(/[ -]/))),
  ...['the', 'a', 'her', 'his', 'and', 'then', 'is', 'while', 'camera', 'slowly', 'much', 'quiet', 'navy', 'wool', 'dark', 'short', 'long', 'blonde', 'red', 'leather', 'hair', 'hairs', 'haircut', 's', 'in', 'up'],
  ...['é', 'café', 'İ', '𝐀', 'ſ', '\u212a', '\u0345', '2', '4k'],
];
const separators = [' ', ' ', ' ', '  ', '-', "'", '’', ', ', '. ', '\n', '\t', '\u00a0', ''];
/** A word, or a whole phrase with any separator between its words (so that long phrases occur), or "hair". */
const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...vocabulary) },
  { weight: 1, arbitrary: fc.constant('hair') },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...phrases), fc.constantFrom(' ', ' ', '-', '', '  ', '\n', ', ')).map(([p, sep]) => p.replace(/[ -]/g, sep)) },
);
/** As written: lower case, capitalised, shouting or any mix, sometimes with the letters that fold to s and k (ſ, and the Kelvin sign). */
const written = fc.tuple(token, fc.nat()).map(([w, bits]) => {
  const cased = [w, w.charAt(0).toUpperCase() + w.slice(1), w.toUpperCase(), [...w].map((ch, k) => ((bits >> k) & 1 ? ch.toUpperCase() : ch)).join('')][bits % 4]!;
  return bits % 7 === 0 ? cased.replace(/s/g, 'ſ').replace(/k/gi, '\u212a') : cased;
});
const text = fc.array(fc.tuple(written, fc.constantFrom(...separators)), { minLength: 1, maxLength: 16 }).map((parts) => parts.map(([w, sep]) => w + sep).join(''));
const RUNS = 4000;

describe('the camera move, action and vague word searches', () => {
  it('find the moves the alternation found, with the same kinds', () => {
    fc.assert(fc.property(text, (t) => void expect(cameraMoves(t)).toEqual(oldCameraMoves(t))), { numRuns: RUNS });
  });

  it('find the actions the alternation found, with the same lemmas', () => {
    fc.assert(fc.property(text, (t) => void expect(actions(t)).toEqual(oldActions(t))), { numRuns: RUNS });
  });

  it('find the vague words the alternation found, with the same advice', () => {
    fc.assert(fc.property(text, (t) => void expect(vagueWords(t)).toEqual(oldVagueWords(t))), { numRuns: RUNS });
  });

  it('agree with the alternations on chosen lines', () => {
    const lines = [
      'The train glides in. MARA takes four steps, pauses, and turns up her collar.',
      'Slow dolly-zoom, then a whip pan; the camera pushin and PULLS BACK, dollyzoom.',
      'She runs, then   sprints; the drinks; falling snow; is falling; he takes off and flies away.',
      'A beautiful, pretty quiet, high-quality, ultra  realistic, eye-catching shot; pretty dress.',
      "o'runs ’sings -dances dances- dancesé éswims 𝐀pan pan𝐀 ſwoops ſtunning \u212aICKS kick\u017f",
      'crane\u0345 \u0345tilt tilt\u00a0up tilts\nup zoom-in zoom--in',
    ];
    for (const t of lines) {
      expect(cameraMoves(t), t).toEqual(oldCameraMoves(t));
      expect(actions(t), t).toEqual(oldActions(t));
      expect(vagueWords(t), t).toEqual(oldVagueWords(t));
    }
    // Words run together are the move they spell.
    expect(cameraMoves(lines[1]!).map((m) => m.kind)).toEqual(['dolly zoom', 'pan', 'push in', 'pull out', 'dolly zoom']);
    expect(vagueWords(lines[4]!).map((v) => v.advice)).toEqual([VAGUE['stunning']]);
    expect(actions(lines[2]!).map((a) => a.lemma)).toEqual(['run', 'run', 'fall', 'fly', 'fly']);
    expect(vagueWords(lines[3]!).map((v) => v.word)).toEqual(['beautiful', 'high-quality', 'ultra  realistic', 'eye-catching', 'pretty']);
  });
});

describe('the garment and hair searches', () => {
  it('match where the garment expression matched, with the same words before and the same garment', () => {
    fc.assert(fc.property(text, (t) => void expect(garmentMatches(t)).toEqual(groups(t, garmentRe))), { numRuns: RUNS });
  });

  it('match where the hair expression matched, with the same words before', () => {
    fc.assert(fc.property(text, (t) => void expect(hairMatches(t)).toEqual(groups(t, hairRe))), { numRuns: RUNS });
  });

  it('agree with the expressions on chosen lines', () => {
    const lines = [
      'woman in her thirties, navy wool coat, short dark hair, leather satchel.',
      'red coat blue scarf; T-shirts, tshirts and a trench  coat; waistcoat, coaté, 2 coats, x2 hat',
      "Mara's coat, -- coat, a 𝐀 hat, hats_ caps hoodſ hairs, long blonde hair-do, hair hair hair",
      'MARA with short black hair looks up. Long, wavy and very dark red hair.',
    ];
    for (const t of lines) {
      expect(garmentMatches(t), t).toEqual(groups(t, garmentRe));
      expect(hairMatches(t), t).toEqual(groups(t, hairRe));
    }
    expect(garmentMatches(lines[1]!).map((m) => [m.before, m.noun])).toEqual([
      ['red ', 'coat'],
      ['blue ', 'scarf'],
      ['', 'T-shirt'],
      ['', 'tshirt'],
      ['and a ', 'trench  coat'],
      ['', 'coat'],
      ['', 'coat'],
      ['', 'hat'],
    ]);
  });

  it('read a look as before', () => {
    expect(readLook('woman in her thirties, navy wool coat, short dark hair, leather satchel.')).toEqual({
      garments: [{ slot: 'outer', garment: 'coat', colour: 'navy', family: 'blue', phrase: 'navy wool coat', start: 23, end: 37 }],
      hair: { colour: 'dark', length: 'short', phrase: 'short dark hair', start: 39, end: 54 },
    });
    expect(readLook('MARA, with long blonde hair, turns in a red dress and Sneakers.')).toEqual({
      garments: [
        { slot: 'outer', garment: 'dress', colour: 'red', family: 'red', phrase: 'red dress', start: 40, end: 49 },
        { slot: 'feet', garment: 'sneakers', colour: null, family: null, phrase: 'Sneakers', start: 54, end: 62 },
      ],
      hair: { colour: 'light', length: 'long', phrase: 'long blonde hair', start: 11, end: 27 },
    });
  });
});
