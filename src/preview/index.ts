/**
 * The storyboard preview, browser-safe: plan + resolved model + assets → one HTML string. The
 * CLI (`shotc preview`) gathers the assets from disk; the playground reuses the timeline, the
 * prompt marks and the styles.
 */
export { renderStoryboard, type StoryboardInput } from './storyboard.js';
export { renderTimeline, timelineLayout, timelineSummary, wrap, type TimelineLayout, type TimelineOptions } from './timeline.js';
export { renderPromptHtml, renderLegend, ORIGINS } from './prompt.js';
export { renderDiagnostics, renderDiagnostic, countLine } from './diagnostics.js';
export { buildView, filmCut, timing, type ClipView, type ShotView, type StoryboardView, type FilmCut } from './view.js';
export { loadReferences, type ReferenceAsset, type RenderAssets, type RenderedClip, type StoryboardAssets } from './assets.js';
export { base64, dataUri } from './base64.js';
export { esc, clipId } from './html.js';
export { STORYBOARD_CSS, THEME_CSS, TIMELINE_CSS, PROMPT_CSS, DIAGNOSTICS_CSS, PAGE_CSS, PRINT_CSS } from './styles.js';
