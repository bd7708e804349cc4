/** The playground's handle on `window`, for the browser console and the browser tests. */
import type { CompileResult } from '../../src/index.js';

export interface PlaygroundHandle {
  /** The editor's text. */
  text(): string;
  /** The latest compile shown in the panes (null before the first). */
  result(): CompileResult | null;
}

declare global {
  interface Window {
    shotc: PlaygroundHandle;
  }
}
