/**
 * grammar/railroad.html: generated from the parser, committed up to date, and drawing one
 * diagram per grammar rule in a real headless Chromium with the network cut off.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shotParser } from '../../src/core/syntax/parser.js';
import { ROOT } from '../helpers/cli.js';

const PAGE = path.join(ROOT, 'grammar', 'railroad.html');
const html = readFileSync(PAGE, 'utf8');
/** Every rule the parser defines, in definition order. */
const ruleNames = Object.keys(shotParser().getGAstProductions());

describe('grammar/railroad.html', () => {
  it('is what `npm run grammar` writes from the current parser', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'gen-railroad.js'), '--check'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('embeds the grammar of the parser in src/, rule for rule', () => {
    const embedded = /window\.serializedGrammar = (\[[\s\S]*?\]);\n<\/script>/.exec(html);
    expect(embedded).not.toBeNull();
    expect(JSON.parse(embedded![1]!)).toEqual(JSON.parse(JSON.stringify(shotParser().getSerializedGastProductions())));
    expect(ruleNames).toEqual(['file', 'block', 'item', 'keyed', 'named', 'shot', 'shotLine']);
  });

  it('loads nothing from elsewhere: no external scripts or stylesheets', () => {
    expect(html).not.toMatch(/<script[^>]+src=/i);
    expect(html).not.toMatch(/<link[^>]+href=/i);
    expect(html).not.toContain('unpkg.com');
  });
});

describe('grammar/railroad.html in Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: process.env['SHOTC_CHROMIUM'] ?? '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('draws one non-empty diagram for every grammar rule, offline, without errors', async () => {
    const context = await browser.newContext({ offline: true });
    const page = await context.newPage();
    const requests: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(pathToFileURL(PAGE).href);
    await page.waitForSelector('svg.railroad-diagram');

    const diagrams = await page.$$eval('h2.diagramHeader', (headers) =>
      headers.map((h) => {
        const svg = h.nextElementSibling;
        const box = svg?.getBoundingClientRect();
        return {
          rule: h.textContent,
          isSvg: svg?.tagName.toLowerCase() === 'svg' && svg.classList.contains('railroad-diagram'),
          width: box?.width ?? 0,
          height: box?.height ?? 0,
          paths: svg?.querySelectorAll('path').length ?? 0,
          labels: Array.from(svg?.querySelectorAll('text') ?? [], (t) => t.textContent),
        };
      }),
    );
    expect(diagrams.map((d) => d.rule)).toEqual(ruleNames);
    for (const d of diagrams) {
      expect(d.isSvg, d.rule!).toBe(true);
      expect(d.width, d.rule!).toBeGreaterThan(50);
      expect(d.height, d.rule!).toBeGreaterThan(20);
      expect(d.paths, d.rule!).toBeGreaterThan(2);
    }
    const labels = (rule: string): (string | null)[] => diagrams.find((d) => d.rule === rule)!.labels;
    expect(labels('file')).toEqual(expect.arrayContaining(['FrontMatter', 'item', 'block']));
    expect(labels('block')).toEqual(expect.arrayContaining(['CastHeading', 'LookHeading', 'ClipHeading', 'item']));
    expect(labels('keyed')).toEqual(expect.arrayContaining(['KeyLine', 'ContentLine']));
    expect(labels('shot')).toEqual(expect.arrayContaining(['Timing', 'shotLine']));

    expect(await page.title()).toBe('.shot grammar: syntax diagrams');
    expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
