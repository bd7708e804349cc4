/**
 * A real headless Chromium for the browser tests (the system's /usr/bin/chromium, driven by
 * playwright-core), and where the tests leave their screenshots.
 */
import { mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../helpers/cli.js';

export const CHROMIUM = process.env['SHOTC_CHROMIUM'] ?? '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** test-results/ (gitignored): screenshots and PDFs a person can look at after a run. */
export function artifact(name: string): string {
  const dir = path.join(ROOT, 'test-results');
  mkdirSync(dir, { recursive: true });
  return path.join(dir, name);
}

/** Every request the page makes, to prove what it loads (and that nothing leaves the machine). */
export function recordRequests(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (r) => urls.push(r.url()));
  return urls;
}

/** Widths of the timeline's clip blocks as drawn, with the seconds each stands for. */
export async function timelineBlocks(page: Page, scope = 'body'): Promise<{ name: string; seconds: number; width: number }[]> {
  return page.$$eval(`${scope} .tl-clip`, (gs) =>
    gs.map((g) => ({
      name: g.getAttribute('data-clip') ?? '',
      seconds: Number(g.getAttribute('data-seconds')),
      width: g.querySelector('rect.tl-block')!.getBoundingClientRect().width,
    })),
  );
}

/** Whether drawn widths are proportional to seconds (within half a percent). */
export function proportional(blocks: readonly { seconds: number; width: number }[]): boolean {
  const withTime = blocks.filter((b) => b.seconds > 0);
  if (!withTime.length) return false;
  const perSecond = withTime[0]!.width / withTime[0]!.seconds;
  return withTime.every((b) => Math.abs(b.width / b.seconds - perSecond) <= perSecond * 0.005);
}
