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

const BEATS = [
  'The train glides in. MARA takes four steps, pauses, and turns up her collar.',
  'She turns toward the window; her breath fogs the glass.',
  'JON folds his newspaper and looks up as the doors open.',
  'Rain beads on the platform edge; a pigeon hops between puddles.',
];
const CAMERAS = ['32 mm, shoulder-mounted slow dolly left', '50 mm, slow arc in', '85 mm, locked off', '24 mm, crane down'];
const LINES = ['We made it.', 'Not yet.', 'Is this the last one?', 'Stay close.'];

export function clip(i) {
  return {
    name: `clip-${i}`,
    seconds: 8,
    shots: [
      { start: 0, end: 3.2, title: `Arrival ${i}`, camera: CAMERAS[i % 4], lines: [BEATS[i % 4]] },
      { start: 3.2, end: 8, title: `Turn ${i}`, camera: CAMERAS[(i + 1) % 4], lines: [BEATS[(i + 1) % 4]], dialogue: [{ speaker: i % 2 ? 'JON' : 'MARA', parenthetical: 'quietly', line: LINES[i % 4] }] },
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
