/** Documents the language server tests share. */

/** The sample from the language design: it compiles with no error. */
export const SAMPLE = `---
title: Morning Platform
model: sora-2-pro
size: 1280x720
---
Style: 1970s romantic drama, 35 mm with natural flares and warm halation.
Format & Look: 180° shutter; digital capture emulating 65 mm photochemical contrast; fine grain.
Lenses & Filtration: 32 mm / 50 mm spherical primes; Black Pro-Mist 1/4.
Grade / Palette:
  Highlights: clean morning sunlight with amber lift.
  Mids: balanced neutrals with a slight teal cast in the shadows.
  Blacks: soft and neutral, mild lift for haze retention.
Lighting & Atmosphere: low sun through the canopy; thin haze; sodium practicals.
Location & Framing: commuter platform, wet concrete, train arriving screen left.
Sound: diegetic only — rail screech, brakes hiss, a muffled announcement.

CAST
MARA: woman in her thirties, navy wool coat, short dark hair, leather satchel.

// the arrival is one 4-second clip with two shots
CLIP arrival 4s
  0.00–2.40 — "Arrival Drift" (32 mm, shoulder-mounted slow dolly left)
    The train glides in. MARA takes four steps, pauses, and turns up her collar.
  2.40–4.00 — "Turn and Pause" (50 mm, slow arc in)
    She turns toward the window; her breath fogs the glass.
    MARA (quietly): "We made it."
    [[ check the window reflection in the grade ]]

CLIP arrival-dusk REMIX arrival
  Change: shift the palette to dusk blue with sodium-orange practicals.
`;

let n = 0;
/** A fresh untitled URI per document, so tests never see each other's diagnostics. */
export function untitled(name = 'scene'): string {
  return `untitled:${name}-${++n}.shot`;
}

/**
 * Settings and a style that make a document clean (no default-size note, no style-first
 * warning), so a test sees only the diagnostics it is about. Four lines long.
 */
export const HEAD = '---\nsize: 1280x720\n---\nStyle: 35 mm film, natural light.\n';
export const HEAD_LINES = 4;

