/**
 * `shotc lint` as a user runs it (the built CLI, real files): `--fix` rewrites a file atomically
 * and leaves it clean for the fixed rules; `--format json|sarif|github` print what tools read,
 * with SARIF validated against the SARIF 2.1.0 schema.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import AjvModule from 'ajv-draft-04';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty } from '../../src/cli/reporters.js';
import { runCli } from '../helpers/cli.js';
import { useTmpDir } from '../helpers/tmp.js';

// Both are CommonJS: under ESM interop their default export may arrive wrapped.
const Ajv = ((AjvModule as unknown as { default?: unknown }).default ?? AjvModule) as typeof import('ajv-draft-04').default;
const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ?? addFormatsModule) as unknown as (ajv: InstanceType<typeof Ajv>) => void;

const tmp = useTmpDir();

const SOURCE = `---
size: 1280x720
---
Style: 1970s romantic drama, 35 mm.

CLIP arrival 4s
  A 20-second video of a commuter platform in 4K.
  Spider-Man waits for the train.
`;

function project(text = SOURCE): { dir: string; file: string } {
  const dir = tmp();
  const file = path.join(dir, 'scene.shot');
  writeFileSync(file, text);
  return { dir, file };
}

describe('shotc lint --fix', () => {
  it('applies the safe fixes, rewrites the file in place, and leaves it clean for those rules', async () => {
    const { dir, file } = project();
    const r = await runCli(['lint', 'scene.shot', '--fix', '--format', 'json'], { cwd: dir });
    expect(r.stderr).toContain('scene.shot: applied 2 fixes');
    expect(readFileSync(file, 'utf8')).toBe(SOURCE.replace('A 20-second video of a commuter platform in 4K.', 'A video of a commuter platform.'));
    // Atomic: no temporary file is left beside it.
    expect(readdirSync(dir)).toEqual(['scene.shot']);
    const rules = (JSON.parse(r.stdout) as Array<{ rule: string }>).map((d) => d.rule);
    expect(rules).not.toContain('prose/length-in-prose');
    expect(rules).not.toContain('prose/resolution-in-prose');
    // A suggestion (unsafe) is never applied by --fix: the character is still there, still an error.
    expect(rules).toContain('guardrail/copyrighted-character');
    expect(r.code).toBe(1);
  });

  it('leaves a file with nothing to fix untouched', async () => {
    const clean = 'Style: 1970s romantic drama, 35 mm.\n\nCLIP arrival 4s 1280x720\n  A commuter platform at dawn.\n';
    const { dir, file } = project(clean);
    const r = await runCli(['lint', 'scene.shot', '--fix'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('applied');
    expect(readFileSync(file, 'utf8')).toBe(clean);
  });
});

describe('shotc lint --format', () => {
  it('json: the diagnostic records, with fixes', async () => {
    const { dir } = project();
    const r = await runCli(['lint', 'scene.shot', '--format', 'json'], { cwd: dir });
    const records = JSON.parse(r.stdout) as Array<{ code: string; rule: string; severity: string; file: string; range: { start: { line: number; column: number } }; fixes?: Array<{ safe: boolean }> }>;
    const length = records.find((d) => d.rule === 'prose/length-in-prose')!;
    expect(length).toMatchObject({ code: 'SC601', severity: 'warning', file: 'scene.shot', range: { start: { line: 7, column: 3 } } });
    expect(length.fixes?.[0]?.safe).toBe(true);
    expect(records.find((d) => d.rule === 'guardrail/copyrighted-character')).toMatchObject({ code: 'SC702', severity: 'error', range: { start: { line: 8, column: 3 } } });
  });

  it('sarif: a SARIF 2.1.0 log that validates against the schema, with rules, relative URIs, UTF-16 columns and fixes', async () => {
    const { dir } = project(SOURCE.replace('commuter platform', 'café platform 🚆'));
    const r = await runCli(['lint', 'scene.shot', '--format', 'sarif'], { cwd: dir });
    expect(r.code).toBe(1);
    const log = JSON.parse(r.stdout);
    const schema = JSON.parse(readFileSync(path.join(__dirname, 'fixtures', 'sarif-2.1.0-rtm.5.json'), 'utf8'));
    // The schema's own language pattern has a stray "]" that is only valid without the u flag.
    const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log), ajv.errorsText(validate.errors)).toBe(true);
    // The validator does check: a result with a level SARIF does not have is rejected.
    expect(validate({ ...log, runs: [{ ...log.runs[0], results: [{ ...log.runs[0].results[0], level: 'severe' }] }] })).toBe(false);
    const run = log.runs[0];
    expect(run.columnKind).toBe('utf16CodeUnits');
    expect(run.tool.driver.name).toBe('shotc');
    const rule = run.tool.driver.rules.find((x: { id: string }) => x.id === 'guardrail/copyrighted-character');
    expect(rule.defaultConfiguration.level).toBe('error');
    expect(rule.help.markdown).toContain('## SC702 guardrail/copyrighted-character');
    const result = run.results.find((x: { ruleId: string }) => x.ruleId === 'prose/resolution-in-prose');
    expect(run.tool.driver.rules[result.ruleIndex].id).toBe('prose/resolution-in-prose');
    expect(result.level).toBe('warning');
    const loc = result.locations[0].physicalLocation;
    expect(loc.artifactLocation).toEqual({ uri: 'scene.shot', uriBaseId: '%SRCROOT%' });
    // "  A 20-second video of a café platform 🚆 in 4K.": the emoji is two UTF-16 code units.
    const line = '  A 20-second video of a café platform 🚆 in 4K.';
    const col = line.indexOf('in 4K') + 1;
    expect(loc.region).toEqual({ startLine: 7, startColumn: col, endLine: 7, endColumn: col + 'in 4K'.length });
    expect(result.fixes[0].artifactChanges[0].replacements[0].insertedContent.text).toBe('');
  });

  it('github: one workflow command per diagnostic, with severity, position and title', async () => {
    const { dir } = project();
    const r = await runCli(['lint', 'scene.shot', '--format', 'github'], { cwd: dir });
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toContain(
      '::warning file=scene.shot,line=7,col=3,endLine=7,endColumn=20,title=SC601 prose/length-in-prose::"A 20-second video" does nothing: the model never reads a length from the prompt. Set the length in the clip header (`CLIP arrival 8s`) or with `seconds:` in the front matter.',
    );
    expect(lines.some((l) => l.startsWith('::error file=scene.shot,line=8,col=3,endLine=8,endColumn=13,title=SC702 guardrail/copyrighted-character::'))).toBe(true);
  });

  it('github: escapes newlines, percent signs, colons and commas as the Actions runner expects', () => {
    expect(escapeData('50% done\nnext: line\r')).toBe('50%25 done%0Anext: line%0D');
    expect(escapeProperty('a,b:c%d\n')).toBe('a%2Cb%3Ac%25d%0A');
  });
});
