// A generated storyboard, written three ways: as .shot, as the equivalent YAML and as JSON.
// The same clips, shots, dialogue and look in each, so parse speeds compare like for like.

const LOOK = {
  title: 'Benchmark Sequence',
  model: 'sora-2-pro',
  size: '1280x720',
  style: '1970s romantic drama, 35 mm with natural flares and warm halation.',
  format: '180° shutter; digital capture emulating 65 mm photochemical contrast; fine grain.',
  lenses: '32 mm / 50 mm spherical primes; Black Pro-Mist 1/4.',
  grade: { highlights: 'clean morning sunlight with amber lift.', mids: 'balanced neutrals with a slight teal cast.', blacks: 'soft and neutral, mild lift.' },
  lighting: 'low sun through the canopy; thin haze; sodium practicals.',
  sound: 'diegetic only — rail screech, brakes hiss, a muffled announcement.',
  cast: { MARA: 'woman in her thirties, navy wool coat, short dark hair, leather satchel.', JON: 'man in his forties, grey scarf, reading glasses.' },
};

// Prose is composed from word lists so that, as in a real storyboard, lines rarely repeat: a
// compiler that remembers what it has seen (the linter memoises per line) gets no free ride.
const WHO = ['MARA', 'JON', 'A conductor', 'An old man', 'Two students', 'A porter', 'The driver', 'A child with a kite', 'A cyclist', 'A vendor'];
const DOES = ['steps off the train', 'turns up her collar', 'checks the timetable', 'waves at the window', 'drags a suitcase', 'sips cold coffee', 'reads a folded letter', 'counts loose coins', 'ties a shoelace', 'shelters under the awning', 'looks back once', 'hurries past the kiosk'];
const WHERE = ['by the platform edge', 'under the departures board', 'beside the ticket gate', 'at the far stairs', 'near the flower stall', 'in the crowded doorway', 'along the wet tiles', 'behind the glass screen'];
const HOW = ['while rain beads on the canopy', 'as the doors hiss shut', 'as a pigeon hops between puddles', 'while the announcement echoes', 'as steam drifts across the tracks', 'in the thin morning haze', 'as headlights sweep the wall', 'while the clock ticks over'];
const CAMERAS = ['32 mm, shoulder-mounted slow dolly left', '50 mm, slow arc in', '85 mm, locked off', '24 mm, crane down', '40 mm anamorphic, slow push in', '65 mm, handheld drift right'];
const SAYS = ['We made it.', 'Not yet.', 'Is this the last one?', 'Stay close.', 'You kept the ticket?', 'It was always this train.', 'Tell me on the way.', 'Do you hear that?', 'Wait for me here.', 'I thought you had gone.'];
const TONE = ['quietly', 'laughing', 'to herself', 'without looking up', 'urgently', 'softly'];
const THEN = ['', ' then stops', ' then smiles', ' and waits', ' then glances at the clock', ' and says nothing', ' then steps aside', ' and shivers', ' then laughs', ' and keeps walking'];

/** A word of `list` for clip `i`, choice `k`: a hash of both, so neighbouring clips differ everywhere. */
function pick(list, i, k) {
  let h = Math.imul(i + 1, 0x9e3779b1) ^ Math.imul(k + 1, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  h ^= h >>> 13;
  return list[(h >>> 0) % list.length];
}

/** One line of action for clip `i`, shot `k` (76,800 different lines). */
function beat(i, k) {
  const at = k * 8;
  return `${pick(WHO, i, at)} ${pick(DOES, i, at + 1)}${pick(THEN, i, at + 2)} ${pick(WHERE, i, at + 3)}, ${pick(HOW, i, at + 4)}.`;
}

export function clip(i) {
  return {
    name: `clip-${i}`,
    seconds: 8,
    shots: [
      { start: 0, end: 3.2, title: `Arrival ${i}`, camera: pick(CAMERAS, i, 20), lines: [beat(i, 0)] },
      { start: 3.2, end: 8, title: `Turn ${i}`, camera: pick(CAMERAS, i, 21), lines: [beat(i, 1)], dialogue: [{ speaker: i % 2 ? 'JON' : 'MARA', parenthetical: pick(TONE, i, 22), line: pick(SAYS, i, 23) }] },
    ],
  };
}

function t(n) {
  return n.toFixed(2);
}

export function shotHeader() {
  const L = LOOK;
  return [
    '---',
    `title: ${L.title}`,
    `model: ${L.model}`,
    `size: ${L.size}`,
    '---',
    `Style: ${L.style}`,
    `Format & Look: ${L.format}`,
    `Lenses & Filtration: ${L.lenses}`,
    'Grade / Palette:',
    `  Highlights: ${L.grade.highlights}`,
    `  Mids: ${L.grade.mids}`,
    `  Blacks: ${L.grade.blacks}`,
    `Lighting & Atmosphere: ${L.lighting}`,
    `Sound: ${L.sound}`,
    '',
    'CAST',
    ...Object.entries(L.cast).map(([n, d]) => `${n}: ${d}`),
    '',
  ].join('\n');
}

export function shotClip(c) {
  const out = [`CLIP ${c.name} ${c.seconds}s`];
  for (const s of c.shots) {
    out.push(`  ${t(s.start)}–${t(s.end)} — "${s.title}" (${s.camera})`);
    for (const l of s.lines) out.push(`    ${l}`);
    for (const d of s.dialogue ?? []) out.push(`    ${d.speaker} (${d.parenthetical}): "${d.line}"`);
  }
  out.push('');
  return out.join('\n');
}

/** About `bytes` of .shot, with the same clips as YAML and JSON. */
export function corpus(bytes) {
  let shot = shotHeader();
  const clips = [];
  for (let i = 0; shot.length < bytes; i++) {
    const c = clip(i);
    clips.push(c);
    shot += shotClip(c);
  }
  const data = { ...LOOK, clips };
  return { shot, data, clips: clips.length };
}
