/**
 * Word lists for the prompt-craft rules, from the Sora 2 prompting guide's advice: one camera move
 * and one subject action per shot, concrete cues instead of vague adjectives.
 */
import { findPhrases, PhraseList } from './phrases.js';
import { memo } from './text.js';

/** Camera moves by kind; phrases are matched as whole words, longest first. */
export const MOVES: ReadonlyArray<[kind: string, phrases: string[]]> = [
  ['dolly zoom', ['dolly zoom', 'dolly-zoom', 'vertigo shot', 'vertigo effect']],
  ['dolly', ['dolly', 'dollies', 'dollying', 'dollied', 'track in', 'track out', 'tracks in', 'tracks out', 'truck left', 'truck right', 'trucks left', 'trucks right']],
  ['push in', ['push in', 'push-in', 'pushes in', 'pushing in', 'push forward', 'creep in', 'creeps in']],
  ['pull out', ['pull out', 'pull-out', 'pulls out', 'pulling out', 'pull back', 'pull-back', 'pulls back', 'pulling back']],
  ['pan', ['pan', 'pans', 'panning', 'panned', 'pan left', 'pan right', 'pans left', 'pans right', 'whip pan', 'whip-pan', 'whip pans']],
  ['tilt', ['tilt', 'tilts', 'tilting', 'tilt up', 'tilt down', 'tilts up', 'tilts down', 'tilted up', 'tilted down']],
  ['crane', ['crane', 'cranes', 'craning', 'crane up', 'crane down', 'jib', 'jib up', 'jib down', 'boom up', 'boom down', 'booms up', 'booms down', 'pedestal up', 'pedestal down']],
  ['arc', ['arc', 'arcs', 'arcing', 'orbit', 'orbits', 'orbiting', 'circles around', 'circling']],
  ['zoom', ['zoom', 'zooms', 'zooming', 'zoom in', 'zoom out', 'zooms in', 'zooms out', 'zooming in', 'zooming out', 'crash zoom', 'snap zoom']],
  ['tracking', ['tracking shot', 'tracking', 'follows', 'following shot', 'follow shot', 'leading shot']],
  ['roll', ['dutch roll', 'barrel roll']],
  ['drone', ['flyover', 'fly-over', 'fly-through', 'flythrough', 'flies over', 'flies through', 'swoops']],
];

export interface MoveHit {
  kind: string;
  start: number;
  end: number;
}

const key = (phrase: string): string => phrase.toLowerCase().replace(/[\s-]+/g, ' ');
const moveKind = new Map(MOVES.flatMap(([kind, ps]) => ps.map((p): [string, string] => [key(p), kind])));
/** Words of a move may be run together or hyphenated: "push in", "push-in", "pushin". */
const MOVE_PHRASES = new PhraseList([...moveKind.keys()], { ' ': '[- ]?' });

/** Camera moves in a camera description, each stretch counted once (longest phrase wins). */
export const cameraMoves = memo((text: string): MoveHit[] => {
  const hits: MoveHit[] = [];
  for (const { start, end, phrase } of findPhrases(text, MOVE_PHRASES, '-')) hits.push({ kind: moveKind.get(phrase)!, start, end });
  return hits;
});

/** Words that, in prose, make a sentence about the camera (only there are moves counted in prose). */
export const CAMERA_SUBJECT = /\b(?:camera|lens|shot|we)\b/i;

/**
 * Big, distinct subject actions. Small beats ("takes four steps, pauses, turns up her collar") are
 * what the guide recommends and are never counted; these are actions that each deserve a shot.
 */
export const ACTION_VERBS: ReadonlyArray<[lemma: string, forms: string[]]> = [
  ['run', ['runs', 'running', 'ran', 'sprints', 'sprinting', 'sprinted']],
  ['jump', ['jumps', 'jumping', 'jumped', 'leaps', 'leaping', 'leapt', 'leaped', 'vaults', 'vaulting']],
  ['fight', ['fights', 'fighting', 'fought', 'punches', 'punching', 'punched', 'kicks', 'kicking', 'kicked', 'wrestles', 'wrestling']],
  ['drive', ['drives', 'driving', 'drove', 'drives off', 'speeds away', 'speeds off']],
  ['dance', ['dances', 'dancing', 'danced', 'twirls', 'twirling', 'spins around']],
  ['climb', ['climbs', 'climbing', 'climbed', 'scales', 'scaling']],
  ['fall', ['falls', 'falling', 'fell', 'collapses', 'collapsing', 'tumbles', 'tumbling', 'trips', 'tripping']],
  ['throw', ['throws', 'throwing', 'threw', 'hurls', 'hurling', 'tosses', 'tossing']],
  ['swim', ['swims', 'swimming', 'swam', 'dives', 'diving', 'dived', 'dove into']],
  ['ride', ['rides', 'riding', 'rode', 'cycles', 'cycling', 'pedals', 'skateboards', 'skates', 'skating', 'surfs', 'surfing']],
  ['chase', ['chases', 'chasing', 'chased', 'pursues', 'pursuing']],
  ['fly', ['takes off', 'flies away', 'soars']],
  ['cook', ['cooks', 'cooking', 'chops', 'chopping', 'stirs', 'stirring', 'fries', 'frying']],
  ['write', ['writes', 'writing', 'wrote', 'types', 'typing', 'sketches', 'sketching', 'paints', 'painting']],
  ['play', ['plays the', 'playing the', 'strums', 'strumming', 'drums', 'drumming']],
  ['eat', ['eats', 'eating', 'ate', 'drinks', 'drinking', 'drank', 'sips', 'sipping']],
  ['sing', ['sings', 'singing', 'sang']],
  ['embrace', ['hugs', 'hugging', 'embraces', 'embracing', 'kisses', 'kissing']],
  ['open', ['opens the door', 'opens a door', 'slams the door', 'kicks the door']],
  ['dress', ['gets dressed', 'changes clothes', 'puts on her', 'puts on his', 'puts on their']],
];

export interface ActionHit {
  lemma: string;
  start: number;
  end: number;
}

const actionLemma = new Map(ACTION_VERBS.flatMap(([lemma, forms]) => forms.map((f): [string, string] => [key(f), lemma])));
const ACTION_PHRASES = new PhraseList([...actionLemma.keys()], { ' ': '\\s+' });

// Before these words an "-s" form is a plural noun ("the drinks", "lamb chops") and an "-ing"
// form an adjective ("falling snow"); only verbs count.
const DETERMINER = /(?:^|\s)(?:the|a|an|of|some|his|her|their|its|my|your|our|two|three|few|many|several|with|no|more|french|lamb|pork|fish)\s+$/i;
const PROGRESSIVE = /(?:^|\s)(?:is|are|was|were|be|been|keeps|starts|begins|stops|continues|finishes|keep|start|begin|stop|continue|finish|then|and|while|,)\s*$/i;

export const actions = memo((text: string): ActionHit[] => {
  const hits: ActionHit[] = [];
  for (const { start, end, phrase } of findPhrases(text, ACTION_PHRASES, "'’-")) {
    const space = phrase.indexOf(' ');
    const first = space === -1 ? phrase : phrase.slice(0, space);
    if (first.endsWith('s') && DETERMINER.test(text.slice(Math.max(0, start - 24), start))) continue;
    if (first.endsWith('ing') && !PROGRESSIVE.test(text.slice(Math.max(0, start - 24), start))) continue;
    hits.push({ lemma: actionLemma.get(phrase)!, start, end });
  }
  return hits;
});

/** Vague words and what to write instead (after the guide's weak → strong table). */
export const VAGUE: Readonly<Record<string, string>> = {
  beautiful: 'name what makes it so: "wet asphalt, neon signs reflecting in puddles"',
  beautifully: 'say how: "lit by a low amber sun"',
  nice: 'name the light, colour or texture you mean',
  pretty: 'name the details: "soft freckles, loose braid, linen shirt"',
  cinematic: 'name the lens, light and move: "35 mm, shallow depth of field, slow dolly in"',
  epic: 'give scale with framing: "aerial wide shot, tiny figure on the ridge"',
  amazing: 'describe what is seen, not how it should feel',
  stunning: 'name the light and palette: "golden backlight, amber and teal"',
  gorgeous: 'name the details that make it so',
  awesome: 'describe what is seen, not how it should feel',
  breathtaking: 'give scale and light: "vast salt flat, sun just below the horizon"',
  incredible: 'describe what is seen, not how it should feel',
  majestic: 'give scale and angle: "low angle, wide lens, cliffs filling the frame"',
  magical: 'name the effect: "floating dust motes lit by shafts of light"',
  dreamy: 'name the treatment: "soft focus, Black Pro-Mist 1/2, pastel palette"',
  aesthetic: 'name the palette and texture: "pastel pink and mint, 16 mm grain"',
  masterpiece: 'cut it: the model does not rate its own work',
  'high quality': 'cut it, and name the format instead: "35 mm film, fine grain"',
  'high-quality': 'cut it, and name the format instead: "35 mm film, fine grain"',
  'best quality': 'cut it, and name the format instead: "35 mm film, fine grain"',
  'ultra realistic': 'name the capture: "handheld documentary, natural light, 24 fps"',
  'ultra-realistic': 'name the capture: "handheld documentary, natural light, 24 fps"',
  hyperrealistic: 'name the capture: "handheld documentary, natural light, 24 fps"',
  'hyper-realistic': 'name the capture: "handheld documentary, natural light, 24 fps"',
  photorealistic: 'name the capture: "digital cinema camera, natural light"',
  wonderful: 'describe what is seen, not how it should feel',
  lovely: 'name the light, colour or texture you mean',
  interesting: 'say what happens in the frame',
  'visually appealing': 'name the composition, light and palette',
  'eye-catching': 'name what draws the eye: "red umbrella in a grey crowd"',
};

const VAGUE_PHRASES = new PhraseList(Object.keys(VAGUE), { ' ': '\\s+' });

export const vagueWords = memo((text: string): Array<{ word: string; start: number; end: number; advice: string }> => {
  const out: Array<{ word: string; start: number; end: number; advice: string }> = [];
  for (const { start, end, phrase } of findPhrases(text, VAGUE_PHRASES, "'’-")) {
    // "pretty" as an adverb ("pretty quiet") is not vague.
    if (phrase === 'pretty' && /^\s+(?:much|well|quickly|slowly|quiet|loud|close|far|dark|bright|good|bad|sure)\b/i.test(text.slice(end))) continue;
    out.push({ word: text.slice(start, end), start, end, advice: VAGUE[phrase]! });
  }
  return out;
});

/** Imperative verbs that start a change in a REMIX or EDIT. */
export const CHANGE_VERBS = new Set([
  'shift', 'switch', 'change', 'make', 'add', 'remove', 'replace', 'turn', 'swap', 'move', 'increase', 'decrease', 'reduce', 'set', 'darken', 'brighten', 'lighten', 'warm', 'cool', 'desaturate', 'saturate', 'slow', 'speed', 'zoom', 'crop', 'reframe', 'recolor', 'recolour', 'extend', 'delete', 'drop', 'put', 'give', 'use', 'raise', 'lower', 'push', 'pull', 'tint', 'relight', 'restyle', 'insert', 'erase', 'widen', 'tighten', 'soften', 'sharpen', 'keep',
]);
