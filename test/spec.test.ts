/**
 * spec/language.md is executable: every numbered example is a test. The conventions (example
 * headings, escapes, the five result forms, file declarations) are defined at the top of the spec
 * itself; this runner implements exactly those.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile, format, memoryHost, parse, type CompileOptions } from '../src/index.js';
import { ROOT } from './helpers/cli.js';
import { declaredFiles, parseFilesComment, type ImageDeclaration } from './helpers/images.js';

const SPEC = path.join(ROOT, 'spec', 'language.md');
const PROJECT = '/project';
const FILENAME = 'example.shot';

/** Rule families that give advice rather than define the language; left out of `diagnostics` lists. */
const ADVICE = /^(craft|prose|guardrail)\/|^reference\/face$/;

const FORMS = ['ast', 'diagnostics', 'prompt', 'request', 'format'] as const;
type Form = (typeof FORMS)[number];

interface Expectation {
  form: Form;
  body: string;
  line: number;
}

interface Example {
  number: number;
  section: string;
  line: number;
  source: string;
  images: ImageDeclaration[];
  textFiles: Record<string, string>;
  options: Partial<CompileOptions>;
  expectations: Expectation[];
}

/** `→` stands for a tab and `␍` for a carriage return, so examples stay readable markdown. */
function unescape(text: string): string {
  return text.replace(/→/g, '\t').replace(/␍/g, '\r');
}

function extractExamples(markdown: string): Example[] {
  const lines = markdown.split('\n');
  const examples: Example[] = [];
  let h2 = '';
  let h3 = '';
  let current: (Example & { sourceSeen: boolean }) | null = null;
  const fail = (at: number, why: string): never => {
    throw new Error(`spec/language.md:${at + 1}: ${why}`);
  };
  const finish = (): void => {
    if (!current) return;
    if (!current.sourceSeen) fail(current.line - 1, `example ${current.number} has no \`shot\` block`);
    if (!current.expectations.length) fail(current.line - 1, `example ${current.number} has no expected result`);
    examples.push(current);
    current = null;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const fence = /^(`{3,})(.*)$/.exec(line);
    if (fence) {
      const marker = fence[1]!;
      const info = fence[2]!.trim();
      const body: string[] = [];
      let j = i + 1;
      while (j < lines.length && lines[j] !== marker) body.push(lines[j++]!);
      if (j >= lines.length) fail(i, 'unclosed code fence');
      if (current) {
        const words = info.split(/\s+/);
        const fileAttr = words.find((w) => w.startsWith('file='));
        if (info === 'shot') {
          if (current.sourceSeen) fail(i, `example ${current.number} has two \`shot\` blocks`);
          current.source = unescape(body.join('\n') + '\n');
          current.sourceSeen = true;
        } else if (fileAttr && !current.sourceSeen) {
          current.textFiles[fileAttr.slice(5)] = unescape(body.join('\n') + '\n');
        } else if ((FORMS as readonly string[]).includes(info) && current.sourceSeen) {
          current.expectations.push({ form: info as Form, body: body.join('\n'), line: i + 1 });
        } else {
          fail(i, `unexpected \`${info}\` block in example ${current.number}`);
        }
      }
      i = j;
      continue;
    }
    const heading = /^(#{2,4}) (.*)$/.exec(line);
    if (heading) {
      finish();
      const level = heading[1]!.length;
      const text = heading[2]!.trim();
      if (level === 2) {
        h2 = text.replace(/^\d+(\.\d+)*\.?\s+/, '');
        h3 = '';
      } else if (level === 3) h3 = text.replace(/^\d+(\.\d+)*\.?\s+/, '');
      else {
        const m = /^Example (\d+)$/.exec(text);
        if (!m) continue;
        current = {
          number: Number(m[1]),
          section: h3 ? `${h2} › ${h3}` : h2,
          line: i + 1,
          source: '',
          images: [],
          textFiles: {},
          options: {},
          expectations: [],
          sourceSeen: false,
        };
      }
      continue;
    }
    if (current && !current.sourceSeen) {
      const files = parseFilesComment(line);
      if (files) current.images.push(...files);
      const opts = /^<!--\s*options:\s*(\{.*\})\s*-->$/.exec(line.trim());
      if (opts) current.options = JSON.parse(opts[1]!) as Partial<CompileOptions>;
    }
  }
  finish();
  return examples;
}

/**
 * `actual` cut down to the shape of `expected`: objects keep only the keys the excerpt names
 * (a key it names but `actual` lacks shows as "‹missing›"), arrays are compared element by element
 * and keep their full length. `toEqual` on the result then is the subset check, with a readable diff.
 */
function project(actual: unknown, expected: unknown): unknown {
  if (Array.isArray(expected) && Array.isArray(actual)) return actual.map((a, i) => (i < expected.length ? project(a, expected[i]) : a));
  if (isObject(expected) && isObject(actual)) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(expected)) out[k] = k in actual ? project(actual[k], expected[k]) : '‹missing›';
    return out;
  }
  return actual;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

async function compileExample(ex: Example) {
  const files: Record<string, string | Uint8Array> = {};
  for (const [p, text] of Object.entries(ex.textFiles)) files[path.posix.resolve(PROJECT, p)] = text;
  for (const [p, bytes] of Object.entries(await declaredFiles(ex.images))) files[path.posix.resolve(PROJECT, p)] = bytes;
  return compile(ex.source, { ...ex.options, filename: FILENAME, host: memoryHost(files, PROJECT) });
}

function splitClip(body: string, at: number): { clip: string; rest: string } {
  const nl = body.indexOf('\n');
  const first = nl === -1 ? body : body.slice(0, nl);
  const m = /^clip (\S+)$/.exec(first);
  if (!m) throw new Error(`spec/language.md:${at + 1}: a prompt or request block starts with "clip NAME"`);
  return { clip: m[1]!, rest: nl === -1 ? '' : body.slice(nl + 1) };
}

const examples = extractExamples(readFileSync(SPEC, 'utf8'));

describe('spec/language.md', () => {
  it('numbers its examples 1, 2, 3, … with no gap or repeat, and has at least 90', () => {
    expect(examples.map((e) => e.number)).toEqual(examples.map((_, i) => i + 1));
    expect(examples.length).toBeGreaterThanOrEqual(90);
  });

  for (const ex of examples) {
    it(`example ${ex.number}: ${ex.section}`, async () => {
      const needsCompile = ex.expectations.some((e) => e.form === 'diagnostics' || e.form === 'prompt' || e.form === 'request');
      const compiled = needsCompile ? await compileExample(ex) : null;
      for (const exp of ex.expectations) {
        const where = `spec/language.md:${exp.line} (${exp.form})`;
        switch (exp.form) {
          case 'ast': {
            const ast = JSON.parse(JSON.stringify(parse(ex.source, { filename: FILENAME }).ast)) as unknown;
            const excerpt = JSON.parse(exp.body) as unknown;
            expect(project(ast, excerpt), where).toEqual(excerpt);
            break;
          }
          case 'diagnostics': {
            const got = compiled!.plan.diagnostics
              .filter((d) => !ADVICE.test(d.rule))
              .map((d) => {
                const file = d.file === FILENAME ? '' : `${path.posix.relative(PROJECT, d.file)}:`;
                return `${file}${d.range.start.line}:${d.range.start.column} ${d.severity} ${d.code} ${d.rule}`;
              });
            const want = exp.body.trim() === 'none' ? [] : exp.body.split('\n').map((l) => l.trim()).filter(Boolean);
            expect(got, where).toEqual(want);
            break;
          }
          case 'prompt': {
            const { clip, rest } = splitClip(exp.body, exp.line);
            const planned = compiled!.plan.clips.find((c) => c.name === clip);
            expect(planned, `${where}: no clip "${clip}" in the plan`).toBeDefined();
            expect(planned!.request.body['prompt'], where).toBe(rest);
            break;
          }
          case 'request': {
            const { clip, rest } = splitClip(exp.body, exp.line);
            const planned = compiled!.plan.clips.find((c) => c.name === clip);
            expect(planned, `${where}: no clip "${clip}" in the plan`).toBeDefined();
            const excerpt = JSON.parse(rest) as unknown;
            expect(project(JSON.parse(JSON.stringify(planned)), excerpt), where).toEqual(excerpt);
            break;
          }
          case 'format':
            expect(format(ex.source, { filename: FILENAME }), where).toBe(unescape(exp.body + '\n'));
            break;
        }
      }
    }, 120_000);
  }
});
