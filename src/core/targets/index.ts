import { sora2Target } from './sora-2.js';
import type { Target } from './types.js';

export * from './types.js';
export { sora2Target, VIDEO_ID } from './sora-2.js';

/** Every target shotc compiles for, by id. */
export const targets: readonly Target[] = [sora2Target];

export const DEFAULT_TARGET = 'sora-2';

export function getTarget(id: string): Target | undefined {
  return targets.find((t) => t.id === id);
}
