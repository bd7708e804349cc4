/**
 * From the resolved model to plan clips: the prompt, the target's request, the images it sends,
 * the content hash and the cost estimate.
 *
 * One plan entry is one request. A clip the model cannot make in one request but can as a chain
 * (a create followed by extensions, `card.chain`) becomes several entries — `name`, `name~2`, … —
 * each an EXTEND of the one before; clips made from it then start from the last part.
 */
import { diagnostic, type Diagnostic } from '../diagnostics/index.js';
import type { Host } from '../host.js';
import { loadReference } from '../images/load.js';
import { REFERENCE_FORMATS } from '../images/sniff.js';
import type { ResolvedClip, ResolvedFile } from '../resolve/model.js';
import { chainLengths, chainParts } from '../targets/chain.js';
import { modelOf, price, type EmitImage } from '../targets/types.js';
import { stableSha256 } from '../util/json.js';
import type { PlanClip, PlanImage } from './plan.js';
import { promptCache, type RenderedPrompt } from './prompt.js';

/** `prompts` shares rendered prompts with lint (compile passes the one both use). */
export async function emitClips(
  file: ResolvedFile,
  host: Host | undefined,
  out: Diagnostic[],
  prompts: (clip: ResolvedClip) => RenderedPrompt = promptCache(),
): Promise<PlanClip[]> {
  const hashes = new Map<string, string>();
  /** A chained clip's name → its last part, which clips made from it start from. */
  const lastPart = new Map<string, string>();
  const reported = new Set<string>();
  const clips: PlanClip[] = [];
  for (const clip of file.clips) {
    const lengths = chainLengths(clip);
    const parts = lengths ? chainParts(clip, lengths) : [{ name: clip.name, index: 0, start: 0, end: clip.seconds.value, clip, split: [] }];
    for (const part of parts) {
      // A clip made from a chained clip starts from its last part.
      const chained = part.clip.source?.clip ? lastPart.get(part.clip.source.clip.name) : undefined;
      const c: ResolvedClip = chained ? { ...part.clip, source: { ...part.clip.source!, name: chained } } : part.clip;
      const prompt = prompts(c);
      const emitted = file.target.emit(c, prompt.text, file);
      out.push(...emitted.diagnostics);
      let inputReference: PlanClip['inputReference'] = null;
      let referenceHash: string | null = null;
      const ref = c.kind === 'create' ? c.references[0] : undefined;
      if (ref && host && ref.path.text) {
        const r = await loadReference(file, host, ref.path.text);
        if (r.info && REFERENCE_FORMATS.includes(r.info.format) && r.info.width && r.info.height && r.insideProject) {
          inputReference = { path: ref.path.text, mimeType: r.info.mimeType!, width: r.info.width, height: r.info.height };
          referenceHash = r.sha256;
        }
      } else if (ref) {
        referenceHash = `unread:${ref.path.text}`;
      }
      const images = emitted.images ? await loadImages(file, host, emitted.images, out, reported) : null;

      const from = c.source?.clip ?? null;
      const sourceName = from ? (lastPart.get(from.name) ?? from.name) : null;
      const sourceHash = from ? (hashes.get(sourceName!) ?? null) : (c.source?.videoId ?? null);
      const hashed: Record<string, unknown> = { target: file.target.id, model: modelOf(c), request: emitted.request, reference: referenceHash, source: sourceHash };
      if (images) hashed['images'] = images.map((i) => ({ role: i.image.role, sha256: i.sha256 }));
      const hash = `sha256:${stableSha256(hashed, prompt.split && { whole: prompt.text, ...prompt.split })}`;
      hashes.set(part.name, hash);

      const plan: PlanClip = {
        name: part.name,
        kind: c.kind,
        request: emitted.request,
        inputReference,
        source: sourceName ?? c.source?.name ?? null,
        dependsOn: c.dependsOn.map((d) => lastPart.get(d) ?? d),
        hash,
        estimate: estimateClip(c, file),
        output: { model: modelOf(c), size: c.size.value.text, seconds: c.seconds.value },
        promptParts: prompt.parts,
      };
      if (images?.length) plan.images = images.flatMap((i) => (i.loaded ? [i.loaded] : []));
      const mapping = [...(emitted.mapping ?? [])];
      if (parts.length > 1) {
        plan.part = { of: clip.name, index: part.index + 1, count: parts.length, start: part.start };
        if (part.index === 0) mapping.unshift(chainNote(clip, parts.map((p) => p.end - p.start)));
        for (const s of part.split) {
          const cut = s.start.value < part.start ? part.start : part.end;
          mapping.push(`shot ${s.title ? `"${s.title.text}"` : `${s.start.value}–${s.end.value} s`} crosses the cut at ${cut} s: both requests describe it (its dialogue only the first)`);
        }
      }
      if (mapping.length) plan.mapping = mapping;
      clips.push(plan);
    }
    if (parts.length > 1) lastPart.set(clip.name, parts[parts.length - 1]!.name);
  }
  return clips;
}

function chainNote(clip: ResolvedClip, lengths: readonly number[]): string {
  const model = clip.card?.id ?? clip.model.value;
  const rest = lengths.slice(1);
  return `${clip.seconds.value} s is longer than ${model} makes at once: ${lengths.length} requests — ${lengths[0]} s, then ${rest.length === 1 ? 'an extension' : 'extensions'} of ${rest.join(' s, ')} s`;
}

interface LoadedImage {
  image: EmitImage;
  loaded: PlanImage | null;
  sha256: string | null;
}

/**
 * The images a request sends, read through the host (without one, hashed by path). An image from a
 * setting that cannot be used is reported at the setting, once per file; a `Reference:` line's
 * problems are the reference rules'.
 */
async function loadImages(file: ResolvedFile, host: Host | undefined, images: readonly EmitImage[], out: Diagnostic[], reported: Set<string>): Promise<LoadedImage[]> {
  const result: LoadedImage[] = [];
  for (const image of images) {
    if (!host) {
      result.push({ image, loaded: null, sha256: `unread:${image.path}` });
      continue;
    }
    const r = await loadReference(file, host, image.path);
    const usable = r.info && REFERENCE_FORMATS.includes(r.info.format) && r.info.width && r.info.height && r.insideProject;
    if (usable) {
      result.push({ image, loaded: { role: image.role, path: image.path, mimeType: r.info!.mimeType!, width: r.info!.width!, height: r.info!.height! }, sha256: r.sha256 });
      continue;
    }
    result.push({ image, loaded: null, sha256: r.sha256 ?? `unread:${image.path}` });
    const at = image.at;
    if (!at || reported.has(image.path)) continue;
    reported.add(image.path);
    const extras = at.file ? { file: at.file } : {};
    if (!r.exists) out.push(diagnostic('SC304', at.span, `The reference image ${image.path} does not exist (paths are relative to the .shot file).`, extras));
    else if (!r.insideProject) out.push(diagnostic('SC305', at.span, `The reference image ${image.path} is outside the project; copy it into the project directory.`, extras));
    else out.push(diagnostic('SC306', at.span, `The reference image ${image.path} is not a JPEG, PNG or WebP image${r.info && r.info.format !== 'unknown' ? ` (it is ${r.info.format.toUpperCase()})` : ''}; convert it.`, extras));
  }
  return result;
}

export function estimateClip(clip: ResolvedClip, file?: ResolvedFile): PlanClip['estimate'] {
  const seconds = clip.seconds.value;
  if (file?.target.estimate) return { seconds, usd: file.target.estimate(clip, file) };
  const usd = clip.card ? price(clip.card, clip.size.value.text, seconds) : null;
  return { seconds, usd };
}
