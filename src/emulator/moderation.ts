/**
 * The emulator's content check, used twice: by `POST /v1/moderations` (categories in the
 * omni-moderation-latest shape) and by video jobs, which end `failed` with `moderation_blocked`
 * when their prompt is flagged — as the real API refuses such content at generation time.
 *
 * Two sources, both deterministic:
 *  - shotc's own guardrail lint rules (`guardrail/*`: real people, copyrighted characters and
 *    music, under-18 content), run on the text as a one-clip `.shot` file. A hit blocks a job.
 *    The moderation categories have no real-person or copyright category, so such hits flag no
 *    category there; an under-18 hit is mapped through the word list below when it matches.
 *  - A small word list per category (`WORDS`), the documented fallback that needs no rules.
 * Neither is a content classifier; they exist so tests and demos can trigger refusals on purpose.
 */
import { compile } from '../core/compile.js';
import { memoryHost } from '../core/host.js';

export const CATEGORIES = [
  'harassment',
  'harassment/threatening',
  'hate',
  'hate/threatening',
  'illicit',
  'illicit/violent',
  'self-harm',
  'self-harm/intent',
  'self-harm/instructions',
  'sexual',
  'sexual/minors',
  'violence',
  'violence/graphic',
] as const;
export type Category = (typeof CATEGORIES)[number];

const IMAGE_CATEGORIES: ReadonlySet<Category> = new Set(['self-harm', 'self-harm/intent', 'self-harm/instructions', 'sexual', 'violence', 'violence/graphic']);

/** The documented word list: whole words (or word stems ending in `*`), matched case-insensitively. */
export const WORDS: Readonly<Partial<Record<Category, readonly string[]>>> = {
  'harassment/threatening': ['i will kill you', "i'm going to kill you"],
  hate: ['ethnic cleansing', 'racial slur*'],
  illicit: ['cocaine', 'heroin', 'meth lab', 'crack pipe'],
  'illicit/violent': ['pipe bomb', 'build a bomb'],
  'self-harm': ['suicide', 'self-harm', 'slits* her wrist*', 'slits* his wrist*'],
  sexual: ['nude', 'naked', 'porn*', 'erotic', 'sex scene', 'explicit sex*'],
  violence: ['murder*', 'massacre*', 'torture*', 'stabbing', 'stabs', 'beheading', 'execution-style'],
  'violence/graphic': ['gore', 'gory', 'dismember*', 'decapitat*', 'mutilat*', 'disembowel*', 'entrails'],
};

const MATCHERS: Array<[Category, RegExp]> = Object.entries(WORDS).map(([cat, words]) => [
  cat as Category,
  new RegExp(`\\b(?:${words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\\\*/g, '\\w*').replace(/ /g, '\\s+')).join('|')})\\b`, 'i'),
]);

export interface Verdict {
  /** A moderation category matched (what `/v1/moderations` reports). */
  flagged: boolean;
  /** A category or a guardrail rule matched (what makes a video job fail). */
  blocked: boolean;
  categories: Record<Category, boolean>;
  scores: Record<Category, number>;
  /** `guardrail/*` rules that fired, with their messages. */
  guardrails: Array<{ rule: string; message: string }>;
}

export async function moderate(text: string): Promise<Verdict> {
  const categories = Object.fromEntries(CATEGORIES.map((c) => [c, false])) as Record<Category, boolean>;
  for (const [cat, re] of MATCHERS) if (re.test(text)) categories[cat] = true;
  const guardrails = await guardrailHits(text);
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, categories[c] ? 0.92 : 0.0004])) as Record<Category, number>;
  const flagged = Object.values(categories).some(Boolean);
  return { flagged, blocked: flagged || guardrails.length > 0, categories, scores, guardrails };
}

/** Run shotc's guardrail rules on the text, as the prose of a one-clip file. */
async function guardrailHits(text: string): Promise<Array<{ rule: string; message: string }>> {
  const body = text
    .split(/\r?\n/)
    .map((l) => l.replace(/\[\[|\]\]/g, ' ').trim())
    .filter(Boolean)
    .map((l) => `  ${l}`)
    .join('\n');
  try {
    // A host (with no files) makes the engine run the slow rules too, real-person among them.
    const { plan } = await compile(`CLIP moderation 4s\n${body}\n`, { filename: 'moderation.shot', host: memoryHost({}) });
    return plan.diagnostics.filter((d) => d.rule.startsWith('guardrail/')).map((d) => ({ rule: d.rule, message: d.message }));
  } catch {
    return []; // the word list still applies
  }
}

/** `category_applied_input_types`: which inputs each category was judged on. */
export function appliedTypes(hasImage: boolean): Record<Category, Array<'text' | 'image'>> {
  return Object.fromEntries(CATEGORIES.map((c) => [c, hasImage && IMAGE_CATEGORIES.has(c) ? ['text', 'image'] : ['text']])) as Record<Category, Array<'text' | 'image'>>;
}

/** Why a prompt is blocked, for the emulator's log (the API itself only says `moderation_blocked`). */
export function reasonOf(v: Verdict): string {
  const cats = CATEGORIES.filter((c) => v.categories[c]);
  return [...cats, ...v.guardrails.map((g) => g.rule)].join(', ');
}
