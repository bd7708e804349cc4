/**
 * `shotc lint --moderate`: each clip's prompt (and its reference image) goes to OpenAI's
 * moderation endpoint (`omni-moderation-latest`) through the official SDK, and flagged categories
 * become `guardrail/under-18` diagnostics on the clip. The moderation model has no category for
 * real people or copyright, so those stay with the local rules.
 */
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import OpenAI from 'openai';
import type { CompileResult } from '../core/compile.js';
import { diagnostic, type Diagnostic, type Severity } from '../core/diagnostics/index.js';
import { IoError } from './files.js';

export const MODERATION_MODEL = 'omni-moderation-latest';

/** How sure a flag is: graphic, sexual and self-harm content is refused; the rest may be. */
const SEVERITY: Record<string, Severity> = {
  sexual: 'error',
  'sexual/minors': 'error',
  'violence/graphic': 'error',
  'self-harm': 'error',
  'self-harm/intent': 'error',
  'self-harm/instructions': 'error',
  'illicit/violent': 'error',
  violence: 'warning',
  illicit: 'warning',
  harassment: 'warning',
  'harassment/threatening': 'warning',
  hate: 'warning',
  'hate/threatening': 'warning',
};

export interface ModerationOptions {
  baseURL?: string;
  apiKey: string;
}

export function moderationClient(o: ModerationOptions): OpenAI {
  return new OpenAI({ apiKey: o.apiKey, ...(o.baseURL ? { baseURL: o.baseURL } : {}), maxRetries: 2 });
}

type Part = { type: 'text'; text: string } | { type: 'image_url'; image_url: { url: string } };

/** Moderation diagnostics for every clip of a compiled file. */
export async function moderateFile(client: OpenAI, file: string, result: CompileResult): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const dir = path.dirname(file);
  for (const planClip of result.plan.clips) {
    const clip = result.resolved.clipByName.get(planClip.name);
    // The prompt as sent, whatever field a target puts it in (prompt, promptText, multi_prompt…).
    const prompt = planClip.promptParts.map((p) => p.text).join('');
    if (!clip || !prompt) continue;
    const input: Part[] = [{ type: 'text', text: prompt }];
    if (planClip.inputReference) {
      const bytes = await fs.readFile(path.resolve(dir, planClip.inputReference.path)).catch(() => null);
      if (bytes) input.push({ type: 'image_url', image_url: { url: `data:${planClip.inputReference.mimeType};base64,${bytes.toString('base64')}` } });
    }
    let response: OpenAI.Moderations.ModerationCreateResponse;
    try {
      response = await client.moderations.create({ model: MODERATION_MODEL, input });
    } catch (e) {
      const why =
        e instanceof OpenAI.APIConnectionError
          ? `cannot reach ${client.baseURL} (${e.message})`
          : e instanceof OpenAI.APIError
            ? `${e.status ?? ''} ${e.message}`.trim()
            : (e as Error).message;
      throw new IoError(`moderation of clip "${planClip.name}" in ${file} failed: ${why}`);
    }
    const flagged = response.results.flatMap((r) =>
      Object.entries(r.categories as unknown as Record<string, boolean>)
        .filter(([, on]) => on)
        .map(([category]) => ({ category, score: (r.category_scores as unknown as Record<string, number>)[category] ?? 0 })),
    );
    if (!flagged.length) continue;
    const severity = flagged.some((f) => SEVERITY[f.category] === 'error') ? 'error' : 'warning';
    const list = flagged.map((f) => `${f.category} (${f.score.toFixed(2)})`).join(', ');
    out.push(
      diagnostic('SC704', clip.node.name?.span ?? clip.node.heading, `OpenAI moderation (${MODERATION_MODEL}) flagged the prompt${input.length > 1 ? ' or reference image' : ''} of "${planClip.name}": ${list}. The video API would likely refuse it; make the content suitable for under-18 audiences.`, { severity }),
    );
  }
  return out;
}
