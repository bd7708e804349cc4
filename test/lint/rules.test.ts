/**
 * The prose, craft and guardrail rules, table-driven: each rule's valid inputs produce nothing
 * from it; each invalid input produces its code at the exact text, with a message that says what
 * to do; and where a fix exists, the text after applying it.
 */
import { describe, expect, it } from 'vitest';
import { clip, lintRule, withFix } from './helpers.js';

interface Invalid {
  source: string;
  /** The source text the first diagnostic points at. */
  text: string;
  /** A fragment of its message. */
  message: string;
  severity?: 'error' | 'warning' | 'info';
  /** The whole source after applying its first fix. */
  fixed?: string;
  /** How many diagnostics of the rule (default 1). */
  count?: number;
}

interface Table {
  code: string;
  rule: string;
  valid: string[];
  invalid: Invalid[];
}

const CAST = 'CAST\nMARA: woman in her thirties, navy wool coat, short dark hair, leather satchel.\n';

const tables: Table[] = [
  {
    code: 'SC601',
    rule: 'prose/length-in-prose',
    valid: [
      clip('A commuter platform at dawn.'),
      clip('0.00–4.00 — "Hold"\n  For three seconds she holds her breath, then exhales.'),
      clip('MARA: "We have twenty seconds until the train."', 'CLIP scene 4s', CAST),
    ],
    invalid: [
      { source: clip('A 20-second video of a commuter platform.'), text: 'A 20-second video', message: 'Set the length in the clip header (`CLIP scene 8s`)', fixed: clip('A video of a commuter platform.') },
      { source: clip('An 8 second clip of rain.'), text: 'An 8 second clip', message: 'never reads a length', fixed: clip('A clip of rain.') },
      { source: clip('Rain on a window. Make it longer.'), text: 'Make it longer', message: 'does nothing', fixed: clip('Rain on a window.') },
      { source: clip('Rain on a window, lasting 12 seconds.'), text: 'lasting 12 seconds', message: 'does nothing', fixed: clip('Rain on a window.') },
    ],
  },
  {
    code: 'SC602',
    rule: 'prose/resolution-in-prose',
    valid: [clip('A commuter platform at dawn.'), clip('A portrait of a woman on the platform.'), clip('A vast landscape at dusk.')],
    invalid: [
      { source: clip('A commuter platform in 4K.'), text: 'in 4K', message: 'the resolution comes from the size setting', fixed: clip('A commuter platform.') },
      { source: clip('A vertical video of a dancer.'), text: 'A vertical video', message: 'Set `size: 720x1280`', fixed: clip('A video of a dancer.') },
      { source: clip('1080p footage of a harbour.'), text: '1080p', message: 'size setting', fixed: clip('footage of a harbour.') },
      { source: clip('A harbour at dusk, 16:9.'), text: '16:9', message: 'orientation', fixed: clip('A harbour at dusk.') },
    ],
  },
  {
    code: 'SC651',
    rule: 'craft/one-camera-move',
    valid: [
      clip('0.00–4.00 — "Arrival Drift" (32 mm, shoulder-mounted slow dolly left)\n  The train glides in.'),
      clip('0.00–4.00 — "Pan" (50 mm)\n  She stirs the pan and tilts her head.'),
    ],
    invalid: [
      { source: clip('0.00–4.00 — "Arrival" (32 mm, slow dolly left, then pan right)\n  The train glides in.'), text: 'pan right', message: '2 camera moves (dolly, pan)' },
      { source: clip('0.00–4.00 — "Rise" (crane up)\n  Camera: the camera then zooms in on her face.'), text: 'zooms in', message: 'one clear camera move per shot' },
    ],
  },
  {
    code: 'SC652',
    rule: 'craft/one-action',
    valid: [
      clip('0.00–4.00 — "Walk"\n  MARA takes four steps, pauses, and turns up her collar.', 'CLIP scene 4s', CAST),
      clip('0.00–4.00 — "Snow"\n  Falling snow over running water; drinks on the table.'),
    ],
    invalid: [
      { source: clip('0.00–4.00 — "Chase"\n  She runs to the car and jumps over the fence.'), text: 'jumps', message: '2 separate actions ("runs", "jumps")' },
      { source: clip('0.00–4.00 — "Busy"\n  Action: she pours the coffee.\n  Action: she reads the letter.'), text: 'Action', message: '2 Action: lines' },
    ],
  },
  {
    code: 'SC653',
    rule: 'craft/vague',
    valid: [clip('Wet asphalt, neon signs reflecting in puddles.'), clip('MARA: "It is beautiful."', 'CLIP scene 4s', CAST), clip('The room is pretty quiet.')],
    invalid: [
      { source: clip('A beautiful street at night.'), text: 'beautiful', message: 'wet asphalt', fixed: clip('A street at night.') },
      { source: clip('An epic, cinematic shot.'), text: 'epic', message: 'aerial wide shot', count: 2 },
    ],
  },
  {
    code: 'SC654',
    rule: 'craft/dialogue-fits',
    valid: [
      clip('0.00–2.00 — "Line"\n  MARA: "We made it."', 'CLIP scene 4s', CAST),
      clip('0.00–4.00 — "Line"\n  MARA: "We made it, and the train is finally here."', 'CLIP scene 4s', CAST),
    ],
    invalid: [
      {
        source: clip('0.00–2.00 — "Line"\n  MARA: "We made it just in time, and now we can finally go home."', 'CLIP scene 4s', CAST),
        text: 'MARA: "We made it just in time, and now we can finally go home."',
        message: '13 words of dialogue in a shot of 2.00 s; at about 2.5 words a second only 5 fit',
      },
    ],
  },
  {
    code: 'SC655',
    rule: 'craft/prompt-length',
    valid: [clip('A commuter platform at dawn.')],
    invalid: [{ source: clip(`${'A quiet platform at dawn, wet concrete. '.repeat(110)}`), text: 'scene', message: 'far past the 4,000 that help' }],
  },
  {
    code: 'SC656',
    rule: 'craft/remix-one-change',
    valid: [
      clip('A platform.') + 'CLIP dusk REMIX scene\n  Change: shift the palette to dusk blue with sodium-orange practicals.\n',
      clip('A platform.') + 'CLIP dark EDIT scene\n  Change: make the coat red and the sky grey.\n',
    ],
    invalid: [
      { source: clip('A platform.') + 'CLIP rain REMIX scene\n  Change: switch to 85 mm and add rain.\n', text: 'add', message: '2 edits ("switch…", "add…")' },
      { source: clip('A platform.') + 'CLIP rain EDIT scene\n  Change: switch to 85 mm.\n  Change: add rain.\n', text: 'Change', message: 'This EDIT has 2 Change: lines' },
    ],
  },
  {
    code: 'SC657',
    rule: 'craft/cast-drift',
    valid: [
      clip('MARA in her navy coat waits on the platform.', 'CLIP scene 4s', CAST),
      clip('MARA waits; a stranger in a red dress walks past.', 'CLIP scene 4s', CAST),
      clip('MARA with short black hair looks up.', 'CLIP scene 4s', CAST),
    ],
    invalid: [
      { source: clip('MARA in a red dress crosses the ballroom.', 'CLIP scene 4s', CAST), text: 'red dress', message: 'CAST entry says "navy wool coat"', fixed: clip('MARA in a navy wool coat crosses the ballroom.', 'CLIP scene 4s', CAST) },
      { source: clip('MARA, with long blonde hair, turns.', 'CLIP scene 4s', CAST), text: 'long blonde hair', message: '"short dark hair"' },
    ],
  },
  {
    code: 'SC659',
    rule: 'craft/cast-name-case',
    valid: [
      clip('MARA steps off the train.', 'CLIP scene 4s', CAST),
      // Named in capitals once, the clip has MARA's description; other spellings add nothing.
      clip('MARA steps off the train. Mara looks back.', 'CLIP scene 4s', CAST),
      // Said aloud, a name is no appearance.
      clip('JON: "Mara, wait!"', 'CLIP scene 4s', `${CAST}JON: man in his forties.\n`),
      clip('Marathon runners pass the platform.', 'CLIP scene 4s', CAST),
      clip('Mara steps off the train.'),
    ],
    invalid: [
      {
        source: clip('Mara steps off the train.', 'CLIP scene 4s', CAST),
        text: 'Mara',
        message: '"Mara" is not MARA',
        fixed: clip('MARA steps off the train.', 'CLIP scene 4s', CAST),
      },
      {
        source: clip('0.00–4.00 — "Mara Arrives" (32 mm)\n  Dr. Okafor checks her watch.', 'CLIP scene 4s', `${CAST}DR. OKAFOR: a surgeon in scrubs.\n`),
        text: 'Mara',
        message: 'leaves out MARA',
        count: 2,
      },
    ],
  },
  {
    code: 'SC658',
    rule: 'craft/style-first',
    valid: [clip('A platform.'), 'LOOK noir\nStyle: 1940s film noir.\n\nCLIP a 4s USING noir\n  A platform.\n'],
    invalid: [{ source: 'CLIP arrival 4s\n  A commuter platform at dawn.\n', text: 'arrival', message: 'No Style applies to "arrival"' }],
  },
  {
    code: 'SC701',
    rule: 'guardrail/real-person',
    valid: [
      clip('A woman named Sarah waits at a bus stop.'),
      clip('Pigeons scatter across Trafalgar Square.'),
      clip('Cars cross the George Washington Bridge.'),
      clip('A drake paddles across the pond.'),
      clip('0.00–4.00 — "Arrival Drift" (32 mm, Black Pro-Mist 1/4)\n  The train glides in.'),
      clip('A woman called Anna Kowalski waits.'),
    ],
    invalid: [
      { source: clip('Tom Hanks sits on a park bench.'), text: 'Tom Hanks', message: '"Tom Hanks" (actor) is a real person', severity: 'error', fixed: clip('An actor sits on a park bench.') },
      { source: clip('The rapper Drake leans on a railing.'), text: 'Drake', message: 'real person', severity: 'error' },
      { source: clip('Zendaya walks a red carpet.'), text: 'Zendaya', message: 'real person', severity: 'error' },
      { source: clip('MARA: "I met Tom Hanks once."', 'CLIP scene 4s', CAST), text: 'Tom Hanks', message: 'named in spoken or quoted words', severity: 'warning' },
      { source: clip('Detective Anna Kowalski lights a cigarette.'), text: 'Anna Kowalski', message: 'reads as a person\'s full name', severity: 'warning', fixed: clip('Detective a person lights a cigarette.') },
    ],
  },
  {
    code: 'SC702',
    rule: 'guardrail/copyrighted-character',
    valid: [clip('A robin on a branch.'), clip('A storm rolls over the fields.'), clip('A superhero in an original silver suit.'), clip('The Batman theme blares from a toy car.')],
    invalid: [
      { source: clip('Spider-Man swings between skyscrapers.'), text: 'Spider-Man', message: 'copyrighted character (Marvel / Disney)', severity: 'error', fixed: clip('An original masked superhero swings between skyscrapers.') },
      { source: clip('Storm from the X-Men summons lightning.'), text: 'Storm', message: '(with "X-Men" nearby)', severity: 'error' },
      { source: clip('Sonic waits by the road.'), text: 'Sonic', message: 'may be Sonic, a copyrighted character (Sega)', severity: 'warning' },
    ],
  },
  {
    code: 'SC703',
    rule: 'guardrail/copyrighted-music',
    valid: [
      clip('A jazz trio plays an original slow blues.'),
      clip('Carolers sing "Silent Night" outside a cottage.'),
      clip('He says "Let\'s go home" and picks up his keys.'),
      clip('MARA: "Play it again."', 'CLIP scene 4s', CAST),
      clip('A pianist plays Chopin nocturnes.'),
    ],
    invalid: [
      { source: clip('The radio plays "Bohemian Rhapsody" as they drive.'), text: '"Bohemian Rhapsody"', message: 'is a copyrighted song', severity: 'error', fixed: clip('The radio plays an original song as they drive.') },
      { source: clip('Background music: a song by Taylor Swift.'), text: 'Taylor Swift', message: 'Music by Taylor Swift is copyrighted', severity: 'error', fixed: clip('Background music: a song by an original artist.') },
      { source: clip('The theme from Jaws as the fin cuts the water.'), text: 'Jaws', message: 'The Jaws theme is copyrighted' },
      { source: clip('She hums "Under the old bridge" while washing up.'), text: '"Under the old bridge"', message: 'reads as a song title', severity: 'warning' },
    ],
  },
  {
    code: 'SC704',
    rule: 'guardrail/under-18',
    valid: [
      clip('A killer whale breaches beside a boat.'),
      clip('A glass of champagne on a balcony.'),
      clip('A climber rappels down a cliff.'),
      clip('The chef sears chicken breasts.'),
      clip('A murder of crows lifts from a tree.'),
      // A number alone is never a word in disguise ("455" is not "ass" in digits).
      clip('Take 455 of the rehearsal; the clapper reads 717.'),
    ],
    invalid: [
      { source: clip('Gore splatters the walls.'), text: 'Gore', message: 'is graphic violence', severity: 'error' },
      { source: clip('A bloody nose after the fight.'), text: 'bloody', message: 'may read as graphic violence', severity: 'warning' },
      { source: clip('He snorts a line of cocaine.'), text: 'snorts a line of cocaine', message: 'drug use', severity: 'error' },
      { source: clip('A teenage girl in lingerie poses.'), text: 'lingerie', message: 'a minor together with sexual content', severity: 'error' },
      { source: clip('He screams "fuck you!" at the truck.'), text: 'fuck', message: 'strong language', severity: 'error' },
      { source: clip('A sign scrawled with sh1t in red paint.'), text: 'sh1t', message: 'strong language' },
    ],
  },
];

for (const t of tables) {
  describe(`${t.code} ${t.rule}`, () => {
    for (const source of t.valid) {
      it(`says nothing about: ${source.split('\n').slice(-2).join(' ').trim().slice(0, 70)}`, async () => {
        expect((await lintRule(source, t.rule)).map((d) => d.message)).toEqual([]);
      });
    }
    for (const c of t.invalid) {
      it(`reports "${c.text.slice(0, 40)}" in: ${c.source.split('\n').slice(-2).join(' ').trim().slice(0, 60)}`, async () => {
        const found = await lintRule(c.source, t.rule);
        expect(found.length, found.map((f) => f.message).join('\n')).toBe(c.count ?? 1);
        const first = found[0]!;
        expect(first.code).toBe(t.code);
        expect(first.text).toBe(c.text);
        expect(first.message).toContain(c.message);
        if (c.severity) expect(first.severity).toBe(c.severity);
        if (c.fixed !== undefined) {
          const fixed = withFix(c.source, first);
          expect(fixed).toBe(c.fixed);
          // A safe fix must leave nothing for its rule to say.
          if (first.diagnostic.fixes![0]!.safe) expect((await lintRule(fixed, t.rule)).map((d) => d.message)).toEqual([]);
        }
      });
    }
  });
}
