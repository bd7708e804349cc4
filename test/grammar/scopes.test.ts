import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IGrammar } from 'vscode-textmate';
import { ROOT } from '../helpers/cli.js';
import { loadShotGrammar, scopesOf, tokenize, type Token } from './textmate.js';

let grammar: IGrammar;
beforeAll(async () => {
  grammar = (await loadShotGrammar()).grammar;
});

/** Tokenize `text` and return a lookup for the scopes of a piece of it. */
function doc(text: string): (needle: string, occurrence?: number) => string[] {
  const lines: Token[][] = tokenize(grammar, text);
  return (needle, occurrence = 0) => scopesOf(lines, text, needle, occurrence);
}

const platform = readFileSync(path.join(ROOT, 'examples', 'platform.shot'), 'utf8');

describe('the TextMate grammar on examples/platform.shot', () => {
  it('embeds the front matter as YAML between its fences', () => {
    const at = doc(platform);
    expect(at('---')).toEqual(['source.shot', 'meta.frontmatter.shot', 'punctuation.definition.frontmatter.shot']);
    expect(at('---', 1)).toEqual(['source.shot', 'meta.frontmatter.shot', 'punctuation.definition.frontmatter.shot']);
    const key = at('model');
    expect(key).toContain('meta.embedded.block.frontmatter.shot');
    expect(key).toContain('entity.name.tag.yaml');
  });

  it('colours section keys, sub-keys and their colons', () => {
    const at = doc(platform);
    expect(at('Style')).toContain('keyword.other.section.shot');
    expect(at('Format & Look')).toContain('keyword.other.section.shot');
    expect(at('Grade / Palette')).toContain('keyword.other.section.shot');
    expect(at('Highlights')).toContain('entity.other.attribute-name.sub-key.shot');
    expect(at('Mids')).toContain('entity.other.attribute-name.sub-key.shot');
    expect(at('Blacks')).toContain('entity.other.attribute-name.sub-key.shot');
    expect(at(':', 3)).toContain('punctuation.separator.key-value.shot');
  });

  it('colours the CAST heading and the character it defines', () => {
    const at = doc(platform);
    expect(at('CAST')).toContain('keyword.control.cast.shot');
    expect(at('MARA')).toContain('entity.name.function.character.cast.shot');
  });

  it('colours comments and notes', () => {
    const at = doc(platform);
    expect(at('//')).toEqual(expect.arrayContaining(['comment.line.double-slash.shot', 'punctuation.definition.comment.shot']));
    expect(at(' the arrival is one 4-second clip with two shots')).toContain('comment.line.double-slash.shot');
    expect(at(' check the window reflection in the grade ')).toContain('comment.block.note.shot');
    expect(at('[[')).toContain('punctuation.definition.comment.begin.shot');
  });

  it('colours CLIP headings: keyword, name, length, REMIX and its source', () => {
    const at = doc(platform);
    expect(at('CLIP')).toContain('keyword.control.clip.shot');
    expect(at('arrival', 1)).toContain('entity.name.tag.clip.shot');
    expect(at('4s')).toContain('constant.numeric.duration.shot');
    expect(at('arrival-dusk')).toContain('entity.name.tag.clip.shot');
    expect(at('REMIX')).toContain('keyword.other.remix.shot');
    expect(at('arrival', 3)).toContain('entity.name.tag.clip.reference.shot');
  });

  it('colours timing lines: times, dashes, title and camera', () => {
    const at = doc(platform);
    expect(at('0.00')).toContain('constant.numeric.timing.shot');
    expect(at('2.40')).toContain('constant.numeric.timing.shot');
    expect(at('–')).toContain('punctuation.separator.range.shot');
    expect(at('—', 1)).toContain('punctuation.separator.dash.shot');
    expect(at('Arrival Drift')).toContain('string.quoted.double.title.shot');
    expect(at('32 mm, shoulder-mounted slow dolly left')).toEqual(expect.arrayContaining(['markup.italic.camera.shot', 'string.other.camera.shot']));
  });

  it('colours dialogue: speaker, parenthetical and the spoken line', () => {
    const at = doc(platform);
    expect(at('MARA', 2)).toContain('entity.name.function.character.dialogue.shot');
    expect(at('quietly')).toContain('markup.italic.parenthetical.shot');
    expect(at('We made it.')).toContain('string.quoted.double.dialogue.shot');
    expect(at('"', 4)).toContain('punctuation.definition.string.begin.shot');
  });

  it('leaves prose plain: a name inside a beat is not dialogue', () => {
    const lines = tokenize(grammar, platform);
    const beat = lines.find((l) => l.some((t) => t.text.includes('The train glides in.')))!;
    expect(beat.flatMap((t) => t.scopes).filter((s) => !s.startsWith('meta.') && s !== 'source.shot')).toEqual([]);
  });

  it('colours the Change: key of a remix', () => {
    expect(doc(platform)('Change')).toContain('keyword.other.clip-key.shot');
  });
});

describe('the TextMate grammar on inline documents', () => {
  it('reads keys in any case, with aliases, & or "and", and any spacing around / and &', () => {
    const at = doc(['GRADE/PALETTE: teal', 'lenses and filtration: primes', 'Lighting&Atmosphere: haze', 'wardrobe /props/ extras: coats', 'LOOK: grain', 'Description: a platform'].join('\n'));
    for (const key of ['GRADE/PALETTE', 'lenses and filtration', 'Lighting&Atmosphere', 'wardrobe /props/ extras', 'LOOK', 'Description']) {
      expect(at(key), key).toContain('keyword.other.section.shot');
    }
  });

  it('reads a capitalised known key as a key but any other capitalised label as a character', () => {
    const at = doc('CLIP a 4s\n  SOUND: rain\n  DR. OKAFOR: "Again."\n');
    expect(at('SOUND')).toContain('keyword.other.section.shot');
    expect(at('DR. OKAFOR')).toContain('entity.name.function.character.dialogue.shot');
  });

  it('reads a LOOK heading, its name, and extra words as errors', () => {
    const at = doc('LOOK night dusk\n  Lighting: sodium practicals\n');
    expect(at('LOOK')).toContain('keyword.control.look.shot');
    expect(at('night')).toContain('entity.name.type.look.shot');
    expect(at('dusk')).toContain('invalid.illegal.heading.shot');
    expect(at('Lighting')).toContain('keyword.other.section.shot');
  });

  it('reads every kind of CLIP attribute in any order', () => {
    const text = 'CLIP platform-2 USING night 1792x1024 sora-2-pro 12s EXTEND video_68d7 Pro\n';
    const at = doc(text);
    expect(at('platform-2')).toContain('entity.name.tag.clip.shot');
    expect(at('USING')).toContain('keyword.other.using.shot');
    expect(at('night')).toContain('entity.name.type.look.reference.shot');
    expect(at('1792x1024')).toContain('constant.numeric.size.shot');
    expect(at('sora-2-pro')).toContain('constant.language.model.shot');
    expect(at('12s')).toContain('constant.numeric.duration.shot');
    expect(at('EXTEND')).toContain('keyword.other.extend.shot');
    expect(at('video_68d7')).toContain('string.unquoted.video-id.shot');
    expect(at('Pro')).toContain('invalid.illegal.attribute.shot');
  });

  it('does not take a length for a clip name, and reads lowercase keywords as build.ts does', () => {
    const at = doc('CLIP 8s\nCLIP b edit a using night\n');
    expect(at('8s')).toContain('constant.numeric.duration.shot');
    expect(at('edit')).toContain('keyword.other.edit.shot');
    expect(at('a')).toContain('entity.name.tag.clip.reference.shot');
    expect(at('using')).toContain('keyword.other.using.shot');
  });

  it('reads timing lines with hyphens, minutes, seconds suffixes, unquoted titles and nested camera parentheses', () => {
    const text = 'CLIP a 12s\n  0:00-0:04s -- Arrival (35 mm (anamorphic), push in) — then the rest\n  4 — 12 “Curly” (pan)\n';
    const at = doc(text);
    expect(at('0:00')).toContain('constant.numeric.timing.shot');
    expect(at('0:04')).toContain('constant.numeric.timing.shot');
    expect(at('s', 1)).toContain('keyword.other.unit.seconds.shot');
    expect(at('--')).toContain('punctuation.separator.dash.shot');
    expect(at('Arrival')).toContain('string.unquoted.title.shot');
    expect(at('35 mm (anamorphic), push in')).toContain('markup.italic.camera.shot');
    expect(at(' then the rest')).not.toContain('markup.italic.camera.shot');
    expect(at('Curly')).toContain('string.quoted.double.title.shot');
    expect(at('“')).toContain('punctuation.definition.string.begin.shot');
    expect(at('pan')).toContain('markup.italic.camera.shot');
  });

  it('reads a dash right after the end time, and closes a title only with its own kind of quote', () => {
    const text = 'CLIP a 8s\n  0.00–2.40—"Arrival" (pan)\n  2.40–4.00 “Curly "inner" title” (tilt)\n  4.00–8.00 "Mismatched” (not a camera)\n';
    const at = doc(text);
    expect(at('2.40')).toContain('constant.numeric.timing.shot');
    expect(at('—')).toContain('punctuation.separator.dash.shot');
    expect(at('Arrival')).toContain('string.quoted.double.title.shot');
    expect(at('Curly "inner" title')).toContain('string.quoted.double.title.shot');
    expect(at('tilt')).toContain('markup.italic.camera.shot');
    expect(at('Mismatched” (not a camera)')).toContain('string.quoted.double.title.shot');
  });

  it('does not read a number range followed by prose as a timing line (as the classifier does not)', () => {
    const at = doc('CLIP a 4s\n  2-4 people wait\n');
    expect(at('  2-4 people wait')).not.toContain('constant.numeric.timing.shot');
  });

  it('reads keyed lines of a shot as shot keys, and a section key at the timing line\'s level as the end of the shot', () => {
    const text = 'CLIP a 4s\n  0.00–4.00\n    Camera: slow push\n  Action: she turns\n  Sound: the clip\'s own\n';
    const at = doc(text);
    expect(at('Camera')).toContain('entity.other.attribute-name.shot-key.shot');
    expect(at('Action')).toContain('entity.other.attribute-name.shot-key.shot');
    expect(at('Sound')).toContain('keyword.other.section.shot');
    expect(at('Sound')).not.toContain('meta.shot.shot');
  });

  it('reads Reference: paths, stopping before an inline note', () => {
    const at = doc('CLIP a 4s\n  Reference: frames/platform.png [[ the first frame ]]\n');
    expect(at('Reference')).toContain('keyword.other.clip-key.shot');
    expect(at('frames/platform.png')).toContain('string.unquoted.path.shot');
    expect(at(' the first frame ')).toContain('comment.block.note.shot');
  });

  it('reads dialogue whose words continue on the next line, and notes inside it', () => {
    const text = 'CLIP a 4s\n  0.00–4.00\n    MARA (whispering): "We made\n      it [[ beat ]] home."\n';
    const at = doc(text);
    expect(at('MARA')).toContain('entity.name.function.character.dialogue.shot');
    expect(at('whispering')).toContain('markup.italic.parenthetical.shot');
    expect(at('We made')).toContain('string.quoted.double.dialogue.shot');
    expect(at(' beat ')).toEqual(expect.arrayContaining(['string.quoted.double.dialogue.shot', 'comment.block.note.shot']));
    expect(at(' home.')).toContain('string.quoted.double.dialogue.shot');
    expect(at('"', 1)).toContain('punctuation.definition.string.end.shot');
  });

  it('reads a cast entry with a parenthetical and a continuation line', () => {
    const at = doc('CAST\nDR. OKAFOR (voice only): surgeon in her fifties,\n  grey scrubs\n');
    expect(at('DR. OKAFOR')).toContain('entity.name.function.character.cast.shot');
    expect(at('voice only')).toContain('markup.italic.parenthetical.shot');
    expect(at('  grey scrubs')).toContain('meta.cast-entry.shot');
  });

  it('reads notes on their own line, inline, and across lines up to ]] but never past a blank line', () => {
    const text = 'Style: warm [[ inline ]] light\n[[ whole line ]]\n[[ runs\nover two ]]\n[[ never closed\n\nScene: a platform\n';
    const at = doc(text);
    expect(at(' inline ')).toContain('comment.block.note.shot');
    expect(at(' light')).not.toContain('comment.block.note.shot');
    expect(at(' whole line ')).toContain('comment.block.note.shot');
    expect(at('over two ')).toContain('comment.block.note.shot');
    expect(at(' never closed')).toContain('comment.block.note.shot');
    expect(at('Scene')).toContain('keyword.other.section.shot');
  });

  it('reads // as a comment only at the start of a line', () => {
    const at = doc('  // indented comment\nScene: see https://example.com/a\n');
    expect(at('//')).toContain('comment.line.double-slash.shot');
    expect(at(' see https://example.com/a')).not.toContain('comment.line.double-slash.shot');
  });

  it('reads front matter only at the start of the file, after nothing but blank lines', () => {
    const late = doc('Scene: x\n---\ntitle: no\n---\n');
    expect(late('---')).not.toContain('meta.frontmatter.shot');
    const text = '\n  \n---\ntitle: yes\n---\n---\nStyle: warm\n';
    const at = doc(text);
    expect(at('---')).toContain('punctuation.definition.frontmatter.shot');
    expect(at('title')).toContain('entity.name.tag.yaml');
    expect(at('---', 1)).toContain('punctuation.definition.frontmatter.shot');
    expect(at('---', 2)).not.toContain('meta.frontmatter.shot');
    expect(at('Style')).toContain('keyword.other.section.shot');
  });

  it('ends unclosed front matter at the first line that cannot be YAML', () => {
    const at = doc('---\ntitle: x\n\n// a comment\nCLIP a 4s\n');
    expect(at('title')).toContain('meta.frontmatter.shot');
    expect(at('//')).toContain('comment.line.double-slash.shot');
    expect(at('//')).not.toContain('meta.frontmatter.shot');
    expect(at('CLIP')).toContain('keyword.control.clip.shot');
  });

  it('still scopes front matter when no YAML grammar is installed', async () => {
    const bare = (await loadShotGrammar({ yaml: false })).grammar;
    const text = '---\ntitle: x # a comment\n---\nStyle: warm\n';
    const lines = tokenize(bare, text);
    expect(scopesOf(lines, text, 'title: x ')).toContain('meta.embedded.block.frontmatter.shot');
    expect(scopesOf(lines, text, ' a comment')).toContain('comment.line.number-sign.yaml.shot');
    expect(scopesOf(lines, text, 'Style')).toContain('keyword.other.section.shot');
  });
});
