/**
 * The storyboard generator as a pure function: what a reader of the page relies on — the film's
 * cut and running time, the timeline's proportions, user text never becoming markup, nothing
 * fetched from the network, diagnostics under the clip they are about, and the same page for the
 * same input.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/index.js';
import { buildView, filmCut, renderStoryboard, timelineLayout, wrap } from '../../src/preview/index.js';

async function board(text: string, filename = 'scene.shot'): Promise<{ html: string; result: Awaited<ReturnType<typeof compile>> }> {
  const result = await compile(text, { filename });
  return { html: renderStoryboard({ plan: result.plan, resolved: result.resolved }), result };
}

const SEQUENCE = `---
size: 1280x720
---
Style: grainy 16 mm documentary.

CLIP a 4s
  Scene: a quiet street at dawn.
CLIP b REMIX a
  Change: make it dusk.
CLIP d 4s
  Scene: a red door.
CLIP e EXTEND d 8s
  Scene: the door opens onto a garden.
CLIP f EDIT e
  Change: make the garden snowy.
CLIP g 8s
  Scene: a kettle boils.
`;

describe('the stitched film', () => {
  it('puts a remix or edit in its source’s place and adds an extension to its source', async () => {
    const { result } = await compile(SEQUENCE, { filename: 's.shot' }).then((r) => ({ result: r }));
    expect(filmCut(result.plan)).toEqual({ clips: ['b', 'f', 'g'], seconds: 4 + (4 + 8) + 8 });
  });

  it('keeps a clip made from an outside video as its own shot in the cut', async () => {
    const r = await compile('Style: noir.\nCLIP a 4s\n  Scene: x.\nCLIP b REMIX video_123abc\n  Change: dusk.\n', { filename: 's.shot' });
    expect(filmCut(r.plan).clips).toEqual(['a', 'b']);
  });

  it('survives clips that name each other as sources (an error, reported elsewhere)', async () => {
    const r = await compile('Style: noir.\nCLIP a REMIX b\n  Change: x.\nCLIP b REMIX a\n  Change: y.\n', { filename: 's.shot' });
    expect(r.plan.diagnostics.some((d) => d.severity === 'error')).toBe(true);
    expect(filmCut(r.plan).clips).toEqual(['b']);
  });

  it('states the running time, the seconds generated and the cost in the page', async () => {
    const { html } = await board(SEQUENCE);
    expect(html).toContain('running time 24 s · 40 s generated · estimated $4.00');
  });
});

describe('the timeline', () => {
  it('gives every clip a block whose width is proportional to its seconds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.constantFrom(4, 8, 12), { minLength: 1, maxLength: 12 }), async (seconds) => {
        const text = `Style: noir.\n${seconds.map((s, i) => `CLIP c${i} ${s}s\n  Scene: shot ${i}.\n`).join('')}`;
        const r = await compile(text, { filename: 's.shot' });
        const layout = timelineLayout(buildView(r.plan, r.resolved));
        expect(layout.clips.map((c) => c.clip.seconds)).toEqual(seconds);
        for (const c of layout.clips) expect(c.width / c.clip.seconds).toBeCloseTo(layout.scale, 9);
        // End to end, in file order, with no gaps.
        layout.clips.forEach((c, i) => {
          if (i) expect(c.x).toBeCloseTo(layout.clips[i - 1]!.x + layout.clips[i - 1]!.width, 9);
        });
      }),
      { numRuns: 40 },
    );
  });

  it('places shots at their timings inside their clip', async () => {
    const r = await compile('Style: noir.\nCLIP a 4s\n  0.00–2.40 — "One" (35 mm)\n    She walks.\n  2.40–4.00 — "Two"\n    She stops.\n', { filename: 's.shot' });
    const [clip] = timelineLayout(buildView(r.plan, r.resolved)).clips;
    expect(clip!.shots.map((s) => [s.x - clip!.x, s.width].map((v) => Math.round((v / clip!.width) * 1000) / 1000))).toEqual([
      [0, 0.6],
      [0.6, 0.4],
    ]);
  });

  it('draws one labelled link for each REMIX, EXTEND and EDIT of a clip in the file', async () => {
    const { html } = await board(SEQUENCE);
    const links = [...html.matchAll(/<g class="tl-link[^"]*" data-from="([^"]+)" data-to="([^"]+)" data-kind="([^"]+)">.*?<text[^>]*>([A-Z]+)<\/text>/g)].map((m) => m.slice(1));
    expect(links).toEqual([
      ['a', 'b', 'remix', 'REMIX'],
      ['d', 'e', 'extend', 'EXTEND'],
      ['e', 'f', 'edit', 'EDIT'],
    ]);
  });

  it('wraps words to the room there is and marks what it cut', () => {
    expect(wrap('a slow dolly left along the platform', 12, 2)).toEqual(['a slow dolly', 'left along…']);
    expect(wrap('short', 12, 2)).toEqual(['short']);
    expect(wrap('unbreakablewordthatislong', 8, 1)).toEqual(['unbreak…']);
  });
});

describe('the page', () => {
  it('never turns the writer’s text into markup', async () => {
    const { html } = await board('---\ntitle: <img src=x onerror=alert(1)>\n---\nStyle: "quotes" & <b>tags</b>.\nCLIP a 4s\n  0.00–4.00 — "<script>alert(1)</script>"\n    She says </pre> & leaves.\n');
    expect(html).not.toMatch(/<script|<img src=x|<b>tags/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('She says &lt;/pre&gt; &amp; leaves.');
  });

  it('loads nothing from the network: no scripts, no remote sources, a policy that forbids them', async () => {
    const { html } = await board(SEQUENCE);
    expect(html).not.toMatch(/<script|<link\b|@import|url\(\s*['"]?https?:/i);
    expect([...html.matchAll(/\b(?:src|href|poster)="([^"]*)"/g)].map((m) => m[1]).filter((u) => !u!.startsWith('#') && !u!.startsWith('data:'))).toEqual([]);
    expect(html).toContain(`content="default-src 'none';`);
  });

  it('lists each diagnostic under the clip it is about, with the source line and the range marked', async () => {
    const { html, result } = await board('Style: noir.\nCLIP a 4s\n  Scene: fine.\nCLIP b 10s\n  Scene: too long.\n');
    const sc401 = result.plan.diagnostics.find((d) => d.code === 'SC401');
    expect(sc401).toBeDefined();
    const section = html.slice(html.indexOf('<section class="clip" id="clip-b"'), html.indexOf('</section>', html.indexOf('id="clip-b"')));
    expect(section).toContain('data-code="SC401"');
    expect(section).toContain('<span class="sev">error</span>');
    expect(section).toContain('CLIP b <mark>10s</mark>');
    expect(section).toContain('fix: Change the length to 12 s');
    const first = html.slice(html.indexOf('id="clip-a"'), html.indexOf('id="clip-b"'));
    expect(first).not.toContain('SC401');
  });

  it('marks each part of the prompt with where it came from, and the marks spell the prompt exactly', async () => {
    const { html, result } = await board('Style: noir.\nCAST\nMARA: a tall woman.\nCLIP a 4s\n  0.00–4.00 — "One"\n    MARA waits.\n');
    const prompt = /<pre class="prompt"[^>]*>([\s\S]*?)<\/pre>/.exec(html)![1]!;
    const text = prompt.replace(/<[^>]+>/g, '').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect(text).toBe(result.plan.clips[0]!.request.body['prompt']);
    expect([...prompt.matchAll(/data-origin="(\w+)"[^>]*>([^<]*)</g)].map((m) => [m[1], m[2]])).toEqual([
      ['look', 'noir.'],
      ['cast', 'a tall woman.'],
      ['clip', 'One'],
      ['clip', 'MARA waits.'],
    ]);
  });

  it('is the same page for the same input', async () => {
    expect((await board(SEQUENCE)).html).toBe((await board(SEQUENCE)).html);
  });
});
