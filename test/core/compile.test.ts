import { describe, expect, it } from 'vitest';
import { compile, memoryHost, type Plan } from '../../src/index.js';

async function plan(text: string, files: Record<string, string | Uint8Array> = {}, options: Parameters<typeof compile>[1] = {}): Promise<Plan> {
  return (await compile(text, { filename: '/p/scene.shot', host: memoryHost(files, '/p'), ...options })).plan;
}
const codes = (p: Plan): string[] => p.diagnostics.map((d) => d.code);
const prompt = (p: Plan, clip: string): string => p.clips.find((c) => c.name === clip)!.request.body['prompt'] as string;

describe('settings', () => {
  it('layers the CLI over the front matter over shotc.yaml over the target default', async () => {
    const cfg = { '/p/shotc.yaml': 'model: sora-2-pro\nsize: 720x1280\nseconds: 8\n' };
    const doc = '---\nsize: 1280x720\n---\nCLIP a\n  A train arrives.\n';
    const fromFile = await plan(doc, cfg);
    expect(fromFile.clips[0]!.request.body).toMatchObject({ model: 'sora-2-pro', size: '1280x720', seconds: '8' });
    const fromCli = await plan(doc, cfg, { model: 'sora-2', seconds: 4 });
    expect(fromCli.clips[0]!.request.body).toMatchObject({ model: 'sora-2', size: '1280x720', seconds: '4' });
  });

  it('reports a front-matter setting that no clip can use once, not once per clip', async () => {
    const p = await plan('---\nmodel: sora-2\nsize: 1920x1080\n---\nCLIP a 4s\n  Rain.\nCLIP b 4s\n  Snow.\nCLIP c 4s\n  Hail.\n');
    const size = p.diagnostics.filter((d) => d.code === 'SC402');
    expect(size).toHaveLength(1);
    expect(size[0]!.range.start).toMatchObject({ line: 3, column: 7 });
  });

  it('says in English what is wrong with each invalid setting, at its place', async () => {
    const p = await plan('---\nseconds: -3\nsize: big\ntitle: ""\nmodel: 5\nlint:\n  allow: [""]\n  craft/vague: loud\n---\nCLIP a 4s\n  Rain.\n');
    const invalid = p.diagnostics.filter((d) => d.code === 'SC202').map((d) => `${d.range.start.line}: ${d.message}`);
    expect(invalid).toEqual([
      '2: Setting "seconds": too small: expected number to be >0.',
      '3: Setting "size": write the size as WIDTHxHEIGHT, e.g. 1280x720.',
      '4: Setting "title": too small: expected string to have >=1 characters.',
      '5: Setting "model": expected text.',
      '7: Setting "lint.allow.0": too small: expected string to have >=1 characters.',
      '8: Setting "lint.craft/vague": expected one of "off", "info", "warning", "error", or a [value, options] list.',
    ]);
  });

  it('finds shotc.yaml by walking up from the file', async () => {
    const p = (await compile('CLIP a 1280x720\n  Rain.\n', { filename: '/p/scenes/act1/a.shot', host: memoryHost({ '/p/shotc.yaml': 'model: sora-2-pro\n' }, '/') })).plan;
    expect(p.clips[0]!.output.model).toBe('sora-2-pro');
  });

  it('reports unknown and invalid settings at the key, with a did-you-mean fix', async () => {
    const p = await plan('---\nmodle: sora-2-pro\nbudget: -3\n---\nCLIP a 1280x720\n  Rain.\n');
    const unknown = p.diagnostics.find((d) => d.code === 'SC201')!;
    expect(unknown.message).toContain('did you mean "model"');
    expect(unknown.range.start).toMatchObject({ line: 2, column: 1 });
    expect(unknown.fixes?.[0]?.edits[0]?.newText).toBe('model');
    const invalid = p.diagnostics.find((d) => d.code === 'SC202')!;
    expect(invalid.range.start.line).toBe(3);
  });

  it('maps front matter YAML errors to the line in the .shot file', async () => {
    const p = await plan('---\ntitle: [unclosed\n---\nCLIP a 1280x720\n  Rain.\n');
    const d = p.diagnostics.find((x) => x.code === 'SC104')!;
    expect(d.severity).toBe('error');
    expect(d.range.start.line).toBeGreaterThanOrEqual(2);
    expect(d.range.start.line).toBeLessThanOrEqual(3);
  });

  it('offers the size meant when it is written with spaces, × or *, and says nothing of the default then', async () => {
    for (const written of ['1280 x 720', '1280×720', '1280*720', '1280 X 720', '1280 by 720']) {
      const source = `---\nsize: ${written}\n---\nCLIP a 4s\n  Rain.\n`;
      const p = await plan(source);
      const d = p.diagnostics.find((x) => x.code === 'SC202')!;
      expect(d.fixes?.[0]).toMatchObject({ title: 'Write 1280x720', safe: true });
      expect(codes(p)).not.toContain('SC204');
      const fixed = source.replace(written, d.fixes![0]!.edits[0]!.newText);
      expect((await plan(fixed)).clips[0]!.output.size).toBe('1280x720');
    }
  });

  it('points an unknown target named by its provider or model family to the target', async () => {
    const cases: [string, string | null][] = [['openai', 'sora-2'], ['google', 'veo'], ['gemini', 'veo'], ['kling', 'fal'], ['fal.ai', 'fal'], ['veo3', 'veo'], ['xyz', null]];
    for (const [raw, want] of cases) {
      const d = (await plan(`---\ntarget: ${raw}\n---\nCLIP a 4s 1280x720\n  Rain.\n`)).diagnostics.find((x) => x.code === 'SC205')!;
      if (want) expect(d.message, raw).toContain(`did you mean "${want}"`);
      else expect(d.message, raw).not.toContain('did you mean');
      expect(d.fixes?.[0]?.edits[0]?.newText, raw).toBe(want ?? undefined);
    }
  });

  it('tells the user when the portrait default size applies', async () => {
    const p = await plan('CLIP a\n  Rain.\n');
    expect(p.clips[0]!.output.size).toBe('720x1280');
    const info = p.diagnostics.find((d) => d.code === 'SC204')!;
    expect(info.severity).toBe('info');
    expect(info.message).toContain('portrait');
  });
});

describe('clip length', () => {
  it('comes from the header, else the last shot, else the front matter, else the target default', async () => {
    const p = await plan('---\nseconds: 12\nsize: 1280x720\n---\nCLIP header 8s\n  0.00–8.00\n    Rain.\nCLIP shots\n  0.00–4.00\n    Rain.\nCLIP fm\n  Rain.\n');
    expect(p.clips.map((c) => [c.name, c.request.body['seconds']])).toEqual([
      ['header', '8'],
      ['shots', '4'],
      ['fm', '12'],
    ]);
    const d = await plan('---\nsize: 1280x720\n---\nCLIP plain\n  Rain.\n');
    expect(d.clips[0]!.request.body['seconds']).toBe('4');
  });

  it('rejects lengths the model does not allow, with a fix to the nearest allowed length', async () => {
    const p = await plan('---\nsize: 1280x720\n---\nCLIP a 10s\n  Rain.\n');
    const d = p.diagnostics.find((x) => x.code === 'SC401')!;
    expect(d.rule).toBe('limits/seconds');
    expect(d.range.start).toMatchObject({ line: 4, column: 8 });
    expect(d.fixes?.[0]).toMatchObject({ title: 'Change the length to 12 s', safe: true });
  });
});

describe('looks', () => {
  const doc = [
    '---',
    'size: 1280x720',
    '---',
    'Style: 16 mm documentary.',
    'Grade / Palette:',
    '  Highlights: warm.',
    '  Mids: neutral.',
    'Sound: rain on tin.',
    'LOOK night',
    'Grade / Palette:',
    '  Highlights: sodium orange.',
    'Lighting: streetlights only.',
    'CLIP day',
    '  Rain.',
    'CLIP dusk USING night',
    '  Rain.',
    'CLIP silent USING night',
    '  Sound: silence.',
    '  Rain.',
  ].join('\n');

  it('apply top-level sections to every clip and LOOK sections only to clips USING them', async () => {
    const p = await plan(doc);
    expect(prompt(p, 'day')).toContain('Highlights: warm.');
    expect(prompt(p, 'day')).not.toContain('streetlights');
    expect(prompt(p, 'dusk')).toContain('Lighting & Atmosphere: streetlights only.');
  });

  it('override a sub-key without touching its siblings', async () => {
    const dusk = prompt(await plan(doc), 'dusk');
    expect(dusk).toContain('Highlights: sodium orange.');
    expect(dusk).not.toContain('Highlights: warm.');
    expect(dusk).toContain('Mids: neutral.');
  });

  it('let a clip replace a whole section', async () => {
    const silent = prompt(await plan(doc), 'silent');
    expect(silent).toContain('Sound: silence.');
    expect(silent).not.toContain('rain on tin');
  });

  it('report USING a look that does not exist, with a did-you-mean fix', async () => {
    const p = await plan(doc.replace('CLIP dusk USING night', 'CLIP dusk USING nigth'));
    const d = p.diagnostics.find((x) => x.code === 'SC301')!;
    expect(d.message).toContain('did you mean "night"');
  });
});

describe('cast', () => {
  const doc = '---\nsize: 1280x720\n---\nCAST\nMARA: woman in her thirties, navy coat.\nJON: man, grey scarf.\nCLIP one\n  MARA\'s breath fogs the glass.\nCLIP two\n  0.00–4.00\n    The platform empties.\n    JON (calling): "Wait!"\nCLIP three\n  Mara is a word here, and MARAT is another name.\n';

  it('goes into exactly the clips where a character is named or speaks', async () => {
    const p = await plan(doc);
    expect(prompt(p, 'one')).toContain('MARA: woman in her thirties, navy coat.');
    expect(prompt(p, 'one')).not.toContain('JON:');
    expect(prompt(p, 'two')).toContain('JON: man, grey scarf.');
    expect(prompt(p, 'two')).not.toContain('MARA:');
    expect(prompt(p, 'three')).not.toContain('Cast:');
  });

  it('goes into the clips whose look names the character, and not into a remix, which sends no look', async () => {
    const looked =
      '---\nsize: 1280x720\n---\nWardrobe: MARA in her navy coat throughout.\nLOOK night\nLighting: JON\'s torch is the only light.\nCAST\nMARA: woman in her thirties.\nJON: man, grey scarf.\nTOM: boy of ten.\n' +
      'CLIP one 4s\n  Rain on the platform.\nCLIP two 4s USING night\n  The platform empties.\nCLIP three 4s\n  Snow.\nCLIP four REMIX one\n  Change: make it dusk; TOM waves.\n';
    const p = await plan(looked);
    const cast = (clip: string): string[] => [...prompt(p, clip).matchAll(/^([A-Z]+): /gm)].map((m) => m[1]!);
    expect(cast('one')).toEqual(['MARA']);
    expect(cast('two')).toEqual(['MARA', 'JON']);
    expect(cast('three')).toEqual(['MARA']);
    expect(cast('four')).toEqual(['TOM']);
  });
});

describe('REMIX, EXTEND and EDIT', () => {
  const doc = '---\nsize: 1280x720\nmodel: sora-2-pro\n---\nCLIP a 8s\n  Rain on the platform.\nCLIP b REMIX a\n  Change: make it snow.\nCLIP c EXTEND a 4s\n  The train leaves.\nCLIP d EDIT a\n  Change: remove the sign.\nCLIP e REMIX video_abc123\n  Change: make it dusk.\n';

  it('use the endpoints and bodies of the Videos API and depend on their source', async () => {
    const p = await plan(doc);
    const by = Object.fromEntries(p.clips.map((c) => [c.name, c]));
    expect(by['b']!.request).toEqual({ method: 'POST', path: '/videos/{video_id}/remix', body: { prompt: 'make it snow.' } });
    expect(by['c']!.request.path).toBe('/videos/extensions');
    expect(by['c']!.request.body).toMatchObject({ seconds: '4', video: { id: '{video_id}' } });
    expect(by['d']!.request).toMatchObject({ path: '/videos/edits', body: { prompt: 'remove the sign.', video: { id: '{video_id}' } } });
    expect(by['e']!.request.path).toBe('/videos/video_abc123/remix');
    expect([by['b']!.dependsOn, by['e']!.dependsOn]).toEqual([['a'], []]);
    expect(by['b']!.output).toEqual({ model: 'sora-2-pro', size: '1280x720', seconds: 8 });
    expect(by['b']!.estimate).toEqual({ seconds: 8, usd: 2.4 });
  });

  it('report a source that is not an earlier clip', async () => {
    const p = await plan('CLIP b REMIX a\n  Change: x.\nCLIP a 1280x720\n  Rain.\n');
    const d = p.diagnostics.find((x) => x.code === 'SC301')!;
    expect(d.message).toContain('defined after this clip');
    expect(d.related?.[0]?.range.start.line).toBe(3);
  });
});

describe('hash', () => {
  const doc = '---\nsize: 1280x720\n---\nCLIP a 4s\n  Rain.\nCLIP b REMIX a\n  Change: snow.\nCLIP c 4s\n  Wind.\n';

  it('is stable and ignores comments, notes and layout', async () => {
    const a = await plan(doc);
    const b = await plan(doc.replace('CLIP a 4s', '// a comment\nCLIP a   4s').replace('  Rain.', '    Rain. [[ a note ]]'));
    expect(b.clips.map((c) => c.hash)).toEqual(a.clips.map((c) => c.hash));
  });

  it('changes for a changed clip and for the clips that depend on it, only', async () => {
    const a = await plan(doc);
    const b = await plan(doc.replace('Rain.', 'Hail.'));
    expect(a.clips.map((c, i) => c.hash === b.clips[i]!.hash)).toEqual([false, false, true]);
  });

  it('covers the reference image bytes', async () => {
    const png = (n: number): Uint8Array => {
      const b = new Uint8Array(33);
      b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 5, 0, 0, 0, 2, 0xd0, n]);
      return b;
    };
    const text = '---\nsize: 1280x720\n---\nCLIP a 4s\n  Reference: f.png\n  Rain.\n';
    const a = await plan(text, { '/p/f.png': png(1) });
    const b = await plan(text, { '/p/f.png': png(2) });
    expect(a.clips[0]!.inputReference).toEqual({ path: 'f.png', mimeType: 'image/png', width: 1280, height: 720 });
    expect(a.clips[0]!.hash).not.toBe(b.clips[0]!.hash);
  });
});

describe('the length of a video made from an extension', () => {
  it('is the whole chain for a REMIX or EDIT of an EXTEND clip, and priced so', async () => {
    const p = await plan('---\nsize: 1280x720\n---\nCLIP d 4s\n  Rain.\nCLIP e EXTEND d 8s\n  More rain.\nCLIP f EDIT e\n  Change: make it snow.\n');
    const f = p.clips.find((c) => c.name === 'f')!;
    expect(f.output.seconds).toBe(12);
    expect(f.estimate).toEqual({ seconds: 12, usd: 1.2 });
  });
});

describe('shotc-disable comments', () => {
  it('silence parser and resolver warnings as well as lint rules, but never a syntax error', async () => {
    const doc = '---\nsize: 1280x720\n---\n// shotc-disable-next-line syntax/unknown-key\nStlye: documentary.\n// shotc-disable-next-line\nCLIP a 10s\n  Rain.\n';
    const p = await plan(doc);
    expect(codes(p)).not.toContain('SC101');
    expect(codes(p)).not.toContain('SC401');
    const broken = await plan('// shotc-disable\n0.00–4.00 — "Loose"\n');
    expect(codes(broken)).toContain('SC103');
  });
});
