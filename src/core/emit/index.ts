export { renderPrompt, type PromptPart, type PromptOrigin, type RenderedPrompt } from './prompt.js';
export { emitClips, estimateClip } from './emit.js';
export * from './plan.js';
