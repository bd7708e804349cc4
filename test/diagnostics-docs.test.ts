/**
 * The diagnostics documentation: one doc per catalogue code, in the format of spec/README.md,
 * gathered into spec/diagnostics.md; every doc's example really produces its code, and
 * `shotc explain` prints the doc.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allEntries, allRules } from '../src/index.js';
import { compileFile } from '../src/node/index.js';
import { ROOT, runCli } from './helpers/cli.js';
import { parseFilesComment, writeDeclaredFiles, type ImageDeclaration } from './helpers/images.js';
import { useTmpDir } from './helpers/tmp.js';

const PARSER_DOCS = 'src/core/diagnostics/docs';
const RULE_DOCS = 'src/core/lint/rules';

interface Doc {
  code: string;
  rule: string;
  file: string;
  text: string;
}

function readDocs(dir: string): Doc[] {
  return readdirSync(path.join(ROOT, dir))
    .filter((n) => n.endsWith('.md'))
    .map((n) => {
      const file = `${dir}/${n}`;
      const text = readFileSync(path.join(ROOT, file), 'utf8');
      const m = /^## (SC\d{3}) (\S+)\n/.exec(text);
      return { code: m?.[1] ?? '', rule: m?.[2] ?? '', file, text };
    });
}

const docs = [...readDocs(PARSER_DOCS), ...readDocs(RULE_DOCS)];
const entries = allEntries();
const ruleMetas = new Map(allRules().map((r) => [r.meta.code, r.meta]));

interface DocExample {
  source: string | null;
  images: ImageDeclaration[];
  textFiles: Record<string, string>;
  /** The reason given by `<!-- no example: … -->` (allowed only for internal failures). */
  none: string | null;
}

/** The example between `### Example` and the next `###` heading. */
function exampleOf(doc: Doc): DocExample {
  const section = /^### Example\n([\s\S]*?)(?=^### )/m.exec(doc.text);
  if (!section) throw new Error(`${doc.file} has no "### Example" section followed by "### How to fix"`);
  const lines = section[1]!.split('\n');
  const out: DocExample = { source: null, images: [], textFiles: {}, none: null };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const files = parseFilesComment(line);
    if (files) out.images.push(...files);
    const none = /^<!--\s*no example:\s*(.*?)\s*-->$/.exec(line.trim());
    if (none) out.none = none[1]!;
    const fence = /^(`{3,})(.*)$/.exec(line);
    if (!fence) continue;
    const body: string[] = [];
    let j = i + 1;
    while (j < lines.length && lines[j] !== fence[1]) body.push(lines[j++]!);
    const info = fence[2]!.trim();
    const fileAttr = info.split(/\s+/).find((w) => w.startsWith('file='));
    if (info === 'shot') out.source = body.join('\n') + '\n';
    else if (fileAttr) out.textFiles[fileAttr.slice(5)] = body.join('\n') + '\n';
    i = j;
  }
  return out;
}

describe('diagnostics documentation', () => {
  it('documents every catalogue code exactly once, and nothing else', () => {
    const documented = docs.map((d) => d.code).sort();
    expect(documented).toEqual(entries.map((e) => e.code).sort());
  });

  it('keeps each doc beside the code that reports it, named after its rule', () => {
    for (const doc of docs) {
      const entry = entries.find((e) => e.code === doc.code);
      expect(doc.rule, doc.file).toBe(entry?.rule);
      const dir = ruleMetas.has(doc.code) ? RULE_DOCS : PARSER_DOCS;
      expect(doc.file, `${doc.code} is ${ruleMetas.has(doc.code) ? 'a lint rule' : 'reported by the parser or resolver'}`).toBe(`${dir}/${doc.rule.replace('/', '-')}.md`);
    }
  });

  it('gives each doc the format of spec/README.md, with the catalogue severity and the rule’s fixes', () => {
    for (const doc of docs) {
      const lines = doc.text.split('\n');
      expect(lines[1], doc.file).toBe('');
      const meta = /^\*\*Severity:\*\* (error|warning|info) · \*\*Fixes:\*\* (.+)$/.exec(lines[2] ?? '');
      expect(meta, `${doc.file}: line 3 is "**Severity:** … · **Fixes:** …"`).not.toBeNull();
      expect(meta![1], doc.file).toBe(entries.find((e) => e.code === doc.code)?.severity);
      const rule = ruleMetas.get(doc.code);
      if (rule) {
        const fixes = meta![2]!;
        expect(fixes.startsWith('none'), `${doc.file}: Fixes`).toBe(!rule.fixes?.safe && !rule.fixes?.suggestions);
        expect(/\bsafe\b/.test(fixes), `${doc.file}: safe fixes`).toBe(!!rule.fixes?.safe);
        expect(/\bsuggestions\b/.test(fixes), `${doc.file}: suggestions`).toBe(!!rule.fixes?.suggestions);
      }
      expect(doc.text, doc.file).toMatch(/^### Example$/m);
      expect(doc.text, doc.file).toMatch(/^### How to fix\n\S/m);
    }
  });

  it('has spec/diagnostics.md up to date with the docs (npm run docs)', () => {
    const generated = execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'gen-diagnostics.js'), '--stdout'], { encoding: 'utf8' });
    expect(readFileSync(path.join(ROOT, 'spec', 'diagnostics.md'), 'utf8')).toBe(generated);
    for (const doc of docs) expect(generated).toContain(doc.text.trimEnd());
  });

  const tmp = useTmpDir();
  for (const doc of docs) {
    it(`${doc.code} ${doc.rule}: the example produces it`, async () => {
      const ex = exampleOf(doc);
      if (ex.source === null) {
        // Only the parser's internal-failure code may go without an example: no input reaches it.
        expect(doc.rule, `${doc.file} has no \`shot\` example`).toBe('syntax/unexpected');
        expect(ex.none, `${doc.file} says why it has no example`).toBeTruthy();
        return;
      }
      const dir = tmp();
      await writeDeclaredFiles(dir, ex.images);
      for (const [p, text] of Object.entries(ex.textFiles)) {
        await mkdir(path.dirname(path.join(dir, p)), { recursive: true });
        await writeFile(path.join(dir, p), text);
      }
      await writeFile(path.join(dir, 'example.shot'), ex.source);
      const { plan } = await compileFile('example.shot', { cwd: dir });
      expect(plan.diagnostics.map((d) => d.code)).toContain(doc.code);
    }, 120_000);
  }

  it('is what `shotc explain` prints, by code and by rule name', async () => {
    const doc = docs.find((d) => d.code === 'SC401')!;
    for (const arg of ['SC401', 'limits/seconds', 'sc401']) {
      const r = await runCli(['explain', arg]);
      expect(r.code, arg).toBe(0);
      expect(r.stdout, arg).toBe(doc.text.trimEnd() + '\n');
    }
  });
});
