import { falTarget } from './fal.js';
import { runwayTarget } from './runway.js';
import { sora2Target } from './sora-2.js';
import type { Target } from './types.js';
import { veoTarget } from './veo.js';

export * from './types.js';
export { sora2Target, VIDEO_ID } from './sora-2.js';
export { runwayTarget } from './runway.js';
export { veoTarget } from './veo.js';
export { falTarget } from './fal.js';
export { chainFor, chainParts, partName, PART_MARK } from './chain.js';

/** Every target shotc compiles for, by id. */
export const targets: readonly Target[] = [sora2Target, runwayTarget, veoTarget, falTarget];

export const DEFAULT_TARGET = 'sora-2';

export function getTarget(id: string): Target | undefined {
  return targets.find((t) => t.id === id);
}
