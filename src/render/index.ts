/**
 * Rendering a compiled plan: the journal, the target-independent engine, and the providers that
 * reach each video API through its official SDK. `shotc render` is a thin layer over this; the
 * demo and the benchmark use it directly.
 */
export * from './journal.js';
export { JournalStore, JournalError, LockedError, lockRender, journalPathFor } from './journal-store.js';
export { assess, selectClips, type Action, type Assessment, type ClipAssessment } from './assess.js';
export { runRender, DEFAULT_POLL, type ClipOutcome, type ClipUpdate, type EngineOptions, type FilmOutcome, type Phase, type PollOptions, type RenderEvents, type RenderOutcome } from './engine.js';
export { planCut, type Cut } from './cut.js';
export { findFfTools, probe, FFMPEG_HELP, type FfTools, type Probe } from './ffmpeg.js';
export { providerFor, registerProvider, renderableTargets, SORA_ASSETS, type ProviderEntry } from './providers/registry.js';
export { ProviderError, type AssetKind, type Download, type JobState, type Provider, type ProviderConfig, type ProviderFactory, type SubmitInput } from './providers/types.js';
export { elapsed as elapsedText, lineReporter, ttyReporter, type Reporter } from './progress.js';
export { makeRedactor, type Redactor } from './redact.js';
