import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseFlatYaml } from '../../src/core/frontmatter/flat.js';
import { parseWithYaml } from '../../src/core/frontmatter/yaml.js';
import { compile, parse } from '../../src/index.js';
import { ROOT } from '../helpers/cli.js';

// Pieces chosen to sit on the edges of YAML's plain scalars: indicators, comments, `: ` inside a
// value, typed forms (numbers, booleans, null), quotes, tabs, CR, non-ASCII and format characters.
const keys = fc.constantFrom('title', 'model', 'size', 'seconds', 'budget', 'x-y', 'k_1', 'Title', 'a', '1a', '-k', 'é', 'lint', 'title');
const separators = fc.constantFrom(': ', ':', ':  ', ' : ', ':\t', ': \t');
const valueChars = fc.constantFrom(
  ...'abcXYZ019 .:#-?,[]{}&*!|>\'"%@`~+_/()°—“”中\t\r\u0085\u00a0\u2028\ufeff\u0000'.split(''),
);
const values = fc.oneof(
  fc.constantFrom('Morning Platform', '1280x720', 'sora-2-pro', '8', '12.5', '007', '1e3', '0x1F', '0o17', '.5', '3.', 'true', 'False', 'NULL', '~', 'yes', 'a: b', 'a #c', 'a#b', 'x:', "it's", '"quoted"', '', '  padded  ', 'ends with space ', '12345678901234567890'),
  fc.array(valueChars, { maxLength: 12 }).map((cs) => cs.join('')),
);
const line = fc.oneof(
  { weight: 8, arbitrary: fc.tuple(keys, separators, values).map(([k, s, v]) => `${k}${s}${v}`) },
  { weight: 1, arbitrary: fc.constantFrom('', '   ', '# a comment', '  nested: 1', '- item', '...', '%YAML 1.2', '\t', 'key') },
);
const yamlText = fc.tuple(fc.array(line, { maxLength: 6 }), fc.constantFrom('\n', '\r\n'), fc.boolean()).map(([ls, eol, last]) => ls.join(eol) + (last ? eol : ''));

describe('front matter read without the YAML parser', () => {
  it('gives exactly what yaml gives (data, key and value positions, no errors), or declines', () => {
    let read = 0;
    fc.assert(
      fc.property(yamlText, fc.nat(50), (text, base) => {
        const flat = parseFlatYaml(text, base);
        if (flat === null) return;
        read++;
        expect(flat).toEqual(parseWithYaml(text, base));
      }),
      { numRuns: 3000 },
    );
    // The generator must reach the fast path often, or the property above says little.
    expect(read).toBeGreaterThan(300);
  });

  it('reads the front matter of every example whose front matter is flat', () => {
    const files = readdirSync(path.join(ROOT, 'examples')).filter((f) => f.endsWith('.shot'));
    let flatOnes = 0;
    for (const f of files) {
      const fm = parse(readFileSync(path.join(ROOT, 'examples', f), 'utf8')).ast.frontMatter;
      if (!fm) continue;
      const nested = /^\s/m.test(fm.yaml.text.replace(/\s+$/, ''));
      const flat = parseFlatYaml(fm.yaml.text, fm.yaml.span.start);
      if (nested) {
        expect(flat, f).toBeNull();
        continue;
      }
      flatOnes++;
      expect(flat, f).toEqual(parseWithYaml(fm.yaml.text, fm.yaml.span.start));
    }
    expect(flatOnes).toBeGreaterThanOrEqual(8);
  });

  it('declines what only yaml can say: duplicate keys, nested maps, typed scalars, comments after values', () => {
    for (const text of ['a: 1\na: 2', 'lint:\n  craft/vague: off', 'draft: true', 'seconds: 1e3', 'title: x # note', 'title: "quoted"', 'title:']) {
      expect(parseFlatYaml(text, 0), text).toBeNull();
    }
  });
});

describe('a quote in the front matter that never closes', () => {
  it.each([
    ['title: "Unclosed\nmodel: sora-2\n', 'title: '.length, '"'],
    ["model: sora-2\ntitle: 'It''s open\nsize: 1280x720\n", 'model: sora-2\ntitle: '.length, "'"],
    ['title: "Closed \\" inside"\nlint:\n  - "open\n', 'title: "Closed \\" inside"\nlint:\n  - '.length, '"'],
  ])('is reported at its opening quote: %j', (text, at, quote) => {
    const [e, ...rest] = parseWithYaml(text, 100).errors;
    expect(rest).toEqual([]);
    expect(e!.span).toEqual({ start: 100 + at, end: 101 + at });
    expect(e!.message).toBe(`this ${quote} quote is never closed; end the value with ${quote}`);
  });

  it('twice: each error at its own quote', () => {
    const text = 'title: "one\nmodel: sora-2\nsize: "two\n';
    expect(parseWithYaml(text, 0).errors.map((e) => e.span.start)).toEqual([text.indexOf('"'), text.lastIndexOf('"')]);
  });

  it('in a .shot file, as SC104 at the quote', async () => {
    const source = '---\ntitle: "Night\nmodel: sora-2\n---\nCLIP a 4s 1280x720\n  Scene: x.\n';
    const d = (await compile(source)).diagnostics.find((x) => x.code === 'SC104');
    expect(d!.span.start).toBe(source.indexOf('"'));
    expect(d!.message).toBe('Front matter: this " quote is never closed; end the value with ".');
  });
});
