/**
 * Turning the new rules off, up or down, and silencing them inline: `lint:` settings (severity,
 * options, allow lists), unknown rule names, and `// shotc-disable…` comments.
 */
import { describe, expect, it } from 'vitest';
import { lintText } from './helpers.js';

const body = `Style: 1970s romantic drama, 35 mm.

CLIP street 4s 1280x720
  A beautiful street at night.
  Tom Hanks waits at the corner.
`;

const rulesOf = async (source: string): Promise<Array<[string, string]>> => (await lintText(source)).map((d) => [d.rule, d.severity]);

describe('lint: settings', () => {
  it('reports both by default: the vague word as a warning, the real person as an error', async () => {
    expect(await rulesOf(body)).toEqual([
      ['craft/vague', 'warning'],
      ['guardrail/real-person', 'error'],
    ]);
  });

  it('turns a rule off, or sets its severity, by rule name or by code', async () => {
    expect(await rulesOf(`---\nlint:\n  craft/vague: off\n  SC701: warning\n---\n${body}`)).toEqual([['guardrail/real-person', 'warning']]);
    expect(await rulesOf(`---\nlint:\n  craft/vague: error\n  guardrail/real-person: info\n---\n${body}`)).toEqual([
      ['craft/vague', 'error'],
      ['guardrail/real-person', 'info'],
    ]);
  });

  it('passes options to a rule: dialogue-fits at a faster speaking rate', async () => {
    const source = (wps: string): string =>
      `---\nlint:\n  craft/dialogue-fits: [warning, { wordsPerSecond: ${wps} }]\n---\nStyle: drama.\n\nCAST\nMARA: a woman.\n\nCLIP talk 4s 1280x720\n  0.00–2.00 — "Line"\n    MARA: "We made it just in time, we did."\n`;
    expect((await rulesOf(source('2.5'))).map(([r]) => r)).toContain('craft/dialogue-fits');
    expect((await rulesOf(source('4'))).map(([r]) => r)).not.toContain('craft/dialogue-fits');
  });

  it('never reports allowed terms, whole or by pattern', async () => {
    expect(await rulesOf(`---\nlint:\n  allow: [Tom Hanks, beautiful]\n---\n${body}`)).toEqual([]);
    expect(await rulesOf(`---\nlint:\n  allowPatterns: ["^Tom "]\n---\n${body}`)).toEqual([['craft/vague', 'warning']]);
  });

  it('reports a rule name it does not know, with the nearest one', async () => {
    const text = `---\nlint:\n  craft/vauge: off\n---\n${body}`;
    const unknown = (await lintText(text)).find((d) => d.code === 'SC801')!;
    expect(unknown.message).toBe('Unknown lint rule "craft/vauge"; did you mean "craft/vague"?');
    // On the setting's own line.
    const line = text.indexOf('  craft/vauge: off');
    expect(unknown.diagnostic.span.start).toBeGreaterThanOrEqual(line);
    expect(unknown.diagnostic.span.end).toBeLessThanOrEqual(text.indexOf('\n', line));
  });
});

describe('inline suppression', () => {
  it('// shotc-disable-next-line RULE silences that rule on the next line only', async () => {
    const source = body.replace('  A beautiful', '  // shotc-disable-next-line craft/vague\n  A beautiful');
    expect(await rulesOf(source)).toEqual([['guardrail/real-person', 'error']]);
  });

  it('// shotc-disable RULE … // shotc-enable RULE silences a stretch, by rule or code', async () => {
    const source = body.replace('  A beautiful', '  // shotc-disable SC701, craft/vague\n  A beautiful') + '  // shotc-enable SC701, craft/vague\n  A stunning view; Tom Hanks again.\n';
    expect(await rulesOf(source)).toEqual([
      ['craft/vague', 'warning'],
      ['guardrail/real-person', 'error'],
    ]);
  });

  it('reports a comment naming a rule that does not exist', async () => {
    const found = await lintText(body.replace('  A beautiful', '  // shotc-disable-next-line guardrail/real-persons\n  A beautiful'));
    expect(found.map((d) => [d.code, d.text])).toContainEqual(['SC802', 'guardrail/real-persons']);
  });
});
