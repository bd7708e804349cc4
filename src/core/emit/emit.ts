/**
 * From the resolved model to plan clips: the prompt, the target's request, the reference image,
 * the content hash and the cost estimate.
 */
import type { Diagnostic } from '../diagnostics/index.js';
import type { Host } from '../host.js';
import { loadReference } from '../images/load.js';
import { REFERENCE_FORMATS } from '../images/sniff.js';
import type { ResolvedClip, ResolvedFile } from '../resolve/model.js';
import { price } from '../targets/types.js';
import { stableStringify } from '../util/json.js';
import { sha256 } from '../util/sha256.js';
import type { PlanClip } from './plan.js';
import { renderPrompt } from './prompt.js';

export async function emitClips(file: ResolvedFile, host: Host | undefined, out: Diagnostic[]): Promise<PlanClip[]> {
  const hashes = new Map<string, string>();
  const clips: PlanClip[] = [];
  for (const clip of file.clips) {
    const prompt = renderPrompt(clip);
    const emitted = file.target.emit(clip, prompt.text, file);
    out.push(...emitted.diagnostics);
    let inputReference: PlanClip['inputReference'] = null;
    let referenceHash: string | null = null;
    const ref = clip.kind === 'create' ? clip.references[0] : undefined;
    if (ref && host && ref.path.text) {
      const r = await loadReference(file, host, ref.path.text);
      if (r.info && REFERENCE_FORMATS.includes(r.info.format) && r.info.width && r.info.height && r.insideProject) {
        inputReference = { path: ref.path.text, mimeType: r.info.mimeType!, width: r.info.width, height: r.info.height };
        referenceHash = r.sha256;
      }
    } else if (ref) {
      referenceHash = `unread:${ref.path.text}`;
    }
    const sourceHash = clip.source?.clip ? (hashes.get(clip.source.clip.name) ?? null) : (clip.source?.videoId ?? null);
    const hash = `sha256:${sha256(
      stableStringify({ target: file.target.id, model: clip.model.value, request: emitted.request, reference: referenceHash, source: sourceHash }),
    )}`;
    hashes.set(clip.name, hash);
    clips.push({
      name: clip.name,
      kind: clip.kind,
      request: emitted.request,
      inputReference,
      source: clip.source?.name ?? null,
      dependsOn: clip.dependsOn,
      hash,
      estimate: estimateClip(clip),
      output: { model: clip.model.value, size: clip.size.value.text, seconds: clip.seconds.value },
      promptParts: prompt.parts,
    });
  }
  return clips;
}

export function estimateClip(clip: ResolvedClip): PlanClip['estimate'] {
  const seconds = clip.seconds.value;
  const usd = clip.card ? price(clip.card, clip.size.value.text, seconds) : null;
  return { seconds, usd };
}
