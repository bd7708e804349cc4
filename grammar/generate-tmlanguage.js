// Writes grammar/shot.tmLanguage.json. The grammar is generated rather than hand-written so that
// its regular expressions are built from named pieces that mirror src/core/syntax/lines.ts (the
// line classifier) and build.ts (clip header, timing line, sub-keys), and so that the key
// vocabulary comes from keys.ts instead of a second copy that would drift.
//
//   node grammar/generate-tmlanguage.js           write the file
//   node grammar/generate-tmlanguage.js --check   exit 1 if the committed file is out of date
//
// Reads the key vocabulary from the built library (dist/); `npm run grammar` builds first.
// Regexes are Oniguruma (what VS Code and vscode-textmate run). Each line is matched with its
// "\n", so patterns say `[^\n]` or `.` (which stops at "\n") where they mean "rest of the line".
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ALL_KEY_SPELLINGS, SHOT_KEYS, lookupSection } from '../dist/core/syntax/keys.js';

const OUT = fileURLToPath(new URL('./shot.tmLanguage.json', import.meta.url));
const raw = String.raw;

// ── pieces that mirror the line classifier ───────────────────────────────────────────────────

/** lines.ts clipHeaderLike: words a clip header takes besides its name. */
const LOOSE_ATTRIBUTE = raw`(?:\d+(?:\.\d+)?s|\d+[x×]\d+|(?i:using|remix|extend|edit)[ \t]+\S+)`;
const LOOSE_MODEL = raw`[a-z][a-z0-9._/:\-]*`;
/** After a loose `Clip`: a name, then clip attributes only, at least one a length, size or source. */
const LOOSE_CLIP_REST = raw`[ \t]*\S+(?:[ \t]+${LOOSE_MODEL})*[ \t]+${LOOSE_ATTRIBUTE}(?:[ \t]+(?:${LOOSE_ATTRIBUTE}|${LOOSE_MODEL}))*[ \t]*$`;
/** The heading words as written (lines.ts: canonical, then looseHeading), each with its lookahead. */
const CAST_WORD = raw`(?i:cast):?(?=[ \t]*$)`;
const LOOK_WORD = raw`LOOK(?=[ \t]|$)`;
const CLIP_WORD = raw`(?:CLIP(?=[ \t]|$)|CLIP:|(?i:clip)(?::|(?=[ \t]))(?=${LOOSE_CLIP_REST}))`;
/** A heading line, looked at from its first non-blank character. */
const HEADING = raw`(?:${CAST_WORD}|${LOOK_WORD}|${CLIP_WORD})`;
/** A time in a timing line: `2.40`, `12`, `1:02.5` (TIMING_RE). */
const TIME = raw`\d+(?::\d{1,2})?(?:\.\d+)?`;
const DASH = raw`(?:--|[-–—‒])`;
/**
 * What may follow the second time for the line to be a timing line at all (TIMING_RE's
 * lookahead): the end of the line; a dash, quote or `(` after blanks; a quote or `(`; or a dash
 * directly followed by a blank, quote or `(` (`0.00–2.40—"Arrival"`).
 */
const TIMING_FOLLOW = raw`(?=[ \t]*$|[ \t]+(?:--|[-–—‒"“”'‘(])|[ \t]*[("“]|(?:--|[-–—‒])[ \t"“(])`;
/** Groups: start, its `s`, the range dash, end, its `s`. */
const TIMING = raw`(${TIME})(s?)[ \t]*(${DASH})[ \t]*(${TIME})(s?)${TIMING_FOLLOW}`;
/** The same without groups, for lookaheads. */
const TIMING_AHEAD = raw`${TIME}s?[ \t]*${DASH}[ \t]*${TIME}s?${TIMING_FOLLOW}`;

/** keys.ts normalises `&`/`/` spacing and `and` for `&`, and ignores case; so does this. */
function spellingPattern(spelling) {
  return spelling
    .trim()
    .split(/(\s*[&/]\s*|\s+)/)
    .map((part, i) => {
      if (i % 2 === 0) return part.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');
      if (part.includes('&')) return raw`(?: *& *| +and +)`;
      if (part.includes('/')) return raw` */ *`;
      return ' +';
    })
    .join('');
}
const spellings = [...new Set(ALL_KEY_SPELLINGS.map((s) => s.toLowerCase()))].sort((a, b) => b.length - a.length || a.localeCompare(b));
/** Every key in the vocabulary (sections with aliases, shot keys, Reference, Change), any case. */
const KNOWN_KEY = `(?i:${spellings.map(spellingPattern).join('|')})`;
/** Shot keys that are not also section names: at the timing line's level they still belong to the shot (parser.ts shotContinues). */
const SHOT_ONLY_KEY = `(?i:${SHOT_KEYS.filter((k) => !lookupSection(k.name)).map((k) => spellingPattern(k.name.toLowerCase())).join('|')})`;
/** The classifier only looks for a colon in the first 64 characters of a line's content. */
const COLON_NEAR = raw`(?=.{0,63}:)`;
const AFTER_COLON = raw`(?=[ \t]|$)`;
/** Groups: key, colon. */
const KEY = raw`${COLON_NEAR}(${KNOWN_KEY})[ \t]*(:)${AFTER_COLON}`;
const KEY_AHEAD = raw`${COLON_NEAR}${KNOWN_KEY}[ \t]*:${AFTER_COLON}`;
/** NAME_RE, minus capitalised known keys (`SOUND:` is a key). Groups: name, `(`, parenthetical, `)`, colon. */
const NAME = raw`${COLON_NEAR}(?!${KNOWN_KEY}[ \t]*(?:\([^()\n]*\)[ \t]*)?:${AFTER_COLON})(\p{Lu}[\p{Lu}\p{Nd}\p{M} .'’-]*?)[ \t]*(?:(\()([^()\n]*)(\))[ \t]*)?(:)${AFTER_COLON}`;
/** build.ts SUBKEY_RE: up to four words and a colon, on a continuation line of a section. Groups: label, colon. */
const SUB_KEY = raw`(\p{L}[\p{L}\p{M}'’-]*(?: [\p{L}\p{M}&/'’-]+){0,3})[ \t]*(:)${AFTER_COLON}`;
/**
 * A comment or a one-line note: trivia, which never ends a continuation. A note that spans lines
 * does end it when it is not indented under the key, so that the note's later lines are not cut
 * off by the next `while` check (a `while` cannot know it is inside a note).
 */
const TRIVIA_AHEAD = raw`(?://|\[\[(?:(?!\]\]).)*\]\][ \t]*$)`;
/**
 * `while` for the lines that continue a keyed or named line (group 1 of `begin` is its
 * indentation): more indented content lines, blank lines, comments and notes. Headings and timing
 * lines never continue anything (parser.ts: they are not ContentLines).
 */
const CONTINUES = raw`^(?:(?=\1[ \t]+(?!${HEADING}|${TIMING_AHEAD})\S)|(?=[ \t]*$)|(?=[ \t]*${TRIVIA_AHEAD}))`;
/** A block (CAST, LOOK, CLIP) runs to the next heading. */
const BEFORE_HEADING = raw`^(?=[ \t]*${HEADING})`;
/** Words in a CLIP header are separated by blanks (build.ts splits on them). */
const WORD_START = raw`(?<=[ \t])`;
const WORD_END = raw`(?=[ \t]|$)`;
const HEADER_KEYWORD = raw`(?i:using|remix|extend|edit)`;
/** build.ts attributeLike: a length, a size or a keyword is not a clip name. */
const ATTRIBUTE_LIKE = raw`(?:\d+(?:\.\d+)?s|\d+[x×]\d+|${HEADER_KEYWORD})${WORD_END}`;

// ── scope names (see grammar/README.md for the table) ────────────────────────────────────────

const S = {
  comment: 'comment.line.double-slash.shot',
  commentPunct: 'punctuation.definition.comment.shot',
  note: 'comment.block.note.shot',
  noteBegin: 'punctuation.definition.comment.begin.shot',
  noteEnd: 'punctuation.definition.comment.end.shot',
  frontMatter: 'meta.frontmatter.shot',
  frontMatterFence: 'punctuation.definition.frontmatter.shot',
  frontMatterBody: 'meta.embedded.block.frontmatter.shot',
  keyword: (word) => `keyword.control.${word}.shot`,
  clipName: 'entity.name.tag.clip.shot',
  clipSource: 'entity.name.tag.clip.reference.shot',
  videoId: 'string.unquoted.video-id.shot',
  lookName: 'entity.name.type.look.shot',
  lookRef: 'entity.name.type.look.reference.shot',
  headerKeyword: (word) => `keyword.other.${word}.shot`,
  duration: 'constant.numeric.duration.shot',
  size: 'constant.numeric.size.shot',
  model: 'constant.language.model.shot',
  badAttribute: 'invalid.illegal.attribute.shot',
  section: 'keyword.other.section.shot',
  clipKey: 'keyword.other.clip-key.shot',
  subKey: 'entity.other.attribute-name.sub-key.shot',
  shotKey: 'entity.other.attribute-name.shot-key.shot',
  colon: 'punctuation.separator.key-value.shot',
  path: 'string.unquoted.path.shot',
  time: 'constant.numeric.timing.shot',
  timeUnit: 'keyword.other.unit.seconds.shot',
  rangeDash: 'punctuation.separator.range.shot',
  dash: 'punctuation.separator.dash.shot',
  title: 'string.quoted.double.title.shot',
  titleUnquoted: 'string.unquoted.title.shot',
  quoteBegin: 'punctuation.definition.string.begin.shot',
  quoteEnd: 'punctuation.definition.string.end.shot',
  // Two scopes: themes that do not italicise markup.italic still colour string.other.
  camera: 'string.other.camera.shot markup.italic.camera.shot',
  parenBegin: 'punctuation.definition.parenthesis.begin.shot',
  parenEnd: 'punctuation.definition.parenthesis.end.shot',
  castName: 'entity.name.function.character.cast.shot',
  speaker: 'entity.name.function.character.dialogue.shot',
  parenthetical: 'string.other.parenthetical.shot markup.italic.parenthetical.shot',
  dialogue: 'string.quoted.double.dialogue.shot',
};

/** Build a captures object from a list of scope names (or capture rules), group 1 first. */
function caps(...list) {
  const out = {};
  list.forEach((c, i) => {
    if (c) out[String(i + 1)] = typeof c === 'string' ? { name: c } : c;
  });
  return out;
}

/** A title opened with " closes with ", one opened with “ closes with ” (build.ts); unclosed, it runs to the end of the line. */
const TITLE_QUOTED = raw`(?:(")([^"\n]*)("|$)|(“)([^”\n]*)(”|$))`;
const TITLE_UNQUOTED = raw`(?=[^ \t(\n"“])([^(\n]*?)(?=[ \t]*(?:\(|$))`;
/** The camera note: parentheses may nest twice (`(50 mm (anamorphic), slow push)`); unclosed runs to the end of the line. */
const CAMERA = raw`(\()((?:[^()\n]|\((?:[^()\n]|\([^()\n]*\))*\))*)(\)|$)`;
const titleCaps = [S.quoteBegin, S.title, S.quoteEnd, S.quoteBegin, S.title, S.quoteEnd];
const cameraCaps = [S.parenBegin, S.camera, S.parenEnd];

const grammar = {
  name: 'Shot',
  scopeName: 'source.shot',
  fileTypes: ['shot'],
  comment: 'Generated by grammar/generate-tmlanguage.js from the key vocabulary in src/core/syntax/keys.ts; edit the generator, not this file.',
  patterns: [
    { include: '#file-start' },
    { include: '#trivia' },
    { include: '#cast-block' },
    { include: '#look-block' },
    { include: '#clip-block' },
    { include: '#body' },
  ],
  repository: {
    'file-start': {
      comment:
        'Front matter opens the file: only blank lines may come before it (lines.ts onlyBlankBefore). This rule holds those lines and the front matter, and ends at the first other line or right after the closing fence.',
      begin: raw`\A(?=\x{FEFF}?(?:[ \t]*$|---[ \t]*$))`,
      end: raw`(?=^[ \t]*\S)(?!^\x{FEFF}?---[ \t]*$)|(?<=^---|^\.\.\.|^---[ \t]|^\.\.\.[ \t])$`,
      patterns: [{ include: '#front-matter' }],
    },
    'front-matter': {
      comment:
        'YAML settings between --- fences (lines.ts frontMatter). Unclosed, the compiler ends it at the first blank line, which a grammar cannot know (valid YAML may hold blank lines); it ends at the first line that cannot be YAML in a mapping: a heading, // or [[ at the start of a line.',
      begin: raw`^\x{FEFF}?(---)[ \t]*$`,
      beginCaptures: caps(S.frontMatterFence),
      end: raw`^(---|\.\.\.)[ \t]*$|^(?=${HEADING}|//|\[\[)`,
      endCaptures: caps(S.frontMatterFence),
      name: S.frontMatter,
      contentName: S.frontMatterBody,
      // The comment rule only matters where no YAML grammar is installed: it keeps this rule from
      // being dropped as empty, and colours YAML comments anyway.
      patterns: [{ include: 'source.yaml' }, { match: raw`(?:^|(?<=[ \t]))(#).*$`, name: 'comment.line.number-sign.yaml.shot', captures: caps(S.commentPunct) }],
    },

    trivia: {
      patterns: [{ include: '#comment' }, { include: '#note-line' }, { include: '#note-block' }],
    },
    comment: {
      comment: '`//` at the start of a line (after indentation) comments out the line; elsewhere it is text.',
      match: raw`^[ \t]*(//).*$`,
      name: S.comment,
      captures: caps(S.commentPunct),
    },
    'note-line': {
      comment: 'A [[note]] alone on its line: the first ]] ends the line.',
      match: raw`^[ \t]*(\[\[)(?:(?!\]\]).)*(\]\])[ \t]*$`,
      name: S.note,
      captures: caps(S.noteBegin, S.noteEnd),
    },
    'note-block': {
      comment: '[[ with no ]] on its line: the note runs to ]] but never past a blank line.',
      begin: raw`^[ \t]*(\[\[)(?!.*\]\])`,
      beginCaptures: caps(S.noteBegin),
      end: raw`(\]\])|^(?=[ \t]*$)`,
      endCaptures: caps(S.noteEnd),
      name: S.note,
    },
    'inline-note': {
      comment: 'A [[note]] inside a line; unclosed, it runs to the end of the line.',
      match: raw`(\[\[)(?:(?!\]\]).)*(\]\]|$)`,
      name: S.note,
      captures: caps(S.noteBegin, S.noteEnd),
    },

    'cast-block': {
      begin: raw`^[ \t]*(${CAST_WORD})[ \t]*$`,
      beginCaptures: { 0: { name: 'meta.heading.cast.shot' }, 1: { name: S.keyword('cast') } },
      end: BEFORE_HEADING,
      name: 'meta.block.cast.shot',
      patterns: [
        { include: '#trivia' },
        { include: '#shot' },
        { include: '#section' },
        { include: '#cast-entry' },
        { include: '#cast-entry-not-capitalised' },
        { include: '#inline-note' },
      ],
    },
    'look-block': {
      begin: raw`^[ \t]*(${LOOK_WORD})(?:[ \t]*(\S+))?([^\n]*)$`,
      beginCaptures: {
        0: { name: 'meta.heading.look.shot' },
        1: { name: S.keyword('look') },
        2: { name: S.lookName },
        3: { name: 'meta.heading.look.shot', patterns: [{ match: raw`\S+`, name: 'invalid.illegal.heading.shot' }] },
      },
      end: BEFORE_HEADING,
      name: 'meta.block.look.shot',
      patterns: [{ include: '#body' }],
    },
    'clip-block': {
      begin: raw`^[ \t]*(${CLIP_WORD})(?:[ \t]*(?!${ATTRIBUTE_LIKE})(\S+))?([^\n]*)$`,
      beginCaptures: {
        0: { name: 'meta.heading.clip.shot' },
        1: { name: S.keyword('clip') },
        2: { name: S.clipName },
        3: { name: 'meta.heading.clip.shot', patterns: [{ include: '#clip-attributes' }] },
      },
      end: BEFORE_HEADING,
      name: 'meta.block.clip.shot',
      patterns: [{ include: '#body' }],
    },
    'clip-attributes': {
      comment: 'CLIP header attributes in any order (build.ts clipHeader).',
      patterns: [
        {
          match: raw`${WORD_START}((?i:using))(?:[ \t]+(?!${HEADER_KEYWORD}${WORD_END})(\S+))?${WORD_END}`,
          captures: caps(S.headerKeyword('using'), S.lookRef),
        },
        {
          match: raw`${WORD_START}((?i:(remix)|(extend)|(edit)))(?:[ \t]+(?!${HEADER_KEYWORD}${WORD_END})(?:(video_\S+)|(\S+)))?${WORD_END}`,
          captures: caps(null, S.headerKeyword('remix'), S.headerKeyword('extend'), S.headerKeyword('edit'), S.videoId, S.clipSource),
        },
        { match: raw`${WORD_START}\d+(?:\.\d+)?s${WORD_END}`, name: S.duration },
        { match: raw`${WORD_START}\d+(?:\.\d+)?[ \t]+(?i:s|sec|secs|seconds?)${WORD_END}`, name: S.duration },
        { match: raw`${WORD_START}\d+[x×]\d+${WORD_END}`, name: S.size },
        { match: raw`${WORD_START}[a-z][a-z0-9._/:-]*${WORD_END}`, name: S.model },
        { match: raw`\S+`, name: S.badAttribute },
      ],
    },

    body: {
      comment: 'What a block holds; the parser accepts every kind of line in every block and the compiler reports misplaced ones.',
      patterns: [
        { include: '#trivia' },
        { include: '#shot' },
        { include: '#clip-key' },
        { include: '#section' },
        { include: '#dialogue' },
        { include: '#inline-note' },
      ],
    },

    section: {
      comment: '`Key: text` and its more indented continuation lines, where `Label:` lines are sub-keys.',
      begin: raw`^([ \t]*)${KEY}`,
      beginCaptures: caps(null, S.section, S.colon),
      while: CONTINUES,
      name: 'meta.section.shot',
      patterns: [{ include: '#trivia' }, { include: '#sub-key' }, { include: '#inline-note' }],
    },
    'sub-key': {
      begin: raw`^([ \t]*)${SUB_KEY}`,
      beginCaptures: caps(null, S.subKey, S.colon),
      while: CONTINUES,
      name: 'meta.sub-key.shot',
      patterns: [{ include: '#trivia' }, { include: '#inline-note' }],
    },
    'clip-key': {
      patterns: [
        {
          begin: raw`^([ \t]*)${COLON_NEAR}((?i:reference))[ \t]*(:)${AFTER_COLON}[ \t]*((?!\[\[)[^ \t\n](?:(?:(?!\[\[)[^\n])*?[^ \t\n])?)?(?=[ \t]*(?:\[\[|$))`,
          beginCaptures: caps(null, S.clipKey, S.colon, S.path),
          while: CONTINUES,
          name: 'meta.reference.shot',
          patterns: [{ include: '#trivia' }, { include: '#inline-note' }],
        },
        {
          begin: raw`^([ \t]*)${COLON_NEAR}((?i:change))[ \t]*(:)${AFTER_COLON}`,
          beginCaptures: caps(null, S.clipKey, S.colon),
          while: CONTINUES,
          name: 'meta.change.shot',
          patterns: [{ include: '#trivia' }, { include: '#inline-note' }],
        },
      ],
    },

    shot: {
      comment:
        'A timing line and its shot: prose and dialogue always belong to it; a key line belongs to it when indented under the timing line or when it is a shot-only key (parser.ts shotContinues).',
      begin: raw`^([ \t]*)${TIMING}`,
      beginCaptures: caps(null, S.time, S.timeUnit, S.rangeDash, S.time, S.timeUnit),
      end: raw`^(?=[ \t]*(?:${HEADING}|${TIMING_AHEAD}))|^(?!\1[ \t])(?=[ \t]*(?!${SHOT_ONLY_KEY}[ \t]*:)${KEY_AHEAD})`,
      name: 'meta.shot.shot',
      patterns: [
        { include: '#timing-rest' },
        { include: '#trivia' },
        { include: '#shot-key' },
        { include: '#dialogue' },
        { include: '#inline-note' },
      ],
    },
    'timing-rest': {
      comment: 'After the times: an optional dash, an optional "Title" (unquoted only after a dash), an optional (camera), then prose (build.ts timingRest).',
      patterns: [
        {
          match: raw`\G[ \t]*(${DASH})[ \t]*(?:${TITLE_QUOTED}|${TITLE_UNQUOTED})?[ \t]*(?:${CAMERA})?(?:[ \t]*(${DASH}))?`,
          captures: caps(S.dash, ...titleCaps, S.titleUnquoted, ...cameraCaps, S.dash),
        },
        {
          match: raw`\G[ \t]*(?:${TITLE_QUOTED}[ \t]*(?:${CAMERA})?|${CAMERA})(?:[ \t]*(${DASH}))?`,
          captures: caps(...titleCaps, ...cameraCaps, ...cameraCaps, S.dash),
        },
      ],
    },
    'shot-key': {
      comment: 'Camera:, Action:, Purpose: … inside a shot (any known key there is read as a shot key).',
      begin: raw`^([ \t]*)${KEY}`,
      beginCaptures: caps(null, S.shotKey, S.colon),
      while: CONTINUES,
      name: 'meta.shot-key.shot',
      patterns: [{ include: '#trivia' }, { include: '#inline-note' }],
    },

    dialogue: {
      comment: 'NAME (parenthetical): "spoken line", outside CAST.',
      begin: raw`^([ \t]*)${NAME}`,
      beginCaptures: caps(null, S.speaker, S.parenBegin, S.parenthetical, S.parenEnd, S.colon),
      while: CONTINUES,
      name: 'meta.dialogue.shot',
      patterns: [{ include: '#trivia' }, { include: '#dialogue-line' }, { include: '#inline-note' }],
    },
    'dialogue-line': {
      comment: 'The spoken words open with a quote right after the colon (or on the next line) and close with the last quote of the text.',
      begin: raw`\G[ \t]*(["“])`,
      beginCaptures: caps(S.quoteBegin),
      end: raw`(["”])(?=[ \t]*(?:\[\[(?:(?!\]\]).)*\]\][ \t]*)*$)`,
      endCaptures: caps(S.quoteEnd),
      name: S.dialogue,
      patterns: [{ include: '#trivia' }, { include: '#inline-note' }],
    },
    'cast-entry-not-capitalised': {
      comment:
        '`Mara: …` under CAST: the compiler still reads a character (and offers to capitalise the name), but only for a plain line: no notes, no double blanks, and not a heading word (build.ts prose in CAST).',
      match: raw`^[ \t]*(?![^\n]*(?:\[\[|[ \t]{2}[^\n]*\S))(?!(?i:cast|clip|look)[ \t]*:)(\p{L}[\p{L}\p{M} .'’-]*?)[ \t]*(:)[ \t]+(?=\S)[^\n]*`,
      captures: caps(S.castName, S.colon),
      name: 'meta.cast-entry.shot',
    },
    'cast-entry': {
      comment: 'NAME: description, under CAST.',
      begin: raw`^([ \t]*)${NAME}`,
      beginCaptures: caps(null, S.castName, S.parenBegin, S.parenthetical, S.parenEnd, S.colon),
      while: CONTINUES,
      name: 'meta.cast-entry.shot',
      patterns: [{ include: '#trivia' }, { include: '#inline-note' }],
    },
  },
};

const json = JSON.stringify(grammar, null, 2) + '\n';
if (process.argv.includes('--check')) {
  let current = '';
  try {
    current = readFileSync(OUT, 'utf8');
  } catch {
    // A missing file is out of date too.
  }
  if (current !== json) {
    console.error('grammar/shot.tmLanguage.json is out of date; run `npm run grammar`.');
    process.exit(1);
  }
} else {
  writeFileSync(OUT, json);
  console.log(`wrote ${OUT}`);
}
